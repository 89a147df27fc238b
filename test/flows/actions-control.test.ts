import { describe, expect, it } from 'vitest';
import { pathOf, promptsOf, runActions, simFlow, type TestAction } from '../support/flows.js';

// Reference §5.3 (Loop, DistributeByPercentage, CheckHoursOfOperation, CheckMetricData, GetMetricData,
// TransferToFlow), §1.5 (modules), §5.5 (Wait), §1.1 (unknown action types).

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
const toErr = { NoMatchingError: 'err' };
const hangUp = act('DisconnectParticipant', {});
const say = (text: string, next = 'bye') => act('MessageParticipant', { Text: text }, next);
const loop = (count: string, again: string, done: string): TestAction => ({
  Type: 'Loop',
  Parameters: { LoopCount: count },
  Conditions: [
    ['ContinueLooping', again],
    ['DoneLooping', done],
  ],
});
const QUEUE_ARN = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-support';
const setQueue: TestAction = {
  Type: 'UpdateContactTargetQueue',
  Parameters: { QueueId: QUEUE_ARN },
  Next: 'check',
  Errors: { NoMatchingError: 'bye' },
};

describe('Loop', () => {
  it('returns ContinueLooping LoopCount times, then DoneLooping', async () => {
    const r = await runActions('loop', {
      loop: loop('2', 'again', 'done'),
      again: say('again', 'loop'),
      done: say('done'),
      bye: hangUp,
    });
    expect(pathOf(r)).toEqual([
      'loop → Equals ContinueLooping',
      'again → Success',
      'loop → Equals ContinueLooping',
      'again → Success',
      'loop → Equals DoneLooping',
      'done → Success',
      'bye → End',
    ]);
  });

  it('re-prompts a menu after a timeout, then gives up (the usual use)', async () => {
    const r = await runActions('menu', {
      menu: {
        Type: 'GetParticipantInput',
        Parameters: { Text: 'Press 1', StoreInput: 'False', InputTimeLimitSeconds: '5' },
        Conditions: [['1', 'bye']],
        Errors: { InputTimeLimitExceeded: 'retry', NoMatchingCondition: 'retry', NoMatchingError: 'retry' },
      },
      retry: loop('2', 'menu', 'giveUp'),
      giveUp: say('Goodbye'),
      bye: hangUp,
    });
    expect(pathOf(r)).toEqual([
      'menu → Error: InputTimeLimitExceeded',
      'retry → Equals ContinueLooping',
      'menu → Error: InputTimeLimitExceeded',
      'retry → Equals ContinueLooping',
      'menu → Error: InputTimeLimitExceeded',
      'retry → Equals DoneLooping',
      'giveUp → Success',
      'bye → End',
    ]);
    expect(r.seconds).toBe(15);
  });

  it('keeps one counter per action identifier, and resets it after DoneLooping', async () => {
    const r = await runActions('round', {
      round: loop('2', 'inner', 'bye'),
      inner: loop('1', 'inner', 'round'),
      bye: hangUp,
    });
    expect(pathOf(r)).toEqual([
      'round → Equals ContinueLooping',
      'inner → Equals ContinueLooping',
      'inner → Equals DoneLooping',
      'round → Equals ContinueLooping',
      'inner → Equals ContinueLooping',
      'inner → Equals DoneLooping',
      'round → Equals DoneLooping',
      'bye → End',
    ]);
  });

  it('is done at once with LoopCount 0, and takes a dynamic LoopCount', async () => {
    const zero = await runActions('loop', { loop: loop('0', 'loop', 'bye'), bye: hangUp });
    expect(pathOf(zero)).toEqual(['loop → Equals DoneLooping', 'bye → End']);
    const dynamic = await runActions(
      'loop',
      { loop: loop('$.Attributes.tries', 'loop', 'bye'), bye: hangUp },
      { attributes: { tries: '1' } },
    );
    expect(pathOf(dynamic)).toEqual([
      'loop → Equals ContinueLooping',
      'loop → Equals DoneLooping',
      'bye → End',
    ]);
  });
});

