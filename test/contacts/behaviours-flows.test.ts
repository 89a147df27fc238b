/**
 * The engine's behaviours around flows and the API, as callers, agents and flow authors see them: the customer
 * queue flow's loop, a caller hanging up, ClientToken retries, UpdateContactAttributes, Lambda functions
 * answered outside the instance loop (also across a restart), and task expiry.
 */
import { afterEach, expect, it } from 'vitest';
import { TEST_ARNS, describeStores, type TestEnv } from '../support/env.js';
import { advance, offersTo, startEngine } from '../support/engine.js';
import { CALLER, NUMBER, setUpScenario, type Scenario } from '../support/scenario.js';
import { flowJson } from '../support/flows.js';
import { expectConnectError } from '../support/errors.js';
import { dial } from '../../src/channels/scripted-caller.js';
import { sequentialIds } from '../../src/core/index.js';
import { Engine } from '../../src/contacts/engine.js';
import type { EngineEvent } from '../../src/contacts/events.js';

const OFFER_CALLBACK = 'To keep waiting, stay on the line. To have an agent call you back, press 2.';
const CRM = 'arn:aws:lambda:ap-northeast-1:123456789012:function:crm';

const timeline = async (e: TestEnv, id: string) => await e.store.repos.contacts.events(e.instanceId, id);
const flowTimers = async (e: TestEnv, contactId: string) =>
  (await e.store.repos.timers.list(e.instanceId)).filter(
    (t) => t.ContactId === contactId && t.Kind === 'flow',
  );
const tasksIn = async (e: TestEnv) =>
  (
    await e.services.contacts.search(e.instanceId, {
      TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 0, EndTime: e.clock.now() + 1 },
      SearchCriteria: { Channels: ['TASK'] },
    })
  ).items;

