/**
 * Agent statuses, PutUserStatus and real-time metrics through the AWS SDK on the scenario configured through the
 * SDK: an agent made Available by the API is offered a waiting task, and GetCurrentUserData / GetCurrentMetricData
 * report it.
 */
import {
  CreateAgentStatusCommand,
  DescribeAgentStatusCommand,
  UpdateAgentStatusCommand,
  GetCurrentMetricDataCommand,
  GetCurrentUserDataCommand,
  ListAgentStatusesCommand,
  PutUserStatusCommand,
  StartTaskContactCommand,
  paginateListAgentStatuses,
  type GetCurrentMetricDataCommandInput,
} from '@aws-sdk/client-connect';
import { beforeAll, expect, it } from 'vitest';
import { ACCOUNT, REGION, UUID, describeServers, failure, unique } from './harness.js';
import { setUpScenarioViaSdk, type SdkScenario } from './scenario-sdk.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeServers('agents-metrics', 'agent statuses and real-time metrics through the AWS SDK', (server) => {
  let s: SdkScenario;
  beforeAll(async () => {
    s = await setUpScenarioViaSdk(server().client, server().instanceId);
  });
  const metrics = (extra: Partial<GetCurrentMetricDataCommandInput> = {}) =>
    server().client.send(
      new GetCurrentMetricDataCommand({
        InstanceId: server().instanceId,
        Filters: { Queues: [s.callbackQueue.QueueId], Channels: ['TASK'] },
        Groupings: ['QUEUE', 'CHANNEL'],
        CurrentMetrics: [
          { Name: 'AGENTS_ONLINE', Unit: 'COUNT' },
          { Name: 'AGENTS_AVAILABLE', Unit: 'COUNT' },
          { Name: 'CONTACTS_IN_QUEUE', Unit: 'COUNT' },
          { Name: 'OLDEST_CONTACT_AGE', Unit: 'SECONDS' },
        ],
        ...extra,
      }),
    );
  const values = async () => {
    const r = await metrics();
    const [only] = r.MetricResults ?? [];
    return Object.fromEntries(
      (only?.Collections ?? []).map((c): [string, number | undefined] => [c.Metric?.Name ?? '', c.Value]),
    );
  };

  it('lists the built-in statuses, creates a custom one, and lists them paged and by type', async () => {
    const { client, instanceId: InstanceId } = server();
    const builtIn = await client.send(
      new ListAgentStatusesCommand({ InstanceId, AgentStatusTypes: ['ROUTABLE', 'OFFLINE'] }),
    );
    expect(builtIn.AgentStatusSummaryList?.map((a) => [a.Name, a.Type]).sort()).toEqual([
      ['Available', 'ROUTABLE'],
      ['Offline', 'OFFLINE'],
    ]);
    const name = unique('Lunch');
    const created = await client.send(
      new CreateAgentStatusCommand({
        InstanceId,
        Name: name,
        Description: 'Out for lunch',
        State: 'ENABLED',
        DisplayOrder: 3,
      }),
    );
    expect(created.AgentStatusId).toMatch(UUID);
    expect(created.AgentStatusARN).toBe(
      `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${InstanceId}/agent-state/${created.AgentStatusId}`,
    );
    const all: string[] = [];
    for await (const page of paginateListAgentStatuses({ client, pageSize: 1 }, { InstanceId })) {
      expect(page.AgentStatusSummaryList?.length).toBeLessThanOrEqual(1);
      for (const a of page.AgentStatusSummaryList ?? []) {
        expect(a.LastModifiedTime).toBeInstanceOf(Date);
        all.push(`${a.Name}/${a.Type}`);
      }
    }
    expect(all).toEqual(expect.arrayContaining(['Available/ROUTABLE', 'Offline/OFFLINE', `${name}/CUSTOM`]));
    const custom = await client.send(
      new ListAgentStatusesCommand({ InstanceId, AgentStatusTypes: ['CUSTOM'] }),
    );
    expect(custom.AgentStatusSummaryList?.map((a) => a.Id)).toEqual([created.AgentStatusId]);
    expect(custom.AgentStatusSummaryList?.[0]?.Arn).toBe(created.AgentStatusARN);

    // Renamed, disabled and reordered; described as it now is. A built-in status cannot be disabled.
    await client.send(
      new UpdateAgentStatusCommand({
        InstanceId,
        AgentStatusId: created.AgentStatusId,
        Name: `${name} break`,
        State: 'DISABLED',
        DisplayOrder: 5,
      }),
    );
    const described = await client.send(
      new DescribeAgentStatusCommand({ InstanceId, AgentStatusId: created.AgentStatusId }),
    );
    expect(described.AgentStatus).toMatchObject({
      Name: `${name} break`,
      Description: 'Out for lunch',
      Type: 'CUSTOM',
      State: 'DISABLED',
      DisplayOrder: 5,
    });
    const available = builtIn.AgentStatusSummaryList?.find((a) => a.Name === 'Available')?.Id;
    const refused = await failure(
      client.send(new UpdateAgentStatusCommand({ InstanceId, AgentStatusId: available, State: 'DISABLED' })),
      'InvalidParameterException',
      400,
    );
    expect(refused.message).toMatch(/Available.*cannot be disabled/);
  });

  it('an agent set Available by PutUserStatus is offered the waiting task; current user data and metrics show it', async () => {
    const { client, instanceId: InstanceId } = server();
    const idle = await client.send(
      new GetCurrentUserDataCommand({ InstanceId, Filters: { Agents: [s.agent2.Id] } }),
    );
    expect(idle.UserDataList?.[0]?.Status?.StatusName ?? 'Offline').toBe('Offline');

    const started = await client.send(
      new StartTaskContactCommand({
        InstanceId,
        ContactFlowId: s.flows.f3.Id,
        Name: 'Call back the customer',
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      }),
    );
    await server().idle();
    expect(await values()).toEqual({
      AGENTS_ONLINE: 0,
      AGENTS_AVAILABLE: 0,
      CONTACTS_IN_QUEUE: 1,
      OLDEST_CONTACT_AGE: 0,
    });

    const put = await client.send(
      new PutUserStatusCommand({ InstanceId, UserId: s.agent2.Id, AgentStatusId: s.available }),
    );
    expect(put.$metadata.httpStatusCode).toBe(200);
    await server().idle();
    const data = await client.send(
      new GetCurrentUserDataCommand({
        InstanceId,
        Filters: { Agents: [s.agent2.Id], Queues: [s.callbackQueue.QueueId] },
      }),
    );
    expect(data.ApproximateTotalCount).toBe(1);
    const [agent2] = data.UserDataList ?? [];
    expect(agent2).toMatchObject({
      User: { Id: s.agent2.Id, Arn: s.agent2.Arn },
      RoutingProfile: { Id: s.taskProfile.RoutingProfileId, Arn: s.taskProfile.RoutingProfileArn },
      Status: { StatusName: 'Available' },
      MaxSlotsByChannel: { TASK: 2 },
      ActiveSlotsByChannel: { TASK: 1 },
      AvailableSlotsByChannel: { TASK: 1 },
      Contacts: [
        {
          ContactId: started.ContactId,
          Channel: 'TASK',
          InitiationMethod: 'API',
          AgentContactState: 'INCOMING',
          Queue: { Id: s.callbackQueue.QueueId, Arn: s.callbackQueue.QueueArn },
        },
      ],
    });
    expect(agent2?.Status?.StatusStartTimestamp).toBeInstanceOf(Date);
    expect(agent2?.Contacts?.[0]?.StateStartTimestamp).toBeInstanceOf(Date);

    const r = await metrics();
    expect(r.DataSnapshotTime).toEqual(new Date(server().clock.now()));
    expect(r.MetricResults?.[0]?.Dimensions).toEqual({
      Queue: { Id: s.callbackQueue.QueueId, Arn: s.callbackQueue.QueueArn },
      Channel: 'TASK',
    });
    expect(await values()).toMatchObject({ AGENTS_ONLINE: 1, CONTACTS_IN_QUEUE: 0 });
    const units = (r.MetricResults?.[0]?.Collections ?? []).map((c) => c.Metric?.Unit);
    expect(units).toEqual(['COUNT', 'COUNT', 'COUNT', 'SECONDS']);
  });

  it('refuses: not found naming the id; invalid parameters naming the field; a duplicate name with 409; an agent key without metrics access', async () => {
    const { client, instanceId: InstanceId, tsunagi } = server();
    for (const call of [
      () =>
        client.send(new PutUserStatusCommand({ InstanceId, UserId: s.agent1.Id, AgentStatusId: MISSING })),
      () =>
        client.send(new PutUserStatusCommand({ InstanceId, UserId: MISSING, AgentStatusId: s.available })),
      () => metrics({ Filters: { Queues: [MISSING], Channels: ['TASK'] } }),
    ])
      expect((await failure(call(), 'ResourceNotFoundException', 404)).message).toContain(MISSING);

    const metric = await failure(
      metrics({ CurrentMetrics: [{ Name: 'SLOTS_ACTIVE', Unit: 'COUNT' }] }),
      'InvalidParameterException',
      400,
    );
    expect(metric.message).toMatch(/^CurrentMetrics/);
    const noQueue = await failure(
      metrics({ Filters: { Channels: ['TASK'] } }),
      'InvalidParameterException',
      400,
    );
    expect(noQueue.message).toMatch(/^Filters\.Queues/);
    const state = await failure(
      client.send(
        new CreateAgentStatusCommand({ InstanceId, Name: unique('Bad'), State: 'ON' as 'ENABLED' }),
      ),
      'InvalidParameterException',
      400,
    );
    expect(state.message).toMatch(/^State/);

    const name = unique('Break');
    await client.send(new CreateAgentStatusCommand({ InstanceId, Name: name, State: 'ENABLED' }));
    const dup = await failure(
      client.send(new CreateAgentStatusCommand({ InstanceId, Name: name, State: 'ENABLED' })),
      'DuplicateResourceException',
      409,
    );
    expect(dup.message).toContain(name);

    const key = await tsunagi.accessKeys.create(InstanceId, { UserId: s.agent1.Id });
    const agent = server().clientFor(key);
    const denied = await failure(
      agent.send(
        new GetCurrentMetricDataCommand({
          InstanceId,
          Filters: { Queues: [s.callbackQueue.QueueId] },
          CurrentMetrics: [{ Name: 'AGENTS_ONLINE', Unit: 'COUNT' }],
        }),
      ),
      'AccessDeniedException',
      403,
    );
    expect(denied.message).toContain('AccessMetrics');
    await failure(
      agent.send(new PutUserStatusCommand({ InstanceId, UserId: s.agent2.Id, AgentStatusId: s.offline })),
      'AccessDeniedException',
      403,
    );
  });
});
