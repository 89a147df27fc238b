import { expect, it } from 'vitest';
import type { Services } from '../../src/app/services.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { PASSWORD } from '../support/users.js';

type CreateInput = Parameters<Services['routingProfiles']['create']>[1];
type QueueConfig = NonNullable<CreateInput['QueueConfigs']>[number];
type Channel = QueueConfig['QueueReference']['Channel'];

// rule S1: TASK next to VOICE; rule S2: VOICE lets other channels in while the agent is on a call.
const S1_S2: CreateInput['MediaConcurrencies'] = [
  { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
  { Channel: 'TASK', Concurrency: 3 },
];

const config = (QueueId: string, Channel: Channel, Priority = 1, Delay = 0): QueueConfig => ({
  QueueReference: { QueueId, Channel },
  Priority,
  Delay,
});

async function queues(env: TestEnv, ...names: string[]) {
  const { services, instanceId } = env;
  const h = await services.hours.create(instanceId, {
    Name: 'Office hours',
    TimeZone: 'Asia/Tokyo',
    Config: [],
  });
  const out = [];
  for (const Name of names)
    out.push(await services.queues.create(instanceId, { Name, HoursOfOperationId: h.HoursOfOperationId }));
  return out;
}

async function agent(env: TestEnv, RoutingProfileId: string, Username = 'yamada') {
  const { services, instanceId } = env;
  const sp =
    (await services.securityProfiles.list(instanceId)).items[0] ??
    (await services.securityProfiles.create(instanceId, {
      SecurityProfileName: 'Agents',
      Permissions: ['BasicAgentAccess'],
    }));
  return services.users.create(instanceId, {
    Username,
    Password: PASSWORD,
    SecurityProfileIds: [sp.Id],
    RoutingProfileId,
  });
}

describeStores('routing profiles', (env) => {
  const rps = () => env().services.routingProfiles;

  /** What a user would look at: the profile and all its queue configs. */
  const snapshot = async (id: string) => ({
    profile: await rps().describe(env().instanceId, id),
    queues: (await rps().listQueues(env().instanceId, id)).items,
  });

  it('creates, reads, lists and deletes (rules S1..S3)', async () => {
    const { services, instanceId } = env();
    const [callbacks, general] = await queues(env(), 'CallbackQueue', 'General');
    if (!callbacks || !general) throw new Error('no queues');
    const rp = await rps().create(instanceId, {
      Name: 'Callback agents',
      Description: 'Agents who take calls and callback tasks',
      DefaultOutboundQueueId: general.QueueArn,
      MediaConcurrencies: S1_S2,
      QueueConfigs: [config(callbacks.QueueId, 'TASK', 1, 0), config(general.QueueArn, 'VOICE', 2, 30)],
      AgentAvailabilityTimer: 'TIME_SINCE_LAST_ACTIVITY',
      Tags: { team: 'callbacks' },
    });
    expect(rp.RoutingProfileArn).toBe(
      `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/routing-profile/${rp.RoutingProfileId}`,
    );
    expect(rp).toMatchObject({
      InstanceId: instanceId,
      Name: 'Callback agents',
      Description: 'Agents who take calls and callback tasks',
      DefaultOutboundQueueId: general.QueueId,
      MediaConcurrencies: [
        { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
        // rule S2: absent means current channel only, and Describe says so.
        {
          Channel: 'TASK',
          Concurrency: 3,
          CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' },
        },
      ],
      AgentAvailabilityTimer: 'TIME_SINCE_LAST_ACTIVITY',
      IsDefault: false,
      NumberOfAssociatedQueues: 2,
      NumberOfAssociatedUsers: 0,
      AssociatedQueueIds: [callbacks.QueueId, general.QueueId].sort(),
      Tags: { team: 'callbacks' },
      LastModifiedTime: env().clock.now(),
    });
    expect(await rps().describe(instanceId, rp.RoutingProfileId)).toEqual(rp);
    expect(await rps().describe(instanceId, rp.RoutingProfileArn)).toEqual(rp);

    // rule S3: queue configs are per channel, with priority and delay, listed with the queue's name.
    expect((await rps().listQueues(instanceId, rp.RoutingProfileId)).items).toEqual([
      {
        QueueId: callbacks.QueueId,
        QueueArn: callbacks.QueueArn,
        QueueName: 'CallbackQueue',
        Channel: 'TASK',
        Priority: 1,
        Delay: 0,
      },
      {
        QueueId: general.QueueId,
        QueueArn: general.QueueArn,
        QueueName: 'General',
        Channel: 'VOICE',
        Priority: 2,
        Delay: 30,
      },
    ]);
    const q1 = await rps().listQueues(instanceId, rp.RoutingProfileId, { MaxResults: 1 });
    expect(q1.items.map((q) => q.QueueName)).toEqual(['CallbackQueue']);
    const q2 = await rps().listQueues(instanceId, rp.RoutingProfileId, {
      MaxResults: 1,
      NextToken: q1.nextToken,
    });
    expect(q2.items.map((q) => q.QueueName)).toEqual(['General']);
    expect(q2.nextToken).toBeUndefined();

    const other = await rps().create(instanceId, {
      Name: 'Basic',
      Description: 'Voice only',
      DefaultOutboundQueueId: general.QueueId,
      MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }],
    });
    expect(other).toMatchObject({ NumberOfAssociatedQueues: 0, AssociatedQueueIds: [] });
    const page1 = await rps().list(instanceId, { MaxResults: 1 });
    expect(page1.items).toEqual([
      {
        Id: other.RoutingProfileId,
        Arn: other.RoutingProfileArn,
        Name: 'Basic',
        LastModifiedTime: other.LastModifiedTime,
      },
    ]);
    const page2 = await rps().list(instanceId, { MaxResults: 1, NextToken: page1.nextToken });
    expect(page2.items.map((p) => p.Name)).toEqual(['Callback agents']);
    expect(page2.nextToken).toBeUndefined();
    await expectConnectError(
      rps().list(instanceId, { NextToken: q1.nextToken }),
      'InvalidParameterException',
      /NextToken/,
    );

    // A queue served by the profile cannot go; once the profile is deleted, it can.
    await expectConnectError(services.queues.delete(instanceId, callbacks.QueueId), 'ResourceInUseException');
    await rps().delete(instanceId, rp.RoutingProfileArn);
    await expectConnectError(
      rps().describe(instanceId, rp.RoutingProfileId),
      'ResourceNotFoundException',
      new RegExp(rp.RoutingProfileId),
    );
    await services.queues.delete(instanceId, callbacks.QueueId);
    expect((await rps().list(instanceId)).items.map((p) => p.Name)).toEqual(['Basic']);
  });

  it('checks media concurrencies (rules S1, S2) and changes nothing when it refuses', async () => {
    const { instanceId } = env();
    const [general] = await queues(env(), 'General');
    const base = {
      Name: 'Agents',
      Description: 'Agents',
      DefaultOutboundQueueId: general?.QueueId ?? '',
      MediaConcurrencies: S1_S2,
    };
    const refused: [CreateInput['MediaConcurrencies'], RegExp][] = [
      [
        [{ Channel: 'VOICE', Concurrency: 2 }],
        /MediaConcurrencies\[0\]\.Concurrency: VOICE concurrency must be exactly 1/,
      ],
      [
        [
          { Channel: 'VOICE', Concurrency: 1 },
          { Channel: 'TASK', Concurrency: 11 },
        ],
        /MediaConcurrencies\[1\]\.Concurrency: TASK concurrency must be 1\.\.10/,
      ],
      [[{ Channel: 'CHAT', Concurrency: 0 }], /MediaConcurrencies\[0\]\.Concurrency/],
      [[{ Channel: 'EMAIL', Concurrency: 1.5 }], /MediaConcurrencies\[0\]\.Concurrency/],
      [
        [
          { Channel: 'TASK', Concurrency: 2 },
          { Channel: 'TASK', Concurrency: 3 },
        ],
        /MediaConcurrencies\[1\]\.Channel: TASK is listed twice/,
      ],
      [[], /MediaConcurrencies/],
      [
        [
          {
            Channel: 'VOICE',
            Concurrency: 1,
            CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY' as 'ROUTE_ANY_CHANNEL' },
          },
        ],
        /MediaConcurrencies\[0\]\.CrossChannelBehavior\.BehaviorType/,
      ],
      [[{ Channel: 'FAX' as Channel, Concurrency: 1 }], /MediaConcurrencies\[0\]\.Channel/],
    ];
    for (const [MediaConcurrencies, message] of refused)
      await expectConnectError(
        rps().create(instanceId, { ...base, MediaConcurrencies }),
        'InvalidParameterException',
        message,
      );
    expect((await rps().list(instanceId)).items).toEqual([]);

    const rp = await rps().create(instanceId, {
      ...base,
      MediaConcurrencies: [
        { Channel: 'TASK', Concurrency: 10 },
        { Channel: 'CHAT', Concurrency: 1 },
      ],
    });
    expect(rp.MediaConcurrencies.map((m) => [m.Channel, m.Concurrency])).toEqual([
      ['TASK', 10],
      ['CHAT', 1],
    ]);

    // UpdateRoutingProfileConcurrency: the listed channels become the profile's channels.
    await env().clock.advance(1000);
    const updated = await rps().updateConcurrency(instanceId, rp.RoutingProfileId, {
      MediaConcurrencies: S1_S2,
    });
    expect(updated.MediaConcurrencies).toEqual([
      { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
      {
        Channel: 'TASK',
        Concurrency: 3,
        CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' },
      },
    ]);
    expect(updated.LastModifiedTime).toBe(rp.LastModifiedTime + 1000);
    expect(await rps().describe(instanceId, rp.RoutingProfileId)).toEqual(updated);
    await expectConnectError(
      rps().updateConcurrency(instanceId, rp.RoutingProfileId, {
        MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 3 }],
      }),
      'InvalidParameterException',
      /MediaConcurrencies\[0\]\.Concurrency/,
    );
    await expectConnectError(
      rps().updateConcurrency(instanceId, 'no-such-profile', { MediaConcurrencies: S1_S2 }),
      'ResourceNotFoundException',
      /no-such-profile/,
    );
    expect(await rps().describe(instanceId, rp.RoutingProfileId)).toEqual(updated);
  });

  it('refuses bad fields, missing references, duplicates and foreign instances, naming them', async () => {
    const { instanceId } = env();
    const [general] = await queues(env(), 'General');
    const QueueId = general?.QueueId ?? '';
    const base: CreateInput = {
      Name: 'Agents',
      Description: 'Agents',
      DefaultOutboundQueueId: QueueId,
      MediaConcurrencies: S1_S2,
    };
    const cases: [CreateInput, string, RegExp][] = [
      [{ ...base, Name: '' }, 'InvalidParameterException', /Name/],
      [{ ...base, Name: 'x'.repeat(128) }, 'InvalidParameterException', /Name/],
      [{ ...base, Description: '' }, 'InvalidParameterException', /Description/],
      [{ ...base, Description: 'x'.repeat(251) }, 'InvalidParameterException', /Description/],
      [{ ...base, DefaultOutboundQueueId: 'no-such-queue' }, 'ResourceNotFoundException', /no-such-queue/],
      [
        { ...base, AgentAvailabilityTimer: 'LONGEST' as 'TIME_SINCE_LAST_ACTIVITY' },
        'InvalidParameterException',
        /AgentAvailabilityTimer/,
      ],
      [
        { ...base, QueueConfigs: [config(QueueId, 'TASK', 0)] },
        'InvalidParameterException',
        /QueueConfigs\[0\]\.Priority/,
      ],
      [
        { ...base, QueueConfigs: [config(QueueId, 'TASK', 100)] },
        'InvalidParameterException',
        /QueueConfigs\[0\]\.Priority/,
      ],
      [
        { ...base, QueueConfigs: [config(QueueId, 'TASK', 1, -1)] },
        'InvalidParameterException',
        /QueueConfigs\[0\]\.Delay/,
      ],
      [
        { ...base, QueueConfigs: [config(QueueId, 'TASK', 1, 10000)] },
        'InvalidParameterException',
        /QueueConfigs\[0\]\.Delay/,
      ],
      [{ ...base, QueueConfigs: [] }, 'InvalidParameterException', /QueueConfigs/],
      [
        { ...base, QueueConfigs: Array.from({ length: 11 }, (_, i) => config(QueueId, 'TASK', i + 1)) },
        'InvalidParameterException',
        /QueueConfigs/,
      ],
      [
        { ...base, QueueConfigs: [config(QueueId, 'TASK'), config(QueueId, 'TASK', 5)] },
        'InvalidParameterException',
        new RegExp(`QueueConfigs\\[1\\]\\.QueueReference: queue ${QueueId} on channel TASK is listed twice`),
      ],
      [
        { ...base, QueueConfigs: [config('no-such-queue', 'TASK')] },
        'ResourceNotFoundException',
        /no-such-queue/,
      ],
      [
        { ...base, ManualAssignmentQueueConfigs: [config(QueueId, 'TASK')] as never },
        'InvalidParameterException',
        /ManualAssignmentQueueConfigs: manual assignment queues are not supported/,
      ],
    ];
    for (const [input, code, message] of cases)
      await expectConnectError(rps().create(instanceId, input), code as 'InvalidParameterException', message);
    await expectConnectError(
      rps().create('no-such-instance', base),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
    expect((await rps().list(instanceId)).items).toEqual([]);
    // Nothing of a refused create is left behind: the queue can still be deleted.
    const rp = await rps().create(instanceId, base);
    await expectConnectError(rps().create(instanceId, base), 'DuplicateResourceException', /Agents/);
    await expectConnectError(
      rps().describe(instanceId, 'no-such-profile'),
      'ResourceNotFoundException',
      /no-such-profile/,
    );
    expect((await rps().list(instanceId)).items.map((p) => p.Id)).toEqual([rp.RoutingProfileId]);
  });

  it('associates, updates and disassociates queue configs per channel (rule S3)', async () => {
    const { instanceId } = env();
    const [callbacks, general] = await queues(env(), 'CallbackQueue', 'General');
    const cb = callbacks?.QueueId ?? '';
    const gen = general?.QueueId ?? '';
    const rp = await rps().create(instanceId, {
      Name: 'Agents',
      Description: 'Agents',
      DefaultOutboundQueueId: gen,
      MediaConcurrencies: S1_S2,
      QueueConfigs: [config(gen, 'VOICE', 5, 0)],
    });
    const id = rp.RoutingProfileId;
    await env().clock.advance(1000);
    // Same queue on another channel is another pair; CHAT is not among the channels, and Connect accepts it.
    await rps().associateQueues(instanceId, rp.RoutingProfileArn, {
      QueueConfigs: [config(cb, 'TASK', 1, 0), config(gen, 'TASK', 2, 60), config(cb, 'CHAT', 3, 0)],
    });
    const after = await snapshot(id);
    expect(after.queues.map((q) => [q.QueueName, q.Channel, q.Priority, q.Delay])).toEqual([
      ['CallbackQueue', 'CHAT', 3, 0],
      ['CallbackQueue', 'TASK', 1, 0],
      ['General', 'TASK', 2, 60],
      ['General', 'VOICE', 5, 0],
    ]);
    expect(after.profile).toMatchObject({
      NumberOfAssociatedQueues: 2,
      AssociatedQueueIds: [cb, gen].sort(),
      LastModifiedTime: rp.LastModifiedTime + 1000,
    });

    // Refusals name the field or pair, and change nothing.
    await expectConnectError(
      rps().associateQueues(instanceId, id, { QueueConfigs: [config(cb, 'VOICE'), config(gen, 'TASK', 9)] }),
      'InvalidParameterException',
      new RegExp(`QueueConfigs\\[1\\]: queue ${gen} on channel TASK is already in the routing profile`),
    );
    await expectConnectError(
      rps().associateQueues(instanceId, id, { QueueConfigs: [config('gone', 'VOICE')] }),
      'ResourceNotFoundException',
      /gone/,
    );
    await expectConnectError(
      rps().associateQueues(instanceId, id, {}),
      'InvalidParameterException',
      /QueueConfigs/,
    );
    await expectConnectError(
      rps().updateQueues(instanceId, id, {
        QueueConfigs: [config(gen, 'TASK', 1, 0), config(cb, 'VOICE', 1, 0)],
      }),
      'InvalidParameterException',
      new RegExp(`QueueConfigs\\[1\\]: queue ${cb} on channel VOICE is not in the routing profile`),
    );
    await expectConnectError(
      rps().updateQueues(instanceId, id, { QueueConfigs: [config(gen, 'TASK', 1, 10000)] }),
      'InvalidParameterException',
      /QueueConfigs\[0\]\.Delay/,
    );
    await expectConnectError(
      rps().disassociateQueues(instanceId, id, {
        QueueReferences: [
          { QueueId: gen, Channel: 'TASK' },
          { QueueId: gen, Channel: 'EMAIL' },
        ],
      }),
      'InvalidParameterException',
      new RegExp(`QueueReferences\\[1\\]: queue ${gen} on channel EMAIL is not in the routing profile`),
    );
    await expectConnectError(
      rps().disassociateQueues(instanceId, id, { QueueReferences: [] }),
      'InvalidParameterException',
      /QueueReferences/,
    );
    expect(await snapshot(id)).toEqual(after);

    // Two requests adding the same pair at once: one wins, the other is refused the same way.
    const racing = await Promise.allSettled([
      rps().associateQueues(instanceId, id, { QueueConfigs: [config(gen, 'EMAIL', 4, 0)] }),
      rps().associateQueues(instanceId, id, { QueueConfigs: [config(gen, 'EMAIL', 6, 0)] }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = racing.find((r) => r.status === 'rejected');
    expect(loser?.reason).toMatchObject({ code: 'InvalidParameterException' });
    await rps().disassociateQueues(instanceId, id, { QueueReferences: [{ QueueId: gen, Channel: 'EMAIL' }] });

    await env().clock.advance(1000);
    await rps().updateQueues(instanceId, id, {
      QueueConfigs: [config(general?.QueueArn ?? '', 'TASK', 1, 120)],
    });
    await rps().disassociateQueues(instanceId, id, {
      QueueReferences: [
        { QueueId: cb, Channel: 'CHAT' },
        { QueueId: gen, Channel: 'VOICE' },
      ],
    });
    const final = await snapshot(id);
    expect(final.queues.map((q) => [q.QueueName, q.Channel, q.Priority, q.Delay])).toEqual([
      ['CallbackQueue', 'TASK', 1, 0],
      ['General', 'TASK', 1, 120],
    ]);
    expect(final.profile.LastModifiedTime).toBe(rp.LastModifiedTime + 2000);
    await expectConnectError(
      rps().listQueues(instanceId, 'no-such-profile'),
      'ResourceNotFoundException',
      /no-such-profile/,
    );
  });

  it('serves only standard queues, and keeps a profile its users use', async () => {
    const { services, instanceId } = env();
    const [general, other] = await queues(env(), 'General', 'Other');
    const gen = general?.QueueId ?? '';
    const rp = await rps().create(instanceId, {
      Name: 'Agents',
      Description: 'Agents',
      DefaultOutboundQueueId: gen,
      MediaConcurrencies: S1_S2,
    });
    const user = await agent(env(), rp.RoutingProfileId);
    const [agentQueue] = (await services.queues.list(instanceId, { QueueTypes: ['AGENT'] })).items;
    const agentQueueId = agentQueue?.QueueId ?? '';
    await expectConnectError(
      rps().associateQueues(instanceId, rp.RoutingProfileId, {
        QueueConfigs: [config(agentQueueId, 'VOICE')],
      }),
      'InvalidParameterException',
      /QueueConfigs\[0\]\.QueueReference\.QueueId: queue .* is an agent queue/,
    );
    await expectConnectError(
      rps().updateDefaultOutboundQueue(instanceId, rp.RoutingProfileId, {
        DefaultOutboundQueueId: agentQueueId,
      }),
      'InvalidParameterException',
      /DefaultOutboundQueueId/,
    );
    await expectConnectError(
      rps().updateDefaultOutboundQueue(instanceId, rp.RoutingProfileId, { DefaultOutboundQueueId: 'nope' }),
      'ResourceNotFoundException',
      /nope/,
    );

    const described = await rps().describe(instanceId, rp.RoutingProfileId);
    expect(described.NumberOfAssociatedUsers).toBe(1);
    await expectConnectError(
      rps().delete(instanceId, rp.RoutingProfileId),
      'ResourceInUseException',
      new RegExp(`in use by user ${user.Id}`),
    );
    expect(await rps().describe(instanceId, rp.RoutingProfileId)).toEqual(described);

    await env().clock.advance(1000);
    const moved = await rps().updateDefaultOutboundQueue(instanceId, rp.RoutingProfileId, {
      DefaultOutboundQueueId: other?.QueueArn ?? '',
    });
    expect(moved.DefaultOutboundQueueId).toBe(other?.QueueId);
    expect(moved.LastModifiedTime).toBe(rp.LastModifiedTime + 1000);
    // The default outbound queue is in use by the profile.
    await expectConnectError(
      services.queues.delete(instanceId, other?.QueueId ?? ''),
      'ResourceInUseException',
      new RegExp(rp.RoutingProfileId),
    );

    await services.users.delete(instanceId, user.Id);
    expect((await rps().describe(instanceId, rp.RoutingProfileId)).NumberOfAssociatedUsers).toBe(0);
    await rps().delete(instanceId, rp.RoutingProfileId);
    expect((await rps().list(instanceId)).items).toEqual([]);
  });

  it('renames and redescribes, keeping names unique', async () => {
    const { instanceId } = env();
    const [general] = await queues(env(), 'General');
    const base = { DefaultOutboundQueueId: general?.QueueId ?? '', MediaConcurrencies: S1_S2 };
    const a = await rps().create(instanceId, { ...base, Name: 'Day', Description: 'Day shift' });
    await rps().create(instanceId, { ...base, Name: 'Night', Description: 'Night shift' });
    await env().clock.advance(1000);
    const renamed = await rps().updateName(instanceId, a.RoutingProfileId, { Name: 'Morning' });
    expect(renamed).toMatchObject({ Name: 'Morning', Description: 'Day shift' });
    const redescribed = await rps().updateName(instanceId, a.RoutingProfileId, {
      Description: 'Early shift',
    });
    expect(redescribed).toMatchObject({ Name: 'Morning', Description: 'Early shift' });
    expect(redescribed.LastModifiedTime).toBe(a.LastModifiedTime + 1000);
    await expectConnectError(
      rps().updateName(instanceId, a.RoutingProfileId, { Name: 'Night' }),
      'DuplicateResourceException',
      /Night/,
    );
    await expectConnectError(
      rps().updateName(instanceId, a.RoutingProfileId, { Description: '' }),
      'InvalidParameterException',
      /Description/,
    );
    await expectConnectError(
      rps().updateAgentAvailabilityTimer(instanceId, a.RoutingProfileId, {
        AgentAvailabilityTimer: 'SOMETIMES',
      }),
      'InvalidParameterException',
      /AgentAvailabilityTimer/,
    );
    expect(await rps().describe(instanceId, a.RoutingProfileId)).toEqual(redescribed);
    const timed = await rps().updateAgentAvailabilityTimer(instanceId, a.RoutingProfileId, {
      AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
    });
    expect((await rps().describe(instanceId, a.RoutingProfileId)).AgentAvailabilityTimer).toBe(
      'TIME_SINCE_LAST_INBOUND',
    );
    expect(timed.AgentAvailabilityTimer).toBe('TIME_SINCE_LAST_INBOUND');
  });
});

describeStores(
  'routing profile quotas',
  (env) => {
    it('enforces profiles per instance, pairs per profile and the configured TASK concurrency', async () => {
      const { services, instanceId, limits } = env();
      expect(limits).toMatchObject({
        routingProfilesPerInstance: 2,
        queueConfigsPerRoutingProfile: 3,
        taskConcurrencyMax: 4,
      });
      const h = await services.hours.create(instanceId, { Name: 'H', TimeZone: 'UTC', Config: [] });
      const q = await services.queues.create(instanceId, {
        Name: 'Q',
        HoursOfOperationId: h.HoursOfOperationId,
      });
      const base = { Description: 'd', DefaultOutboundQueueId: q.QueueId, MediaConcurrencies: S1_S2 };
      const rps = services.routingProfiles;

      await expectConnectError(
        rps.create(instanceId, {
          ...base,
          Name: 'A',
          MediaConcurrencies: [{ Channel: 'TASK', Concurrency: 5 }],
        }),
        'InvalidParameterException',
        /MediaConcurrencies\[0\]\.Concurrency: TASK concurrency must be 1\.\.4/,
      );
      await expectConnectError(
        rps.create(instanceId, {
          ...base,
          Name: 'A',
          QueueConfigs: (['VOICE', 'CHAT', 'TASK', 'EMAIL'] as const).map((c) => config(q.QueueId, c)),
        }),
        'LimitExceededException',
        /3 queue-channel pairs/,
      );
      const a = await rps.create(instanceId, {
        ...base,
        Name: 'A',
        QueueConfigs: [config(q.QueueId, 'VOICE'), config(q.QueueId, 'TASK')],
      });
      await rps.associateQueues(instanceId, a.RoutingProfileId, {
        QueueConfigs: [config(q.QueueId, 'CHAT')],
      });
      await expectConnectError(
        rps.associateQueues(instanceId, a.RoutingProfileId, { QueueConfigs: [config(q.QueueId, 'EMAIL')] }),
        'LimitExceededException',
        /3 queue-channel pairs/,
      );
      expect((await rps.listQueues(instanceId, a.RoutingProfileId)).items.map((c) => c.Channel)).toEqual([
        'CHAT',
        'TASK',
        'VOICE',
      ]);
      await rps.create(instanceId, { ...base, Name: 'B' });
      await expectConnectError(
        rps.create(instanceId, { ...base, Name: 'C' }),
        'LimitExceededException',
        /at most 2 routing profiles/,
      );
      expect((await rps.list(instanceId)).items.map((p) => p.Name)).toEqual(['A', 'B']);
    });
  },
  { routingProfilesPerInstance: 2, queueConfigsPerRoutingProfile: 3, taskConcurrencyMax: 4 },
);
