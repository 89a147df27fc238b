/**
 * The engine's behaviours around routing, as agents, supervisors and flow authors see them: an offer nobody
 * answers or the agent rejects, a full or disabled queue, after-contact work, and the real-time queue metrics
 * (read directly and by a flow's Check queue status block). Task expiry, callers and flows: behaviours-flows.
 */
import { afterEach, expect, it } from 'vitest';
import { describeStores, type TestEnv } from '../support/env.js';
import { advance, offersTo, startEngine } from '../support/engine.js';
import { setUpScenario, type Scenario } from '../support/scenario.js';
import { flowJson } from '../support/flows.js';
import type { Engine } from '../../src/contacts/engine.js';
import type { EngineEvent } from '../../src/contacts/events.js';

const timeline = async (e: TestEnv, id: string) =>
  (await e.store.repos.contacts.events(e.instanceId, id)).map((x) => x.Type);

/** A callback task through F3 into CallbackQueue (or the queue its attribute names). */
const callbackTask = (engine: Engine, e: TestEnv, s: Scenario, Name = 'Call back Sato-san') =>
  engine.startTask(e.instanceId, {
    ContactFlowId: s.flows.f3.Id,
    Name,
    Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
  });

describeStores('offers, queues and after-contact work in the engine', (env) => {
  let s: Scenario;
  let engine: Engine;
  let events: EngineEvent[];
  const setUp = async (options: Parameters<typeof setUpScenario>[1] = {}) => {
    s = await setUpScenario(env(), options);
    ({ engine, events } = startEngine(env()));
  };
  afterEach(async () => engine?.stop());

  const agentEvents = (userId: string) =>
    events.filter(
      (x): x is Extract<EngineEvent, { type: 'agent' }> => x.type === 'agent' && x.userId === userId,
    );

  it('an offer not accepted within 20 s goes back to its queue; the agent is routed nothing until Available again', async () => {
    await setUp();
    const e = env();
    await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
    const t1 = await callbackTask(engine, e, s, 'First');
    const offered = await engine.contact(e.instanceId, t1.Id);
    expect(offered).toMatchObject({ State: 'OFFERED', AgentId: s.agent2.Id });
    const enqueuedAt = offered?.EnqueueTimestamp;
    expect(enqueuedAt).toBe(e.clock.now());

    await advance(e, engine, e.limits.offerTimeoutMs - 1);
    expect((await engine.contact(e.instanceId, t1.Id))?.State).toBe('OFFERED');
    await advance(e, engine, 1);
    const back = await engine.contact(e.instanceId, t1.Id);
    expect(back).toMatchObject({
      State: 'QUEUED',
      QueueId: s.callbackQueue.QueueId,
      EnqueueTimestamp: enqueuedAt,
    });
    expect(back?.AgentId).toBeUndefined();
    expect(await timeline(e, t1.Id)).toEqual(expect.arrayContaining(['OFFERED', 'MISSED']));
    expect(agentEvents(s.agent2.Id).at(-1)).toMatchObject({ statusId: s.available, missed: true });
    expect(await engine.agent(e.instanceId, s.agent2.Id)).toMatchObject({
      statusName: 'Available',
      routable: false,
      missed: true,
      contacts: [],
    });

    // Still Available on paper, but missed: a new task waits, and nothing is offered however long it waits.
    const t2 = await callbackTask(engine, e, s, 'Second');
    await advance(e, engine, 60_000);
    expect((await engine.contact(e.instanceId, t2.Id))?.State).toBe('QUEUED');
    expect((await engine.contact(e.instanceId, t1.Id))?.State).toBe('QUEUED');
    expect(offersTo(events, s.agent2.Id)).toEqual([t1.Id]);

    // Available again: both are offered, oldest first (TASK concurrency 2).
    await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
    expect(offersTo(events, s.agent2.Id)).toEqual([t1.Id, t1.Id, t2.Id]);
    expect(await engine.agent(e.instanceId, s.agent2.Id)).toMatchObject({ routable: true, missed: false });
    expect(await engine.contact(e.instanceId, t1.Id)).toMatchObject({
      State: 'OFFERED',
      EnqueueTimestamp: enqueuedAt,
    });
  });

  it('a rejected offer goes back to its queue; the agent is routed nothing until they set a status', async () => {
    await setUp();
    const e = env();
    await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
    const t1 = await callbackTask(engine, e, s, 'First');
    const enqueuedAt = (await engine.contact(e.instanceId, t1.Id))?.EnqueueTimestamp;
    await advance(e, engine, 2000);
    await engine.reject(e.instanceId, s.agent2.Id, t1.Id);
    expect(await engine.contact(e.instanceId, t1.Id)).toMatchObject({
      State: 'QUEUED',
      QueueId: s.callbackQueue.QueueId,
      EnqueueTimestamp: enqueuedAt,
    });
    expect(await timeline(e, t1.Id)).toEqual(expect.arrayContaining(['OFFERED', 'REJECTED']));
    expect(agentEvents(s.agent2.Id).at(-1)).toMatchObject({ missed: true });
    expect(await engine.agent(e.instanceId, s.agent2.Id)).toMatchObject({ routable: false, contacts: [] });

    const t2 = await callbackTask(engine, e, s, 'Second');
    expect((await engine.contact(e.instanceId, t2.Id))?.State).toBe('QUEUED');
    expect(offersTo(events, s.agent2.Id)).toEqual([t1.Id]);
    await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
    expect(offersTo(events, s.agent2.Id)).toEqual([t1.Id, t1.Id, t2.Id]);
  });

  it('QueueAtCapacity: a full queue refuses the next task; F3 ends it (its "End task" block)', async () => {
    await setUp();
    const e = env();
    await e.services.queues.updateMaxContacts(e.instanceId, s.callbackQueue.QueueId, { MaxContacts: 1 });
    const first = await callbackTask(engine, e, s, 'First');
    expect((await engine.contact(e.instanceId, first.Id))?.State).toBe('QUEUED');
    const second = await callbackTask(engine, e, s, 'Second');
    expect(await engine.contact(e.instanceId, second.Id)).toMatchObject({
      State: 'ENDED',
      DisconnectReason: 'CONTACT_FLOW_DISCONNECT',
    });
    const types = await timeline(e, second.Id);
    expect(types).not.toContain('QUEUED');
    expect(types).toEqual(expect.arrayContaining(['FLOW_STARTED', 'FLOW_ENDED', 'ENDED']));
    expect((await engine.queueMetrics(e.instanceId, s.callbackQueue.QueueId)).contactsInQueue).toBe(1);
    // Once the queue has room again, a task gets in.
    await e.services.queues.updateMaxContacts(e.instanceId, s.callbackQueue.QueueId, { MaxContacts: 2 });
    const third = await callbackTask(engine, e, s, 'Third');
    expect((await engine.contact(e.instanceId, third.Id))?.State).toBe('QUEUED');
  });

  it('a full queue takes the QueueAtCapacity branch, a disabled one the error branch', async () => {
    await setUp();
    const e = env();
    const branches = await e.services.flows.create(e.instanceId, {
      Name: 'Which refusal',
      Type: 'CONTACT_FLOW',
      Content: flowJson('Set queue', {
        'Set queue': {
          Type: 'UpdateContactTargetQueue',
          Parameters: { QueueId: s.callbackQueue.QueueArn },
          Next: 'Transfer',
        },
        Transfer: {
          Type: 'TransferContactToQueue',
          Errors: { QueueAtCapacity: 'Full', NoMatchingError: 'Refused' },
        },
        Full: {
          Type: 'UpdateContactAttributes',
          Parameters: { Attributes: { Outcome: 'full' } },
          Next: 'End',
        },
        Refused: {
          Type: 'UpdateContactAttributes',
          Parameters: { Attributes: { Outcome: 'refused' } },
          Next: 'End',
        },
        End: { Type: 'DisconnectParticipant' },
      }),
    });
    const task = () => engine.startTask(e.instanceId, { ContactFlowId: branches.Id, Name: 'Branch' });
    await e.services.queues.updateMaxContacts(e.instanceId, s.callbackQueue.QueueId, { MaxContacts: 1 });
    expect((await engine.contact(e.instanceId, (await task()).Id))?.State).toBe('QUEUED');
    expect(await engine.contact(e.instanceId, (await task()).Id)).toMatchObject({
      State: 'ENDED',
      Attributes: { Outcome: 'full' },
    });
    await e.services.queues.updateMaxContacts(e.instanceId, s.callbackQueue.QueueId, {});
    await e.services.queues.updateStatus(e.instanceId, s.callbackQueue.QueueId, { Status: 'DISABLED' });
    expect(await engine.contact(e.instanceId, (await task()).Id)).toMatchObject({
      State: 'ENDED',
      Attributes: { Outcome: 'refused' },
    });
  });

  it('a disabled queue refuses tasks: F3 ends them', async () => {
    await setUp();
    const e = env();
    await e.services.queues.updateStatus(e.instanceId, s.callbackQueue.QueueId, { Status: 'DISABLED' });
    const t = await callbackTask(engine, e, s);
    expect(await engine.contact(e.instanceId, t.Id)).toMatchObject({
      State: 'ENDED',
      DisconnectReason: 'CONTACT_FLOW_DISCONNECT',
    });
    expect(await timeline(e, t.Id)).not.toContain('QUEUED');
    expect((await engine.queueMetrics(e.instanceId, s.callbackQueue.QueueId)).contactsInQueue).toBe(0);
  });

  it('after-contact work holds the slot until the agent completes it', async () => {
    await setUp({ taskConcurrency: 1 });
    const e = env();
    await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
    const t1 = await callbackTask(engine, e, s, 'First');
    await engine.accept(e.instanceId, s.agent2.Id, t1.Id);
    await advance(e, engine, 5000);
    const endedAt = e.clock.now();
    await engine.endContact(e.instanceId, s.agent2.Id, t1.Id);
    expect(await engine.contact(e.instanceId, t1.Id)).toMatchObject({
      State: 'ACW',
      AfterContactWorkStartTimestamp: endedAt,
      DisconnectReason: 'AGENT_DISCONNECT',
    });
    expect((await engine.agent(e.instanceId, s.agent2.Id)).contacts.map((c) => c.State)).toEqual(['ACW']);

    const t2 = await callbackTask(engine, e, s, 'Second');
    await advance(e, engine, 10 * 60_000); // no time limit: ACW lasts until the agent clears it
    expect((await engine.contact(e.instanceId, t1.Id))?.State).toBe('ACW');
    expect((await engine.contact(e.instanceId, t2.Id))?.State).toBe('QUEUED');
    expect(offersTo(events, s.agent2.Id)).toEqual([t1.Id]);

    await engine.complete(e.instanceId, s.agent2.Id, t1.Id);
    expect(await engine.contact(e.instanceId, t1.Id)).toMatchObject({
      State: 'ENDED',
      AfterContactWorkStartTimestamp: endedAt,
      AfterContactWorkEndTimestamp: e.clock.now(),
    });
    expect(offersTo(events, s.agent2.Id)).toEqual([t1.Id, t2.Id]);
  });

  it("after-contact work ends by itself at the user's AfterContactWorkTimeLimit (30 s)", async () => {
    await setUp({ taskConcurrency: 1 });
    const e = env();
    await e.services.users.updatePhoneConfig(e.instanceId, s.agent2.Id, {
      PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 30 },
    });
    await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
    const t1 = await callbackTask(engine, e, s, 'First');
    const t2 = await callbackTask(engine, e, s, 'Second');
    await engine.accept(e.instanceId, s.agent2.Id, t1.Id);
    await engine.endContact(e.instanceId, s.agent2.Id, t1.Id);
    const acwStart = e.clock.now();
    await advance(e, engine, 29_999);
    expect((await engine.contact(e.instanceId, t1.Id))?.State).toBe('ACW');
    expect((await engine.contact(e.instanceId, t2.Id))?.State).toBe('QUEUED');
    await advance(e, engine, 1);
    expect(await engine.contact(e.instanceId, t1.Id)).toMatchObject({
      State: 'ENDED',
      AfterContactWorkStartTimestamp: acwStart,
      AfterContactWorkEndTimestamp: acwStart + 30_000,
    });
    expect(await engine.contact(e.instanceId, t2.Id)).toMatchObject({
      State: 'OFFERED',
      AgentId: s.agent2.Id,
    });
  });

  it('queue metrics follow contacts waiting and agents changing status and taking contacts', async () => {
    await setUp();
    const e = env();
    const lunch = await e.services.agentStatuses.create(e.instanceId, { Name: 'Lunch', State: 'ENABLED' });
    const metrics = () => engine.queueMetrics(e.instanceId, s.callbackQueue.QueueId);
    const none = {
      contactsInQueue: 0,
      oldestContactAgeSeconds: 0,
      agentsOnline: 0,
      agentsAvailable: 0,
      agentsStaffed: 0,
      agentsOnContact: 0,
    };
    expect(await metrics()).toEqual(none);

    const t1 = await callbackTask(engine, e, s, 'First');
    await advance(e, engine, 5000);
    const t2 = await callbackTask(engine, e, s, 'Second');
    await advance(e, engine, 10_000);
    expect(await metrics()).toEqual({ ...none, contactsInQueue: 2, oldestContactAgeSeconds: 15 });

    // agent1 goes to lunch: online, but neither available nor staffed.
    await engine.setStatus(e.instanceId, s.agent1.Id, lunch.AgentStatusId);
    expect(await metrics()).toMatchObject({ contactsInQueue: 2, agentsOnline: 1, agentsStaffed: 0 });

    // agent2 comes in: both tasks are offered to them at once.
    await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
    expect(offersTo(events, s.agent2.Id)).toEqual([t1.Id, t2.Id]);
    expect(await metrics()).toEqual({
      contactsInQueue: 0,
      oldestContactAgeSeconds: 0,
      agentsOnline: 2,
      agentsAvailable: 0,
      agentsStaffed: 1,
      agentsOnContact: 1,
    });

    // agent1 back from lunch, agent2 clears both tasks.
    await engine.setStatus(e.instanceId, s.agent1.Id, s.available);
    for (const t of [t1, t2]) {
      await engine.accept(e.instanceId, s.agent2.Id, t.Id);
      await engine.complete(e.instanceId, s.agent2.Id, t.Id);
    }
    expect(await metrics()).toEqual({ ...none, agentsOnline: 2, agentsAvailable: 2, agentsStaffed: 2 });

    await engine.setStatus(e.instanceId, s.agent1.Id, s.offline);
    expect(await metrics()).toEqual({ ...none, agentsOnline: 1, agentsAvailable: 1, agentsStaffed: 1 });
  });

  it('a flow reads the live NumberOfContactsInQueue and routes on it (Check queue status)', async () => {
    await setUp();
    const e = env();
    const toQueue = (arn: string) => ({
      Type: 'UpdateContactTargetQueue',
      Parameters: { QueueId: arn },
      Next: 'Transfer',
      Errors: { NoMatchingError: 'End' },
    });
    const overflow = await e.services.flows.create(e.instanceId, {
      Name: 'Overflow when busy',
      Type: 'CONTACT_FLOW',
      Content: flowJson('Check', {
        Check: {
          Type: 'CheckMetricData',
          Parameters: { MetricType: 'NumberOfContactsInQueue', QueueId: s.callbackQueue.QueueArn },
          Conditions: [['NumberGreaterThan', '0', 'Busy']],
          Errors: { NoMatchingCondition: 'Quiet', NoMatchingError: 'End' },
        },
        Busy: {
          Type: 'UpdateContactAttributes',
          Parameters: { Attributes: { Route: 'overflow' } },
          Next: 'To basic',
        },
        Quiet: {
          Type: 'UpdateContactAttributes',
          Parameters: { Attributes: { Route: 'direct' } },
          Next: 'To callback',
        },
        'To basic': toQueue(s.basicQueue.QueueArn),
        'To callback': toQueue(s.callbackQueue.QueueArn),
        Transfer: {
          Type: 'TransferContactToQueue',
          Errors: { QueueAtCapacity: 'End', NoMatchingError: 'End' },
        },
        End: { Type: 'DisconnectParticipant' },
      }),
    });
    const task = async (Name: string) =>
      engine.contact(
        e.instanceId,
        (await engine.startTask(e.instanceId, { ContactFlowId: overflow.Id, Name })).Id,
      );

    expect(await task('First')).toMatchObject({
      State: 'QUEUED',
      QueueId: s.callbackQueue.QueueId,
      Attributes: { Route: 'direct' },
    });
    expect(await task('Second')).toMatchObject({
      State: 'QUEUED',
      QueueId: s.basicQueue.QueueId,
      Attributes: { Route: 'overflow' },
    });
    // agent2 takes the one in CallbackQueue: the queue is empty again, and the next task goes there.
    await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
    expect((await engine.queueMetrics(e.instanceId, s.callbackQueue.QueueId)).contactsInQueue).toBe(0);
    expect(await task('Third')).toMatchObject({
      QueueId: s.callbackQueue.QueueId,
      Attributes: { Route: 'direct' },
    });
  });
});