describeStores('flows, callers and the API in the engine', (env) => {
  let s: Scenario;
  const engines: Engine[] = [];
  let engine: Engine;
  let events: EngineEvent[];
  const setUp = async () => {
    s = await setUpScenario(env());
    ({ engine, events } = startEngine(env()));
    engines.push(engine);
  };
  afterEach(async () => {
    for (const x of engines.splice(0)) await x.stop();
  });

  /** When (fake clock) the caller heard each callback offer. */
  const offerTimes = (contactId: string) => {
    const times: number[] = [];
    engine.events.subscribe((_i, x) => {
      if (x.type === 'prompt' && x.contactId === contactId && x.text === OFFER_CALLBACK)
        times.push(env().clock.now());
    });
    return times;
  };

  it('a caller who presses nothing hears the callback offer again every 38 s (8 s input + 30 s hold music)', async () => {
    await setUp();
    const e = env();
    const start = e.clock.now();
    const call = await dial(engine, e.instanceId, CALLER, NUMBER);
    const times = offerTimes(call.contactId);
    expect(call.heard.filter((t) => t === OFFER_CALLBACK)).toHaveLength(1);
    await advance(e, engine, 8000);
    expect(call.heard.at(-1)).toBe('All of our agents are busy. Your call is important to us.');
    await advance(e, engine, 30_000 - 1);
    expect(times).toEqual([]);
    await advance(e, engine, 1 + 2 * 38_000);
    expect(times).toEqual([start + 38_000, start + 76_000, start + 114_000]);
    expect((await engine.contact(e.instanceId, call.contactId))?.State).toBe('QUEUED');
  });

  it('a customer queue flow that ends at once (F4) is not restarted in a loop: the task just waits', async () => {
    await setUp();
    const e = env();
    const t = await engine.startTask(e.instanceId, {
      ContactFlowId: s.flows.f3.Id,
      Name: 'Call back',
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
    });
    await advance(e, engine, 10 * 60_000);
    expect(await engine.contact(e.instanceId, t.Id)).toMatchObject({
      State: 'QUEUED',
      Attributes: { CallbackStatus: 'waiting for an agent' },
    });
    const started = (await timeline(e, t.Id)).filter((x) => x.Type === 'FLOW_STARTED');
    expect(started.map((x) => x.Detail.slot)).toEqual(['main', 'queue']);
    expect(await flowTimers(e, t.Id)).toEqual([]);
  });

  it('the customer queue flow stops once the caller is connected to an agent', async () => {
    await setUp();
    const e = env();
    const call = await dial(engine, e.instanceId, CALLER, NUMBER);
    await advance(e, engine, 40_000);
    expect(call.heard.filter((t) => t === OFFER_CALLBACK)).toHaveLength(2);
    await engine.setStatus(e.instanceId, s.agent1.Id, s.available);
    expect(offersTo(events, s.agent1.Id)).toEqual([call.contactId]);
    await engine.accept(e.instanceId, s.agent1.Id, call.contactId);
    const heard = call.heard.length;
    await advance(e, engine, 5 * 60_000);
    expect(call.heard).toHaveLength(heard);
    expect(await flowTimers(e, call.contactId)).toEqual([]);
    expect(await engine.contact(e.instanceId, call.contactId)).toMatchObject({
      State: 'CONNECTED',
      AgentId: s.agent1.Id,
    });
  });

  it('a caller who hangs up in queue ends the contact (CUSTOMER_DISCONNECT) and leaves the queue', async () => {
    await setUp();
    const e = env();
    const call = await dial(engine, e.instanceId, CALLER, NUMBER);
    await advance(e, engine, 10_000);
    expect((await engine.queueMetrics(e.instanceId, s.basicQueue.QueueId)).contactsInQueue).toBe(1);
    await call.hangUp();
    expect(await engine.contact(e.instanceId, call.contactId)).toMatchObject({
      State: 'ENDED',
      DisconnectReason: 'CUSTOMER_DISCONNECT',
    });
    expect((await engine.queueMetrics(e.instanceId, s.basicQueue.QueueId)).contactsInQueue).toBe(0);
    expect(await flowTimers(e, call.contactId)).toEqual([]);
    await engine.setStatus(e.instanceId, s.agent1.Id, s.available);
    expect(offersTo(events, s.agent1.Id)).toEqual([]);
  });

  it('a caller who hangs up while connected leaves the agent in after-contact work', async () => {
    await setUp();
    const e = env();
    await engine.setStatus(e.instanceId, s.agent1.Id, s.available);
    const call = await dial(engine, e.instanceId, CALLER, NUMBER);
    await engine.accept(e.instanceId, s.agent1.Id, call.contactId);
    await advance(e, engine, 60_000);
    await call.hangUp();
    expect(await engine.contact(e.instanceId, call.contactId)).toMatchObject({
      State: 'ACW',
      DisconnectReason: 'CUSTOMER_DISCONNECT',
      AfterContactWorkStartTimestamp: e.clock.now(),
    });
    const agent = await engine.agent(e.instanceId, s.agent1.Id);
    expect(agent.contacts.map((c) => [c.Id, c.State])).toEqual([[call.contactId, 'ACW']]);
    expect(events.filter((x) => x.type === 'hangup')).toEqual([]);
    await engine.complete(e.instanceId, s.agent1.Id, call.contactId);
    expect((await engine.contact(e.instanceId, call.contactId))?.State).toBe('ENDED');
  });

  it('StartTaskContact with a ClientToken: a retry returns the same task; another request with it is refused', async () => {
    await setUp();
    const e = env();
    const input = {
      ContactFlowId: s.flows.f3.Id,
      Name: 'Call back',
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
    };
    const first = await engine.startTask(e.instanceId, input, { clientToken: 't-1' });
    await advance(e, engine, 1000);
    const again = await engine.startTask(e.instanceId, { ...input }, { clientToken: 't-1' });
    expect(again.Id).toBe(first.Id);
    expect((await tasksIn(e)).map((c) => c.Id)).toEqual([first.Id]);
    await expectConnectError(
      engine.startTask(e.instanceId, { ...input, Name: 'Another' }, { clientToken: 't-1' }),
      'IdempotencyException',
      /t-1/,
    );
    expect((await tasksIn(e)).map((c) => c.Id)).toEqual([first.Id]);
  });

  it('UpdateContactAttributes over 32 KB is refused and changes nothing; a normal update is what the flow reads', async () => {
    await setUp();
    const e = env();
    const t = await engine.startTask(e.instanceId, {
      ContactFlowId: s.flows.f3.Id,
      Name: 'Tomorrow',
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      ScheduledTime: e.clock.now() + 3_600_000,
    });
    await expectConnectError(
      engine.updateAttributes(e.instanceId, t.Id, { Notes: 'x'.repeat(20_000), More: 'y'.repeat(13_000) }),
      'InvalidParameterException',
      /Attributes/,
    );
    const unchanged = { CallbackQueue: s.callbackQueue.QueueArn };
    expect((await engine.contact(e.instanceId, t.Id))?.Attributes).toEqual(unchanged);
    expect((await e.services.contacts.describe(e.instanceId, t.Id)).Attributes).toEqual(unchanged);

    await engine.updateAttributes(e.instanceId, t.Id, { CallbackQueue: s.basicQueue.QueueArn });
    await advance(e, engine, 3_600_000);
    expect(await engine.contact(e.instanceId, t.Id)).toMatchObject({
      State: 'QUEUED',
      QueueId: s.basicQueue.QueueId,
    });
  });

  it('a flow published anew is what the next contact runs, while the one before ran the old content', async () => {
    await setUp();
    const e = env();
    const task = (Name: string) =>
      engine.startTask(e.instanceId, {
        ContactFlowId: s.flows.f3.Id,
        Name,
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      });
    const before = await task('before');
    await advance(e, engine, 1000);
    await e.services.flows.updateContent(e.instanceId, s.flows.f3.Id, {
      Content: flowJson('Queue', {
        Queue: {
          Type: 'UpdateContactTargetQueue',
          Parameters: { QueueId: s.basicQueue.QueueArn },
          Next: 'Go',
        },
        Go: { Type: 'TransferContactToQueue', Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' } },
        End: { Type: 'DisconnectParticipant' },
      }),
    });
    const after = await task('after');
    await advance(e, engine, 1000);
    expect(await engine.contact(e.instanceId, before.Id)).toMatchObject({ QueueId: s.callbackQueue.QueueId });
    expect(await engine.contact(e.instanceId, after.Id)).toMatchObject({
      State: 'QUEUED',
      QueueId: s.basicQueue.QueueId,
    });
  });

  /** A task flow that asks a Lambda function which queue to use, keeps its answer, and queues the task there. */
  const lookupFlow = (e: TestEnv) =>
    e.services.flows.create(e.instanceId, {
      Name: 'Queue from CRM',
      Type: 'CONTACT_FLOW',
      Content: flowJson('Lookup', {
        Lookup: {
          Type: 'InvokeLambdaFunction',
          Parameters: { LambdaFunctionARN: CRM, InvocationTimeLimitSeconds: '8' },
          Next: 'Keep',
          Errors: { NoMatchingError: 'Failed' },
        },
        Keep: {
          Type: 'UpdateContactAttributes',
          Parameters: { Attributes: { LookupQueue: '$.External.queue' } },
          Next: 'Set queue',
        },
        'Set queue': {
          Type: 'UpdateContactTargetQueue',
          Parameters: { QueueId: '$.Attributes.LookupQueue' },
          Next: 'Transfer',
          Errors: { NoMatchingError: 'Failed' },
        },
        Transfer: {
          Type: 'TransferContactToQueue',
          Errors: { QueueAtCapacity: 'End', NoMatchingError: 'End' },
        },
        Failed: {
          Type: 'UpdateContactAttributes',
          Parameters: { Attributes: { Lookup: 'failed' } },
          Next: 'End',
        },
        End: { Type: 'DisconnectParticipant' },
      }),
    });

  /** An engine whose Lambda calls wait for `open()`. */
  const gatedEngine = (e: TestEnv, prefix: string) => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const calls: string[] = [];
    const gated = new Engine(
      { store: e.store, clock: e.clock, ids: sequentialIds(prefix), arns: TEST_ARNS, limits: e.limits },
      {
        lambdas: {
          invoke: async (request, contact) => {
            calls.push(`${request.functionArn} ${contact.ContactId}`);
            await gate;
            return { ok: true, data: { queue: s.basicQueue.QueueArn } };
          },
        },
      },
    );
    engines.push(gated);
    return { engine: gated, open, calls };
  };
  /** Lets the answers of outside work reach their instance loop, then waits for it. */
  const settle = async (x: Engine) => {
    await new Promise((resolve) => setImmediate(resolve));
    await x.idle();
  };

  it('a Lambda call runs outside the instance loop: other commands go on while it is pending', async () => {
    s = await setUpScenario(env());
    const e = env();
    const flow = await lookupFlow(e);
    const lam = gatedEngine(e, 'lam');
    const t1 = await lam.engine.startTask(e.instanceId, { ContactFlowId: flow.Id, Name: 'Look me up' });
    await settle(lam.engine);
    expect(lam.calls).toEqual([`${CRM} ${t1.Id}`]);
    expect((await lam.engine.contact(e.instanceId, t1.Id))?.State).toBe('IN_FLOW');

    const t2 = await lam.engine.startTask(e.instanceId, {
      ContactFlowId: s.flows.f3.Id,
      Name: 'Meanwhile',
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
    });
    expect((await lam.engine.contact(e.instanceId, t2.Id))?.State).toBe('QUEUED');
    expect((await lam.engine.contact(e.instanceId, t1.Id))?.State).toBe('IN_FLOW');

    lam.open();
    await settle(lam.engine);
    expect(await lam.engine.contact(e.instanceId, t1.Id)).toMatchObject({
      State: 'QUEUED',
      QueueId: s.basicQueue.QueueId,
      Attributes: { LookupQueue: s.basicQueue.QueueArn },
    });
  });

  it('a restart while a Lambda call is pending sends that flow down its error branch', async () => {
    s = await setUpScenario(env());
    const e = env();
    const flow = await lookupFlow(e);
    const lam = gatedEngine(e, 'lam');
    const t1 = await lam.engine.startTask(e.instanceId, { ContactFlowId: flow.Id, Name: 'Look me up' });
    await settle(lam.engine);
    expect(lam.calls).toHaveLength(1);
    await lam.engine.stop();

    ({ engine } = startEngine(e));
    engines.push(engine);
    await engine.instance(e.instanceId);
    await engine.idle();
    const after = await engine.contact(e.instanceId, t1.Id);
    expect(after).toMatchObject({
      State: 'ENDED',
      DisconnectReason: 'CONTACT_FLOW_DISCONNECT',
      Attributes: { Lookup: 'failed' },
    });
    // The old call's late answer changes nothing.
    lam.open();
    await settle(engine);
    expect(await engine.contact(e.instanceId, t1.Id)).toEqual(after);
    expect((await timeline(e, t1.Id)).map((x) => x.Type)).not.toContain('QUEUED');
  });
});