// Reference §5.3 Loop and §10.6: the counter persists across re-entries within the same contact (it is kept on
// the contact, so a customer queue flow restarted after End flow / Resume keeps counting).
it('Loop keeps counting across End flow / Resume restarts of a customer queue flow', async () => {
  const queueFlow = simFlow('queue-flow', 'CUSTOMER_QUEUE', 'music', {
    music: {
      ...act('MessageParticipantIteratively', {
        Messages: [{ Text: 'Hold' }],
        InterruptFrequencySeconds: '30',
      }),
      Conditions: [['MessagesInterrupted', 'count']],
    },
    count: loop('1', 'resume', 'bye'),
    resume: act('EndFlowExecution', {}),
    bye: hangUp,
  });
  const r = await runActions(
    'hook',
    {
      hook: act('UpdateContactEventHooks', { EventHooks: { CustomerQueue: 'queue-flow' } }, 'setQueue'),
      setQueue: act('UpdateContactTargetQueue', { QueueId: 'q-support' }, 'transfer'),
      transfer: act('TransferContactToQueue', {}),
    },
    { others: [queueFlow], maxQueueSeconds: 300 },
  );
  expect(r.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
  expect(r.seconds).toBe(60);
});

describe('DistributeByPercentage', () => {
  const ladder: Record<string, TestAction> = {
    split: {
      Type: 'DistributeByPercentage',
      Conditions: [
        ['NumberLessThan', '21', 'a'],
        ['NumberLessThan', '51', 'b'],
      ],
      Errors: { NoMatchingCondition: 'c' },
    },
    a: hangUp,
    b: hangUp,
    c: hangUp,
  };

  it('takes the same branch for the same seed', async () => {
    for (const seed of [1, 7, 42, 1234, 99999]) {
      const first = pathOf(await runActions('split', ladder, { seed }));
      expect(pathOf(await runActions('split', ladder, { seed }))).toEqual(first);
    }
  });

  it('splits contacts along the NumberLessThan ladder: 20% / 30% / the rest by NoMatchingCondition', async () => {
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let seed = 1; seed <= 1000; seed++) {
      const last = pathOf(await runActions('split', ladder, { seed })).at(-1) ?? '';
      const branch = last.split(' ')[0] ?? '';
      counts[branch] = (counts[branch] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual(['a', 'b', 'c']);
    expect(counts.a).toBeGreaterThan(150);
    expect(counts.a).toBeLessThan(250);
    expect(counts.b).toBeGreaterThan(240);
    expect(counts.b).toBeLessThan(360);
    expect(counts.c).toBeGreaterThan(420);
    expect(counts.c).toBeLessThan(580);
  });
});

describe('CheckHoursOfOperation', () => {
  const hours = (params: Params = {}): Record<string, TestAction> => ({
    setQueue,
    check: {
      Type: 'CheckHoursOfOperation',
      Parameters: params,
      Conditions: [
        ['True', 'open'],
        ['False', 'closed'],
      ],
      Errors: { NoMatchingError: 'err' },
    },
    open: hangUp,
    closed: hangUp,
    err: hangUp,
    bye: hangUp,
  });

  it("answers True or False for the working queue's hours", async () => {
    const open = await runActions('setQueue', hours());
    expect(pathOf(open)).toEqual(['setQueue → Success', 'check → Equals True', 'open → End']);
    const closed = await runActions('setQueue', hours(), { hoursOpen: false });
    expect(pathOf(closed)).toEqual(['setQueue → Success', 'check → Equals False', 'closed → End']);
  });

  it('checks the HoursOfOperationId given, without a working queue', async () => {
    const hoursArn = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/operating-hours/h-1';
    const r = await runActions('check', hours({ HoursOfOperationId: hoursArn }));
    expect(pathOf(r)).toEqual(['check → Equals True', 'open → End']);
    expect(r.events.find((e) => e.type === 'request')).toMatchObject({
      request: { type: 'CheckHours', hoursOfOperationId: 'h-1' },
    });
  });

  it('takes the error branch with neither a queue nor hours, or when the queue has no hours', async () => {
    const none = await runActions('check', hours());
    expect(pathOf(none)).toEqual(['check → Error: NoMatchingError', 'err → End']);
    const agentQueue = await runActions('setQueue', hours(), {
      respond: (req) => (req.type === 'CheckHours' ? { ok: false, error: 'NoMatchingError' } : undefined),
    });
    expect(pathOf(agentQueue)).toEqual(['setQueue → Success', 'check → Error: NoMatchingError', 'err → End']);
  });
});

describe('CheckMetricData and GetMetricData', () => {
  const staffing = (
    metric: string,
    condition: [string, string, string],
    params: Params = {},
  ): Record<string, TestAction> => ({
    setQueue,
    check: {
      Type: 'CheckMetricData',
      Parameters: { MetricType: metric, ...params },
      Conditions: [condition],
      Errors: { NoMatchingCondition: 'no', NoMatchingError: 'err' },
    },
    yes: hangUp,
    no: hangUp,
    err: hangUp,
    bye: hangUp,
  });
  const answer = (value: string) => ({
    respond: (req: { type: string }) =>
      req.type === 'QueueMetric' ? { ok: true as const, value } : undefined,
  });

  it('takes the True branch (NumberGreaterThan 0) when agents are available, NoMatchingCondition when none', async () => {
    const flow = staffing('NumberOfAgentsAvailable', ['NumberGreaterThan', '0', 'yes']);
    const some = await runActions('setQueue', flow, answer('2'));
    expect(pathOf(some)).toEqual(['setQueue → Success', 'check → NumberGreaterThan 0', 'yes → End']);
    const none = await runActions('setQueue', flow, answer('0'));
    expect(pathOf(none)).toEqual(['setQueue → Success', 'check → Error: NoMatchingCondition', 'no → End']);
  });

  it('compares queue metrics numerically, for the QueueId given', async () => {
    const flow = staffing('OldestContactInQueueAgeSeconds', ['NumberLessThan', '300', 'yes'], {
      QueueId: 'q-sales',
    });
    const r = await runActions('check', flow, answer('45'));
    expect(pathOf(r)).toEqual(['check → NumberLessThan 300', 'yes → End']);
    expect(r.events.find((e) => e.type === 'request')).toMatchObject({
      request: {
        type: 'QueueMetric',
        metric: 'OldestContactInQueueAgeSeconds',
        target: { queueId: 'q-sales' },
      },
    });
  });

  it('take the error branch with no queue to look at', async () => {
    expect(
      pathOf(await runActions('check', staffing('NumberOfAgentsStaffed', ['NumberGreaterThan', '0', 'yes']))),
    ).toEqual(['check → Error: NoMatchingError', 'err → End']);
    const get = { get: act('GetMetricData', {}, 'bye', toErr), bye: hangUp, err: hangUp };
    expect(pathOf(await runActions('get', get))).toEqual(['get → Error: NoMatchingError', 'err → End']);
  });
});

describe('TransferToFlow', () => {
  const next = simFlow('next-flow', 'CONTACT_FLOW', 'hello', {
    hello: say('Next flow for $.Attributes.tier'),
    bye: hangUp,
  });
  const transfer = (ref: string): Record<string, TestAction> => ({
    set: { Type: 'UpdateContactAttributes', Parameters: { Attributes: { tier: 'gold' } }, Next: 'go' },
    go: { Type: 'TransferToFlow', Parameters: { ContactFlowId: ref }, Errors: { NoMatchingError: 'err' } },
    err: say('transfer failed'),
    bye: hangUp,
  });

  it('continues at the start of the other flow (by ARN or from a path), keeping the contact attributes', async () => {
    for (const ref of [
      'arn:aws:connect:us-east-1:123456789012:instance/i-1/contact-flow/next-flow',
      '$.Attributes.nextFlow',
    ]) {
      const r = await runActions('set', transfer(ref), {
        others: [next],
        attributes: { nextFlow: 'next-flow' },
      });
      expect(pathOf(r)).toEqual(['set → Success', 'go → Success', 'hello → Success', 'bye → End']);
      expect(promptsOf(r)).toEqual(['Next flow for gold']);
      expect(r.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
    }
  });

  it('takes the error branch for a flow that does not exist, and is not allowed in a customer queue flow', async () => {
    const failed = ['set → Success', 'go → Error: NoMatchingError', 'err → Success', 'bye → End'];
    expect(pathOf(await runActions('set', transfer('no-such-flow'), { others: [next] }))).toEqual(failed);
    const queued = await runActions('set', transfer('next-flow'), { others: [next], type: 'CUSTOMER_QUEUE' });
    expect(pathOf(queued)).toEqual(failed);
  });
});

describe('InvokeFlowModule and EndFlowModuleExecution (§1.5)', () => {
  const module = simFlow('greeting-module', 'MODULE', 'm1', {
    m1: { Type: 'UpdateContactAttributes', Parameters: { Attributes: { greeted: 'yes' } }, Next: 'm2' },
    m2: say('Hello from the module', 'mEnd'),
    mEnd: { Type: 'EndFlowModuleExecution' },
  });
  const failing = simFlow('failing-module', 'MODULE', 'f1', {
    f1: { Type: 'UpdateContactTargetQueue', Parameters: {} },
  });
  const caller = (ref: string): Record<string, TestAction> => ({
    mine: act('UpdateFlowAttributes', { FlowAttributes: { mine: { Value: 'kept' } } }, 'invoke'),
    invoke: act('InvokeFlowModule', { FlowModuleId: ref }, 'after', toErr),
    after: say('Back in the caller, greeted $.Attributes.greeted, $.FlowAttributes.mine'),
    err: say('module failed'),
    bye: hangUp,
  });
  const others = [module, failing];

  it("runs the module, then returns to the caller's next action", async () => {
    const r = await runActions('mine', caller('$.Attributes.INIT_MODULE_ID'), {
      others,
      attributes: { INIT_MODULE_ID: 'greeting-module' },
    });
    const path = pathOf(r);
    expect(path.slice(0, 4)).toEqual(['mine → Success', 'invoke → Success', 'm1 → Success', 'm2 → Success']);
    expect(path.slice(-2)).toEqual(['after → Success', 'bye → End']);
    // The caller's flow attributes are still there when the module returns.
    expect(promptsOf(r)).toEqual(['Hello from the module', 'Back in the caller, greeted yes, kept']);
  });

  it('takes the error branch for an unknown module, or one that stops with an error', async () => {
    const unknown = await runActions('invoke', caller('no-such-module'), { others });
    expect(pathOf(unknown)).toEqual(['invoke → Error: NoMatchingError', 'err → Success', 'bye → End']);
    const failed = await runActions('invoke', caller('failing-module'), { others });
    expect(pathOf(failed).slice(-2)).toEqual(['err → Success', 'bye → End']);
    expect(promptsOf(failed)).toEqual(['module failed']);
  });
});

describe('an action type Tsunagi does not know (§1.1)', () => {
  it('takes its error branch, or stops the flow when it has none; it never crashes the run', async () => {
    const handled = await runActions('x', {
      x: act('SomeFutureAction', { A: '1' }, 'bye', toErr),
      bye: hangUp,
      err: hangUp,
    });
    expect(pathOf(handled)).toEqual(['x → Error: NoMatchingError', 'err → End']);
    const unhandled = await runActions('x', { x: { Type: 'SomeFutureAction', Next: 'bye' }, bye: hangUp });
    expect(unhandled.outcome).toEqual({ type: 'error', actionId: 'x', error: 'NoMatchingError' });
  });
});

describe('Wait', () => {
  const wait = (params: Params): Record<string, TestAction> => ({
    wait: { ...act('Wait', params, undefined, toErr), Conditions: [['WaitCompleted', 'done']] },
    done: hangUp,
    err: hangUp,
  });

  it('completes a task after TimeLimitSeconds (exports) or TimeoutSeconds (doc)', async () => {
    for (const params of [{ TimeLimitSeconds: '10' }, { TimeoutSeconds: '10' }]) {
      const r = await runActions('wait', wait(params), { channel: 'TASK' });
      expect(pathOf(r)).toEqual(['wait → Equals WaitCompleted', 'done → End']);
      expect(r.seconds).toBe(10);
    }
  });

  it('takes the error branch on voice', async () => {
    const r = await runActions('wait', wait({ TimeLimitSeconds: '10' }));
    expect(pathOf(r)).toEqual(['wait → Error: NoMatchingError', 'err → End']);
    expect(r.seconds).toBe(0);
  });
});
