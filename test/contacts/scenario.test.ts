/**
 * The callback-via-task scenario end to end inside the engine, on the fake clock (issue 4's first "Done when"):
 * a caller dials, waits, presses 2 and is disconnected; the task is linked to the call, routed and accepted
 * (V1, V2); transfers by quick connect work (X1) and fail with a reason (X2); S2 both ways.
 */
import { afterEach, expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { advance, offersTo, startEngine } from '../support/engine.js';
import { CALLER, NUMBER, setUpScenario, type Scenario } from '../support/scenario.js';
import { dial } from '../../src/channels/scripted-caller.js';
import type { Engine } from '../../src/contacts/engine.js';
import type { EngineEvent } from '../../src/contacts/events.js';
import { expectConnectError } from '../support/errors.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';

describeStores('the callback-via-task scenario in the engine', (env) => {
  let s: Scenario;
  let engine: Engine;
  let events: EngineEvent[];

  const setUp = async (options: Parameters<typeof setUpScenario>[1] = {}) => {
    s = await setUpScenario(env(), options);
    ({ engine, events } = startEngine(env()));
  };
  afterEach(async () => engine?.stop());

  /** A caller waits in BasicQueue, presses 2 at the callback offer; returns the call and the task. */
  async function callAndPress2() {
    const { instanceId } = env();
    const call = await dial(engine, instanceId, CALLER, NUMBER);
    expect(call.heard[0]).toBe('Thank you for calling. Please hold for the next available agent.');
    expect(call.heard).toContain(
      'To keep waiting, stay on the line. To have an agent call you back, press 2.',
    );
    const voice = await engine.contact(instanceId, call.contactId);
    expect(voice).toMatchObject({ State: 'QUEUED', QueueId: s.basicQueue.QueueId, Channel: 'VOICE' });
    await advance(env(), engine, 3000);
    await call.press('2');
    expect(call.heard.at(-1)).toBe(`Thank you. An agent will call you back at ${CALLER}. Goodbye.`);
    expect(call.ended).toBe('CONTACT_FLOW_DISCONNECT');
    const ended = await engine.contact(instanceId, call.contactId);
    expect(ended).toMatchObject({ State: 'ENDED', DisconnectReason: 'CONTACT_FLOW_DISCONNECT' });
    const found = await env().services.contacts.search(instanceId, {
      TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 0, EndTime: env().clock.now() + 1 },
      SearchCriteria: { Channels: ['TASK'] },
    });
    expect(found.items).toHaveLength(1);
    const taskId = found.items[0]?.Id ?? '';
    return { call, taskId };
  }

  it('V1, V2, C1, C2: the task is linked to the call, routed to the idle agent (agent2, tasks only), accepted, and shows its fields', async () => {
    await setUp();
    const { instanceId } = env();
    await engine.setStatus(instanceId, s.agent2.Id, s.available);
    const { call, taskId } = await callAndPress2();
    const task = await engine.contact(instanceId, taskId);
    // C1: linked to the call; C2: the call's attributes are not inherited, only what the block passed.
    expect(task).toMatchObject({
      Channel: 'TASK',
      InitiationMethod: 'FLOW',
      RelatedContactId: call.contactId,
      State: 'OFFERED',
      AgentId: s.agent2.Id,
      QueueId: s.callbackQueue.QueueId,
      TaskTemplateId: s.template.Id,
    });
    expect(task?.Attributes).toEqual({
      CallbackQueue: s.callbackQueue.QueueArn,
      CallerNumber: CALLER,
      CallbackStatus: 'waiting for an agent',
    });
    expect(offersTo(events, s.agent2.Id)).toEqual([taskId]);
    const accepted = await engine.accept(instanceId, s.agent2.Id, taskId);
    expect(accepted.State).toBe('CONNECTED');
    // V2: the template's read-only Description and the caller's number in PhoneNumber.
    expect(accepted.Description).toBe(CALLBACK_DESCRIPTION);
    expect(accepted.References.PhoneNumber).toEqual({ Type: 'STRING', Value: CALLER });
    const related = await env().services.contacts.search(instanceId, {
      TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 0, EndTime: env().clock.now() + 1 },
      SearchCriteria: { Channels: ['VOICE'] },
    });
    expect(related.items.map((c) => c.Id)).toEqual([call.contactId]);
    // C1: the call's details show the task, the task's details show the call.
    const services = env().services;
    expect((await services.contacts.linked(instanceId, call.contactId)).map((c) => c.Id)).toEqual([taskId]);
    expect((await services.contacts.linked(instanceId, taskId)).map((c) => c.Id)).toEqual([call.contactId]);
    const timeline = (await services.contacts.timeline(instanceId, taskId)).map((e) => e.Type);
    expect(timeline).toEqual(
      expect.arrayContaining(['INITIATED', 'IN_FLOW', 'FLOW_STARTED', 'QUEUED', 'OFFERED', 'CONNECTED']),
    );
    const callTimeline = (await services.contacts.timeline(instanceId, call.contactId)).map((e) => e.Type);
    expect(callTimeline).toEqual(expect.arrayContaining(['DTMF', 'TASK_CREATED', 'ENDED']));
  });

  it('S2: an agent on a call is offered the task too (ROUTE_ANY_CHANNEL)', async () => {
    await setUp();
    const { instanceId } = env();
    await engine.setStatus(instanceId, s.agent1.Id, s.available);
    const first = await dial(engine, instanceId, '+819011112222', NUMBER);
    expect(offersTo(events, s.agent1.Id)).toEqual([first.contactId]);
    await engine.accept(instanceId, s.agent1.Id, first.contactId);
    const { taskId } = await callAndPress2();
    expect(offersTo(events, s.agent1.Id)).toEqual([first.contactId, taskId]);
    await engine.accept(instanceId, s.agent1.Id, taskId);
    const agent = await engine.agent(instanceId, s.agent1.Id);
    expect(agent.contacts.map((c) => [c.Channel, c.State]).sort()).toEqual([
      ['TASK', 'CONNECTED'],
      ['VOICE', 'CONNECTED'],
    ]);
  });

  it('S2: with ROUTE_CURRENT_CHANNEL_ONLY the task waits until the call ends', async () => {
    await setUp({ voiceCrossChannel: 'ROUTE_CURRENT_CHANNEL_ONLY' });
    const { instanceId } = env();
    await engine.setStatus(instanceId, s.agent1.Id, s.available);
    const first = await dial(engine, instanceId, '+819011112222', NUMBER);
    await engine.accept(instanceId, s.agent1.Id, first.contactId);
    const { taskId } = await callAndPress2();
    expect(offersTo(events, s.agent1.Id)).toEqual([first.contactId]);
    expect((await engine.contact(instanceId, taskId))?.State).toBe('QUEUED');
    await engine.endContact(instanceId, s.agent1.Id, first.contactId);
    expect(first.ended).toBe('AGENT_DISCONNECT');
    // After-contact work still holds the voice slot: the task is offered once the agent clears the call.
    expect(offersTo(events, s.agent1.Id)).toEqual([first.contactId]);
    await engine.complete(instanceId, s.agent1.Id, first.contactId);
    expect(offersTo(events, s.agent1.Id)).toEqual([first.contactId, taskId]);
  });

  it('X1: an accepted task is transferred by quick connect to another agent, and to a queue', async () => {
    await setUp();
    const { instanceId } = env();
    await engine.setStatus(instanceId, s.agent2.Id, s.available);
    const { taskId } = await callAndPress2();
    await engine.accept(instanceId, s.agent2.Id, taskId);
    await engine.setStatus(instanceId, s.agent1.Id, s.available);
    const result = await engine.transfer(
      instanceId,
      s.agent2.Id,
      taskId,
      s.quickConnects.toAgent1.QuickConnectId,
    );
    expect(result.transferred).toBe(true);
    if (!result.transferred) return;
    const next = result.contact;
    expect(await engine.contact(instanceId, taskId)).toMatchObject({
      State: 'ENDED',
      DisconnectReason: 'TRANSFER',
    });
    const offered = await engine.contact(instanceId, next.Id);
    expect(offered).toMatchObject({
      InitiationMethod: 'TRANSFER',
      PreviousContactId: taskId,
      State: 'OFFERED',
      AgentId: s.agent1.Id,
      Description: CALLBACK_DESCRIPTION,
      TransferCount: 1,
    });
    expect(offered?.References.PhoneNumber?.Value).toBe(CALLER);
    await engine.accept(instanceId, s.agent1.Id, next.Id);
    await advance(env(), engine, 1000);
    const again = await engine.transfer(
      instanceId,
      s.agent1.Id,
      next.Id,
      s.quickConnects.toCallbackQueue.QuickConnectId,
    );
    expect(again.transferred).toBe(true);
    if (!again.transferred) return;
    // agent2 is free again and longest idle: the queue transfer goes to them.
    expect(await engine.contact(instanceId, again.contact.Id)).toMatchObject({
      State: 'OFFERED',
      AgentId: s.agent2.Id,
      TransferCount: 2,
      QueueId: s.callbackQueue.QueueId,
    });
  });

  it('X2: a transfer whose flow fails on the TASK channel leaves the task with the agent, with the reason', async () => {
    await setUp();
    const { instanceId } = env();
    await engine.setStatus(instanceId, s.agent2.Id, s.available);
    const { taskId } = await callAndPress2();
    await engine.accept(instanceId, s.agent2.Id, taskId);
    const result = await engine.transfer(
      instanceId,
      s.agent2.Id,
      taskId,
      s.quickConnects.broken.QuickConnectId,
    );
    expect(result.transferred).toBe(false);
    if (result.transferred) return;
    expect(result.reason).toMatch(/Transfer with a menu/);
    expect(result.reason).toMatch(/Menu \(GetParticipantInput\)/);
    const notice = events.find((e) => e.type === 'notice');
    expect(notice).toMatchObject({
      type: 'notice',
      userId: s.agent2.Id,
      contactId: taskId,
      message: result.reason,
    });
    expect(await engine.contact(instanceId, taskId)).toMatchObject({
      State: 'CONNECTED',
      AgentId: s.agent2.Id,
      TransferCount: 0,
    });
    const tasks = await env().services.contacts.search(instanceId, {
      TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 0, EndTime: env().clock.now() + 1 },
      SearchCriteria: { Channels: ['TASK'] },
    });
    expect(tasks.items).toHaveLength(1);
    // ... and configuring such a quick connect warns about it; the working ones do not.
    const qcs = env().services.quickConnects;
    expect(await qcs.taskWarnings(instanceId, s.quickConnects.broken.QuickConnectId)).toEqual([
      'flow Transfer with a menu: block Menu (GetParticipantInput) takes its error branch on tasks, so transferring a task with this quick connect fails',
    ]);
    expect(await qcs.taskWarnings(instanceId, s.quickConnects.toCallbackQueue.QuickConnectId)).toEqual([]);
    expect(await qcs.taskWarnings(instanceId, s.quickConnects.toAgent1.QuickConnectId)).toEqual([]);
  });

  it('TransferContact: a supervisor moves a waiting task to an agent; the API moves a connected one to a queue', async () => {
    await setUp();
    const { instanceId } = env();
    const task = await engine.startTask(instanceId, {
      ContactFlowId: s.flows.f3.Id,
      Name: 'Callback',
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
    });
    expect((await engine.contact(instanceId, task.Id))?.State).toBe('QUEUED');
    const to = { UserId: s.agent1.Id, ContactFlowId: s.flows.agentTransfer.Id };
    await expectConnectError(
      engine.transferContact(instanceId, task.Id, to, { userId: s.agent2.Id }),
      'AccessDeniedException',
      /TransferContact\.Enabled/,
    );
    await engine.setStatus(instanceId, s.agent1.Id, s.available);
    const moved = await engine.transferContact(instanceId, task.Id, to, { userId: s.supervisor.Id });
    if (!moved.transferred) throw new Error(moved.reason);
    expect(await engine.contact(instanceId, task.Id)).toMatchObject({
      State: 'ENDED',
      DisconnectReason: 'TRANSFER',
    });
    expect(await engine.contact(instanceId, moved.contact.Id)).toMatchObject({
      State: 'OFFERED',
      AgentId: s.agent1.Id,
    });
    await engine.accept(instanceId, s.agent1.Id, moved.contact.Id);
    await engine.setStatus(instanceId, s.agent2.Id, s.available);
    await advance(env(), engine, 1000); // agent2 has been idle longest when agent1 frees up
    const back = await engine.transferContact(instanceId, moved.contact.Id, {
      QueueId: s.callbackQueue.QueueId,
      ContactFlowId: s.flows.queueTransfer.Id,
    });
    if (!back.transferred) throw new Error(back.reason);
    expect(await engine.contact(instanceId, back.contact.Id)).toMatchObject({
      State: 'OFFERED',
      AgentId: s.agent2.Id,
      PreviousContactId: moved.contact.Id,
      TransferCount: 2,
    });
    const agent1 = await engine.agent(instanceId, s.agent1.Id);
    expect(agent1.contacts).toEqual([]);
    await expectConnectError(
      engine.transferContact(instanceId, back.contact.Id, { ContactFlowId: s.flows.queueTransfer.Id }),
      'InvalidRequestException',
      /QueueId or UserId/,
    );
  });
});
