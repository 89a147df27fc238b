/**
 * A restart from the database in the middle of the scenario: callers waiting in their queue flow, tasks queued,
 * a task scheduled, an offer in flight. Nothing is lost or duplicated; the offer goes back to its queue (its
 * enqueue time kept) and is made again; a call, whose line cannot survive the process, ends with its reason.
 */
import { afterEach, expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { advance, offersTo, startEngine } from '../support/engine.js';
import { NUMBER, setUpScenario } from '../support/scenario.js';
import { dial } from '../../src/channels/scripted-caller.js';
import type { Engine } from '../../src/contacts/engine.js';

const HOUR = 3_600_000;

describeStores('restarting the engine in the middle of the scenario', (env) => {
  const engines: Engine[] = [];
  afterEach(async () => {
    for (const e of engines.splice(0)) await e.stop();
  });

  it('keeps every task, returns the offer to its queue, ends the lost call with its reason, delivers once', async () => {
    const e = env();
    const s = await setUpScenario(e, { taskConcurrency: 1 });
    let { engine, events } = startEngine(e);
    engines.push(engine);
    const { instanceId } = e;
    await engine.setStatus(instanceId, s.agent2.Id, s.available);

    const a = await dial(engine, instanceId, '+819011110001', NUMBER);
    const b = await dial(engine, instanceId, '+819011110002', NUMBER);
    await advance(e, engine, 1000);
    await a.press('2');
    const tasksNow = async () =>
      (
        await e.services.contacts.search(instanceId, {
          TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 0, EndTime: e.clock.now() + 1 },
          SearchCriteria: { Channels: ['TASK'] },
          Sort: { FieldName: 'INITIATION_TIMESTAMP', Order: 'ASCENDING' },
        })
      ).items;
    const t1 = (await tasksNow())[0]?.Id ?? '';
    expect(offersTo(events, s.agent2.Id)).toEqual([t1]); // in flight, not accepted
    await advance(e, engine, 1000);
    const t2 = await engine.startTask(instanceId, {
      ContactFlowId: s.flows.f3.Id,
      Name: 'Second callback',
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
    });
    const t3 = await engine.startTask(instanceId, {
      ContactFlowId: s.flows.f3.Id,
      Name: 'Tomorrow',
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      ScheduledTime: e.clock.now() + HOUR,
    });
    const before = await e.store.repos.contacts.listActive(instanceId);
    expect(before.map((c) => [c.Id, c.State]).sort()).toEqual(
      [
        [b.contactId, 'QUEUED'],
        [t1, 'OFFERED'],
        [t2.Id, 'QUEUED'],
        [t3.Id, 'SCHEDULED'],
      ].sort(),
    );
    const t2Enqueued = before.find((c) => c.Id === t2.Id)?.EnqueueTimestamp;

    await engine.stop();
    ({ engine, events } = startEngine(e));
    engines.push(engine);
    await engine.instance(instanceId);
    await engine.idle();

    // The offer in flight went back to CallbackQueue, then to agent2 again (oldest first); t2 still waits.
    expect(offersTo(events, s.agent2.Id)).toEqual([t1]);
    const t1Events = (await e.store.repos.contacts.events(instanceId, t1)).map((x) => x.Type);
    expect(t1Events.filter((t) => t === 'OFFERED')).toHaveLength(2);
    expect(await engine.contact(instanceId, t2.Id)).toMatchObject({
      State: 'QUEUED',
      EnqueueTimestamp: t2Enqueued,
    });

    await engine.accept(instanceId, s.agent2.Id, t1);

    // Caller b's line did not survive the restart: the call ends with a recorded reason, no task is made for it.
    expect(await engine.contact(instanceId, b.contactId)).toMatchObject({
      State: 'ENDED',
      DisconnectReason: 'TELECOM_PROBLEM',
    });
    expect((await tasksNow()).map((t) => t.Id)).toHaveLength(3);

    await engine.complete(instanceId, s.agent2.Id, t1);
    expect(offersTo(events, s.agent2.Id)).toEqual([t1, t2.Id]);
    await advance(e, engine, HOUR);
    const t3Events = (await e.store.repos.contacts.events(instanceId, t3.Id)).map((x) => x.Type);
    expect(t3Events.filter((t) => t === 'DELIVERED')).toHaveLength(1);
    expect((await tasksNow()).map((t) => t.Id)).toHaveLength(3);
  });
});
