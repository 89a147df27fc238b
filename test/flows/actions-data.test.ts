import { describe, expect, it } from 'vitest';
import { pathOf, promptsOf, runActions, simFlow, type TestAction } from '../support/flows.js';

// Reference §5.2 (data and attributes), §5.4 (UpdateContactEventHooks), §5.5 (behaviour toggles, Set voice),
// §5.3 (UpdateContactRoutingBehavior), §2.2.

const hangUp: TestAction = { Type: 'DisconnectParticipant' };
const say = (text: string, next = 'bye'): TestAction => ({
  Type: 'MessageParticipant',
  Parameters: { Text: text },
  Next: next,
});
const CRM = 'arn:aws:lambda:us-east-1:123456789012:function:crm';

describe('UpdateContactAttributes (Set contact attributes)', () => {
  const set = (attributes: Record<string, string>): Record<string, TestAction> => ({
    set: {
      Type: 'UpdateContactAttributes',
      Parameters: { Attributes: attributes, TargetContact: 'Current' },
      Next: 'bye',
      Errors: { NoMatchingError: 'err' },
    },
    bye: hangUp,
    err: hangUp,
  });

  it('sets static and dynamic values, keeping the attributes already there', async () => {
    const r = await runActions(
      'set',
      set({ tier: 'gold', callback: '$.CustomerEndpoint.Address', note: 'from $.Channel' }),
      {
        attributes: { existing: 'yes', tier: 'silver' },
        callerNumber: '+815012345678',
      },
    );
    expect(pathOf(r)).toEqual(['set → Success', 'bye → End']);
    expect(r.contact.Attributes).toEqual({
      existing: 'yes',
      tier: 'gold',
      callback: '+815012345678',
      note: 'from VOICE',
    });
  });

  it('accepts keys of letters, digits, - and _; any other key is an error and nothing is set', async () => {
    const ok = await runActions('set', set({ 'Working-Queue_2': 'q' }));
    expect(ok.contact.Attributes).toEqual({ 'Working-Queue_2': 'q' });
    const bad = await runActions('set', set({ good: '1', 'first name': 'Aiko' }), {
      attributes: { kept: 'yes' },
    });
    expect(pathOf(bad)).toEqual(['set → Error: NoMatchingError', 'err → End']);
    expect(bad.contact.Attributes).toEqual({ kept: 'yes' });
  });

  it('takes the error branch and changes nothing when the attributes would exceed 32 KB', async () => {
    const existing = { a: 'x'.repeat(20_000) };
    const r = await runActions('set', set({ b: 'y'.repeat(13_000), c: 'small' }), { attributes: existing });
    expect(pathOf(r)).toEqual(['set → Error: NoMatchingError', 'err → End']);
    expect(r.contact.Attributes).toEqual(existing);
    const under = await runActions('set', set({ b: 'y'.repeat(12_000) }), { attributes: existing });
    expect(pathOf(under)).toEqual(['set → Success', 'bye → End']);
  });
});

describe('UpdateFlowAttributes', () => {
  const target = simFlow('next-flow', 'CONTACT_FLOW', 'show', {
    show: say('flow [$.FlowAttributes.greeting] contact [$.Attributes.lang]'),
    bye: hangUp,
  });

  it('is readable in this flow only: not a contact attribute, not carried into a TransferToFlow target', async () => {
    const r = await runActions(
      'flowAttr',
      {
        flowAttr: {
          Type: 'UpdateFlowAttributes',
          Parameters: { FlowAttributes: { greeting: { Value: 'Hello from $.SystemEndpoint.Address' } } },
          Next: 'attr',
        },
        attr: {
          Type: 'UpdateContactAttributes',
          Parameters: { Attributes: { lang: 'ja-JP' } },
          Next: 'here',
        },
        here: say('here [$.FlowAttributes.greeting]', 'go'),
        go: {
          Type: 'TransferToFlow',
          Parameters: {
            ContactFlowId: 'arn:aws:connect:us-east-1:123456789012:instance/i-1/contact-flow/next-flow',
          },
          Errors: { NoMatchingError: 'bye' },
        },
        bye: hangUp,
      },
      { others: [target], dialledNumber: '+81312345678' },
    );
    expect(pathOf(r)).toEqual([
      'flowAttr → Success',
      'attr → Success',
      'here → Success',
      'go → Success',
      'show → Success',
      'bye → End',
    ]);
    expect(promptsOf(r)).toEqual(['here [Hello from +81312345678]', 'flow [] contact [ja-JP]']);
    expect(r.contact.Attributes).toEqual({ lang: 'ja-JP' });
  });
});

