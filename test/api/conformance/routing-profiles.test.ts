/** Routing profiles (rules S1–S3) through the AWS SDK against a whole Tsunagi (SigV4, permissions). */
import {
  AssociateRoutingProfileQueuesCommand,
  CreateHoursOfOperationCommand,
  CreateQueueCommand,
  CreateRoutingProfileCommand,
  DescribeRoutingProfileCommand,
  ListRoutingProfileQueuesCommand,
  ListRoutingProfilesCommand,
  UpdateRoutingProfileConcurrencyCommand,
  UpdateRoutingProfileQueuesCommand,
  paginateListRoutingProfileQueues,
  paginateListRoutingProfiles,
  type CreateRoutingProfileCommandInput,
} from '@aws-sdk/client-connect';
import { beforeAll, expect, it } from 'vitest';
import { ACCOUNT, REGION, UUID, describeServers, failure, unique } from './harness.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeServers('routing-profiles', 'routing profiles through the AWS SDK', (server) => {
  const queues: string[] = [];
  beforeAll(async () => {
    const { client, instanceId: InstanceId } = server();
    const h = await client.send(
      new CreateHoursOfOperationCommand({ InstanceId, Name: 'Routing hours', TimeZone: 'UTC', Config: [] }),
    );
    for (const Name of ['Calls', 'Tasks', 'Overflow']) {
      const q = await client.send(
        new CreateQueueCommand({ InstanceId, Name, HoursOfOperationId: h.HoursOfOperationId }),
      );
      queues.push(q.QueueId ?? '');
    }
  });
  const calls = () => queues[0] ?? '';
  const tasks = () => queues[1] ?? '';
  const overflow = () => queues[2] ?? '';

  const profile = (Name: string, extra: Partial<CreateRoutingProfileCommandInput> = {}) =>
    server().client.send(
      new CreateRoutingProfileCommand({
        InstanceId: server().instanceId,
        Name,
        Description: 'Calls and callback tasks',
        DefaultOutboundQueueId: calls(),
        MediaConcurrencies: [
          { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
          { Channel: 'TASK', Concurrency: 3, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
        ],
        QueueConfigs: [
          { QueueReference: { QueueId: calls(), Channel: 'VOICE' }, Priority: 1, Delay: 0 },
          { QueueReference: { QueueId: tasks(), Channel: 'TASK' }, Priority: 2, Delay: 5 },
        ],
        Tags: { team: 'callbacks' },
        ...extra,
      }),
    );

  it('S1, S2: creates a routing profile and describes what was set', async () => {
    const { client, instanceId: InstanceId } = server();
    const name = unique('Callback agents');
    const created = await profile(name);
    expect(created.RoutingProfileId).toMatch(UUID);
    expect(created.RoutingProfileArn).toBe(
      `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${InstanceId}/routing-profile/${created.RoutingProfileId}`,
    );
    const { RoutingProfile } = await client.send(
      new DescribeRoutingProfileCommand({ InstanceId, RoutingProfileId: created.RoutingProfileId }),
    );
    expect(RoutingProfile).toMatchObject({
      InstanceId,
      RoutingProfileId: created.RoutingProfileId,
      RoutingProfileArn: created.RoutingProfileArn,
      Name: name,
      Description: 'Calls and callback tasks',
      DefaultOutboundQueueId: calls(),
      Tags: { team: 'callbacks' },
      NumberOfAssociatedQueues: 2,
    });
    expect(RoutingProfile?.MediaConcurrencies).toEqual(
      expect.arrayContaining([
        { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
        { Channel: 'TASK', Concurrency: 3, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
      ]),
    );
    expect(RoutingProfile?.LastModifiedTime).toBeInstanceOf(Date);
  });

  it('S3: associates queues per channel, lists them paged, and changes priority, delay and concurrency', async () => {
    const { client, instanceId: InstanceId } = server();
    const RoutingProfileId = (await profile(unique('Growing'))).RoutingProfileId ?? '';
    await client.send(
      new AssociateRoutingProfileQueuesCommand({
        InstanceId,
        RoutingProfileId,
        QueueConfigs: [
          { QueueReference: { QueueId: overflow(), Channel: 'TASK' }, Priority: 3, Delay: 30 },
          { QueueReference: { QueueId: overflow(), Channel: 'VOICE' }, Priority: 3, Delay: 30 },
        ],
      }),
    );
    const pairs: string[] = [];
    let pages = 0;
    for await (const page of paginateListRoutingProfileQueues(
      { client, pageSize: 2 },
      { InstanceId, RoutingProfileId },
    )) {
      pages++;
      expect(page.LastModifiedTime).toBeInstanceOf(Date);
      for (const q of page.RoutingProfileQueueConfigSummaryList ?? []) {
        expect(q.QueueArn).toContain(`/queue/${q.QueueId}`);
        pairs.push(`${q.QueueName}/${q.Channel}/${q.Priority}/${q.Delay}`);
      }
    }
    expect(pages).toBe(2);
    expect(pairs.sort()).toEqual([
      'Calls/VOICE/1/0',
      'Overflow/TASK/3/30',
      'Overflow/VOICE/3/30',
      'Tasks/TASK/2/5',
    ]);

    await client.send(
      new UpdateRoutingProfileQueuesCommand({
        InstanceId,
        RoutingProfileId,
        QueueConfigs: [{ QueueReference: { QueueId: tasks(), Channel: 'TASK' }, Priority: 1, Delay: 0 }],
      }),
    );
    await client.send(
      new UpdateRoutingProfileConcurrencyCommand({
        InstanceId,
        RoutingProfileId,
        MediaConcurrencies: [
          {
            Channel: 'VOICE',
            Concurrency: 1,
            CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' },
          },
          { Channel: 'TASK', Concurrency: 10 },
        ],
      }),
    );
    const listed = await client.send(
      new ListRoutingProfileQueuesCommand({ InstanceId, RoutingProfileId, MaxResults: 10 }),
    );
    expect(
      listed.RoutingProfileQueueConfigSummaryList?.find((q) => q.QueueId === tasks() && q.Channel === 'TASK'),
    ).toMatchObject({ Priority: 1, Delay: 0 });
    const { RoutingProfile } = await client.send(
      new DescribeRoutingProfileCommand({ InstanceId, RoutingProfileId }),
    );
    expect(RoutingProfile?.MediaConcurrencies).toEqual(
      expect.arrayContaining([
        {
          Channel: 'VOICE',
          Concurrency: 1,
          CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' },
        },
        expect.objectContaining({ Channel: 'TASK', Concurrency: 10 }),
      ]),
    );
    // Three queues (Overflow on two channels).
    expect(RoutingProfile?.NumberOfAssociatedQueues).toBe(3);
  });

  it('lists routing profiles with the paginator', async () => {
    const { client, instanceId: InstanceId } = server();
    const made = [
      (await profile(unique('Listed'))).RoutingProfileId,
      (await profile(unique('Listed'))).RoutingProfileId,
    ];
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListRoutingProfiles({ client, pageSize: 2 }, { InstanceId })) {
      pages++;
      for (const rp of page.RoutingProfileSummaryList ?? []) {
        expect(rp.LastModifiedTime).toBeInstanceOf(Date);
        expect(rp.Arn).toContain(`/routing-profile/${rp.Id}`);
        seen.push(rp.Id ?? '');
      }
    }
    expect(seen).toEqual(expect.arrayContaining(made));
    expect(seen).toHaveLength(new Set(seen).size);
    expect(pages).toBe(Math.ceil(seen.length / 2));
    const names = (
      await client.send(new ListRoutingProfilesCommand({ InstanceId }))
    ).RoutingProfileSummaryList?.map((r) => r.Name);
    expect(names).toContain('Basic Routing Profile');
  });

  it('refuses: not found naming the id; invalid parameters naming the field; a duplicate name with 409', async () => {
    const { client, instanceId: InstanceId } = server();
    const missing = await failure(
      client.send(new DescribeRoutingProfileCommand({ InstanceId, RoutingProfileId: MISSING })),
      'ResourceNotFoundException',
      404,
    );
    expect(missing.message).toContain(MISSING);
    const noQueue = await failure(
      profile(unique('No queue'), { DefaultOutboundQueueId: MISSING }),
      'ResourceNotFoundException',
      404,
    );
    expect(noQueue.message).toContain(MISSING);

    // S1: VOICE takes exactly one contact at a time; TASK up to 10.
    const voice = await failure(
      profile(unique('Two calls'), { MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 2 }] }),
      'InvalidParameterException',
      400,
    );
    expect(voice.message).toMatch(/MediaConcurrencies\[0\]\.Concurrency/);
    const RoutingProfileId = (await profile(unique('Refusing'))).RoutingProfileId ?? '';
    const tooMany = await failure(
      client.send(
        new UpdateRoutingProfileConcurrencyCommand({
          InstanceId,
          RoutingProfileId,
          MediaConcurrencies: [{ Channel: 'TASK', Concurrency: 11 }],
        }),
      ),
      'InvalidParameterException',
      400,
    );
    expect(tooMany.message).toMatch(/MediaConcurrencies\[0\]\.Concurrency/);
    const priority = await failure(
      client.send(
        new AssociateRoutingProfileQueuesCommand({
          InstanceId,
          RoutingProfileId,
          QueueConfigs: [{ QueueReference: { QueueId: overflow(), Channel: 'TASK' }, Priority: 0, Delay: 0 }],
        }),
      ),
      'InvalidParameterException',
      400,
    );
    expect(priority.message).toMatch(/QueueConfigs\[0\]\.Priority/);
    const notThere = await failure(
      client.send(
        new UpdateRoutingProfileQueuesCommand({
          InstanceId,
          RoutingProfileId,
          QueueConfigs: [
            { QueueReference: { QueueId: overflow(), Channel: 'VOICE' }, Priority: 1, Delay: 0 },
          ],
        }),
      ),
      'InvalidParameterException',
      400,
    );
    expect(notThere.message).toMatch(/QueueConfigs/);

    const name = unique('Twice');
    await profile(name);
    expect((await failure(profile(name), 'DuplicateResourceException', 409)).message).toContain(name);
  });
});
