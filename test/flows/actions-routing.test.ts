import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/flows/simulator.js';
import { pathOf, promptsOf, runActions, simFlow, type TestAction } from '../support/flows.js';

// Reference §5.3 (queues and routing), §5.4 (callbacks and tasks), §7 (customer queue flow), §8 (callback via
// task), scenario rules C1/C2.

type Params = Record<string, unknown>;
const act = (
  Type: string,
  Parameters: Params,
  Next?: string,
  Errors?: Record<string, string>,
): TestAction => ({
  Type,
  Parameters,
  Next,
  Errors,
});
const hangUp = act('DisconnectParticipant', {});
const endFlow = act('EndFlowExecution', {});
const say = (text: string, next = 'bye') => act('MessageParticipant', { Text: text }, next);
const QUEUE_ARN = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-support';
const FLOW_ARN = (id: string) => `arn:aws:connect:us-east-1:123456789012:instance/i-1/contact-flow/${id}`;
const requestOf = (r: SimulationResult, type: string) =>
  r.events.find((e) => e.type === 'request' && e.request.type === type);
const respond = (type: string, answer: { ok: true; data?: Params } | { ok: false; error: string }) => ({
  respond: (req: { type: string }) => (req.type === type ? answer : undefined),
});
const refuse = (type: string, error = 'NoMatchingError') => respond(type, { ok: false, error });
const path = async (run: Promise<SimulationResult>) => pathOf(await run);
const toErr = { NoMatchingError: 'err' };
const fullOrErr = { QueueAtCapacity: 'full', NoMatchingError: 'err' };

const transfer: TestAction = {
  Type: 'TransferContactToQueue',
  Errors: fullOrErr,
};
/** Inbound: set the customer queue flow, set the working queue, transfer to it. */
const inbound: Record<string, TestAction> = {
  hook: act('UpdateContactEventHooks', { EventHooks: { CustomerQueue: FLOW_ARN('queue-flow') } }, 'setQueue'),
  setQueue: act('UpdateContactTargetQueue', { QueueId: QUEUE_ARN }, 'transfer', toErr),
  transfer,
  full: say('Queue full'),
  err: say('Error'),
  bye: hangUp,
};
const holdForever = simFlow('queue-flow', 'CUSTOMER_QUEUE', 'music', {
  music: act('MessageParticipantIteratively', { Messages: [{ Text: 'Please hold' }] }),
});

describe('UpdateContactTargetQueue (Set working queue)', () => {
  const setQueue = (params: Params) => ({
    setQueue: act('UpdateContactTargetQueue', params, 'bye', toErr),
    bye: hangUp,
    err: hangUp,
  });
  const failed = ['setQueue → Error: NoMatchingError', 'err → End'];

  it('sets the working queue from a queue ARN or an agent', async () => {
    const byArn = await runActions('setQueue', setQueue({ QueueId: QUEUE_ARN }));
    expect(pathOf(byArn)).toEqual(['setQueue → Success', 'bye → End']);
    expect(requestOf(byArn, 'ResolveQueue')).toMatchObject({ request: { target: { queueId: 'q-support' } } });
    expect(byArn.contact.Queue).toMatchObject({ Id: 'q-support' });
    const byAgent = await runActions('setQueue', setQueue({ AgentId: 'agent-7' }));
    expect(requestOf(byAgent, 'ResolveQueue')).toMatchObject({ request: { target: { agentId: 'agent-7' } } });
  });

  it('takes the error branch for an unknown queue, and is not allowed in a customer queue flow', async () => {
    const unknown = await runActions('setQueue', setQueue({ QueueId: 'q-gone' }), refuse('ResolveQueue'));
    expect(pathOf(unknown)).toEqual(failed);
    expect(unknown.contact.Queue).toBeUndefined();
    const inQueue = { type: 'CUSTOMER_QUEUE', queue: 'q-waiting' } as const;
    const queueFlow = await runActions('setQueue', setQueue({ QueueId: QUEUE_ARN }), inQueue);
    expect(pathOf(queueFlow)).toEqual(failed);
    expect(queueFlow.contact.Queue).toMatchObject({ Id: 'q-waiting' });
  });
});