describe('UpdateContactData', () => {
  it('sets the Connect-defined contact fields, readable by later blocks', async () => {
    const r = await runActions(
      'data',
      {
        data: {
          Type: 'UpdateContactData',
          Parameters: {
            Name: 'Callback for $.CustomerEndpoint.Address',
            Description: 'Pressed $.Attributes.key',
            LanguageCode: 'ja-JP',
            CustomerId: '$.CustomerEndpoint.Address',
            References: { Ticket: { Value: 'https://example.com/t/$.Attributes.key', Type: 'URL' } },
          },
          Next: 'show',
          Errors: { NoMatchingError: 'bye' },
        },
        show: say('$.Name / $.Description / $.References.Ticket.Value'),
        bye: hangUp,
      },
      { callerNumber: '+815012345678', attributes: { key: '2' } },
    );
    expect(pathOf(r)).toEqual(['data → Success', 'show → Success', 'bye → End']);
    expect(r.contact).toMatchObject({
      Name: 'Callback for +815012345678',
      Description: 'Pressed 2',
      LanguageCode: 'ja-JP',
      CustomerId: '+815012345678',
      References: { Ticket: { Value: 'https://example.com/t/2', Type: 'URL' } },
    });
    expect(promptsOf(r)).toEqual(['Callback for +815012345678 / Pressed 2 / https://example.com/t/2']);
  });
});

describe('Compare (Check contact attributes)', () => {
  const byChannel: Record<string, TestAction> = {
    check: {
      Type: 'Compare',
      Parameters: { ComparisonValue: '$.Channel' },
      Next: 'voice',
      Conditions: [
        ['CHAT', 'chat'],
        ['TASK', 'task'],
      ],
      Errors: { NoMatchingCondition: 'voice' },
    },
    chat: hangUp,
    task: hangUp,
    voice: hangUp,
  };

  it.each([
    ['CHAT', 'check → Equals CHAT', 'chat → End'],
    ['TASK', 'check → Equals TASK', 'task → End'],
    ['VOICE', 'check → Error: NoMatchingCondition', 'voice → End'],
  ] as const)('branches on $.Channel %s', async (channel, first, second) => {
    expect(pathOf(await runActions('check', byChannel, { channel }))).toEqual([first, second]);
  });
});

describe('InvokeLambdaFunction', () => {
  const invoke = (next: string): TestAction => ({
    Type: 'InvokeLambdaFunction',
    Parameters: {
      LambdaFunctionARN: CRM,
      InvocationTimeLimitSeconds: '8',
      LambdaInvocationAttributes: { phone: '$.CustomerEndpoint.Address', tag: 'fixed' },
    },
    Next: next,
    Errors: { NoMatchingError: 'failed' },
  });
  const flow: Record<string, TestAction> = {
    first: invoke('show1'),
    show1: say('[$.External.name|$.External.tier]', 'second'),
    second: invoke('show2'),
    show2: say('[$.External.name|$.External.tier]'),
    failed: say('lookup failed [$.External.name]'),
    bye: hangUp,
  };

  it('puts the answer in $.External, replaced by each call, and sends the resolved parameters', async () => {
    let calls = 0;
    const r = await runActions('first', flow, {
      callerNumber: '+815012345678',
      respond: (req) =>
        req.type === 'InvokeLambda'
          ? { ok: true, data: ++calls === 1 ? { name: 'Aiko', tier: 'gold' } : { name: 'Ken' } }
          : undefined,
    });
    expect(pathOf(r)).toEqual([
      'first → Success',
      'show1 → Success',
      'second → Success',
      'show2 → Success',
      'bye → End',
    ]);
    expect(promptsOf(r)).toEqual(['[Aiko|gold]', '[Ken|]']);
    const request = r.events.find((e) => e.type === 'request' && e.request.type === 'InvokeLambda');
    expect(request).toMatchObject({
      request: { functionArn: CRM, parameters: { phone: '+815012345678', tag: 'fixed' } },
    });
    expect(r.contact.Attributes).toEqual({});
  });

  it('takes the error branch for a function that is not registered', async () => {
    const r = await runActions('first', flow);
    expect(pathOf(r)).toEqual(['first → Error: NoMatchingError', 'failed → Success', 'bye → End']);
  });

  it('takes the error branch when the function fails', async () => {
    const r = await runActions('first', flow, {
      lambdas: { [CRM]: { name: 'unused' } },
      respond: (req) =>
        req.type === 'InvokeLambda'
          ? { ok: false, error: 'NoMatchingError', message: 'timed out' }
          : undefined,
    });
    expect(pathOf(r)).toEqual(['first → Error: NoMatchingError', 'failed → Success', 'bye → End']);
  });
});

