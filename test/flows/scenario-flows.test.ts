import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFlowFolder, toSimFlow } from '../../src/cli/flow-files.js';
import { lintFlow } from '../../src/flows/lint.js';
import { simulate } from '../../src/flows/simulator.js';
import { repoRoot } from '../support/cli.js';
import { pathOf, promptsOf } from '../support/flows.js';

// The four flows of the callback-via-task scenario (rules F1-F4, C1, C2 of the scenario document); the folder
// also holds its setup file and two transfer flows.
const files = readFlowFolder(join(repoRoot, 'examples/callback-via-task')).filter((f) =>
  /\/F\d-[^/]+\.json$/.test(f.file),
);
const flows = files.map((f) => toSimFlow(f));
const byId = (id: string) => flows.find((f) => f.id === id)!;
const [f1, f3] = ['F1-inbound', 'F3-task'].map(byId);

describe('examples/callback-via-task', () => {
  it('are the four flows with the types the scenario gives them, and lint clean', () => {
    expect(flows.map((f) => [f.id, f.type, f.names[1]])).toEqual([
      ['F1-inbound', 'CONTACT_FLOW', 'Callback inbound'],
      ['F2-customer-queue', 'CUSTOMER_QUEUE', 'Callback customer queue'],
      ['F3-task', 'CONTACT_FLOW', 'Callback task'],
      ['F4-task-queue', 'CUSTOMER_QUEUE', 'Callback task queue'],
    ]);
    for (const f of files) expect(lintFlow(f.flow!, f.type).errors, f.file).toEqual([]);
  });

  it('F1 → F2: a caller who presses 2 gets a task from the template, runs F3, carries their number, is linked, hears goodbye, is disconnected', async () => {
    const r = await simulate(f1!, flows, { inputs: ['2'], callerNumber: '+818011112222' });
    expect(pathOf(r)).toEqual([
      'Enable logging → Success',
      'Greeting → Success',
      'Set customer queue flow → Success',
      'Set working queue → Success',
      'Transfer to queue → End',
      'Offer callback → Equals 2',
      'Create callback task → Success',
      'Confirm callback → Success',
      'Hang up → End',
    ]);
    expect(r.contact.EventHooks.CustomerQueue).toMatch(/contact-flow\/Callback customer queue$/);
    expect(r.tasks).toEqual([
      {
        contactId: 'sim-task-1',
        request: {
          name: 'Callback request',
          taskTemplateId: 'Callback request',
          contactFlowId: 'Callback task',
          references: { PhoneNumber: { Value: '+818011112222', Type: 'STRING' } },
          // C2: only what the block passes; the call's own attributes are not inherited.
          attributes: {
            CallbackQueue: 'arn:aws:connect:us-east-1:000000000000:instance/example/queue/CallbackQueue',
            CallerNumber: '+818011112222',
          },
          linkedContactId: r.contact.ContactId,
        },
      },
    ]);
    expect(promptsOf(r).at(-1)).toBe('Thank you. An agent will call you back at +818011112222. Goodbye.');
    expect(r.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
  });

  it('F2: no key, or another key, keeps the caller waiting in queue with the offer repeated', async () => {
    for (const inputs of [[], ['1'], ['9']]) {
      const r = await simulate(f1!, flows, { inputs, maxQueueSeconds: 100 });
      expect(r.outcome).toMatchObject({
        type: 'queued',
        queue: { Id: 'BasicQueue' },
        queueFlowId: 'F2-customer-queue',
        waitedSeconds: 100,
      });
      expect(r.tasks).toEqual([]);
      expect(promptsOf(r).filter((p) => p.includes('press 2')).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('F3 → F4: the task is routed to the queue named by its attribute, and F4 is task-safe', async () => {
    const r = await simulate(f3!, flows, {
      channel: 'TASK',
      attributes: {
        CallbackQueue: 'arn:aws:connect:us-east-1:000000000000:instance/example/queue/CallbackQueue',
      },
    });
    expect(pathOf(r)).toEqual([
      'Set task working queue → Success',
      'Set task queue flow → Success',
      'Transfer task to queue → End',
      'Note waiting → Success',
      'Resume → End',
    ]);
    expect(r.outcome).toMatchObject({
      type: 'queued',
      queue: { Id: 'CallbackQueue' },
      queueFlowId: 'F4-task-queue',
    });
    expect(r.contact.Attributes.CallbackStatus).toBe('waiting for an agent');
  });

  it('F3 without the attribute (C2 not honoured by the creator) ends the task instead of routing it', async () => {
    const r = await simulate(f3!, flows, { channel: 'TASK' });
    expect(pathOf(r)[0]).toBe('Set task working queue → Error: NoMatchingError');
    expect(r.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
  });
});
