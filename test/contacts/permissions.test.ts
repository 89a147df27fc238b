/**
 * Permissions in the engine (issue 4): each permission of P1–P3 is refused to a profile that lacks it, with a
 * message that names what is missing, and an agent cannot act on another agent's contact. Every refusal leaves
 * the contact, the tasks and the events as they were. T2 through UpdateContact closes the file.
 */
import { afterEach, expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { advance, offersTo, startEngine } from '../support/engine.js';
import { expectConnectError } from '../support/errors.js';
import { CALLER, setUpScenario, type Scenario } from '../support/scenario.js';
import type { Engine } from '../../src/contacts/engine.js';
import type { EngineEvent } from '../../src/contacts/events.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';

const HOUR = 3_600_000;

describeStores('permissions in the engine (P1–P3, ownership, T2)', (env) => {
  let s: Scenario;
  let engine: Engine;
  let events: EngineEvent[];

  const setUp = async () => {
    s = await setUpScenario(env());
    ({ engine, events } = startEngine(env()));
  };
  afterEach(async () => engine?.stop());

  /** Every task of the instance, as contact search finds it. */
  async function tasks() {
    const { services, instanceId, clock } = env();
    const found = await services.contacts.search(instanceId, {
      TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 0, EndTime: clock.now() + 1 },
      SearchCriteria: { Channels: ['TASK'] },
    });
    return found.items;
  }

  /** A task made by hand for F3, waiting for CallbackQueue. */
  const f3Task = (extra: { ScheduledTime?: number } = {}) => ({
    ContactFlowId: s.flows.f3.Id,
    Name: 'Call the customer back',
    Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
    ...extra,
  });

  /** agent2 is Available and is offered a task started by the API. */
  async function offeredToAgent2(): Promise<string> {
    const { instanceId } = env();
    await engine.setStatus(instanceId, s.agent2.Id, s.available);
    const task = await engine.startTask(instanceId, f3Task());
    expect(await engine.contact(instanceId, task.Id)).toMatchObject({
      State: 'OFFERED',
      AgentId: s.agent2.Id,
    });
    expect(offersTo(events, s.agent2.Id)).toEqual([task.Id]);
    return task.Id;
  }

  /** Runs the refused `attempts` and checks that the contact and the events are as they were. */
  async function nothingChanges(contactId: string, attempts: () => Promise<void>): Promise<void> {
    const { instanceId } = env();
    const before = await engine.contact(instanceId, contactId);
    const seen = events.length;
    const count = (await tasks()).length;
    await attempts();
    await engine.idle();
    expect(await engine.contact(instanceId, contactId)).toEqual(before);
    expect(events.length).toBe(seen);
    expect(await tasks()).toHaveLength(count);
  }

  it('P1: a restricted agent (RestrictTaskCreation.Access) cannot create a task; nothing is created', async () => {
    await setUp();
    const { instanceId } = env();
    const seen = events.length;
    const err = await expectConnectError(
      engine.createTaskAsAgent(instanceId, s.agent3.Id, f3Task()),
      'AccessDeniedException',
      /agent3 may not create tasks: .*RestrictTaskCreation\.Access/,
    );
    expect(err.details.ids).toMatchObject({ UserId: s.agent3.Id });
    await expectConnectError(
      engine.createTaskAsAgent(instanceId, s.agent3.Id, f3Task({ ScheduledTime: env().clock.now() + HOUR })),
      'AccessDeniedException',
      /RestrictTaskCreation\.Access/,
    );
    await engine.idle();
    expect(await tasks()).toEqual([]);
    expect(events.length).toBe(seen);
  });

  it('P1, R2, R3: a plain agent creates a task, and a scheduled one, recorded as created by them', async () => {
    await setUp();
    const { instanceId, clock } = env();
    const now = await engine.createTaskAsAgent(instanceId, s.agent1.Id, f3Task());
    expect(now).toMatchObject({ Channel: 'TASK', InitiationMethod: 'API' });
    expect(now.SegmentAttributes['connect:CreatedByUser']).toEqual({ ValueString: s.agent1.Arn });
    // Nobody is Available: F3 puts it in CallbackQueue.
    expect(await engine.contact(instanceId, now.Id)).toMatchObject({
      State: 'QUEUED',
      QueueId: s.callbackQueue.QueueId,
    });

    const at = clock.now() + HOUR;
    const later = await engine.createTaskAsAgent(instanceId, s.agent1.Id, f3Task({ ScheduledTime: at }));
    const stored = await engine.contact(instanceId, later.Id);
    expect(stored).toMatchObject({
      Channel: 'TASK',
      State: 'SCHEDULED',
      InitiationMethod: 'API',
      ScheduledTimestamp: at,
      ContactFlowId: s.flows.f3.Id,
    });
    expect(stored?.SegmentAttributes['connect:CreatedByUser']).toEqual({ ValueString: s.agent1.Arn });
    expect((await tasks()).map((c) => c.Id).sort()).toEqual([now.Id, later.Id].sort());
  });

  it('P2: rescheduling needs UpdateContactSchedule.Enabled: refused to agent1, done by the supervisor', async () => {
    await setUp();
    const { instanceId, clock } = env();
    const at = clock.now() + HOUR;
    const task = await engine.createTaskAsAgent(instanceId, s.agent1.Id, f3Task({ ScheduledTime: at }));
    await nothingChanges(task.Id, async () => {
      await expectConnectError(
        engine.reschedule(instanceId, task.Id, at + HOUR, { userId: s.agent1.Id }),
        'AccessDeniedException',
        /agent1 may not reschedule contacts: .*UpdateContactSchedule\.Enabled/,
      );
    });
    expect(await engine.contact(instanceId, task.Id)).toMatchObject({
      State: 'SCHEDULED',
      ScheduledTimestamp: at,
      RescheduleCount: 0,
    });

    const moved = await engine.reschedule(instanceId, task.Id, at + HOUR, { userId: s.supervisor.Id });
    expect(moved).toMatchObject({ ScheduledTimestamp: at + HOUR, RescheduleCount: 1 });
    // The old time passes without delivery; the new one delivers it.
    await advance(env(), engine, HOUR + 1000);
    expect((await engine.contact(instanceId, task.Id))?.State).toBe('SCHEDULED');
    await advance(env(), engine, HOUR);
    expect(await engine.contact(instanceId, task.Id)).toMatchObject({
      State: 'QUEUED',
      QueueId: s.callbackQueue.QueueId,
    });
  });

  it('P3: a user without BasicAgentAccess cannot set a status, accept or create a task', async () => {
    await setUp();
    const { services, instanceId } = env();
    const searchOnly = await services.securityProfiles.create(instanceId, {
      SecurityProfileName: 'Search only',
      Permissions: ['ContactSearch.View'],
    });
    const analyst = await services.users.create(instanceId, {
      Username: 'analyst',
      Password: 'Callback2026',
      SecurityProfileIds: [searchOnly.Id],
      RoutingProfileId: s.profile.RoutingProfileId,
      PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    });
    const taskId = await offeredToAgent2();
    await nothingChanges(taskId, async () => {
      await expectConnectError(
        engine.setStatus(instanceId, analyst.Id, s.available),
        'AccessDeniedException',
        /analyst may not use the agent workspace: .*BasicAgentAccess/,
      );
      await expectConnectError(
        engine.accept(instanceId, analyst.Id, taskId),
        'AccessDeniedException',
        /analyst may not use the agent workspace: .*BasicAgentAccess/,
      );
      await expectConnectError(
        engine.createTaskAsAgent(instanceId, analyst.Id, f3Task()),
        'AccessDeniedException',
        /analyst may not create tasks: .*BasicAgentAccess/,
      );
    });
    const agent = await engine.agent(instanceId, analyst.Id);
    expect(agent.statusId).toBeUndefined();
    expect(agent.routable).toBe(false);
    expect(await engine.contact(instanceId, taskId)).toMatchObject({
      State: 'OFFERED',
      AgentId: s.agent2.Id,
    });
  });

  it('StopContact needs StopContact.Enabled: refused to agent1, done by the supervisor', async () => {
    await setUp();
    const { instanceId } = env();
    const task = await engine.startTask(instanceId, f3Task());
    expect((await engine.contact(instanceId, task.Id))?.State).toBe('QUEUED');
    await nothingChanges(task.Id, async () => {
      await expectConnectError(
        engine.stopContact(instanceId, task.Id, { userId: s.agent1.Id }),
        'AccessDeniedException',
        /agent1 may not stop contacts: .*StopContact\.Enabled/,
      );
    });
    expect((await engine.contact(instanceId, task.Id))?.State).toBe('QUEUED');
    await engine.stopContact(instanceId, task.Id, { userId: s.supervisor.Id });
    expect(await engine.contact(instanceId, task.Id)).toMatchObject({
      State: 'ENDED',
      DisconnectReason: 'API',
    });
  });

  it("ownership: agent1 cannot accept, reject, end, complete, transfer or update agent2's task", async () => {
    await setUp();
    const { instanceId } = env();
    const taskId = await offeredToAgent2();
    const notTheirs = new RegExp(`contact ${taskId} is not offered or connected to agent1`);
    await nothingChanges(taskId, async () => {
      const refusals: [string, () => Promise<unknown>][] = [
        ['accept', () => engine.accept(instanceId, s.agent1.Id, taskId)],
        ['reject', () => engine.reject(instanceId, s.agent1.Id, taskId)],
        ['end', () => engine.endContact(instanceId, s.agent1.Id, taskId)],
        ['complete', () => engine.complete(instanceId, s.agent1.Id, taskId)],
        [
          'transfer',
          () =>
            engine.transfer(instanceId, s.agent1.Id, taskId, s.quickConnects.toCallbackQueue.QuickConnectId),
        ],
      ];
      for (const [what, attempt] of refusals) {
        const err = await expectConnectError(attempt(), 'AccessDeniedException', notTheirs);
        expect(err.details.ids, what).toMatchObject({ ContactId: taskId, UserId: s.agent1.Id });
      }
      await expectConnectError(
        engine.updateContact(instanceId, taskId, { Name: 'Mine now' }, { userId: s.agent1.Id }),
        'AccessDeniedException',
        new RegExp(`contact ${taskId} is not connected to agent1`),
      );
    });
    expect(await engine.contact(instanceId, taskId)).toMatchObject({
      State: 'OFFERED',
      AgentId: s.agent2.Id,
      Name: 'Call the customer back',
    });
    const accepted = await engine.accept(instanceId, s.agent2.Id, taskId);
    expect(accepted).toMatchObject({ State: 'CONNECTED', AgentId: s.agent2.Id });

    // Connected to agent2 now: agent1 still may not end, complete, transfer or update it.
    await nothingChanges(taskId, async () => {
      await expectConnectError(
        engine.endContact(instanceId, s.agent1.Id, taskId),
        'AccessDeniedException',
        notTheirs,
      );
      await expectConnectError(
        engine.complete(instanceId, s.agent1.Id, taskId),
        'AccessDeniedException',
        notTheirs,
      );
      await expectConnectError(
        engine.transfer(instanceId, s.agent1.Id, taskId, s.quickConnects.toAgent1.QuickConnectId),
        'AccessDeniedException',
        notTheirs,
      );
      await expectConnectError(
        engine.updateContact(instanceId, taskId, { Name: 'Mine now' }, { userId: s.agent1.Id }),
        'AccessDeniedException',
        new RegExp(`contact ${taskId} is not connected to agent1`),
      );
    });
    expect(await engine.contact(instanceId, taskId)).toMatchObject({
      State: 'CONNECTED',
      AgentId: s.agent2.Id,
    });
  });

  it('T2: the agent cannot edit the read-only Description, but edits the PhoneNumber reference', async () => {
    await setUp();
    const { instanceId } = env();
    await engine.setStatus(instanceId, s.agent2.Id, s.available);
    const task = await engine.startTask(instanceId, {
      TaskTemplateId: s.template.Id,
      Name: 'Callback',
      References: { PhoneNumber: { Type: 'STRING', Value: CALLER } },
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
    });
    expect(await engine.contact(instanceId, task.Id)).toMatchObject({
      State: 'OFFERED',
      AgentId: s.agent2.Id,
      TaskTemplateId: s.template.Id,
    });
    await engine.accept(instanceId, s.agent2.Id, task.Id);
    const agent2 = { userId: s.agent2.Id };

    await nothingChanges(task.Id, async () => {
      await expectConnectError(
        engine.updateContact(instanceId, task.Id, { Description: 'Never mind' }, agent2),
        'InvalidParameterException',
        /Description: is read-only in task template Callback request/,
      );
      // One read-only field refuses the whole change: the editable part is not applied either.
      await expectConnectError(
        engine.updateContact(
          instanceId,
          task.Id,
          {
            Description: 'Never mind',
            References: { PhoneNumber: { Type: 'STRING', Value: '+819099999999' } },
          },
          agent2,
        ),
        'InvalidParameterException',
        /Description/,
      );
    });
    expect((await engine.contact(instanceId, task.Id))?.Description).toBe(CALLBACK_DESCRIPTION);

    const updated = await engine.updateContact(
      instanceId,
      task.Id,
      { References: { PhoneNumber: { Type: 'STRING', Value: '+819087654321' } } },
      agent2,
    );
    expect(updated.References.PhoneNumber).toEqual({ Type: 'STRING', Value: '+819087654321' });
    const seen = await engine.contact(instanceId, task.Id);
    expect(seen).toMatchObject({
      State: 'CONNECTED',
      AgentId: s.agent2.Id,
      Description: CALLBACK_DESCRIPTION,
      References: { PhoneNumber: { Type: 'STRING', Value: '+819087654321' } },
    });
  });
});