describeStores(
  'task expiry in the engine',
  (env) => {
    let s: Scenario;
    let engine: Engine;
    let events: EngineEvent[];
    afterEach(async () => engine?.stop());
    const callbackTask = async (e: TestEnv) => {
      s = await setUpScenario(e);
      ({ engine, events } = startEngine(e));
      return engine.startTask(e.instanceId, {
        ContactFlowId: s.flows.f3.Id,
        Name: 'Call back',
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      });
    };

    it('an unanswered queued task expires after taskExpiryMs and leaves its queue', async () => {
      const e = env();
      const t = await callbackTask(e);
      expect(await engine.contact(e.instanceId, t.Id)).toMatchObject({
        State: 'QUEUED',
        ExpiryTimestamp: e.clock.now() + 60_000,
      });
      await advance(e, engine, 59_999);
      expect((await engine.contact(e.instanceId, t.Id))?.State).toBe('QUEUED');
      await advance(e, engine, 1);
      expect(await engine.contact(e.instanceId, t.Id)).toMatchObject({
        State: 'EXPIRED',
        DisconnectReason: 'EXPIRED',
        DisconnectTimestamp: e.clock.now(),
      });
      expect(await e.services.contacts.describe(e.instanceId, t.Id)).toMatchObject({ State: 'EXPIRED' });
      expect(await engine.queueMetrics(e.instanceId, s.callbackQueue.QueueId)).toMatchObject({
        contactsInQueue: 0,
        oldestContactAgeSeconds: 0,
      });
      // Nothing is left to offer when an agent comes in.
      await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
      expect(offersTo(events, s.agent2.Id)).toEqual([]);
    });

    it('a task the agent already ended does not expire: its after-contact work goes on until cleared', async () => {
      const e = env();
      const t = await callbackTask(e);
      await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
      await engine.accept(e.instanceId, s.agent2.Id, t.Id);
      await engine.endContact(e.instanceId, s.agent2.Id, t.Id);
      await advance(e, engine, 61_000);
      expect(await engine.contact(e.instanceId, t.Id)).toMatchObject({
        State: 'ACW',
        DisconnectReason: 'AGENT_DISCONNECT',
      });
      await engine.complete(e.instanceId, s.agent2.Id, t.Id);
      expect(await engine.contact(e.instanceId, t.Id)).toMatchObject({
        State: 'ENDED',
        DisconnectReason: 'AGENT_DISCONNECT',
        AfterContactWorkEndTimestamp: e.clock.now(),
      });
    });
  },
  { taskExpiryMs: 60_000 },
);
