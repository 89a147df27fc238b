/**
 * The callback scenario through the agent API (issue 5, "Agent API tests"): two agents on WebSockets, a scripted
 * caller on the in-process engine. V1 (idle agent, and S2: an agent on a call), V2, V3/X1, X2, R2, and the WebRTC
 * signalling of a connected call relayed to the agent's socket.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { advance, startEngine } from '../support/engine.js';
import { CALLER, NUMBER, setUpScenario, type Scenario } from '../support/scenario.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';
import { dial } from '../../src/channels/scripted-caller.js';
import type { Engine } from '../../src/contacts/engine.js';
import {
  AgentClient,
  startAgentApi,
  type AgentApiServer,
  type AgentSocket,
  type Message,
} from './agent-client.js';

const HOUR = 3_600_000;

const contactOf = (m: Message) => m.contact as { Id: string; State: string } & Record<string, unknown>;
const isContact = (id: string, state?: string) => (m: Message) =>
  m.type === 'contact' && contactOf(m).Id === id && (state === undefined || contactOf(m).State === state);

describeStores('the agent API: the callback scenario on WebSockets', (env) => {
  let s: Scenario;
  let engine: Engine;
  let server: AgentApiServer;
  const sockets: AgentSocket[] = [];

  const agent = async (username: string, available: boolean) => {
    const c = new AgentClient(server.url);
    expect((await c.login(username)).status).toBe(200);
    if (available) expect((await c.call('PUT', '/status', { AgentStatusId: s.available })).status).toBe(200);
    const ws = await c.socket();
    sockets.push(ws);
    return { c, ws };
  };

  /** The caller waits in BasicQueue, then presses 2 at the callback offer; the call ends. */
  const callAndPress2 = async (from = CALLER) => {
    const call = await dial(engine, env().instanceId, from, NUMBER);
    await advance(env(), engine, 3000);
    await call.press('2');
    expect(call.ended).toBe('CONTACT_FLOW_DISCONNECT');
    return call;
  };

  /** agent2 (tasks only, idle) is offered the callback task and accepts it over REST. */
  const acceptedByAgent2 = async () => {
    const a1 = await agent('agent1', false);
    const a2 = await agent('agent2', true);
    const call = await callAndPress2();
    const offer = await a2.ws.next((m) => m.type === 'offer');
    const taskId = offer.contactId as string;
    const accepted = await a2.c.call('POST', `/contacts/${taskId}/accept`);
    expect(accepted.status).toBe(200);
    await a2.ws.next(isContact(taskId, 'CONNECTED'));
    return { a1, a2, call, taskId, offer };
  };

  beforeEach(async () => {
    s = await setUpScenario(env());
    ({ engine } = startEngine(env()));
    server = await startAgentApi(env(), engine);
  });
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.close();
    await server?.close();
    await engine?.stop();
  });

  it('V1, V2: the idle agent2 is offered the callback task on its socket, accepts it, and sees Description and PhoneNumber', async () => {
    const { instanceId, clock } = env();
    const a1 = await agent('agent1', false);
    const a2 = await agent('agent2', true);
    expect(a2.ws.messages[0]).toMatchObject({
      type: 'snapshot',
      agent: { userId: s.agent2.Id, statusName: 'Available', routable: true, contacts: [] },
      offers: [],
    });
    const call = await callAndPress2();
    const offer = await a2.ws.next((m) => m.type === 'offer');
    const taskId = offer.contactId as string;
    expect(offer).toEqual({
      type: 'offer',
      userId: s.agent2.Id,
      contactId: taskId,
      expiresAt: clock.now() + env().limits.offerTimeoutMs,
    });
    expect(contactOf(await a2.ws.next(isContact(taskId, 'OFFERED')))).toMatchObject({
      Channel: 'TASK',
      RelatedContactId: call.contactId,
    });
    // A socket opened now gets the offer in its snapshot.
    const late = await a2.c.socket();
    sockets.push(late);
    expect(late.messages[0]).toMatchObject({
      type: 'snapshot',
      offers: [{ contactId: taskId, expiresAt: offer.expiresAt }],
    });

    const accepted = await a2.c.call('POST', `/contacts/${taskId}/accept`);
    expect(accepted.body).toMatchObject({
      Contact: { Id: taskId, State: 'CONNECTED', AgentId: s.agent2.Id },
    });
    await a2.ws.next(isContact(taskId, 'CONNECTED'));
    await late.next(isContact(taskId, 'CONNECTED'));

    // V2: the Description the template makes read-only, the caller's number in PhoneNumber, the linked call.
    const details = await a2.c.call('GET', `/contacts/${taskId}`);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      Contact: {
        Description: CALLBACK_DESCRIPTION,
        References: { PhoneNumber: { Type: 'STRING', Value: CALLER } },
      },
      TaskTemplate: { Constraints: { ReadOnlyFields: [{ Id: { Name: 'Description' } }] } },
      Linked: [{ Id: call.contactId, Channel: 'VOICE' }],
    });
    const edit = await a2.c.call('PATCH', `/contacts/${taskId}`, { Description: 'Changed' });
    expect(edit).toMatchObject({
      status: 400,
      body: { Code: 'InvalidParameterException', Message: /read-only/ },
    });
    const phone = { PhoneNumber: { Type: 'STRING', Value: '+819099998888' } };
    const edited = await a2.c.call('PATCH', `/contacts/${taskId}`, { References: phone });
    expect(edited.body).toMatchObject({ Contact: { References: phone, Description: CALLBACK_DESCRIPTION } });

    // agent1 was never told of the task.
    const seen = await a1.ws.sync();
    expect(seen.filter((m) => m.type === 'offer' || m.type === 'contact')).toEqual([]);
    expect((await engine.contact(instanceId, taskId))?.State).toBe('CONNECTED');
  });

  it('V1 with S2: agent1 on a call is offered the task too; the call’s signalling reaches the agent’s socket', async () => {
    const { instanceId } = env();
    const a1 = await agent('agent1', true);
    const first = await dial(engine, instanceId, '+819011112222', NUMBER);
    const callOffer = await a1.ws.next((m) => m.type === 'offer');
    expect(callOffer.contactId).toBe(first.contactId);
    const fromAgent: unknown[] = [];
    server.signalling.join(first.contactId, 'caller', (data) => fromAgent.push(data));
    expect((await a1.c.call('POST', `/contacts/${first.contactId}/accept`)).status).toBe(200);
    await a1.ws.next(isContact(first.contactId, 'CONNECTED'));

    // WebRTC signalling both ways once the call is connected to agent1.
    expect(server.signalling.relay(first.contactId, 'caller', { sdp: 'offer' })).toBe(true);
    expect(await a1.ws.next((m) => m.type === 'signal')).toEqual({
      type: 'signal',
      contactId: first.contactId,
      data: { sdp: 'offer' },
    });
    a1.ws.send({ type: 'signal', contactId: first.contactId, data: { sdp: 'answer' } });
    await a1.ws.sync();
    expect(fromAgent).toEqual([{ sdp: 'answer' }]);

    const call = await callAndPress2();
    const taskOffer = await a1.ws.next((m) => m.type === 'offer');
    const taskId = taskOffer.contactId as string;
    expect((await a1.c.call('POST', `/contacts/${taskId}/accept`)).status).toBe(200);
    const state = await a1.c.call('GET', '/state');
    expect(
      (state.body.Agent as { contacts: { Channel: string; State: string }[] }).contacts
        .map((c) => [c.Channel, c.State])
        .sort(),
    ).toEqual([
      ['TASK', 'CONNECTED'],
      ['VOICE', 'CONNECTED'],
    ]);
    // Signals for a task, or for a call not connected to this agent, are refused.
    a1.ws.send({ type: 'signal', contactId: taskId, data: {} });
    expect(await a1.ws.next((m) => m.type === 'error')).toMatchObject({ code: 'AccessDeniedException' });
    a1.ws.send({ type: 'signal', contactId: call.contactId, data: {} });
    expect(await a1.ws.next((m) => m.type === 'error')).toMatchObject({ code: 'AccessDeniedException' });
    a1.ws.send('not json');
    expect(await a1.ws.next((m) => m.type === 'error')).toMatchObject({ code: 'InvalidRequestException' });

    // The call ends: agent1 leaves its signalling.
    expect((await a1.c.call('POST', `/contacts/${first.contactId}/end`)).body).toMatchObject({
      Contact: { State: 'ACW' },
    });
    await a1.ws.next(isContact(first.contactId, 'ACW'));
    expect(server.signalling.relay(first.contactId, 'caller', { late: true })).toBe(false);
  });

  it('V3, X1: agent2 transfers the task to agent1 by quick connect; agent1’s socket gets the offer', async () => {
    const { a1, a2, taskId } = await acceptedByAgent2();
    expect((await a1.c.call('PUT', '/status', { AgentStatusId: s.available })).status).toBe(200);
    const qcs = await a2.c.call('GET', `/quick-connects?contactId=${taskId}`);
    const names = (qcs.body.QuickConnects as { Name: string }[]).map((q) => q.Name);
    expect(names).toEqual(['agent1', 'Callback queue', 'Callback queue (menu)']);

    const moved = await a2.c.call('POST', `/contacts/${taskId}/transfer`, {
      QuickConnectId: s.quickConnects.toAgent1.QuickConnectId,
    });
    expect(moved.status).toBe(200);
    const next = moved.body.ContactId as string;
    expect(moved.body).toEqual({ Transferred: true, ContactId: next });
    expect(next).not.toBe(taskId);
    expect(await a1.ws.next((m) => m.type === 'offer')).toMatchObject({
      contactId: next,
      userId: s.agent1.Id,
    });
    expect(contactOf(await a2.ws.next(isContact(taskId, 'ENDED')))).toMatchObject({
      DisconnectReason: 'TRANSFER',
    });

    expect((await a1.c.call('POST', `/contacts/${next}/accept`)).status).toBe(200);
    const details = await a1.c.call('GET', `/contacts/${next}`);
    expect(details.body).toMatchObject({
      Contact: {
        PreviousContactId: taskId,
        Description: CALLBACK_DESCRIPTION,
        References: { PhoneNumber: { Value: CALLER } },
        TransferCount: 1,
      },
    });
    // agent2 no longer holds anything: the old task is not theirs to read.
    expect((await a2.c.call('GET', `/contacts/${taskId}`)).status).toBe(403);
  });

  it('X2: a quick connect whose flow fails on tasks: 409 with the reason, a notice on the socket, the task stays', async () => {
    const { a2, taskId } = await acceptedByAgent2();
    const failed = await a2.c.call('POST', `/contacts/${taskId}/transfer`, {
      QuickConnectId: s.quickConnects.broken.QuickConnectId,
    });
    expect(failed.status).toBe(409);
    expect(failed.body).toEqual({
      Code: 'TransferFailed',
      Message: expect.stringMatching(/Transfer with a menu.*Menu \(GetParticipantInput\)/) as string,
    });
    const notice = await a2.ws.next((m) => m.type === 'notice');
    expect(notice).toEqual({
      type: 'notice',
      userId: s.agent2.Id,
      contactId: taskId,
      message: failed.body.Message,
    });
    const details = await a2.c.call('GET', `/contacts/${taskId}`);
    expect(details.body).toMatchObject({
      Contact: { State: 'CONNECTED', AgentId: s.agent2.Id, TransferCount: 0 },
    });
  });

  it('R2, R3: agent2 creates a scheduled task while on the callback task; it is offered when due', async () => {
    const { clock } = env();
    const { a2, taskId, call } = await acceptedByAgent2();
    const request = {
      TaskTemplateId: s.template.Id,
      Name: 'Call Tanaka again',
      RelatedContactId: taskId,
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      References: { PhoneNumber: { Type: 'STRING', Value: CALLER } },
      ScheduledTime: clock.now() + HOUR,
    };
    // Linking is allowed only to a contact the agent holds (the call ended long ago and was never theirs).
    const foreign = await a2.c.call('POST', '/tasks', { ...request, RelatedContactId: call.contactId });
    expect(foreign.status).toBe(403);
    const made = await a2.c.call('POST', '/tasks', request);
    expect(made.status).toBe(200);
    const newId = made.body.ContactId as string;
    expect(made.body.Contact).toMatchObject({
      State: 'SCHEDULED',
      ScheduledTimestamp: request.ScheduledTime,
      RelatedContactId: taskId,
      Description: CALLBACK_DESCRIPTION,
      SegmentAttributes: { 'connect:CreatedByUser': { ValueString: s.agent2.Arn } },
    });
    // R3: the receiver cannot save a new schedule (agent2 lacks UpdateContactSchedule.Enabled).
    const resave = await a2.c.call('PUT', `/contacts/${newId}/schedule`, {
      ScheduledTime: clock.now() + 2 * HOUR,
    });
    expect(resave.status).toBe(403);

    await advance(env(), engine, HOUR - 1);
    const before = await a2.ws.sync();
    expect(before.some((m) => m.type === 'offer' && m.contactId === newId)).toBe(false);
    await advance(env(), engine, 1);
    expect(await a2.ws.next((m) => m.type === 'offer')).toMatchObject({ contactId: newId });
  });

  it('logging out closes the agent’s sockets', async () => {
    const a2 = await agent('agent2', false);
    expect((await a2.c.call('POST', '/logout')).status).toBe(200);
    expect(await a2.ws.whenClosed()).toEqual({ code: 4401, reason: 'logged out' });
    await expect(a2.c.socket()).rejects.toThrow(/401/);
  });
});