describe('UpdateContactEventHooks', () => {
  const hook = (params: Record<string, unknown>): Record<string, TestAction> => ({
    hook: {
      Type: 'UpdateContactEventHooks',
      Parameters: params,
      Next: 'bye',
      Errors: { NoMatchingError: 'err' },
    },
    bye: hangUp,
    err: hangUp,
  });
  const queueFlowArn = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/contact-flow/queue-flow';

  it('sets one hook, from a literal or a path', async () => {
    const literal = await runActions('hook', hook({ EventHooks: { CustomerQueue: queueFlowArn } }));
    expect(pathOf(literal)).toEqual(['hook → Success', 'bye → End']);
    expect(literal.contact.EventHooks).toEqual({
      CustomerQueue: expect.stringMatching(/queue-flow$/) as unknown,
    });
    const fromPath = await runActions(
      'hook',
      hook({ EventHooks: { CustomerRemaining: '$.Attributes.disconnectFlow' } }),
      {
        attributes: { disconnectFlow: 'disconnect-flow' },
      },
    );
    expect(fromPath.contact.EventHooks).toEqual({ CustomerRemaining: 'disconnect-flow' });
  });

  it('takes the error branch for an unknown hook name or a path that resolves to nothing', async () => {
    for (const EventHooks of [{ NotAHook: queueFlowArn }, { CustomerQueue: '$.Attributes.missing' }]) {
      const r = await runActions('hook', hook({ EventHooks }));
      expect(pathOf(r)).toEqual(['hook → Error: NoMatchingError', 'err → End']);
      expect(r.contact.EventHooks).toEqual({});
    }
  });
});

describe('behaviour toggles (reference §5.5)', () => {
  const toggle = (type: string, params: Record<string, unknown>): Record<string, TestAction> => ({
    t: { Type: type, Parameters: params, Next: 'bye', Errors: { NoMatchingError: 'err' } },
    bye: hangUp,
    err: { Type: 'EndFlowExecution' },
  });

  it('UpdateFlowLoggingBehavior turns flow logging on and off', async () => {
    const on = await runActions('t', toggle('UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Enabled' }));
    expect(pathOf(on)).toEqual(['t → Success', 'bye → End']);
    expect(on.contact.FlowLogging).toBe(true);
    const off = await runActions(
      't',
      toggle('UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Disabled' }),
    );
    expect(off.contact.FlowLogging).toBe(false);
  });

  const recording = {
    RecordingBehavior: { RecordedParticipants: ['Agent', 'Customer'], IVRRecordingBehavior: 'Disabled' },
  };

  it('UpdateContactRecordingBehavior records a call, including from an outbound whisper flow', async () => {
    const r = await runActions('t', toggle('UpdateContactRecordingBehavior', recording));
    expect(pathOf(r)).toEqual(['t → Success', 'bye → End']);
    expect(r.contact.RecordingBehavior).toEqual(recording.RecordingBehavior);
    const whisper = await runActions(
      't',
      { ...toggle('UpdateContactRecordingBehavior', recording), bye: { Type: 'EndFlowExecution' } },
      { type: 'OUTBOUND_WHISPER' },
    );
    expect(pathOf(whisper)).toEqual(['t → Success', 'bye → End']);
  });

  it('UpdateContactRecordingBehavior takes the error branch on a task and in a customer whisper flow', async () => {
    const task = await runActions('t', toggle('UpdateContactRecordingBehavior', recording), {
      channel: 'TASK',
    });
    expect(pathOf(task)).toEqual(['t → Error: NoMatchingError', 'err → End']);
    expect(task.contact.RecordingBehavior).toBeUndefined();
    const whisper = await runActions('t', toggle('UpdateContactRecordingBehavior', recording), {
      type: 'CUSTOMER_WHISPER',
    });
    expect(pathOf(whisper)).toEqual(['t → Error: NoMatchingError', 'err → End']);
  });
});

