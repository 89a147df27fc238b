import { expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { S1_S2, config, queues, type Channel, type CreateInput } from './routing-profile-fixtures.js';

describeStores('routing profiles', (env) => {
  const rps = () => env().services.routingProfiles;

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
});
