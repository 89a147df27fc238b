/**
 * The console API over a whole server: a person logged in (session cookie + CSRF) calls the Connect operations by
 * name with the same permission table, and manages access keys.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectClient, ListQueuesCommand } from '@aws-sdk/client-connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startTsunagi, type Tsunagi } from '../../src/app/runtime.js';
import { AgentClient } from './agent-client.js';
import { repoRoot } from '../support/cli.js';

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
    const sdk = new ConnectClient({
      endpoint: `${tsunagi.url}/connect`,
      region: 'us-east-1',
      credentials: {
        accessKeyId: String(created.body.AccessKeyId),
        secretAccessKey: String(created.body.SecretAccessKey),
      },
      maxAttempts: 1,
    });
    const InstanceId = tsunagi.defaultInstance.Id;
    expect((await sdk.send(new ListQueuesCommand({ InstanceId }))).QueueSummaryList?.length).toBeGreaterThan(
      0,
    );
    const revoked = await consoleCall(a, 'RevokeAccessKey', { AccessKeyId: created.body.AccessKeyId });
    expect(revoked.status).toBe(200);
    // The whole server answers a revoked key as AWS does (403 UnrecognizedClientException, not a 500).
    await expect(sdk.send(new ListQueuesCommand({ InstanceId }))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 403 },
    });
    sdk.destroy();
    const after = (await consoleCall(a, 'ListAccessKeys')).body.AccessKeys as {
      AccessKeyId: string;
      Status: string;
    }[];
    expect(after.find((k) => k.AccessKeyId === created.body.AccessKeyId)?.Status).toBe('REVOKED');
  });

  it('lints a flow export without storing it, naming each problem', async () => {
    const a = admin();
    await a.login('admin', PASSWORD);
    const f3 = readFileSync(join(repoRoot, 'examples/callback-via-task/F3-task.json'), 'utf8');
    const clean = await consoleCall(a, 'LintContactFlow', { Content: f3 });
    expect(clean.status).toBe(200);
    expect(clean.body).toMatchObject({ Errors: [], FlowType: 'CONTACT_FLOW' });
    expect(clean.body.Actions).toBeGreaterThan(2);
    const broken = JSON.parse(f3) as { StartAction: string };
    broken.StartAction = 'no-such-block';
    const bad = await consoleCall(a, 'LintContactFlow', { Content: JSON.stringify(broken) });
    expect(bad.status).toBe(200);
    expect(JSON.stringify(bad.body.Errors)).toContain('no-such-block');
    const notJson = await consoleCall(a, 'LintContactFlow', { Content: '{"Version": ' });
    expect((notJson.body.Errors as unknown[]).length).toBeGreaterThan(0);
    const wrongType = await consoleCall(a, 'LintContactFlow', { Content: f3, Type: 'NOT_A_TYPE' });
    expect(wrongType).toMatchObject({ status: 400, body: { Code: 'InvalidParameterException' } });
    expect(String(wrongType.body.Message)).toMatch(/Type/);
    const flows = await consoleCall(a, 'ListContactFlows');
    expect(JSON.stringify(flows.body)).not.toContain('Callback task');
  });

  it("binds an example flow's placeholder references to this instance's resources by name", async () => {
    const a = admin();
    await a.login('admin', PASSWORD);
    const f1 = readFileSync(join(repoRoot, 'examples/callback-via-task/F1-inbound.json'), 'utf8');
    const bound = await consoleCall(a, 'BindFlowReferences', { Content: f1 });
    expect(bound.status).toBe(200);
    const queues = (await consoleCall(a, 'ListQueues', { QueueTypes: ['STANDARD'] })).body
      .QueueSummaryList as { Arn: string; Name: string }[];
    const basic = queues.find((q) => q.Name === 'BasicQueue')?.Arn;
    expect(bound.body.Bound).toEqual([{ Kind: 'queue', Name: 'BasicQueue', Arn: basic }]);
    expect(bound.body.Missing).toEqual([{ Kind: 'contact-flow', Name: 'Callback customer queue' }]);
    expect(String(bound.body.Content)).toContain(String(basic));
    expect(String(bound.body.Content)).toContain('instance/example/contact-flow/Callback customer queue');
    // An export in DescribeContactFlow's wrapper: unwrapped, with its name, type and description.
    const wrapped = JSON.stringify({
      ContactFlow: {
        Name: 'Inbound (copy)',
        Type: 'CONTACT_FLOW',
        Description: 'From another instance',
        Content: f1,
      },
    });
    const unwrapped = await consoleCall(a, 'BindFlowReferences', { Content: wrapped });
    expect(unwrapped.body).toMatchObject({
      Name: 'Inbound (copy)',
      Type: 'CONTACT_FLOW',
      Description: 'From another instance',
      Content: bound.body.Content,
    });
  });

  it('groups the permissions as Connect does, and reports the queues in real time', async () => {
    const a = admin();
    await a.login('admin', PASSWORD);
    const groups = (await consoleCall(a, 'ListPermissionGroups')).body.Groups as {
      Label: string;
      Features: { Label: string; Permissions: string[] }[];
    }[];
    const routing = groups.find((g) => g.Label === 'Routing');
    expect(routing?.Features.find((f) => f.Label === 'Queues')?.Permissions).toContain('Queues.Create');
    const realtime = await consoleCall(a, 'GetRealtimeMetrics');
    expect(realtime.status).toBe(200);
    expect(realtime.body.ScheduledTasks).toBe(0);
    expect(realtime.body.Queues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Name: 'BasicQueue', ContactsInQueue: 0, AgentsAvailable: 0 }),
      ]),
    );
  });

  it('warns about a quick connect whose flow fails on tasks (X2), and names a missing quick connect', async () => {
    const a = admin();
    await a.login('admin', PASSWORD);
    const queues = (await consoleCall(a, 'ListQueues', { QueueTypes: ['STANDARD'] })).body
      .QueueSummaryList as { Id: string; Name: string }[];
    const queueId = queues.find((q) => q.Name === 'BasicQueue')?.Id;
    const flow = await consoleCall(a, 'CreateContactFlow', {
      Name: 'Menu transfer',
      Type: 'QUEUE_TRANSFER',
      Content: JSON.stringify(GET_INPUT_FLOW),
    });
    expect(flow.status).toBe(200);
    const qc = await consoleCall(a, 'CreateQuickConnect', {
      Name: 'Basic queue (menu)',
      QuickConnectConfig: {
        QuickConnectType: 'QUEUE',
        QueueConfig: { QueueId: queueId, ContactFlowId: flow.body.ContactFlowId },
      },
    });
    expect(qc.status).toBe(200);
    const warned = await consoleCall(a, 'GetQuickConnectTaskWarnings', {
      QuickConnectId: qc.body.QuickConnectId,
    });
    expect(warned.status).toBe(200);
    expect(String((warned.body.TaskWarnings as string[])[0])).toMatch(/Menu transfer.*GetParticipantInput/);
    const missing = await consoleCall(a, 'GetQuickConnectTaskWarnings', { QuickConnectId: 'nope' });
    expect(missing).toMatchObject({ status: 404, body: { Code: 'ResourceNotFoundException' } });
  });
});

/** A queue transfer flow that asks for a key first: Get customer input does not run on tasks (X2). */
const GET_INPUT_FLOW = {
  Version: '2019-10-30',
  StartAction: 'ask',
  Actions: [
    {
      Identifier: 'ask',
      Type: 'GetParticipantInput',
      Parameters: { Text: 'Press 1', StoreInput: 'False', InputTimeLimitSeconds: '5' },
      Transitions: {
        NextAction: 'transfer',
        Errors: [
          { NextAction: 'transfer', ErrorType: 'NoMatchingError' },
          { NextAction: 'transfer', ErrorType: 'InputTimeLimitExceeded' },
        ],
        Conditions: [],
      },
    },
    {
      Identifier: 'transfer',
      Type: 'TransferContactToQueue',
      Parameters: {},
      Transitions: {
        NextAction: 'end',
        Errors: [
          { NextAction: 'end', ErrorType: 'QueueAtCapacity' },
          { NextAction: 'end', ErrorType: 'NoMatchingError' },
        ],
      },
    },
    { Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
};
