/**
 * A task made with a quick connect (StartTaskContact's QuickConnectId, the workspace's Create task) goes where the
 * quick connect points: its transfer flow runs with the quick connect's queue (a user's: that agent's own queue)
 * as the working queue, so the flow's Transfer to queue needs no queue of its own. Scheduled, the task already
 * counts for that queue.
 */
import { afterEach, expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { advance, startEngine } from '../support/engine.js';
import { setUpScenario } from '../support/scenario.js';
import type { Engine } from '../../src/contacts/engine.js';

const HOUR = 3_600_000;

describeStores('tasks made with a quick connect', (env) => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.stop();
  });

  it('waits in the queue of a queue quick connect, and in the agent queue of a user quick connect', async () => {
    const { instanceId } = env();
    const s = await setUpScenario(env());
    ({ engine } = startEngine(env()));
    const toQueue = await engine.startTask(instanceId, {
      QuickConnectId: s.quickConnects.toCallbackQueue.QuickConnectId,
      Name: 'Call Tanaka back',
    });
    const toAgent = await engine.startTask(instanceId, {
      QuickConnectId: s.quickConnects.toAgent1.QuickConnectARN,
      Name: 'For agent1',
    });
    await engine.idle();
    expect(await engine.contact(instanceId, toQueue.Id)).toMatchObject({
      State: 'QUEUED',
      QueueId: s.callbackQueue.QueueId,
    });
    const agentQueue = await env().store.repos.queues.findAgentQueue(instanceId, s.agent1.Id);
    expect(await engine.contact(instanceId, toAgent.Id)).toMatchObject({
      State: 'QUEUED',
      QueueId: agentQueue?.QueueId,
    });
  });

  it('scheduled, counts for its queue in the real-time figures until it is delivered there', async () => {
    const { instanceId, clock } = env();
    const s = await setUpScenario(env());
    ({ engine } = startEngine(env()));
    const task = await engine.startTask(instanceId, {
      QuickConnectId: s.quickConnects.toCallbackQueue.QuickConnectId,
      Name: 'Later',
      ScheduledTime: clock.now() + HOUR,
    });
    expect(await engine.scheduledTasks(instanceId)).toEqual({
      total: 1,
      byQueue: { [s.callbackQueue.QueueId]: 1 },
    });
    await advance(env(), engine, HOUR);
    expect(await engine.contact(instanceId, task.Id)).toMatchObject({
      State: 'QUEUED',
      QueueId: s.callbackQueue.QueueId,
    });
    expect(await engine.scheduledTasks(instanceId)).toEqual({ total: 0, byQueue: {} });
  });
});
