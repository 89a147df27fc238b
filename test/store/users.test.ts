import { expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { PASSWORD, agentQueues, dbOf, routingProfile, setup } from '../support/users.js';

describeStores('users', (env) => {
  it('creates a user with its agent queue, reads, lists and deletes it', async () => {
    const { services, instanceId } = env();
    const { agents, supervisors, routingProfileId, base } = await setup(env());
    const user = await services.users.create(instanceId, {
      ...base,
      IdentityInfo: {
        FirstName: 'Hanako',
        LastName: 'Yamada',
        Email: 'hanako@example.com',
        Mobile: '+819012345678',
      },
      PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 30 },
      SecurityProfileIds: [supervisors.Arn, agents.Id, agents.Id],
      HierarchyGroupId: 'group-1',
      Tags: { team: 'callbacks' },
    });
    expect(user.Arn).toBe(
      `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/agent/${user.Id}`,
    );
    expect(user).toMatchObject({
      Username: 'yamada',
      IdentityInfo: { FirstName: 'Hanako', LastName: 'Yamada', Email: 'hanako@example.com' },
      PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 30 },
      SecurityProfileIds: [agents.Id, supervisors.Id].sort(),
      RoutingProfileId: routingProfileId,
      HierarchyGroupId: 'group-1',
      Tags: { team: 'callbacks' },
    });
    const described = await services.users.describe(instanceId, user.Arn);
    expect(described).toEqual(user);
    for (const shown of [user, described]) {
      expect(JSON.stringify(shown)).not.toContain(PASSWORD);
      expect(JSON.stringify(shown)).not.toContain('scrypt');
      expect(Object.keys(shown)).not.toContain('Password');
    }

    const [queue, ...others] = await agentQueues(env());
    expect(others).toEqual([]);
    expect(queue).toMatchObject({ QueueType: 'AGENT', Name: 'yamada', UserId: user.Id, Status: 'ENABLED' });
    expect(queue?.HoursOfOperationId).toBeUndefined();

    const second = await services.users.create(instanceId, { ...base, Username: 'agent.sato' });
    const page1 = await services.users.list(instanceId, { MaxResults: 1 });
    expect(page1.items).toEqual([
      { Id: second.Id, Arn: second.Arn, Username: 'agent.sato', LastModifiedTime: second.LastModifiedTime },
    ]);
    const page2 = await services.users.list(instanceId, { MaxResults: 1, NextToken: page1.nextToken });
    expect(page2.items.map((u) => u.Username)).toEqual(['yamada']);
    expect(page2.nextToken).toBeUndefined();

    await services.users.delete(instanceId, user.Id);
    await expectConnectError(
      services.users.describe(instanceId, user.Id),
      'ResourceNotFoundException',
      new RegExp(user.Id),
    );
    expect((await agentQueues(env())).map((q) => q.Name)).toEqual(['agent.sato']);
    await expectConnectError(
      services.users.delete(instanceId, user.Id),
      'ResourceNotFoundException',
      new RegExp(user.Id),
    );
  });

  it('stores the per-channel settings and derives PhoneConfig from the VOICE ones', async () => {
    const { services, instanceId } = env();
    const { base } = await setup(env());
    const channels = {
      AutoAcceptConfigs: [
        { Channel: 'VOICE' as const, AutoAccept: true, AgentFirstCallbackAutoAccept: false },
        { Channel: 'TASK' as const, AutoAccept: false },
      ],
      AfterContactWorkConfigs: [
        { Channel: 'TASK' as const, AfterContactWorkConfig: { AfterContactWorkTimeLimit: 120 } },
      ],
      PhoneNumberConfigs: [
        { Channel: 'VOICE' as const, PhoneType: 'DESK_PHONE' as const, PhoneNumber: '+81312345678' },
      ],
      PersistentConnectionConfigs: [{ Channel: 'VOICE' as const, PersistentConnection: true }],
      VoiceEnhancementConfigs: [
        { Channel: 'VOICE' as const, VoiceEnhancementMode: 'NOISE_SUPPRESSION' as const },
      ],
    };
    const user = await services.users.create(instanceId, { ...base, ...channels });
    expect(user).toMatchObject(channels);
    expect(user.PhoneConfig).toEqual({
      PhoneType: 'DESK_PHONE',
      AutoAccept: true,
      AfterContactWorkTimeLimit: 0,
      DeskPhoneNumber: '+81312345678',
      PersistentConnection: true,
    });
    expect(await services.users.describe(instanceId, user.Id)).toEqual(user);

    // UpdateUserPhoneConfig sets VOICE and one ACW limit for every channel.
    await env().clock.advance(1000);
    const phone = { PhoneType: 'SOFT_PHONE' as const, AutoAccept: false, AfterContactWorkTimeLimit: 60 };
    const updated = await services.users.updatePhoneConfig(instanceId, user.Id, { PhoneConfig: phone });
    expect(updated.PhoneConfig).toEqual(phone);
    expect(updated.AutoAcceptConfigs).toEqual([{ Channel: 'TASK', AutoAccept: false }]);
    expect(updated.AfterContactWorkConfigs).toBeUndefined();
    expect(updated.PhoneNumberConfigs).toBeUndefined();
    expect(updated.VoiceEnhancementConfigs).toEqual(channels.VoiceEnhancementConfigs);
    expect(updated.LastModifiedTime).toBe(user.LastModifiedTime + 1000);
    expect(await services.users.describe(instanceId, user.Id)).toEqual(updated);

    await expectConnectError(
      services.users.create(instanceId, {
        ...base,
        Username: 'b',
        PhoneConfig: phone,
        AutoAcceptConfigs: channels.AutoAcceptConfigs,
      }),
      'InvalidParameterException',
      /PhoneConfig.*AutoAcceptConfigs/,
    );
    await expectConnectError(
      services.users.create(instanceId, {
        ...base,
        Username: 'b',
        AutoAcceptConfigs: [...channels.AutoAcceptConfigs, { Channel: 'TASK', AutoAccept: true }],
      }),
      'InvalidParameterException',
      /AutoAcceptConfigs\[2\]\.Channel/,
    );
    await expectConnectError(
      services.users.updatePhoneConfig(instanceId, user.Id, { PhoneConfig: { PhoneType: 'DESK_PHONE' } }),
      'InvalidParameterException',
      /PhoneConfig\.DeskPhoneNumber/,
    );
    expect(await services.users.describe(instanceId, user.Id)).toEqual(updated);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const { services, instanceId } = env();
    const { base } = await setup(env());
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ Username: 'a'.repeat(21) }, /Username.*20/],
      [{ Username: 'yamada@example' }, /Username.*@/],
      [{ Username: 'has space' }, /Username/],
      [{ Username: '' }, /Username/],
      [{ Password: undefined }, /Password.*required/],
      [{ SecurityProfileIds: [] }, /SecurityProfileIds/],
      [{ SecurityProfileIds: Array.from({ length: 11 }, (_, i) => `sp-${i}`) }, /SecurityProfileIds/],
      [{ RoutingProfileId: undefined }, /RoutingProfileId is required/],
      [{ IdentityInfo: { Email: 'not-an-email' } }, /IdentityInfo\.Email/],
      [{ IdentityInfo: { Mobile: '090-1234-5678' } }, /IdentityInfo\.Mobile/],
      [{ IdentityInfo: { FirstName: '' } }, /IdentityInfo\.FirstName/],
      [{ IdentityInfo: { FirstName: 'Jose\u0301' } }, /IdentityInfo\.FirstName.*NFC/],
      [{ PhoneConfig: { PhoneType: 'CELL_PHONE' } }, /PhoneConfig\.PhoneType/],
      [
        { PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: -1 } },
        /AfterContactWorkTimeLimit/,
      ],
      [{ Tags: { 'aws:team': 'x' } }, /Tags/],
    ];
    for (const [change, message] of refused)
      await expectConnectError(
        services.users.create(instanceId, { ...base, ...change }),
        'InvalidParameterException',
        message,
      );
    for (const password of ['short1A', 'alllowercase1', 'ALLUPPERCASE1', 'NoDigitsHere', 'With space 1A']) {
      const err = await expectConnectError(
        services.users.create(instanceId, { ...base, Password: password }),
        'InvalidParameterException',
        /Password/,
      );
      expect(err.message).not.toContain(password);
      expect(JSON.stringify(err.details)).not.toContain(password);
    }
    expect((await services.users.list(instanceId)).items).toEqual([]);
    expect(await agentQueues(env())).toEqual([]);
  });

  it('refuses references to routing and security profiles that do not exist, and duplicates', async () => {
    const { services, instanceId } = env();
    const { base, agents } = await setup(env());
    await expectConnectError(
      services.users.create(instanceId, { ...base, RoutingProfileId: 'rp-missing' }),
      'ResourceNotFoundException',
      /Routing profile.*rp-missing/,
    );
    await expectConnectError(
      services.users.create(instanceId, { ...base, SecurityProfileIds: [agents.Id, 'sp-missing'] }),
      'ResourceNotFoundException',
      /Security profile.*sp-missing/,
    );
    expect((await services.users.list(instanceId)).items).toEqual([]);
    expect(await agentQueues(env())).toEqual([]);

    await services.users.create(instanceId, base);
    await expectConnectError(services.users.create(instanceId, base), 'DuplicateResourceException', /yamada/);
    expect((await services.users.list(instanceId)).items).toHaveLength(1);
    expect(await agentQueues(env())).toHaveLength(1);
    await expectConnectError(
      services.users.create('no-such-instance', base),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
  });

  it('updates routing profile, security profiles and identity, checking references', async () => {
    const { services, instanceId } = env();
    const { base, agents, supervisors } = await setup(env());
    const user = await services.users.create(instanceId, { ...base, IdentityInfo: { FirstName: 'Hanako' } });
    const night = await routingProfile(env(), 'Night shift');
    await env().clock.advance(10);
    const moved = await services.users.updateRoutingProfile(instanceId, user.Arn, {
      RoutingProfileId: night,
    });
    expect(moved.RoutingProfileId).toBe(night);
    expect(moved.LastModifiedTime).toBe(user.LastModifiedTime + 10);
    await expectConnectError(
      services.users.updateRoutingProfile(instanceId, user.Id, { RoutingProfileId: 'rp-gone' }),
      'ResourceNotFoundException',
      /rp-gone/,
    );
    const promoted = await services.users.updateSecurityProfiles(instanceId, user.Id, {
      SecurityProfileIds: [supervisors.Id],
    });
    expect(promoted.SecurityProfileIds).toEqual([supervisors.Id]);
    await expectConnectError(
      services.users.updateSecurityProfiles(instanceId, user.Id, { SecurityProfileIds: ['sp-gone'] }),
      'ResourceNotFoundException',
      /sp-gone/,
    );
    await expectConnectError(
      services.users.updateSecurityProfiles(instanceId, user.Id, { SecurityProfileIds: [] }),
      'InvalidParameterException',
      /SecurityProfileIds/,
    );
    const renamed = await services.users.updateIdentityInfo(instanceId, user.Id, {
      IdentityInfo: { FirstName: 'Hana', LastName: 'Yamada', SecondaryEmail: 'hana@example.co.jp' },
    });
    expect(renamed.IdentityInfo).toEqual({
      FirstName: 'Hana',
      LastName: 'Yamada',
      SecondaryEmail: 'hana@example.co.jp',
    });
    await expectConnectError(
      services.users.updateIdentityInfo(instanceId, user.Id, { IdentityInfo: { LastName: 'x'.repeat(257) } }),
      'InvalidParameterException',
      /IdentityInfo\.LastName/,
    );
    expect(await services.users.describe(instanceId, user.Id)).toEqual(renamed);
    await expectConnectError(
      services.users.updateRoutingProfile(instanceId, 'user-gone', { RoutingProfileId: night }),
      'ResourceNotFoundException',
      /user-gone/,
    );
    expect(await services.users.permissionsOf(instanceId, user.Id)).toEqual(
      new Set(['BasicAgentAccess', 'ContactSearch.View', 'UpdateContactSchedule.Enabled']),
    );
    await services.users.updateSecurityProfiles(instanceId, user.Id, {
      SecurityProfileIds: [agents.Id, supervisors.Arn],
    });
    expect(await services.users.permissionsOf(instanceId, user.Id)).toEqual(
      new Set([
        'BasicAgentAccess',
        'ContactSearch.View',
        'TransferDestinations.View',
        'UpdateContactSchedule.Enabled',
      ]),
    );
    await expectConnectError(
      services.users.permissionsOf(instanceId, 'user-gone'),
      'ResourceNotFoundException',
      /user-gone/,
    );
  });

  it('keeps a security profile that a user has, and a user that a quick connect points at', async () => {
    const { services, instanceId } = env();
    const { base, agents, supervisors } = await setup(env());
    const user = await services.users.create(instanceId, base);
    await expectConnectError(
      services.securityProfiles.delete(instanceId, agents.Id),
      'ResourceInUseException',
      new RegExp(`${agents.Id}.*${user.Id}`),
    );
    expect(await services.securityProfiles.describe(instanceId, agents.Id)).toEqual(agents);
    const kept = await services.users.updateSecurityProfiles(instanceId, user.Id, {
      SecurityProfileIds: [supervisors.Id],
    });
    await services.securityProfiles.delete(instanceId, agents.Id);

    await dbOf(env())
      .insertInto('quick_connects')
      .values({
        id: 'qc-yamada',
        instance_id: instanceId,
        name: 'To Yamada',
        description: null,
        type: 'USER',
        user_id: user.Id,
        queue_id: null,
        contact_flow_id: 'flow-1',
        phone_number: null,
        tags_json: '{}',
        last_modified_time: 0,
      })
      .execute();
    await expectConnectError(
      services.users.delete(instanceId, user.Id),
      'ResourceInUseException',
      /qc-yamada/,
    );
    expect(await services.users.describe(instanceId, user.Id)).toEqual(kept);
    await dbOf(env()).deleteFrom('quick_connects').execute();

    // The agent queue goes with the user, so a routing profile that serves it keeps the user too.
    const [queue] = await agentQueues(env());
    await dbOf(env())
      .insertInto('routing_profile_queues')
      .values({
        instance_id: instanceId,
        routing_profile_id: base.RoutingProfileId,
        queue_id: queue?.QueueId ?? '',
        channel: 'VOICE',
        priority: 1,
        delay: 0,
      })
      .execute();
    await expectConnectError(
      services.users.delete(instanceId, user.Id),
      'ResourceInUseException',
      new RegExp(`routing profile ${base.RoutingProfileId}.*agent queue ${queue?.QueueId ?? ''}`),
    );
    expect(await agentQueues(env())).toEqual([queue]);
    await dbOf(env()).deleteFrom('routing_profile_queues').execute();
    await services.users.delete(instanceId, user.Id);
    expect(await agentQueues(env())).toEqual([]);
  });
});

describeStores(
  'user quotas',
  (env) => {
    it('enforces users per instance and security profiles per user', async () => {
      const { services, instanceId, limits } = env();
      expect(limits.usersPerInstance).toBe(2);
      const { base, agents, supervisors } = await setup(env());
      const third = await services.securityProfiles.create(instanceId, { SecurityProfileName: 'Third' });
      await expectConnectError(
        services.users.create(instanceId, {
          ...base,
          SecurityProfileIds: [agents.Id, supervisors.Id, third.Id],
        }),
        'InvalidParameterException',
        /SecurityProfileIds/,
      );
      await services.users.create(instanceId, { ...base, SecurityProfileIds: [agents.Id, supervisors.Id] });
      await services.users.create(instanceId, { ...base, Username: 'sato' });
      await expectConnectError(
        services.users.create(instanceId, { ...base, Username: 'suzuki' }),
        'LimitExceededException',
        /2 users/,
      );
      expect((await services.users.list(instanceId)).items.map((u) => u.Username)).toEqual([
        'sato',
        'yamada',
      ]);
      expect(await agentQueues(env())).toHaveLength(2);
    });
  },
  { usersPerInstance: 2, securityProfilesPerUser: 2 },
);
