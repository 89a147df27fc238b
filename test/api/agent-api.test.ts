/**
 * The agent API over HTTP (issue 5, "Agent API tests"): password login to an HttpOnly session cookie, the CSRF
 * header and the Origin check, an agent kept off other agents' contacts, and P1–P3 refused over HTTP to profiles
 * that lack them. The WebSocket scenario (V1–V3, X2, R2) is in agent-scenario.test.ts.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { startEngine } from '../support/engine.js';
import { setUpScenario, type Scenario } from '../support/scenario.js';
import type { Engine } from '../../src/contacts/engine.js';
import { AgentClient, startAgentApi, type AgentApiServer } from './agent-client.js';

const HOUR = 3_600_000;

describeStores('the agent API: sessions, forgery, permissions', (env) => {
  let s: Scenario;
  let engine: Engine;
  let server: AgentApiServer;
  const client = () => new AgentClient(server.url);
  const loggedIn = async (username: string) => {
    const c = client();
    expect((await c.login(username)).status).toBe(200);
    return c;
  };

  beforeEach(async () => {
    s = await setUpScenario(env());
    ({ engine } = startEngine(env()));
    server = await startAgentApi(env(), engine);
  });
  afterEach(async () => {
    await server?.close();
    await engine?.stop();
  });

  it('logs in with a password to an HttpOnly, SameSite=Strict cookie; a wrong password gets a generic 401', async () => {
    const c = client();
    const ok = await c.login('agent1');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      User: { Id: s.agent1.Id, Username: 'agent1', RoutingProfileId: s.profile.RoutingProfileId },
      Permissions: ['BasicAgentAccess'],
      CsrfToken: expect.any(String) as string,
      ExpiresAt: env().clock.now() + 12 * HOUR,
    });
    const setCookie = ok.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^tsunagi_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http here; Secure over https
    expect(JSON.stringify(ok.body)).not.toContain(c.cookie.split('=')[1] ?? '?');

    const me = await c.call('GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ User: { Username: 'agent1' }, CsrfToken: c.csrf });

    for (const [username, password] of [
      ['agent1', 'Wrong2026x'],
      ['nobody', 'Callback2026'],
    ] as const) {
      const bad = await client().login(username, password);
      expect(bad.status).toBe(401);
      expect(bad.body).toEqual({ Code: 'UnauthorizedException', Message: 'Incorrect username or password.' });
      expect(bad.headers.get('set-cookie')).toBeNull();
    }
    const missing = await client().call('POST', '/login', { Username: 'agent1' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ Code: 'InvalidParameterException', Message: /Password/ });
    expect(missing.body).not.toHaveProperty('stack');

    const anonymous = await client().call('GET', '/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.Code).toBe('UnauthorizedException');
    const unknown = await c.call('GET', '/no-such-endpoint');
    expect(unknown).toMatchObject({ status: 404, body: { Code: 'ResourceNotFoundException' } });

    // A restart keeps the session: a new engine and server over the same store.
    await server.close();
    await engine.stop();
    ({ engine } = startEngine(env()));
    server = await startAgentApi(env(), engine);
    const restarted = await fetch(`${server.url}/api/agent/me`, { headers: { cookie: c.cookie } });
    expect(restarted.status).toBe(200);
  });

  it('logs out: the cookie is cleared and the old session no longer opens anything', async () => {
    const c = await loggedIn('agent1');
    const cookie = c.cookie;
    const out = await c.call('POST', '/logout');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^tsunagi_session=; .*Max-Age=0/);
    expect(c.cookie).toBe('');
    const replay = await fetch(`${server.url}/api/agent/me`, { headers: { cookie } });
    expect(replay.status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF header, and requests from a foreign Origin', async () => {
    const c = await loggedIn('agent1');
    const token = c.csrf;
    c.csrf = undefined;
    const noHeader = await c.call('PUT', '/status', { AgentStatusId: s.available });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body).toMatchObject({ Code: 'AccessDeniedException', Message: /x-csrf-token/ });
    const wrong = await c.call('PUT', '/status', { AgentStatusId: s.available }, { 'x-csrf-token': 'guess' });
    expect(wrong.status).toBe(403);
    expect((await c.call('POST', '/logout')).status).toBe(403);
    expect((await engine.agent(env().instanceId, s.agent1.Id)).statusId).toBeUndefined();

    c.csrf = token;
    const evil = { origin: 'https://evil.example' };
    const foreign = await c.call('PUT', '/status', { AgentStatusId: s.available }, evil);
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ Code: 'AccessDeniedException', Message: /Origin/ });
    expect((await c.call('GET', '/me', undefined, evil)).status).toBe(403);
    expect(
      (await client().call('POST', '/login', { Username: 'agent1', Password: 'Callback2026' }, evil)).status,
    ).toBe(403);
    expect((await c.call('GET', '/me', undefined, { origin: 'null' })).status).toBe(403);
    await expect(c.socket(evil)).rejects.toThrow(/403/);
    await expect(client().socket()).rejects.toThrow(/401/);

    const own = await c.call('PUT', '/status', { AgentStatusId: s.available }, { origin: server.url });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      Agent: { statusId: s.available, statusName: 'Available', routable: true },
    });
  });

  it('lists the enabled statuses, the active templates, and the quick connects with their X2 warnings', async () => {
    const c = await loggedIn('agent1');
    const statuses = await c.call('GET', '/statuses');
    expect(statuses.status).toBe(200);
    expect((statuses.body.AgentStatuses as { Name: string }[]).map((x) => x.Name).sort()).toEqual([
      'Available',
      'Offline',
    ]);
    const templates = await c.call('GET', '/task-templates');
    expect(templates.status).toBe(200);
    expect(templates.body.TaskTemplates).toEqual([
      expect.objectContaining({
        Id: s.template.Id,
        Status: 'ACTIVE',
        Constraints: expect.objectContaining({ ReadOnlyFields: [{ Id: { Name: 'Description' } }] }) as object,
      }),
    ]);
    const qcs = await c.call('GET', '/quick-connects');
    expect(qcs.status).toBe(200);
    const list = qcs.body.QuickConnects as { Name: string; TaskWarnings: string[] }[];
    expect(list.map((q) => q.Name)).toEqual(['agent1', 'Callback queue', 'Callback queue (menu)']);
    expect(list.find((q) => q.Name === 'Callback queue (menu)')?.TaskWarnings).toEqual([
      expect.stringMatching(/block Menu \(GetParticipantInput\)/),
    ]);
    expect(list.find((q) => q.Name === 'Callback queue')?.TaskWarnings).toEqual([]);
  });

  it('keeps an agent off another agent’s contact: accept, reject, end, hold, transfer, edit and read are 403', async () => {
    const { instanceId } = env();
    const agent1 = await loggedIn('agent1');
    const agent2 = await loggedIn('agent2');
    expect((await agent2.call('PUT', '/status', { AgentStatusId: s.available })).status).toBe(200);
    const task = await engine.startTask(instanceId, {
      ContactFlowId: s.flows.f3.Id,
      Name: 'Callback',
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
    });
    expect(await engine.contact(instanceId, task.Id)).toMatchObject({
      State: 'OFFERED',
      AgentId: s.agent2.Id,
    });
    const path = `/contacts/${task.Id}`;
    for (const verb of ['accept', 'reject']) {
      const r = await agent1.call('POST', `${path}/${verb}`);
      expect(r, verb).toMatchObject({ status: 403, body: { Code: 'AccessDeniedException' } });
    }
    expect((await agent2.call('POST', `${path}/accept`)).body).toMatchObject({
      Contact: { Id: task.Id, State: 'CONNECTED' },
    });
    const qc = { QuickConnectId: s.quickConnects.toCallbackQueue.QuickConnectId };
    for (const [method, suffix, body] of [
      ['POST', '/end', undefined],
      ['POST', '/complete', undefined],
      ['POST', '/hold', undefined],
      ['POST', '/transfer', qc],
      ['PATCH', '', { Name: 'Mine now' }],
      ['GET', '', undefined],
    ] as const) {
      const r = await agent1.call(method, `${path}${suffix}`, body);
      expect(r, `${method} ${suffix}`).toMatchObject({
        status: 403,
        body: { Code: 'AccessDeniedException' },
      });
    }
    const qcsForTask = await agent1.call('GET', `/quick-connects?contactId=${task.Id}`);
    expect(qcsForTask.status).toBe(403);
    expect(await engine.contact(instanceId, task.Id)).toMatchObject({
      State: 'CONNECTED',
      AgentId: s.agent2.Id,
      Name: 'Callback',
    });
    const own = await agent2.call('GET', path);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ Contact: { Id: task.Id, State: 'CONNECTED' } });
    expect(own.body.Contact).not.toHaveProperty('FlowState');
    expect((own.body.Timeline as { Type: string }[]).map((e) => e.Type)).toEqual(
      expect.arrayContaining(['INITIATED', 'QUEUED', 'OFFERED', 'CONNECTED']),
    );
    const ended = await agent2.call('POST', `${path}/end`);
    expect(ended.body).toMatchObject({ Contact: { State: 'ACW' } });
    const cleared = await agent2.call('POST', `${path}/complete`);
    expect(cleared.body).toMatchObject({ Contact: { State: 'ENDED' } });
  });

  it('P1, P2, P3: task creation, rescheduling and contact search are refused to profiles that lack them', async () => {
    const { instanceId, clock } = env();
    const agent1 = await loggedIn('agent1');
    const agent3 = await loggedIn('agent3');
    const supervisor = await loggedIn('supervisor');
    const request = {
      TaskTemplateId: s.template.Id,
      Name: 'Call back Tanaka',
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      References: { PhoneNumber: { Type: 'STRING', Value: '+819011112222' } },
      ScheduledTime: clock.now() + 2 * HOUR,
    };
    // P1: agent3's profile restricts task creation.
    const refused = await agent3.call('POST', '/tasks', request);
    expect(refused).toMatchObject({
      status: 403,
      body: { Code: 'AccessDeniedException', Message: /RestrictTaskCreation\.Access/ },
    });
    expect((await agent3.call('GET', '/task-templates')).status).toBe(403);
    const made = await agent1.call('POST', '/tasks', request);
    expect(made.status).toBe(200);
    const taskId = made.body.ContactId as string;
    expect(made.body.Contact).toMatchObject({
      Id: taskId,
      State: 'SCHEDULED',
      ScheduledTimestamp: request.ScheduledTime,
      TaskTemplateId: s.template.Id,
    });
    const bad = await agent1.call('POST', '/tasks', { ...request, Colour: 'red' });
    expect(bad).toMatchObject({
      status: 400,
      body: { Code: 'InvalidParameterException', Message: /Colour/ },
    });

    // P2: agent1 lacks UpdateContactSchedule.Enabled; the supervisor has it.
    const later = { ScheduledTime: clock.now() + 3 * HOUR };
    const p2 = await agent1.call('PUT', `/contacts/${taskId}/schedule`, later);
    expect(p2).toMatchObject({
      status: 403,
      body: { Code: 'AccessDeniedException', Message: /UpdateContactSchedule\.Enabled/ },
    });
    const moved = await supervisor.call('PUT', `/contacts/${taskId}/schedule`, later);
    expect(moved.status).toBe(200);
    expect(moved.body.Contact).toMatchObject({ ScheduledTimestamp: later.ScheduledTime, RescheduleCount: 1 });

    // P3: agent1 lacks ContactSearch.View; the supervisor finds the scheduled task.
    const search = {
      TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 0, EndTime: clock.now() + 1 },
      SearchCriteria: { Channels: ['TASK'], States: ['SCHEDULED'] },
    };
    const p3 = await agent1.call('POST', '/contacts/search', search);
    expect(p3).toMatchObject({
      status: 403,
      body: { Code: 'AccessDeniedException', Message: /ContactSearch\.View/ },
    });
    const found = await supervisor.call('POST', '/contacts/search', search);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ TotalCount: 1, Contacts: [{ Id: taskId, State: 'SCHEDULED' }] });
    const details = await supervisor.call('GET', `/contacts/${taskId}`);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      Contact: { Id: taskId, Description: expect.any(String) as string },
      TaskTemplate: { Id: s.template.Id },
    });
    expect((await agent1.call('GET', `/contacts/${taskId}`)).status).toBe(403);

    // Stopping a contact: the supervisor's profile has StopContact.Enabled, agent1's does not.
    expect((await agent1.call('POST', `/contacts/${taskId}/stop`)).status).toBe(403);
    const stopped = await supervisor.call('POST', `/contacts/${taskId}/stop`);
    expect(stopped.body).toMatchObject({ Contact: { Id: taskId, State: 'ENDED' } });
    expect((await engine.contact(instanceId, taskId))?.State).toBe('ENDED');
  });
});
