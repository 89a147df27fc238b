/**
 * The web-phone API over real HTTP and WebSockets, on the callback scenario: a caller dials NUMBER (flow F1),
 * hears the greeting (played during the dial, so buffered) and the callback offer, presses 2, hears the
 * confirmation and is disconnected; a call reaches an agent and the two sides exchange WebRTC signalling.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { registerPhoneApi, type PhoneOptions } from '../../src/api/phone/index.js';
import { SignalRelay } from '../../src/api/signalling.js';
import type { Engine } from '../../src/contacts/engine.js';
import type { EngineEvent } from '../../src/contacts/events.js';
import { describeStores } from '../support/env.js';
import { flowJson } from '../support/flows.js';
import { advance, offersTo, startEngine } from '../support/engine.js';
import { CALLER, NUMBER, setUpScenario, type Scenario } from '../support/scenario.js';
import { CallSocket, dialAndListen, isPrompt, isState, isType, request } from './phone-client.js';

const GREETING = 'Thank you for calling. Please hold for the next available agent.';
const OFFER = 'To keep waiting, stay on the line. To have an agent call you back, press 2.';

describeStores('the web-phone API', (env) => {
  let s: Scenario;
  let engine: Engine;
  let events: EngineEvent[];
  let app: FastifyInstance | undefined;
  let signalling: SignalRelay;
  let base: string;

  async function setUp(options: PhoneOptions = {}): Promise<void> {
    s = await setUpScenario(env());
    ({ engine, events } = startEngine(env()));
    signalling = new SignalRelay();
    app = Fastify();
    const { services, store, clock, instanceId } = env();
    await registerPhoneApi(app, { services, engine, store, clock, instanceId, signalling }, options);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
  }

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await engine?.stop();
  });

  const contact = (id: string) => engine.contact(env().instanceId, id);

  it('dial, hear the buffered greeting and the offer, press 2 on the socket: confirmation, ended, a task', async () => {
    await setUp();
    const { call, socket } = await dialAndListen(base, NUMBER, CALLER);
    expect(call.Token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await socket.waitFor(isState('queued'), 'the queued state');
    await socket.waitFor(isPrompt(OFFER), 'the callback offer');
    expect(socket.prompts[0]).toBe(GREETING);
    expect(socket.messages.find(isPrompt(GREETING))).toMatchObject({ ssml: false });
    expect(socket.states).toEqual(['queued']);

    // Not connected to an agent: signalling is refused, in words.
    socket.send({ type: 'signal', data: { sdp: 'offer' } });
    expect((await socket.waitFor(isType('error'), 'an error')).message).toMatch(/not connected/);

    await advance(env(), engine, 3000);
    socket.send({ type: 'digits', digits: '2' });
    await socket.waitFor(
      isPrompt(`Thank you. An agent will call you back at ${CALLER}. Goodbye.`),
      'confirm',
    );
    const ended = await socket.waitFor(isState('ended'), 'the end');
    expect(ended.reason).toBe('CONTACT_FLOW_DISCONNECT');
    expect((await socket.waitClosed()).code).toBe(1000);
    expect(socket.states).toEqual(['queued', 'ended']);
    expect(await contact(call.CallId)).toMatchObject({ State: 'ENDED', Channel: 'VOICE' });

    const { instanceId, services, clock } = env();
    const tasks = await services.contacts.search(instanceId, {
      TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 0, EndTime: clock.now() + 1 },
      SearchCriteria: { Channels: ['TASK'] },
    });
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]?.RelatedContactId).toBe(call.CallId);

    // The ended call still answers its status, with its token.
    const status = await request(base, 'GET', `/api/phone/calls/${call.CallId}?token=${call.Token}`);
    expect(status).toEqual({
      status: 200,
      body: { CallId: call.CallId, State: 'ended', Reason: 'CONTACT_FLOW_DISCONNECT' },
    });
  });

  it('keys over REST with the x-call-token header; hang up by DELETE ends a queued call', async () => {
    await setUp();
    const { call, socket } = await dialAndListen(base, NUMBER);
    await socket.waitFor(isPrompt(OFFER), 'the callback offer');
    expect((await contact(call.CallId))?.CustomerEndpoint?.Address).toBe('+15555550100');
    const headers = { 'x-call-token': call.Token };
    const digits = await request(
      base,
      'POST',
      `/api/phone/calls/${call.CallId}/digits`,
      { Digits: '5' },
      headers,
    );
    expect(digits.status).toBe(204);
    const bad = await request(
      base,
      'POST',
      `/api/phone/calls/${call.CallId}/digits`,
      { Digits: '5a' },
      headers,
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ Code: 'InvalidParameterException' });
    expect((bad.body as { Message: string }).Message).toMatch(/^Digits/);
    socket.send({ type: 'digits', digits: 7 });
    expect((await socket.waitFor(isType('error'), 'an error')).message).toMatch(/^Digits/);

    const hangUp = await request(base, 'DELETE', `/api/phone/calls/${call.CallId}`, undefined, headers);
    expect(hangUp.status).toBe(204);
    expect(await contact(call.CallId)).toMatchObject({
      State: 'ENDED',
      DisconnectReason: 'CUSTOMER_DISCONNECT',
    });
    expect((await socket.waitFor(isState('ended'), 'the end')).reason).toBe('CUSTOMER_DISCONNECT');
    await socket.waitClosed();
    // Hanging up twice is harmless; keys after the end are refused.
    expect(
      (await request(base, 'DELETE', `/api/phone/calls/${call.CallId}`, undefined, headers)).status,
    ).toBe(204);
    const late = await request(
      base,
      'POST',
      `/api/phone/calls/${call.CallId}/digits`,
      { Digits: '1' },
      headers,
    );
    expect(late.status).toBe(400);
  });

  it('connected to an agent: state connected, signalling both ways, hang up leaves the agent in ACW', async () => {
    await setUp();
    const { instanceId, services } = env();
    await services.users.updateIdentityInfo(instanceId, s.agent1.Id, {
      IdentityInfo: { FirstName: 'Aiko', LastName: 'Sato' },
    });
    await engine.setStatus(instanceId, s.agent1.Id, s.available);
    const { call, socket } = await dialAndListen(base, NUMBER, CALLER);
    expect(offersTo(events, s.agent1.Id)).toEqual([call.CallId]);
    await socket.waitFor(isState('queued'), 'queued');

    const toAgent: unknown[] = [];
    signalling.join(call.CallId, 'agent', (data) => toAgent.push(data));
    await engine.accept(instanceId, s.agent1.Id, call.CallId);
    const connected = await socket.waitFor(isState('connected'), 'connected');
    expect(connected.agent).toBe('Aiko');

    socket.send({ type: 'signal', data: { type: 'offer', sdp: 'v=0 caller' } });
    await expect.poll(() => toAgent).toEqual([{ type: 'offer', sdp: 'v=0 caller' }]);
    expect(signalling.relay(call.CallId, 'agent', { type: 'answer', sdp: 'v=0 agent' })).toBe(true);
    const answer = await socket.waitFor(isType('signal'), 'the answer');
    expect(answer.data).toEqual({ type: 'answer', sdp: 'v=0 agent' });

    const hangUp = await request(base, 'DELETE', `/api/phone/calls/${call.CallId}?token=${call.Token}`);
    expect(hangUp.status).toBe(204);
    expect(await contact(call.CallId)).toMatchObject({
      State: 'ACW',
      DisconnectReason: 'CUSTOMER_DISCONNECT',
    });
    expect((await socket.waitFor(isState('ended'), 'the end')).reason).toBe('CUSTOMER_DISCONNECT');
    // The call's signalling is closed: the agent has nobody to signal to.
    expect(signalling.relay(call.CallId, 'agent', { candidate: 'x' })).toBe(false);
  });

  it('the agent hangs up: the caller hears the call end (AGENT_DISCONNECT)', async () => {
    await setUp();
    const { instanceId } = env();
    await engine.setStatus(instanceId, s.agent1.Id, s.available);
    const { call, socket } = await dialAndListen(base, NUMBER, CALLER);
    await engine.accept(instanceId, s.agent1.Id, call.CallId);
    expect((await socket.waitFor(isState('connected'), 'connected')).agent).toBeUndefined();
    await engine.endContact(instanceId, s.agent1.Id, call.CallId);
    expect((await socket.waitFor(isState('ended'), 'the end')).reason).toBe('AGENT_DISCONNECT');
    await socket.waitClosed();
    expect(socket.states).toEqual(['queued', 'connected', 'ended']);
  });

  it('a call whose socket goes away is hung up when no socket returns in time; a new socket replaces an old one', async () => {
    await setUp();
    const { call, socket } = await dialAndListen(base, NUMBER, CALLER);
    await socket.waitFor(isPrompt(OFFER), 'the offer');
    const url = `${base.replace(/^http/, 'ws')}/api/phone/calls/${call.CallId}/ws?token=${call.Token}`;
    const second = await CallSocket.open(url);
    expect((await socket.waitClosed()).code).toBe(4000);
    // The newcomer learns the current state at once.
    await second.waitFor(isState('queued'), 'the state');
    second.close();
    await second.waitClosed();
    await advance(env(), engine, 19_000);
    expect((await contact(call.CallId))?.State).toBe('QUEUED');
    await advance(env(), engine, 2_000);
    expect(await contact(call.CallId)).toMatchObject({
      State: 'ENDED',
      DisconnectReason: 'CUSTOMER_DISCONNECT',
    });
  });

  it('SSML prompts arrive as text with the voice hint; raw SSML in an event is reduced here', async () => {
    await setUp();
    const { services, instanceId } = env();
    const flow = await services.flows.create(instanceId, {
      Name: 'Voice and SSML',
      Type: 'CONTACT_FLOW',
      Content: flowJson('Voice', {
        Voice: {
          Type: 'UpdateContactTextToSpeechVoice',
          Parameters: { TextToSpeechVoice: 'Mizuki' },
          Next: 'Say',
        },
        Say: {
          Type: 'MessageParticipant',
          Parameters: { SSML: '<speak>Hello<break time="1s"/>world &amp; you</speak>' },
          Next: 'Ask',
        },
        Ask: {
          Type: 'GetParticipantInput',
          Parameters: { Text: 'Press 1.', InputTimeLimitSeconds: '60', StoreInput: 'False' },
          Conditions: [['1', 'End']],
          Errors: { NoMatchingError: 'End', InputTimeLimitExceeded: 'End', NoMatchingCondition: 'End' },
        },
        End: { Type: 'DisconnectParticipant' },
      }),
    });
    const number = await services.phoneNumbers.claim({ InstanceId: instanceId, PhoneNumber: '+81312340000' });
    await services.phoneNumbers.associateContactFlow(number.PhoneNumberId, {
      InstanceId: instanceId,
      ContactFlowId: flow.Id,
    });
    const { call, socket } = await dialAndListen(base, '+81312340000', CALLER);
    const said = await socket.waitFor(isPrompt('Hello world & you'), 'the SSML prompt');
    expect(said).toEqual({ type: 'prompt', text: 'Hello world & you', ssml: true, voice: 'Mizuki' });
    expect(await socket.waitFor(isPrompt('Press 1.'), 'the menu')).toMatchObject({ voice: 'Mizuki' });
    await socket.waitFor(isState('in-flow'), 'in flow');
    engine.events.publish(instanceId, {
      type: 'prompt',
      contactId: call.CallId,
      text: '<speak><p>One &lt;two&gt;</p><p>three</p></speak>',
      ssml: true,
    });
    expect(await socket.waitFor(isPrompt(/^One/), 'the reduced SSML')).toMatchObject({
      text: 'One <two> three',
      voice: 'Mizuki',
    });
    socket.send({ type: 'hangup' });
    expect((await socket.waitFor(isState('ended'), 'the end')).reason).toBe('CUSTOMER_DISCONNECT');
  });

  it('refuses a dial beyond the calls it may take at once (429), until one ends', async () => {
    await setUp({ maxActiveCalls: 1 });
    const { socket } = await dialAndListen(base, NUMBER, CALLER);
    const refused = await request(base, 'POST', '/api/phone/calls', { To: NUMBER });
    expect(refused).toMatchObject({ status: 429, body: { Code: 'LimitExceededException' } });
    socket.send({ type: 'hangup' });
    await socket.waitClosed();
    expect((await request(base, 'POST', '/api/phone/calls', { To: NUMBER })).status).toBe(201);
  });

  it('refuses a wrong or missing token (403), an unknown call or number (404), a bad number (400)', async () => {
    await setUp();
    const { call, socket } = await dialAndListen(base, NUMBER, CALLER);
    await socket.waitFor(isState('queued'), 'queued');
    const path = `/api/phone/calls/${call.CallId}`;
    for (const res of [
      await request(base, 'DELETE', path, undefined, { 'x-call-token': 'wrong' }),
      await request(base, 'DELETE', path),
      await request(base, 'POST', `${path}/digits?token=${call.Token}x`, { Digits: '1' }),
    ])
      expect(res).toMatchObject({ status: 403, body: { Code: 'AccessDeniedException' } });
    const ws = base.replace(/^http/, 'ws');
    await expect(CallSocket.open(`${ws}${path}/ws?token=nope`)).rejects.toThrow('HTTP 403');
    await expect(CallSocket.open(`${ws}/api/phone/calls/nobody/ws?token=x`)).rejects.toThrow('HTTP 404');
    expect(await request(base, 'GET', `/api/phone/calls/nobody?token=${call.Token}`)).toMatchObject({
      status: 404,
      body: { Code: 'ResourceNotFoundException' },
    });
    expect((await contact(call.CallId))?.State).toBe('QUEUED');

    const unknown = await request(base, 'POST', '/api/phone/calls', { To: '+81399999999' });
    expect(unknown).toMatchObject({ status: 404, body: { Code: 'ResourceNotFoundException' } });
    for (const [body, field] of [
      [{ To: '0312345678' }, 'To'],
      [{}, 'To'],
      [{ To: NUMBER, From: '090-1234' }, 'From'],
    ] as const) {
      const res = await request(base, 'POST', '/api/phone/calls', body);
      expect(res).toMatchObject({ status: 400, body: { Code: 'InvalidParameterException' } });
      expect((res.body as { Message: string }).Message).toMatch(new RegExp(`^${field}:`));
    }
  });
});