describe('UpdateContactRoutingBehavior', () => {
  const routing = (params: Record<string, unknown>): Record<string, TestAction> => ({
    r: {
      Type: 'UpdateContactRoutingBehavior',
      Parameters: params,
      Next: 'bye',
      Errors: { NoMatchingError: 'err' },
    },
    bye: hangUp,
    err: hangUp,
  });

  it('sets the queue priority or the time adjustment', async () => {
    const priority = await runActions('r', routing({ QueuePriority: '1' }));
    expect(pathOf(priority)).toEqual(['r → Success', 'bye → End']);
    expect(priority.contact.QueuePriority).toBe(1);
    expect(
      (await runActions('r', routing({ QueueTimeAdjustmentSeconds: '120' }))).contact
        .QueueTimeAdjustmentSeconds,
    ).toBe(120);
  });

  it('takes the error branch for a priority below 1, and in a customer queue flow', async () => {
    expect(pathOf(await runActions('r', routing({ QueuePriority: '0' })))).toEqual([
      'r → Error: NoMatchingError',
      'err → End',
    ]);
    const queued = await runActions('r', routing({ QueuePriority: '1' }), { type: 'CUSTOMER_QUEUE' });
    expect(pathOf(queued)).toEqual(['r → Error: NoMatchingError', 'err → End']);
    expect(queued.contact.QueuePriority).toBeUndefined();
  });
});

describe('UpdateContactTextToSpeechVoice (Set voice)', () => {
  it('speaks later prompts in the voice set, and $.TextToSpeechVoiceId reads it', async () => {
    const r = await runActions('before', {
      before: say('Default voice', 'voice'),
      voice: {
        Type: 'UpdateContactTextToSpeechVoice',
        Parameters: { TextToSpeechVoice: 'Mizuki', TextToSpeechEngine: 'Neural', TextToSpeechStyle: 'None' },
        Next: 'after',
        Errors: { NoMatchingError: 'bye' },
      },
      after: say('Voice $.TextToSpeechVoiceId'),
      bye: hangUp,
    });
    expect(pathOf(r)).toEqual(['before → Success', 'voice → Success', 'after → Success', 'bye → End']);
    const prompts = r.events.flatMap((e) => (e.type === 'prompt' ? [[e.text, e.voice]] : []));
    expect(prompts).toEqual([
      ['Default voice', undefined],
      ['Voice Mizuki', 'Mizuki'],
    ]);
    expect(r.contact).toMatchObject({ TextToSpeechVoice: 'Mizuki', TextToSpeechEngine: 'Neural' });
  });

  it('succeeds with no effect on chat and task', async () => {
    for (const channel of ['CHAT', 'TASK'] as const) {
      const r = await runActions(
        'voice',
        {
          voice: {
            Type: 'UpdateContactTextToSpeechVoice',
            Parameters: { TextToSpeechVoice: 'Takumi' },
            Next: 'bye',
            Errors: { NoMatchingError: 'bye' },
          },
          bye: hangUp,
        },
        { channel },
      );
      expect(pathOf(r)).toEqual(['voice → Success', 'bye → End']);
      expect(r.contact.TextToSpeechVoice).toBeUndefined();
    }
  });
});
