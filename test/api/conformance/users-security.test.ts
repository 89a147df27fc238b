/**
 * Users and security profiles through the AWS SDK, and what a security profile lets an access key do: an
 * operation whose permission the key's user lacks is refused (AccessDeniedException, 403), as is an InstanceId of
 * another instance.
 */
import {
  CreateInstanceCommand,
  CreateQueueCommand,
  CreateSecurityProfileCommand,
  CreateUserCommand,
  DeleteSecurityProfileCommand,
  DeleteUserCommand,
  DescribeSecurityProfileCommand,
  DescribeUserCommand,
  ListHoursOfOperationsCommand,
  ListQueuesCommand,
  ListRoutingProfilesCommand,
  ListUsersCommand,
  UpdateSecurityProfileCommand,
  UpdateUserRoutingProfileCommand,
  UpdateUserSecurityProfilesCommand,
  paginateListSecurityProfilePermissions,
  paginateListSecurityProfiles,
  paginateListUsers,
  type CreateUserCommandInput,
} from '@aws-sdk/client-connect';
import { beforeAll, expect, it } from 'vitest';
import { ACCOUNT, REGION, UUID, describeServers, failure, unique } from './harness.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeServers(
  'users-security',
  'users, security profiles and access denied through the AWS SDK',
  (server) => {
    let basicProfile = '';
    let basicHours = '';
    beforeAll(async () => {
      const { client, instanceId: InstanceId } = server();
      const profiles = await client.send(new ListRoutingProfilesCommand({ InstanceId }));
      basicProfile =
        profiles.RoutingProfileSummaryList?.find((p) => p.Name === 'Basic Routing Profile')?.Id ?? '';
      const hours = await client.send(new ListHoursOfOperationsCommand({ InstanceId }));
      basicHours = hours.HoursOfOperationSummaryList?.find((h) => h.Name === 'Basic Hours')?.Id ?? '';
    });

    const securityProfile = (SecurityProfileName: string, Permissions: string[]) =>
      server().client.send(
        new CreateSecurityProfileCommand({
          InstanceId: server().instanceId,
          SecurityProfileName,
          Description: 'Made by the conformance suite',
          Permissions,
          Tags: { team: 'callbacks' },
        }),
      );
    const user = (
      Username: string,
      SecurityProfileIds: string[],
      extra: Partial<CreateUserCommandInput> = {},
    ) =>
      server().client.send(
        new CreateUserCommand({
          InstanceId: server().instanceId,
          Username,
          Password: 'Callback2026',
          IdentityInfo: { FirstName: 'Aiko', LastName: 'Sato', Email: 'aiko@example.com' },
          PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 30 },
          SecurityProfileIds,
          RoutingProfileId: basicProfile,
          Tags: { team: 'callbacks' },
          ...extra,
        }),
      );
    const userName = () => unique('user').replace(' ', '');

    it('creates a security profile, describes it, lists its permissions paged, updates it and lists profiles', async () => {
      const { client, instanceId: InstanceId } = server();
      const name = unique('Supervisor');
      const created = await securityProfile(name, ['BasicAgentAccess', 'ContactSearch.View', 'Queues.View']);
      expect(created.SecurityProfileId).toMatch(UUID);
      expect(created.SecurityProfileArn).toBe(
        `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${InstanceId}/security-profile/${created.SecurityProfileId}`,
      );
      const SecurityProfileId = created.SecurityProfileId ?? '';
      const { SecurityProfile } = await client.send(
        new DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId }),
      );
      expect(SecurityProfile).toMatchObject({
        Id: SecurityProfileId,
        Arn: created.SecurityProfileArn,
        SecurityProfileName: name,
        Description: 'Made by the conformance suite',
        OrganizationResourceId: InstanceId,
        Tags: { team: 'callbacks' },
      });
      expect(SecurityProfile?.LastModifiedTime).toBeInstanceOf(Date);

      const permissions: string[] = [];
      for await (const page of paginateListSecurityProfilePermissions(
        { client, pageSize: 2 },
        { InstanceId, SecurityProfileId },
      )) {
        expect(page.Permissions?.length).toBeLessThanOrEqual(2);
        expect(page.LastModifiedTime).toBeInstanceOf(Date);
        permissions.push(...(page.Permissions ?? []));
      }
      expect(permissions.sort()).toEqual(['BasicAgentAccess', 'ContactSearch.View', 'Queues.View']);

      await client.send(
        new UpdateSecurityProfileCommand({
          InstanceId,
          SecurityProfileId,
          Description: 'Supervises callbacks',
          Permissions: ['BasicAgentAccess', 'UpdateContactSchedule.Enabled'],
        }),
      );
      const after = await client.send(new DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId }));
      expect(after.SecurityProfile?.Description).toBe('Supervises callbacks');
      const listed: string[] = [];
      for await (const page of paginateListSecurityProfilePermissions(
        { client },
        { InstanceId, SecurityProfileId },
      ))
        listed.push(...(page.Permissions ?? []));
      expect(listed.sort()).toEqual(['BasicAgentAccess', 'UpdateContactSchedule.Enabled']);

      const names: string[] = [];
      for await (const page of paginateListSecurityProfiles({ client, pageSize: 1 }, { InstanceId }))
        names.push(...(page.SecurityProfileSummaryList ?? []).map((p) => p.Name ?? ''));
      expect(names).toEqual(expect.arrayContaining(['Admin', name]));
    });

    it('creates a user, describes what was set, changes its profiles, lists users paged, and deletes it', async () => {
      const { client, instanceId: InstanceId } = server();
      const agentProfile =
        (await securityProfile(unique('Agent'), ['BasicAgentAccess'])).SecurityProfileId ?? '';
      const Username = userName();
      const created = await user(Username, [agentProfile]);
      expect(created.UserId).toMatch(UUID);
      expect(created.UserArn).toBe(
        `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${InstanceId}/agent/${created.UserId}`,
      );
      const UserId = created.UserId ?? '';
      const { User } = await client.send(new DescribeUserCommand({ InstanceId, UserId }));
      expect(User).toMatchObject({
        Id: UserId,
        Arn: created.UserArn,
        Username,
        IdentityInfo: { FirstName: 'Aiko', LastName: 'Sato', Email: 'aiko@example.com' },
        PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 30 },
        SecurityProfileIds: [agentProfile],
        RoutingProfileId: basicProfile,
        Tags: { team: 'callbacks' },
      });
      expect(User?.LastModifiedTime).toBeInstanceOf(Date);
      expect(User).not.toHaveProperty('Password');

      const other = await client.send(new ListRoutingProfilesCommand({ InstanceId }));
      const supervisorProfile =
        (await securityProfile(unique('Supervisor'), ['ContactSearch.View'])).SecurityProfileId ?? '';
      const target = other.RoutingProfileSummaryList?.[0]?.Arn ?? '';
      await client.send(
        new UpdateUserRoutingProfileCommand({ InstanceId, UserId, RoutingProfileId: target }),
      );
      await client.send(
        new UpdateUserSecurityProfilesCommand({
          InstanceId,
          UserId,
          SecurityProfileIds: [agentProfile, supervisorProfile],
        }),
      );
      const after = (await client.send(new DescribeUserCommand({ InstanceId, UserId: created.UserArn })))
        .User;
      expect(after?.RoutingProfileId).toBe(other.RoutingProfileSummaryList?.[0]?.Id);
      expect(after?.SecurityProfileIds?.sort()).toEqual([agentProfile, supervisorProfile].sort());

      await user(userName(), [agentProfile]);
      const seen: string[] = [];
      for await (const page of paginateListUsers({ client, pageSize: 2 }, { InstanceId })) {
        expect(page.UserSummaryList?.length).toBeLessThanOrEqual(2);
        for (const u of page.UserSummaryList ?? []) {
          expect(u.LastModifiedTime).toBeInstanceOf(Date);
          seen.push(u.Username ?? '');
        }
      }
      expect(seen).toEqual(expect.arrayContaining(['admin', Username]));

      await client.send(new DeleteUserCommand({ InstanceId, UserId }));
      const gone = await failure(
        client.send(new DescribeUserCommand({ InstanceId, UserId })),
        'ResourceNotFoundException',
        404,
      );
      expect(gone.message).toContain(UserId);
      const unused = (await securityProfile(unique('Unused'), ['BasicAgentAccess'])).SecurityProfileId ?? '';
      await client.send(new DeleteSecurityProfileCommand({ InstanceId, SecurityProfileId: unused }));
      const users = await client.send(new ListUsersCommand({ InstanceId, MaxResults: 100 }));
      expect(users.UserSummaryList?.map((u) => u.Id)).not.toContain(UserId);
    });

    it('refuses: not found naming the id; invalid parameters naming the field; duplicates with 409', async () => {
      const { client, instanceId: InstanceId } = server();
      for (const call of [
        () => client.send(new DescribeUserCommand({ InstanceId, UserId: MISSING })),
        () => client.send(new DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId: MISSING })),
        () => client.send(new DeleteUserCommand({ InstanceId, UserId: MISSING })),
        () => user(userName(), [MISSING]),
      ])
        expect((await failure(call(), 'ResourceNotFoundException', 404)).message).toContain(MISSING);

      const permission = await failure(
        securityProfile(unique('Wrong'), ['BasicAgentAccess', 'Fly.Away']),
        'InvalidParameterException',
        400,
      );
      expect(permission.message).toMatch(/Permissions\[1\]/);
      expect(permission.message).toContain('Fly.Away');
      const agentProfile =
        (await securityProfile(unique('Agent'), ['BasicAgentAccess'])).SecurityProfileId ?? '';
      const password = await failure(
        user(userName(), [agentProfile], { Password: 'short' }),
        'InvalidParameterException',
        400,
      );
      expect(password.message).toMatch(/^Password/);
      const phone = await failure(
        user(userName(), [agentProfile], { PhoneConfig: { PhoneType: 'DESK_PHONE' } }),
        'InvalidParameterException',
        400,
      );
      expect(phone.message).toMatch(/PhoneConfig/);

      const Username = userName();
      await user(Username, [agentProfile]);
      expect(
        (await failure(user(Username, [agentProfile]), 'DuplicateResourceException', 409)).message,
      ).toContain(Username);
      const name = unique('Twice');
      await securityProfile(name, []);
      expect((await failure(securityProfile(name, []), 'DuplicateResourceException', 409)).message).toContain(
        name,
      );
    });

    it("refuses an operation the key's user lacks the permission for, and another instance's InstanceId", async () => {
      const { client, instanceId: InstanceId, tsunagi } = server();
      const viewerProfile =
        (await securityProfile(unique('Queue viewer'), ['Queues.View'])).SecurityProfileId ?? '';
      const viewer = (await user(userName(), [viewerProfile])).UserId ?? '';
      const key = await tsunagi.accessKeys.create(InstanceId, { UserId: viewer, Description: 'conformance' });
      const viewerClient = server().clientFor(key);

      const listed = await viewerClient.send(new ListQueuesCommand({ InstanceId }));
      expect(listed.QueueSummaryList?.length).toBeGreaterThanOrEqual(1);
      const create = () =>
        viewerClient.send(
          new CreateQueueCommand({ InstanceId, Name: unique('Not allowed'), HoursOfOperationId: basicHours }),
        );
      const denied = await failure(create(), 'AccessDeniedException', 403);
      expect(denied.message).toContain('CreateQueue');
      expect(denied.message).toContain('Queues.Create');
      for (const call of [
        () => viewerClient.send(new ListUsersCommand({ InstanceId })),
        () =>
          viewerClient.send(
            new CreateSecurityProfileCommand({
              InstanceId,
              SecurityProfileName: unique('Mine'),
              Permissions: ['Queues.Create'],
            }),
          ),
        () =>
          viewerClient.send(
            new UpdateUserSecurityProfilesCommand({
              InstanceId,
              UserId: viewer,
              SecurityProfileIds: [viewerProfile],
            }),
          ),
      ])
        await failure(call(), 'AccessDeniedException', 403);

      // The profile decides at each request: granting Queues.Create lets the same key create queues.
      await client.send(
        new UpdateSecurityProfileCommand({
          InstanceId,
          SecurityProfileId: viewerProfile,
          Permissions: ['Queues.View', 'Queues.Create', 'HoursOfOperation.View'],
        }),
      );
      expect((await create()).QueueId).toMatch(UUID);
      // A profile a user holds cannot be deleted.
      const inUse = await failure(
        client.send(new DeleteSecurityProfileCommand({ InstanceId, SecurityProfileId: viewerProfile })),
        'ResourceInUseException',
        409,
      );
      expect(inUse.message).toContain(viewerProfile);

      const second = await client.send(
        new CreateInstanceCommand({
          InstanceAlias: 'other-center',
          IdentityManagementType: 'CONNECT_MANAGED',
          InboundCallsEnabled: true,
          OutboundCallsEnabled: true,
        }),
      );
      for (const [c, id] of [
        [viewerClient, second.Id ?? ''],
        [viewerClient, second.Arn ?? ''],
        [client, second.Id ?? ''],
      ] as const) {
        const other = await failure(
          c.send(new ListQueuesCommand({ InstanceId: id })),
          'AccessDeniedException',
          403,
        );
        expect(other.message).toContain(second.Id);
      }
    });
  },
);
