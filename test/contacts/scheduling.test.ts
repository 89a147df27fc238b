/**
 * Scheduled tasks (R1–R5): created for later by the API, by the Create task block and by an agent; found by
 * search; rescheduled; delivered at the new time and not before; then refused a reschedule — also across a
 * restart of the engine on the same database.
 */
import { afterEach, expect, it } from 'vitest';
import { describeStores, type TestEnv } from '../support/env.js';
import { advance, offersTo, startEngine } from '../support/engine.js';
import { CALLER, setUpScenario, type Scenario } from '../support/scenario.js';
import { flowJson } from '../support/flows.js';
import { expectConnectError } from '../support/errors.js';
import { Engine } from '../../src/contacts/engine.js';
import { sequentialIds } from '../../src/core/index.js';
import { TEST_ARNS } from '../support/env.js';
import type { EngineEvent } from '../../src/contacts/events.js';

const HOUR = 3_600_000;

describeStores(
  'scheduled tasks in the engine',
  (env) => {
    let s: Scenario;
    let engine: Engine;
    let events: EngineEvent[];
    const engines: Engine[] = [];

    const begin = async () => {
      s = await setUpScenario(env());
      ({ engine, events } = startEngine(env()));
      engines.push(engine);
    };
    const restart = async () => {
      await engine.stop();
      ({ engine, events } = startEngine(env()));
      engines.push(engine);
    };
    afterEach(async () => {
      for (const e of engines.splice(0)) await e.stop();
    });

    const scheduledTask = (e: TestEnv, at: number) =>
      engine.startTask(e.instanceId, {
        ContactFlowId: s.flows.f3.Id,
        Name: 'Call back Sato-san',
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
        ScheduledTime: at,
      });

    /** R1: contact search, channel Task, state scheduled. */
    const scheduledIds = async (e: TestEnv) =>
      (
        await e.services.contacts.search(e.instanceId, {
          TimeRange: { Type: 'SCHEDULED_TIMESTAMP', StartTime: 0, EndTime: e.clock.now() + 7 * 24 * HOUR },
          SearchCriteria: { Channels: ['TASK'], States: ['SCHEDULED'] },
        })
      ).items.map((c) => c.Id);

    const timeline = async (e: TestEnv, id: string) =>
      (await e.store.repos.contacts.events(e.instanceId, id)).map((x) => x.Type);

    it('R1, R3, R5: a task scheduled by the API is found, rescheduled, delivered at the new time and not before, then refused', async () => {
      await begin();
      const e = env();
      await engine.setStatus(e.instanceId, s.agent2.Id, s.available);
      const task = await scheduledTask(e, e.clock.now() + 2 * HOUR);
      expect(task.State).toBe('SCHEDULED');
      expect(await scheduledIds(e)).toEqual([task.Id]);
      const moved = e.clock.now() + 3 * HOUR;
      await engine.reschedule(e.instanceId, task.Id, moved, { userId: s.supervisor.Id });
      expect(await engine.contact(e.instanceId, task.Id)).toMatchObject({
        ScheduledTimestamp: moved,
        RescheduleCount: 1,
      });
      await advance(e, engine, 2 * HOUR + 60_000);
      expect((await engine.contact(e.instanceId, task.Id))?.State).toBe('SCHEDULED');
      expect(offersTo(events, s.agent2.Id)).toEqual([]);
      await advance(e, engine, HOUR - 60_000 - 1);
      expect((await engine.contact(e.instanceId, task.Id))?.State).toBe('SCHEDULED');
      await advance(e, engine, 1);
      expect(await engine.contact(e.instanceId, task.Id)).toMatchObject({
        State: 'OFFERED',
        AgentId: s.agent2.Id,
      });
      expect(await scheduledIds(e)).toEqual([]);
      await expectConnectError(
        engine.reschedule(e.instanceId, task.Id, e.clock.now() + HOUR, { userId: s.supervisor.Id }),
        'InvalidRequestException',
        /no longer scheduled .*its schedule is complete once it is delivered/,
      );
      expect(await timeline(e, task.Id)).toEqual(
        expect.arrayContaining(['INITIATED', 'SCHEDULED', 'RESCHEDULED', 'DELIVERED', 'QUEUED', 'OFFERED']),
      );
    });

    it('refuses a schedule in the past, beyond the horizon, or more than the allowed number of times', async () => {
      await begin();
      const e = env();
      const task = await scheduledTask(e, e.clock.now() + HOUR);
      const sup = { userId: s.supervisor.Id };
      await expectConnectError(
        engine.reschedule(e.instanceId, task.Id, e.clock.now() - 1, sup),
        'InvalidParameterException',
        /ScheduledTime.*past/,
      );
      await expectConnectError(
        engine.reschedule(e.instanceId, task.Id, e.clock.now() + 6 * 24 * HOUR + 1, sup),
        'InvalidParameterException',
        /ScheduledTime.*at most 6 days ahead/,
      );
      for (let i = 1; i <= 3; i++)
        await engine.reschedule(e.instanceId, task.Id, e.clock.now() + (1 + i) * HOUR, sup);
      await expectConnectError(
        engine.reschedule(e.instanceId, task.Id, e.clock.now() + 10 * HOUR, sup),
        'ServiceQuotaExceededException',
        /rescheduled 3 times/,
      );
      expect(await engine.contact(e.instanceId, task.Id)).toMatchObject({
        RescheduleCount: 3,
        ScheduledTimestamp: e.clock.now() + 4 * HOUR,
      });
      await expectConnectError(
        engine.reschedule(e.instanceId, 'no-such-contact', e.clock.now() + HOUR, sup),
        'ResourceNotFoundException',
        /no-such-contact/,
      );
    });

    it('R4: the Create task block schedules a task with DelaySeconds; R2/R3: an agent schedules one from the workspace', async () => {
      await begin();
      const e = env();
      const inbound = await e.services.flows.create(e.instanceId, {
        Name: 'Book a callback in an hour',
        Type: 'CONTACT_FLOW',
        Content: flowJson('Task', {
          Task: {
            Type: 'CreateTask',
            Parameters: {
              Name: 'Callback in an hour',
              ContactFlowId: s.flows.f3.Arn,
              DelaySeconds: '3600',
              Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
            },
            Next: 'Bye',
            Errors: { NoMatchingError: 'Bye' },
          },
          Bye: { Type: 'DisconnectParticipant' },
        }),
      });
      const number = await e.services.phoneNumbers.claim({
        InstanceId: e.instanceId,
        PhoneNumber: '+81355550000',
      });
      await e.services.phoneNumbers.associateContactFlow(number.PhoneNumberId, {
        InstanceId: e.instanceId,
        ContactFlowId: inbound.Id,
      });
      const call = await engine.dial(e.instanceId, CALLER, '+81355550000');
      const byFlow = (await scheduledIds(e))[0] ?? '';
      expect(await engine.contact(e.instanceId, byFlow)).toMatchObject({
        InitiationMethod: 'FLOW',
        RelatedContactId: call.Id,
        ScheduledTimestamp: e.clock.now() + HOUR,
      });
      const byAgent = await engine.createTaskAsAgent(e.instanceId, s.agent1.Id, {
        ContactFlowId: s.flows.f3.Id,
        Name: 'Follow up tomorrow',
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
        ScheduledTime: e.clock.now() + 24 * HOUR,
      });
      expect(byAgent).toMatchObject({
        State: 'SCHEDULED',
        SegmentAttributes: { 'connect:CreatedByUser': { ValueString: s.agent1.Arn } },
      });
      expect((await scheduledIds(e)).sort()).toEqual([byFlow, byAgent.Id].sort());
      await advance(e, engine, HOUR);
      expect((await engine.contact(e.instanceId, byFlow))?.State).toBe('QUEUED');
      expect((await engine.contact(e.instanceId, byAgent.Id))?.State).toBe('SCHEDULED');
    });

    it('survives a restart: a task that fell due while the engine was down is delivered on start, once', async () => {
      await begin();
      const e = env();
      const soon = await scheduledTask(e, e.clock.now() + HOUR);
      const later = await scheduledTask(e, e.clock.now() + 5 * HOUR);
      await engine.reschedule(e.instanceId, later.Id, e.clock.now() + 4 * HOUR, { userId: s.supervisor.Id });
      await engine.stop();
      await e.clock.advance(2 * HOUR); // nobody is running
      expect((await e.store.repos.contacts.get(e.instanceId, soon.Id))?.State).toBe('SCHEDULED');
      ({ engine, events } = startEngine(e));
      engines.push(engine);
      await engine.instance(e.instanceId);
      await engine.idle();
      expect((await engine.contact(e.instanceId, soon.Id))?.State).toBe('QUEUED');
      expect((await engine.contact(e.instanceId, later.Id))?.State).toBe('SCHEDULED');
      await restart();
      await advance(e, engine, 2 * HOUR - 1);
      expect((await engine.contact(e.instanceId, later.Id))?.State).toBe('SCHEDULED');
      await advance(e, engine, 1);
      expect((await engine.contact(e.instanceId, later.Id))?.State).toBe('QUEUED');
      for (const id of [soon.Id, later.Id]) {
        const types = await timeline(e, id);
        expect(
          types.filter((t) => t === 'DELIVERED'),
          id,
        ).toHaveLength(1);
        expect(
          types.filter((t) => t === 'QUEUED'),
          id,
        ).toHaveLength(1);
      }
      await expectConnectError(
        engine.reschedule(e.instanceId, soon.Id, e.clock.now() + HOUR, { userId: s.supervisor.Id }),
        'InvalidRequestException',
        /no longer scheduled/,
      );
    });

    it('a wave of tasks falling due together on a slow machine: each delivered once, in due order', async () => {
      await begin();
      const e = env();
      await engine.stop();
      // Every reading of this clock is 3 ms later than the last, so each command runs past its 10 ms slice after a
      // few timers and the wave is split over many commands.
      let drift = 0;
      const slow = {
        now: () => e.clock.now() + (drift += 3),
        setTimer: (at: number, fire: () => void | Promise<void>) => e.clock.setTimer(at, fire),
      };
      engine = new Engine({
        store: e.store,
        clock: slow,
        ids: sequentialIds('slow'),
        arns: TEST_ARNS,
        limits: e.limits,
      });
      engines.push(engine);
      const ids: string[] = [];
      for (let i = 0; i < 150; i += 1) ids.push((await scheduledTask(e, e.clock.now() + HOUR + i)).Id);
      await advance(e, engine, HOUR + 150 + drift);
      const delivered = await Promise.all(ids.map((id) => engine.contact(e.instanceId, id)));
      expect(delivered.map((c) => c?.State)).toEqual(ids.map(() => 'QUEUED'));
      const enqueued = delivered.map((c) => c?.EnqueueTimestamp ?? 0);
      expect(enqueued).toEqual([...enqueued].sort((a, b) => a - b));
      for (const id of ids) expect((await timeline(e, id)).filter((t) => t === 'DELIVERED')).toHaveLength(1);
    });
  },
  { reschedulesPerTask: 3 },
);