describe('TransferContactToQueue', () => {
  it('queues the caller in the working queue, ends the flow, and starts the CustomerQueue hook flow', async () => {
    const r = await runActions('hook', inbound, { others: [holdForever], maxQueueSeconds: 60 });
    expect(pathOf(r)).toEqual(['hook → Success', 'setQueue → Success', 'transfer → End']);
    const hook = expect.stringMatching(/queue-flow$/) as unknown;
    expect(requestOf(r, 'Enqueue')).toMatchObject({
      request: { queue: { Id: 'q-support' }, customerQueueFlowId: hook },
    });
    expect(r.outcome).toMatchObject({
      type: 'queued',
      queue: { Id: 'q-support' },
      queueFlowId: 'queue-flow',
    });
    expect(r.outcome).toMatchObject({ waitedSeconds: 60 });
    expect(promptsOf(r)).toEqual(['Please hold']);
  });

  it('takes QueueAtCapacity when the queue is full (NoMatchingError when that branch is missing)', async () => {
    const full = await path(runActions('hook', inbound, refuse('Enqueue', 'QueueAtCapacity')));
    expect(full.slice(2)).toEqual(['transfer → Error: QueueAtCapacity', 'full → Success', 'bye → End']);
    const noFullBranch = {
      ...inbound,
      transfer: { ...transfer, Errors: toErr },
    };
    expect(
      (await path(runActions('hook', noFullBranch, refuse('Enqueue', 'QueueAtCapacity')))).slice(2),
    ).toEqual(['transfer → Error: QueueAtCapacity (NoMatchingError branch)', 'err → Success', 'bye → End']);
  });

  it('queues a task in the queue its attribute names: the task flow of §8.3', async () => {
    const taskFlow = {
      setQueue: act('UpdateContactTargetQueue', { QueueId: '$.Attributes.WorkingQueue' }, 'transfer', toErr),
      transfer,
      full: hangUp,
      err: hangUp,
    };
    const r = await runActions('setQueue', taskFlow, {
      channel: 'TASK',
      attributes: { WorkingQueue: QUEUE_ARN },
    });
    expect(pathOf(r)).toEqual(['setQueue → Success', 'transfer → End']);
    expect(r.outcome).toMatchObject({ type: 'queued', queue: { Id: 'q-support' } });
  });

  it('takes NoMatchingError without a working queue, and in a customer queue flow', async () => {
    const flow = { transfer, full: hangUp, err: hangUp };
    const failed = ['transfer → Error: NoMatchingError', 'err → End'];
    expect(await path(runActions('transfer', flow))).toEqual(failed);
    expect(await path(runActions('transfer', flow, { type: 'CUSTOMER_QUEUE' }))).toEqual(failed);
  });
});

describe('DequeueContactAndTransferToQueue', () => {
  const dequeue = (params: Params) => ({
    move: act('DequeueContactAndTransferToQueue', params, undefined, fullOrErr),
    full: endFlow,
    err: endFlow,
  });
  const queueFlow = { type: 'CUSTOMER_QUEUE' } as const;

  it('moves a queued contact to another queue from a customer queue flow', async () => {
    const r = await runActions('move', dequeue({ QueueId: 'q-vip' }), queueFlow);
    expect(pathOf(r)).toEqual(['move → End']);
    expect(requestOf(r, 'DequeueToQueue')).toMatchObject({ request: { target: { queueId: 'q-vip' } } });
    expect(r.outcome).toEqual({ type: 'transferred', to: 'queue q-vip' });
  });

  it('takes QueueAtCapacity, NoMatchingError without a queue, and is allowed only in customer queue flows', async () => {
    const full = { ...queueFlow, ...refuse('DequeueToQueue', 'QueueAtCapacity') };
    expect(await path(runActions('move', dequeue({ QueueId: 'q-vip' }), full))).toEqual([
      'move → Error: QueueAtCapacity',
      'full → End',
    ]);
    const failed = ['move → Error: NoMatchingError', 'err → End'];
    expect(await path(runActions('move', dequeue({}), queueFlow))).toEqual(failed);
    expect(await path(runActions('move', dequeue({ QueueId: 'q-vip' })))).toEqual(failed);
  });
});

