/**
 * The console API over a whole server: a person logged in (session cookie + CSRF) calls the Connect operations by
 * name with the same permission table, and manages access keys.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startTsunagi, type Tsunagi } from '../../src/app/runtime.js';
import { AgentClient } from './agent-client.js';

const PASSWORD = 'Console-Admin-2026';

/** The agent client's cookie jar and CSRF token, pointed at the console API. */
async function consoleCall(client: AgentClient, operation: string, body: unknown = {}) {
  const res = await fetch(`${client.base}/api/console/${operation}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: client.cookie,
      ...(client.csrf !== undefined && { 'x-csrf-token': client.csrf }),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the console API', () => {
  let tsunagi: Tsunagi;
  const dir = mkdtempSync(join(tmpdir(), 'tsunagi-console-'));
  const admin = () => new AgentClient(tsunagi.url);

  beforeAll(async () => {
    tsunagi = await startTsunagi(
      loadConfig({ port: 0, database: join(dir, 'tsunagi.db') }, { TSUNAGI_ADMIN_PASSWORD: PASSWORD }),
    );
  });
  afterAll(async () => {
    await tsunagi.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the administrator configure the instance with Connect operations, and refuses without a session or CSRF', async () => {
    const anonymous = await consoleCall(admin(), 'ListQueues');
    expect(anonymous.status).toBe(401);
    const a = admin();
    expect((await a.login('admin', PASSWORD)).status).toBe(200);
    const hours = await consoleCall(a, 'ListHoursOfOperations');
    expect(hours.status).toBe(200);
    const hoursId = (hours.body.HoursOfOperationSummaryList as { Id: string }[])[0]?.Id;
    const created = await consoleCall(a, 'CreateQueue', { Name: 'Callbacks', HoursOfOperationId: hoursId });
    expect(created.status).toBe(200);
    expect(created.body.QueueId).toEqual(expect.any(String));
    const list = await consoleCall(a, 'ListQueues', { QueueTypes: ['STANDARD'] });
    expect((list.body.QueueSummaryList as { Name: string }[]).map((q) => q.Name).sort()).toEqual([
      'BasicQueue',
      'Callbacks',
    ]);
    const duplicate = await consoleCall(a, 'CreateQueue', { Name: 'Callbacks', HoursOfOperationId: hoursId });
    expect(duplicate).toMatchObject({ status: 409, body: { Code: 'DuplicateResourceException' } });
    const unknown = await consoleCall(a, 'LaunchRocket');
    expect(unknown).toMatchObject({ status: 404, body: { Code: 'ResourceNotFoundException' } });
    const noCsrf = new AgentClient(tsunagi.url);
    await noCsrf.login('admin', PASSWORD);
    noCsrf.csrf = undefined;
    expect((await consoleCall(noCsrf, 'ListQueues')).status).toBe(403);
  });

  it('shows T5 in words naming the field, and refuses a person whose profile lacks the permission', async () => {
    const a = admin();
    await a.login('admin', PASSWORD);
    const t5 = await consoleCall(a, 'CreateTaskTemplate', {
      Name: 'Broken',
      Fields: [{ Id: { Name: 'PhoneNumber' }, Type: 'TEXT' }],
      Constraints: {
        RequiredFields: [{ Id: { Name: 'PhoneNumber' } }],
        ReadOnlyFields: [{ Id: { Name: 'PhoneNumber' } }],
      },
    });
    expect(t5.status).toBe(400);
    expect(t5.body.Code).toBe('PropertyValidationException');
    expect(String(t5.body.Message)).toMatch(/PhoneNumber/);

    const profiles = await consoleCall(a, 'CreateSecurityProfile', {
      SecurityProfileName: 'Agents only',
      Permissions: ['BasicAgentAccess'],
    });
    const users = await consoleCall(a, 'ListUsers');
    const adminUser = (users.body.UserSummaryList as { Id: string }[])[0]?.Id ?? '';
    const routing = (await consoleCall(a, 'DescribeUser', { UserId: adminUser })).body.User as {
      RoutingProfileId: string;
    };
    const user = await consoleCall(a, 'CreateUser', {
      Username: 'agent9',
      Password: 'Agent-Nine-2026',
      PhoneConfig: { PhoneType: 'SOFT_PHONE' },
      SecurityProfileIds: [profiles.body.SecurityProfileId],
      RoutingProfileId: routing.RoutingProfileId,
    });
    expect(user.status).toBe(200);
    const agent = admin();
    await agent.login('agent9', 'Agent-Nine-2026');
    const refused = await consoleCall(agent, 'CreateQueue', { Name: 'Nope', HoursOfOperationId: 'x' });
    expect(refused).toMatchObject({ status: 403, body: { Code: 'AccessDeniedException' } });
    expect(String(refused.body.Message)).toMatch(/Queues\.Create/);
  });

  it('creates an access key shown once, lists keys without secrets, revokes one', async () => {
    const a = admin();
    await a.login('admin', PASSWORD);
    const created = await consoleCall(a, 'CreateAccessKey', { UserId: a.userId, Description: 'reporting' });
    expect(created.status).toBe(200);
    expect(created.body.SecretAccessKey).toEqual(expect.any(String));
    const listed = await consoleCall(a, 'ListAccessKeys');
    expect(JSON.stringify(listed.body)).not.toContain(String(created.body.SecretAccessKey));
    const revoked = await consoleCall(a, 'RevokeAccessKey', { AccessKeyId: created.body.AccessKeyId });
    expect(revoked.status).toBe(200);
    const after = (await consoleCall(a, 'ListAccessKeys')).body.AccessKeys as {
      AccessKeyId: string;
      Status: string;
    }[];
    expect(after.find((k) => k.AccessKeyId === created.body.AccessKeyId)?.Status).toBe('REVOKED');
  });
});
