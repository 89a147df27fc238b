/**
 * The console's people sections (users, security profiles, agent statuses, access keys) over the console API
 * (docs/API.md, "Console API"): Connect's operations by name, plus the console's own ListPermissionGroups and
 * access-key operations. Whether a status is enabled, and its display order, come from the agent API's list of
 * enabled statuses (ListAgentStatuses does not carry them).
 */
import { request } from './client.js';
import { consoleCall, listAll } from './console.js';

export interface NamedSummary {
  Id: string;
  Arn: string;
  Name: string;
  LastModifiedTime?: number;
}

export interface UserDetails {
  Id: string;
  Arn: string;
  Username: string;
  IdentityInfo?: { FirstName?: string; LastName?: string; Email?: string };
  SecurityProfileIds: string[];
  RoutingProfileId: string;
}

export interface NewUser {
  Username: string;
  Password: string;
  IdentityInfo?: { FirstName?: string; LastName?: string };
  RoutingProfileId: string;
  SecurityProfileIds: string[];
}

export interface SecurityProfileDetails {
  Id: string;
  Arn: string;
  SecurityProfileName: string;
  Description?: string;
  LastModifiedTime?: number;
}

export interface PermissionFeature {
  Label: string;
  Permissions: string[];
}

export interface PermissionGroup {
  Label: string;
  Features: PermissionFeature[];
}

export interface AgentStatusSummary extends NamedSummary {
  Type: string;
}

export interface NewAgentStatus {
  Name: string;
  Description?: string;
  State: 'ENABLED' | 'DISABLED';
  DisplayOrder?: number;
}

export interface AccessKeySummary {
  AccessKeyId: string;
  InstanceId: string;
  UserId: string;
  Description?: string;
  Status: 'ACTIVE' | 'REVOKED';
  CreatedTime: number;
  LastUsedTime?: number;
}

export interface NewAccessKey extends AccessKeySummary {
  SecretAccessKey: string;
}

export interface UserSummary {
  Id: string;
  Arn: string;
  Username: string;
}

export const peopleApi = {
  userSummaries: () => listAll<UserSummary>('ListUsers', 'UserSummaryList'),
  /** ListUsers gives names only: each user is described for its name and profiles. */
  users: async () => {
    const list = await listAll<UserSummary>('ListUsers', 'UserSummaryList');
    return Promise.all(
      list.map((u) =>
        consoleCall<{ User: UserDetails }>('DescribeUser', { UserId: u.Id }).then((r) => r.User),
      ),
    );
  },
  createUser: (input: NewUser) =>
    consoleCall<{ UserId: string; UserArn: string }>('CreateUser', {
      ...input,
      PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    }),
  setRoutingProfile: (UserId: string, RoutingProfileId: string) =>
    consoleCall('UpdateUserRoutingProfile', { UserId, RoutingProfileId }),
  setSecurityProfiles: (UserId: string, SecurityProfileIds: string[]) =>
    consoleCall('UpdateUserSecurityProfiles', { UserId, SecurityProfileIds }),
  deleteUser: (UserId: string) => consoleCall('DeleteUser', { UserId }),
  routingProfiles: () => listAll<NamedSummary>('ListRoutingProfiles', 'RoutingProfileSummaryList'),

  securityProfiles: () => listAll<NamedSummary>('ListSecurityProfiles', 'SecurityProfileSummaryList'),
  securityProfile: (SecurityProfileId: string) =>
    consoleCall<{ SecurityProfile: SecurityProfileDetails }>('DescribeSecurityProfile', {
      SecurityProfileId,
    }).then((r) => r.SecurityProfile),
  profilePermissions: (SecurityProfileId: string) =>
    listAll<string>('ListSecurityProfilePermissions', 'Permissions', { SecurityProfileId }),
  createSecurityProfile: (input: {
    SecurityProfileName: string;
    Description?: string;
    Permissions: string[];
  }) => consoleCall<{ SecurityProfileId: string }>('CreateSecurityProfile', { ...input }),
  updateSecurityProfile: (SecurityProfileId: string, input: { Description: string; Permissions: string[] }) =>
    consoleCall('UpdateSecurityProfile', { SecurityProfileId, ...input }),
  deleteSecurityProfile: (SecurityProfileId: string) =>
    consoleCall('DeleteSecurityProfile', { SecurityProfileId }),
  permissionGroups: () =>
    consoleCall<{ Groups: PermissionGroup[] }>('ListPermissionGroups').then((r) => r.Groups),

  agentStatuses: () => listAll<AgentStatusSummary>('ListAgentStatuses', 'AgentStatusSummaryList'),
  /** The enabled statuses with their display order (the agent API; needs BasicAgentAccess). */
  enabledStatuses: () =>
    request<{ AgentStatuses: { Id: string; DisplayOrder?: number }[] }>('GET', '/api/agent/statuses').then(
      (r) => r.AgentStatuses,
    ),
  createAgentStatus: (input: NewAgentStatus) =>
    consoleCall<{ AgentStatusId: string }>('CreateAgentStatus', { ...input }),

  accessKeys: () =>
    consoleCall<{ AccessKeys: AccessKeySummary[] }>('ListAccessKeys').then((r) => r.AccessKeys),
  createAccessKey: (UserId: string, Description: string) =>
    consoleCall<NewAccessKey>('CreateAccessKey', { UserId, ...(Description && { Description }) }),
  revokeAccessKey: (AccessKeyId: string) => consoleCall('RevokeAccessKey', { AccessKeyId }),
};