describe('TransferContactToAgent', () => {
  const toAgent = {
    agent: act('TransferContactToAgent', {}, undefined, toErr),
    err: hangUp,
  };

  it('hands a voice contact to the agent from an agent transfer flow', async () => {
    const r = await runActions('agent', toAgent, { type: 'AGENT_TRANSFER' });
    expect(pathOf(r)).toEqual(['agent → End']);
    expect(r.outcome).toEqual({ type: 'transferred', to: 'agent' });
  });

  it.each([
    { type: 'AGENT_TRANSFER', channel: 'TASK' },
    { type: 'AGENT_TRANSFER', channel: 'CHAT' },
    { type: 'CONTACT_FLOW' },
  ] as const)('takes the error branch for %j', async (options) => {
    expect(await path(runActions('agent', toAgent, options))).toEqual([
      'agent → Error: NoMatchingError',
      'err → End',
    ]);
  });
});

describe('UpdateContactCallbackNumber and CreateCallbackContact', () => {
  const store = {
    Text: 'Number?',
    StoreInput: 'True',
    InputValidation: { PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'US' } },
  };
  const delays = { InitialCallDelaySeconds: '5', MaximumConnectionAttempts: '1', RetryDelaySeconds: '600' };
  const callback: Record<string, TestAction> = {
    ask: act('GetParticipantInput', store, 'number', { NoMatchingError: 'bye' }),
    number: act('UpdateContactCallbackNumber', { CallbackNumber: '$.StoredCustomerInput' }, 'create', {
      InvalidCallbackNumber: 'invalid',
      NoMatchingError: 'err',
    }),
    create: act('CreateCallbackContact', { QueueId: QUEUE_ARN, ...delays }, 'done', toErr),
    done: say('We will call you back'),
    invalid: say('Invalid number'),
    err: say('Error'),
    bye: hangUp,
  };
  const failed = ['create → Error: NoMatchingError', 'err → Success', 'bye → End'];

  it('sets the callback number from stored input and creates the callback in the queue (the AWS sample)', async () => {
    const r = await runActions('ask', callback, { inputs: ['2065550100#'] });
    expect(pathOf(r)).toEqual([
      'ask → Success',
      'number → Success',
      'create → Success',
      'done → Success',
      'bye → End',
    ]);
    expect(r.contact.CallbackNumber).toBe('+12065550100');
    expect(r.contact.Attributes).toEqual({});
    const expected = { initialCallDelaySeconds: 5, maximumConnectionAttempts: 1, retryDelaySeconds: 600 };
    expect(requestOf(r, 'CreateCallback')).toMatchObject({
      request: {
        callback: { target: { queueId: 'q-support' }, callbackNumber: '+12065550100', ...expected },
      },
    });
  });

  it('takes InvalidCallbackNumber for a value that is not E.164, and on a task', async () => {
    const timeout = await runActions('ask', callback);
    expect(pathOf(timeout)).toEqual([
      'ask → Success',
      'number → Error: InvalidCallbackNumber',
      'invalid → Success',
      'bye → End',
    ]);
    expect(timeout.contact.CallbackNumber).toBeUndefined();
    expect(await path(runActions('number', callback, { channel: 'TASK' }))).toEqual([
      'number → Error: InvalidCallbackNumber',
      'invalid → Success',
      'bye → End',
    ]);
  });

  it("defaults to the queue the caller waits in and the caller's number, from a customer queue flow", async () => {
    const queueFlow = simFlow('queue-flow', 'CUSTOMER_QUEUE', 'create', {
      create: act('CreateCallbackContact', { InitialCallDelaySeconds: '5' }, 'done', toErr),
      done: say('Call back'),
      err: say('Error'),
      bye: hangUp,
    });
    const r = await runActions('hook', inbound, { others: [queueFlow], callerNumber: '+815012345678' });
    expect(pathOf(r).slice(-3)).toEqual(['create → Success', 'done → Success', 'bye → End']);
    const expected = { queue: { Id: 'q-support' }, callbackNumber: '+815012345678' };
    expect(requestOf(r, 'CreateCallback')).toMatchObject({ request: { callback: expected } });
    expect(r.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
  });

  it('takes the error branch with no queue, or when the callback cannot be created', async () => {
    const noQueue = {
      ...callback,
      create: act('CreateCallbackContact', {}, 'done', toErr),
    };
    expect(await path(runActions('create', noQueue))).toEqual(failed);
    expect(await path(runActions('create', callback, refuse('CreateCallback')))).toEqual(failed);
  });
});

