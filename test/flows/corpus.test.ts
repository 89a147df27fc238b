import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFlowFile, readFlowFolder, toSimFlow } from '../../src/cli/flow-files.js';
import { lintFlow } from '../../src/flows/lint.js';
import { simulate, type SimulationOptions } from '../../src/flows/simulator.js';
import { sharedDir } from '../support/cli.js';
import { pathOf, promptsOf } from '../support/flows.js';

const corpus = join(sharedDir, 'flows');
const files = readdirSync(corpus).filter((f) => f.endsWith('.json'));
const library = readFlowFolder(corpus).map((f) => toSimFlow(f));

/** Simulates one corpus file (by a unique part of its name) with the rest of the corpus reachable. */
function run(part: string, options: SimulationOptions = {}) {
  const entry = library.find((f) => f.id.includes(part));
  if (!entry) throw new Error(`no corpus flow matches ${part}`);
  return simulate(
    entry,
    library.filter((f) => f !== entry),
    options,
  );
}

const branchOf = (path: string[], actionId: string) => path.filter((p) => p.startsWith(`${actionId} → `));

describe('the flow corpus (../shared/flows)', () => {
  it('has all 26 exports, and every one imports and lints without crashing', () => {
    expect(files).toHaveLength(26);
    for (const file of files) {
      const f = readFlowFile(join(corpus, file));
      expect(f.flow, file).toBeDefined();
      const report = lintFlow(f.flow!, f.type, f.problems);
      expect(report.actions, file).toBeGreaterThan(0);
      // Unknown and not-yet-run action types are warnings, never errors.
      for (const e of report.errors) expect(['UNKNOWN_ACTION_TYPE', 'NOT_SUPPORTED']).not.toContain(e.code);
    }
  });

  it('warns about the templated export (empty StartAction, transitions to $end), which Connect would accept', () => {
    const f = readFlowFile(
      join(corpus, 'sophyphile__amazon-connect-terraform-flow-templater__agent_hold.json'),
    );
    const report = lintFlow(f.flow!, f.type, f.problems);
    expect(report.errors).toEqual([]);
    const codes = report.warnings.map((w) => w.code);
    expect(codes).toContain('EMPTY_START_ACTION');
    expect(codes.filter((c) => c === 'RESERVED_TARGET')).toHaveLength(3);
    expect(codes).toContain('NOT_SUPPORTED');
  });

  it('finds every flow type the files declare (wrapper Type, Metadata.type, or module Settings)', () => {
    const types = Object.fromEntries(library.map((f) => [f.id, f.type]));
    expect(types['amazon-connect__amazon-connect-salesforce-scv__AWS_Sample_SCV_Inbound']).toBe(
      'CONTACT_FLOW',
    );
    expect(types['aws-samples__sample-amazon-connect-outbound-call__GetCustomerResponseModule']).toBe(
      'MODULE',
    );
    expect(types['aws-samples__sample-cdk-constructs-for-amazon-connect__customer-queue-flow']).toBe(
      'CUSTOMER_QUEUE',
    );
    expect(types['sophyphile__amazon-connect-terraform-flow-templater__agent_hold']).toBe('AGENT_HOLD');
  });
});

