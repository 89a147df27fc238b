import { expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { S1_S2, agent, config, queues } from './routing-profile-fixtures.js';

describeStores('routing profile queues', (env) => {
  const rps = () => env().services.routingProfiles;

  /** What a user would look at: the profile and all its queue configs. */
  const snapshot = async (id: string) => ({
    profile: await rps().describe(env().instanceId, id),
    queues: (await rps().listQueues(env().instanceId, id)).items,
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