describe('CreateTask', () => {
  const create = (params: Params = {}) => ({
    task: act(
      'CreateTask',
      { Name: 'Callback for $.CustomerEndpoint.Address', ContactFlowId: FLOW_ARN('task-flow'), ...params },
      'done',
      toErr,
    ),
    done: say('Task $.Task.ContactId'),
    err: say('Error'),
    bye: hangUp,
  });
  const created = ['task → Success', 'done → Success', 'bye → End'];
  const failed = ['task → Error: NoMatchingError', 'err → Success', 'bye → End'];

  it('asks for the task with its name, flow, template, own attributes, references and link to the call (C1, C2)', async () => {
    const r = await runActions(
      'task',
      create({
        Description: 'Pressed $.Attributes.key',
        TaskTemplateId: 'arn:aws:connect:us-east-1:123456789012:instance/i-1/task-template/tt-callback',
        Attributes: { WorkingQueue: QUEUE_ARN, caller: '$.CustomerEndpoint.Address' },
        References: {
          PhoneNumber: { Value: '$.CustomerEndpoint.Address', Type: 'STRING' },
          Ticket: { URL: 'https://example.com/t/$.Attributes.key' },
        },
      }),
      { callerNumber: '+815012345678', attributes: { key: '2', secret: 'pin-1234' } },
    );
    expect(pathOf(r)).toEqual(created);
    expect(r.tasks.map((t) => t.request)).toEqual([
      {
        name: 'Callback for +815012345678',
        description: 'Pressed 2',
        contactFlowId: 'task-flow',
        taskTemplateId: 'tt-callback',
        // Only what the block passes: the call's own attributes (key, secret) are not inherited.
        attributes: { WorkingQueue: QUEUE_ARN, caller: '+815012345678' },
        references: {
          PhoneNumber: { Value: '+815012345678', Type: 'STRING' },
          Ticket: { Value: 'https://example.com/t/2', Type: 'URL' },
        },
        linkedContactId: 'sim-contact-1',
      },
    ]);
    expect(promptsOf(r)).toEqual([`Task ${r.tasks[0]?.contactId}`]);
  });

  it.each([
    [{ DelaySeconds: '3600' }, { delaySeconds: 3600 }],
    [{ DelaySeconds: '518400' }, { delaySeconds: 518_400 }],
    [{ ScheduledTime: '1767225600' }, { scheduledTimeEpochSeconds: 1_767_225_600 }],
    [{ ScheduledTime: '2026-01-01T00:00:00Z' }, { scheduledTimeEpochSeconds: 1_767_225_600 }],
  ])('schedules the task with %j', async (params, expected) => {
    const r = await runActions('task', create(params));
    expect(pathOf(r)).toEqual(created);
    expect(r.tasks[0]?.request).toMatchObject(expected);
  });

  it.each([
    ['DelaySeconds and ScheduledTime together', { DelaySeconds: '60', ScheduledTime: '1767225600' }],
    ['a delay of 0', { DelaySeconds: '0' }],
    ['a delay over 6 days', { DelaySeconds: '518401' }],
    ['a delay that is not a number', { DelaySeconds: 'soon' }],
    ['an ATTACHMENT reference', { References: { File: { Value: 'x', Type: 'ATTACHMENT' } } }],
    [
      'neither a flow nor a template (or a flow path that is empty)',
      { ContactFlowId: '$.Attributes.missing' },
    ],
  ])('takes the error branch, creating nothing, for %s', async (_what, params) => {
    const r = await runActions('task', create(params));
    expect(pathOf(r)).toEqual(failed);
    expect(r.tasks).toEqual([]);
  });

  // The simulator has no clock and accepts any ScheduledTime: a host refusing a past time (or a quota, or a bad
  // flow) must send the flow down the error branch, as Connect does.
  it('takes the error branch when the task cannot be created', async () => {
    expect(await path(runActions('task', create({ ScheduledTime: '1000' }), refuse('CreateTask')))).toEqual(
      failed,
    );
  });

  it('is allowed on a task and in a customer queue flow', async () => {
    expect(await path(runActions('task', create(), { channel: 'TASK' }))).toEqual(created);
    expect(await path(runActions('task', create(), { type: 'CUSTOMER_QUEUE' }))).toEqual(created);
  });

  it('makes the callback-via-task pattern of §8: press 2 in the queue → task, message, hang up', async () => {
    const queueFlow = simFlow('queue-flow', 'CUSTOMER_QUEUE', 'loop', {
      loop: {
        Type: 'MessageParticipantIteratively',
        Parameters: { Messages: [{ Text: 'Please hold' }], InterruptFrequencySeconds: '30' },
        Conditions: [['MessagesInterrupted', 'offer']],
      },
      offer: {
        Type: 'GetParticipantInput',
        Parameters: { Text: 'Press 2 for a callback', StoreInput: 'False', InputTimeLimitSeconds: '5' },
        Conditions: [['2', 'task']],
        Errors: { NoMatchingCondition: 'keep', InputTimeLimitExceeded: 'keep', NoMatchingError: 'keep' },
      },
      ...create({
        Attributes: { WorkingQueue: '$.Queue.ARN' },
        References: { Phone: { Value: '$.CustomerEndpoint.Address', Type: 'STRING' } },
      }),
      err: endFlow,
      keep: endFlow,
    });
    const options = {
      others: [queueFlow],
      ...respond('ResolveQueue', { ok: true, data: { queue: { Id: 'q-support', ARN: QUEUE_ARN } } }),
    };
    const pressed = await runActions('hook', inbound, {
      ...options,
      inputs: ['2'],
      callerNumber: '+815012345678',
    });
    expect(pathOf(pressed).slice(3)).toEqual([
      'loop → Equals MessagesInterrupted',
      'offer → Equals 2',
      ...created,
    ]);
    expect(pressed.tasks[0]?.request).toMatchObject({
      attributes: { WorkingQueue: QUEUE_ARN },
      references: { Phone: { Value: '+815012345678', Type: 'STRING' } },
    });
    expect(pressed.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
    expect(pressed.seconds).toBe(30);
    const other = await runActions('hook', inbound, { ...options, inputs: ['5'], maxQueueSeconds: 100 });
    expect(pathOf(other).slice(3, 6)).toEqual([
      'loop → Equals MessagesInterrupted',
      'offer → Error: NoMatchingCondition',
      'keep → End',
    ]);
    expect(other.tasks).toEqual([]);
    // End flow / Resume keeps the caller queued: the queue flow starts again (§7).
    expect(other.outcome).toMatchObject({ type: 'queued', waitedSeconds: 100 });
    expect(pathOf(other).filter((p) => p === 'loop → Equals MessagesInterrupted')).toHaveLength(3);
  });
});