describe('corpus traces', () => {
  it('SCV inbound: the Lambda is retried by a Loop, then the caller hears the error and is disconnected', async () => {
    const r = await run('SCV_Inbound');
    const path = pathOf(r);
    expect(branchOf(path, 'afb3e3e1-3740-48d9-9588-1cdb3c4720bf')).toEqual([
      'afb3e3e1-3740-48d9-9588-1cdb3c4720bf → Equals ContinueLooping',
      'afb3e3e1-3740-48d9-9588-1cdb3c4720bf → Equals ContinueLooping',
      'afb3e3e1-3740-48d9-9588-1cdb3c4720bf → Equals DoneLooping',
    ]);
    expect(r.contact.Attributes).toMatchObject({ process_error: 'true', error_desc: 'lambda loop fail' });
    expect(promptsOf(r).at(-1)).toMatch(/cannot currently handle your call/);
    expect(r.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
  });

  it('callback management: a 10-digit number typed, confirmed with 1, becomes the callback number and a callback', async () => {
    const r = await run('cfSetCallBackflow', { inputs: ['5551234567#', '1'] });
    expect(r.contact.CallbackNumber).toBe('+15551234567');
    expect(r.contact.Attributes.cc_CallbackNumber).toBe('+15551234567');
    expect(r.events.some((e) => e.type === 'request' && e.request.type === 'CreateCallback')).toBe(true);
    expect(promptsOf(r).at(-1)).toMatch(/callback has been confirmed/);
    expect(r.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
  });

  it('callback management: a number that is not a valid US number takes the Invalid number branch and asks again', async () => {
    const r = await run('cfSetCallBackflow', { inputs: ['123#', '5551234567#', '1'] });
    const path = pathOf(r);
    expect(branchOf(path, '591bdb12-069d-46ab-89b7-2be41a3beb2e')).toEqual([
      '591bdb12-069d-46ab-89b7-2be41a3beb2e → Error: InvalidPhoneNumber',
      '591bdb12-069d-46ab-89b7-2be41a3beb2e → Success',
    ]);
    expect(r.contact.CallbackNumber).toBe('+15551234567');
  });

  it('interruptible queue flow: after 30 s of music, 1 asks for a number and books a callback in the waiting queue', async () => {
    const r = await run('Sample_interruptible_queue_flow_with_callback', {
      inputs: ['1', '5551234567#'],
      queue: 'SupportQueue',
    });
    expect(pathOf(r).slice(0, 2)).toEqual([
      '1b40bdee-1cc2-40ea-ad74-01e00b12e108 → Equals MessagesInterrupted',
      '96f7b261-2bf0-407e-bd5b-346e244eb9a1 → Equals 1',
    ]);
    const callback = r.events.find((e) => e.type === 'request' && e.request.type === 'CreateCallback');
    expect(callback).toMatchObject({
      request: { callback: { callbackNumber: '+15551234567', queue: { Id: 'SupportQueue' } } },
    });
    expect(r.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
    expect(r.seconds).toBe(30);
  });

  it('interruptible queue flow: 2 keeps the caller waiting (End flow / Resume)', async () => {
    const r = await run('Sample_interruptible_queue_flow_with_callback', { inputs: ['2'] });
    expect(pathOf(r).at(-1)).toBe('f6ea029e-aaee-418f-b65d-faf2a5594000 → End');
    expect(r.outcome).toEqual({ type: 'ended', detail: 'the flow ended and the contact goes on (Resume)' });
  });

  it('test callback flow: queues the contact', async () => {
    const r = await run('test_callback_contact_flow');
    expect(r.outcome).toMatchObject({
      type: 'queued',
      queue: { Id: 'a1d7bf56-7786-4323-80e0-6cd6599b6068' },
    });
  });

  it('agent callback whisper: loops its prompt and lets the join go on', async () => {
    const r = await run('cfAgentCallBackWhisperflow');
    expect(pathOf(r).some((p) => p.endsWith('Equals DoneLooping'))).toBe(true);
    expect(r.outcome.type).toBe('ended');
  });

  it('ACME main flow: voice set, event hook set, the Lex bot cannot run so the error prompt plays', async () => {
    const r = await run('acme_main_AUTO');
    expect(r.contact.TextToSpeechVoice).toBe('Joanna');
    expect(
      r.events.filter((e) => e.type === 'prompt').every((e) => e.type === 'prompt' && e.voice === 'Joanna'),
    ).toBe(true);
    expect(pathOf(r)).toContain('f713e89c-d360-49a9-93ee-1fbaa5e0ff72 → Error: NoMatchingError');
    expect(r.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
  });

  it('task handler flow: a task is routed to its working queue', async () => {
    const r = await run('module-library__handlerFlow', { channel: 'TASK' });
    expect(r.contact.Channel).toBe('TASK');
    expect(r.outcome).toMatchObject({
      type: 'queued',
      queue: { Id: '**Enter a valid queue ARN in your Connect Instance**' },
    });
  });

  it('outbound call flow: invokes a module named by an attribute, which runs inside the call', async () => {
    const r = await run('OutboundCallFlow', {
      attributes: {
        INIT_MODULE_ID: 'aws-samples__sample-amazon-connect-outbound-call__GetCustomerResponseModule',
      },
    });
    const flows = r.events.flatMap((e) => (e.type === 'flow' ? [`${e.via}:${e.flowType}`] : []));
    expect(flows).toEqual(['start:CONTACT_FLOW', 'module:MODULE']);
    expect(pathOf(r)).toContain('Initialize Call → Success');
    expect(promptsOf(r)[0]).toMatch(/^The instruction that we've received are/);
  });

  it('outbound call flow: a module that cannot be found takes the error branch', async () => {
    const r = await run('OutboundCallFlow');
    expect(pathOf(r)).toContain('Initialize Call → Error: NoMatchingError');
  });

  it('Lex integration handler: with no bot service the Lex block takes its error branch', async () => {
    const r = await run('SBS_Lex_Integration_Handler');
    expect(pathOf(r)).toContain('83b2112b-82ec-44a4-87c6-c858d37b1507 → Error: NoMatchingError');
  });

  it('CDK inbound flow: queued to the templated queue ARN', async () => {
    const r = await run('inbound-contact-flow');
    expect(r.outcome).toMatchObject({ type: 'queued', queue: { Id: '%QueueArn%' } });
  });

  it('disposition view flow: Show view runs only on chat; on voice it errors, on chat no agent UI answers in time', async () => {
    const voice = await run('View-Dialer-DispositionCodes');
    expect(pathOf(voice)).toContain('6480b731-daa3-4fec-9508-4ac50b0b057b → Error: NoMatchingError');
    const chat = await run('View-Dialer-DispositionCodes', { channel: 'CHAT' });
    expect(pathOf(chat)).toContain('6480b731-daa3-4fec-9508-4ac50b0b057b → Error: TimeLimitExceeded');
    expect(chat.seconds).toBe(600);
  });
});
