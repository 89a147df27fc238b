/** Users and security profiles over the Connect API. */
import type { ApiDeps } from '../../deps.js';
import { empty, page, paging, s, type HandlerMap } from './common.js';

export function accessHandlers({ services }: ApiDeps): HandlerMap {
  const { users, securityProfiles } = services;
  return {
    CreateUser: async (i) => {
      const u = await users.create(s(i, 'InstanceId'), i as never);
      return { UserId: u.Id, UserArn: u.Arn };
    },
    DescribeUser: async (i) => ({ User: await users.describe(s(i, 'InstanceId'), s(i, 'UserId')) }),
    ListUsers: async (i) => page('UserSummaryList', await users.list(s(i, 'InstanceId'), paging(i))),
    DeleteUser: (i) => empty(users.delete(s(i, 'InstanceId'), s(i, 'UserId'))),
    UpdateUserRoutingProfile: (i) =>
      empty(
        users.updateRoutingProfile(s(i, 'InstanceId'), s(i, 'UserId'), {
          RoutingProfileId: i.RoutingProfileId,
        }),
      ),
    UpdateUserSecurityProfiles: (i) =>
      empty(
        users.updateSecurityProfiles(s(i, 'InstanceId'), s(i, 'UserId'), {
          SecurityProfileIds: i.SecurityProfileIds,
        }),
      ),

    CreateSecurityProfile: async (i) => {
      const sp = await securityProfiles.create(s(i, 'InstanceId'), i as never);
      return { SecurityProfileId: sp.Id, SecurityProfileArn: sp.Arn };
    },
    DescribeSecurityProfile: async (i) => ({
      SecurityProfile: await securityProfiles.describe(s(i, 'InstanceId'), s(i, 'SecurityProfileId')),
    }),
    ListSecurityProfiles: async (i) =>
      page('SecurityProfileSummaryList', await securityProfiles.list(s(i, 'InstanceId'), paging(i))),
    UpdateSecurityProfile: (i) =>
      empty(securityProfiles.update(s(i, 'InstanceId'), s(i, 'SecurityProfileId'), i)),
    DeleteSecurityProfile: (i) =>
      empty(securityProfiles.delete(s(i, 'InstanceId'), s(i, 'SecurityProfileId'))),
    ListSecurityProfilePermissions: async (i) => {
      const r = await securityProfiles.listPermissions(
        s(i, 'InstanceId'),
        s(i, 'SecurityProfileId'),
        paging(i),
      );
      return { ...page('Permissions', r), LastModifiedTime: r.lastModifiedTime };
    },
  };
}
