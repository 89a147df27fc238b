/**
 * The agent API beside the web-phone API on one server: a caller on the web phone (HTTP and its WebSocket) and
 * two agents on theirs. V1 with the caller pressing 2 through the web phone, and the WebRTC signalling relayed
 * between the caller's socket and the agent's.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { describeStores } from '../support/env.js';
import { advance, startEngine } from '../support/engine.js';
import { NUMBER, setUpScenario, type Scenario } from '../support/scenario.js';
import type { Engine } from '../../src/contacts/engine.js';
import { AgentClient, AgentSocket, startAgentApi, type AgentApiServer } from './agent-client.js';

describeStores('the agent API with a caller on the web phone', (env) => {
  let s: Scenario;
  let engine: Engine;
  let server: AgentApiServer;
  const sockets: AgentSocket[] = [];

  beforeEach(async () => {
    s = await setUpScenario(env());
    ({ engine } = startEngine(env()));
    server = await startAgentApi(env(), engine, { phone: true });
  });
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.close();
    await server?.close();
    await engine?.stop();
  });

  const agent = async (username: string) => {
    const c = new AgentClient(server.url);
    expect((await c.login(username)).status).toBe(200);
    expect((await c.call('PUT', '/status', { AgentStatusId: s.available })).status).toBe(200);
    const ws = await c.socket();
    sockets.push(ws);
    return { c, ws };
  };

  /** Dials NUMBER on the web phone and opens the call's socket. */
  const phoneCall = async (from: string) => {
    const res = await fetch(`${server.url}/api/phone/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ To: NUMBER, From: from }),
    });
    expect(res.status).toBe(201);
    const { CallId, Token } = (await res.json()) as { CallId: string; Token: string };
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/api/phone/calls/${CallId}/ws?token=${Token}`,
    );
    const socket = new AgentSocket(ws);
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const press = async (digits: string) => {
      const r = await fetch(`${server.url}/api/phone/calls/${CallId}/digits`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-call-token': Token },
        body: JSON.stringify({ Digits: digits }),
      });
      expect(r.status).toBe(204);
    };
    return { callId: CallId, socket, press };
  };

  it('V1: the caller presses 2 on the web phone and the idle agent2 gets the offer; signalling flows both ways with agent1', async () => {
    // agent2 has been idle longest (agent1 logs in a second later, then takes a call).
    const a2 = await agent('agent2');
    await advance(env(), engine, 1000);
    const a1 = await agent('agent1');

    // A first caller is connected to agent1 (the only agent on VOICE); signalling is relayed both ways.
    const first = await phoneCall('+819011112222');
    expect(await a1.ws.next((m) => m.type === 'offer')).toMatchObject({ contactId: first.callId });
    expect((await a1.c.call('POST', `/contacts/${first.callId}/accept`)).status).toBe(200);
    await first.socket.next((m) => m.type === 'state' && m.state === 'connected');
    await a1.ws.next((m) => m.type === 'contact' && (m.contact as { State: string }).State === 'CONNECTED');
    first.socket.send({ type: 'signal', data: { sdp: 'offer from the caller' } });
    expect(await a1.ws.next((m) => m.type === 'signal')).toEqual({
      type: 'signal',
      contactId: first.callId,
      data: { sdp: 'offer from the caller' },
    });
    a1.ws.send({ type: 'signal', contactId: first.callId, data: { sdp: 'answer from the agent' } });
    expect(await first.socket.next((m) => m.type === 'signal')).toEqual({
      type: 'signal',
      data: { sdp: 'answer from the agent' },
    });

    // A second caller waits, then presses 2: the callback task goes to agent2, idle and on tasks only.
    const second = await phoneCall('+819012345678');
    await second.socket.next((m) => m.type === 'state' && m.state === 'queued');
    await advance(env(), engine, 3000);
    await second.press('2');
    await second.socket.next((m) => m.type === 'state' && m.state === 'ended');
    const offer = await a2.ws.next((m) => m.type === 'offer');
    const taskId = offer.contactId as string;
    const accepted = await a2.c.call('POST', `/contacts/${taskId}/accept`);
    expect(accepted.body).toMatchObject({
      Contact: {
        Channel: 'TASK',
        RelatedContactId: second.callId,
        References: { PhoneNumber: { Value: '+819012345678' } },
      },
    });
    const seen = await a1.ws.sync();
    expect(seen.some((m) => m.type === 'offer' && m.contactId === taskId)).toBe(false);
  });
});
