import { z } from 'zod';
import {
  Tags,
  idFromIdOrArn,
  inUse,
  invalidParameter,
  listPage,
  resourceArn,
  validate,
  type ListResult,
} from '../core/index.js';
import type { Repositories, SecurityProfile, SecurityProfileRepo } from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';
import {
  ListInput,
  namedResource,
  requireRoom,
  resourceOps,
  type ResourceSummary,
} from '../instances/resource.js';
import { isKnownPermission } from './permissions.js';

const Permissions = z.array(z.string().min(1).max(128)).max(500);
const Description = z.string().max(250);

/**
 * Members of Connect's request that Tsunagi does not model yet (tag- and hierarchy-based access control,
 * third-party applications, flow modules for AI agents, data-table access). A request that sets one is refused
 * rather than stored in part.
 */
const unsupported = z
  .unknown()
  .refine(
    (v) =>
      v === undefined || v === null || v === '' || (typeof v === 'object' && Object.keys(v).length === 0),
    'is not supported by Tsunagi',
  )
  .optional();
const Unsupported = {
  AllowedAccessControlTags: unsupported,
  TagRestrictedResources: unsupported,
  Applications: unsupported,
  HierarchyRestrictedResources: unsupported,
  AllowedAccessControlHierarchyGroupId: unsupported,
  AllowedFlowModules: unsupported,
  GranularAccessControlConfiguration: unsupported,
};

const CreateInput = z.object({
  SecurityProfileName: z
    .string()
    .min(1)
    .max(127)
    .regex(/^[ a-zA-Z0-9_@-]+$/, 'may hold only letters, digits, spaces and _@-'),
  Description: Description.optional(),
  Permissions: Permissions.optional(),
  Tags: Tags.optional(),
  ...Unsupported,
});
const UpdateInput = z.object({
  Description: Description.optional(),
  Permissions: Permissions.optional(),
  ...Unsupported,
});

export type CreateSecurityProfileInput = z.input<typeof CreateInput>;
export type UpdateSecurityProfileInput = z.input<typeof UpdateInput>;

export type SecurityProfileSummary = ResourceSummary;

/** The distinct names, sorted; InvalidParameterException naming the first one Connect does not know. */
function knownPermissions(names: string[]): string[] {
  names.forEach((name, i) => {
    if (!isKnownPermission(name))
      throw invalidParameter(`Permissions[${i}]`, `'${name}' is not an Amazon Connect permission`);
  });
  return [...new Set(names)].sort();
}

const SECURITY_PROFILE = namedResource<SecurityProfile, SecurityProfileRepo>({
  what: 'Security profile',
  idName: 'SecurityProfileId',
  repo: (repos) => repos.securityProfiles,
});

export const requireSecurityProfile = SECURITY_PROFILE.require;

/** The union of the permissions of the profiles (ids or ARNs); ones that do not exist add nothing. */
export async function permissionsOfProfiles(
  repos: Repositories,
  instanceId: string,
  idsOrArns: readonly string[],
): Promise<Set<string>> {
  const ids = [...new Set(idsOrArns.map(idFromIdOrArn))];
  const profiles = await repos.securityProfiles.getMany(instanceId, ids);
  return new Set(profiles.flatMap((p) => p.Permissions));
}

/** Security profiles: Create/Describe/List/ListPermissions/Update/Delete, and the union used for checks. */
export function securityProfileService(deps: ServiceDeps) {
  const { store, clock, ids, arns, limits } = deps;
  const profiles = resourceOps(deps, SECURITY_PROFILE);
  return {
    async create(instanceId: string, input: CreateSecurityProfileInput): Promise<SecurityProfile> {
      const req = validate(CreateInput, input);
      const permissions = knownPermissions(req.Permissions ?? []);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        await SECURITY_PROFILE.requireUnusedName(repos, instanceId, req.SecurityProfileName);
        requireRoom(
          'security profiles',
          await repos.securityProfiles.count(instanceId),
          limits.securityProfilesPerInstance,
        );
        const id = ids.next();
        const sp: SecurityProfile = {
          InstanceId: instanceId,
          Id: id,
          Arn: resourceArn(arns, instanceId, 'security-profile', id),
          OrganizationResourceId: instanceId,
          SecurityProfileName: req.SecurityProfileName,
          ...(req.Description !== undefined && { Description: req.Description }),
          Permissions: permissions,
          Tags: req.Tags ?? {},
          LastModifiedTime: clock.now(),
        };
        await repos.securityProfiles.insert(sp);
        return sp;
      });
    },

    describe: profiles.describe,

    async list(
      instanceId: string,
      input: z.input<typeof ListInput> = {},
    ): Promise<ListResult<SecurityProfileSummary>> {
      return profiles.list(instanceId, ListInput, input, () => ({
        scope: `security-profiles:${instanceId}`,
        fetch: async (page) =>
          (await store.repos.securityProfiles.list(instanceId, page)).map((sp) => ({
            Id: sp.Id,
            Arn: sp.Arn,
            Name: sp.SecurityProfileName,
            LastModifiedTime: sp.LastModifiedTime,
          })),
      }));
    },

    /** ListSecurityProfilePermissions: the profile's names, a page at a time, with its LastModifiedTime. */
    async listPermissions(
      instanceId: string,
      securityProfileId: string,
      input: z.input<typeof ListInput> = {},
    ): Promise<ListResult<string> & { lastModifiedTime: number }> {
      const req = validate(ListInput, input);
      const sp = await profiles.read(instanceId, securityProfileId);
      const page = await listPage(`security-profile-permissions:${sp.Id}`, req, 100, (p) =>
        Promise.resolve(sp.Permissions.slice(p.offset, p.offset + p.limit)),
      );
      return { ...page, lastModifiedTime: sp.LastModifiedTime };
    },

    async update(
      instanceId: string,
      securityProfileId: string,
      input: UpdateSecurityProfileInput,
    ): Promise<SecurityProfile> {
      const req = validate(UpdateInput, input);
      const permissions = req.Permissions && knownPermissions(req.Permissions);
      return profiles.modify(instanceId, securityProfileId, (current) => ({
        ...current,
        ...(req.Description !== undefined && { Description: req.Description }),
        ...(permissions && { Permissions: permissions }),
      }));
    },

    async delete(instanceId: string, securityProfileId: string): Promise<void> {
      await profiles.withItem(instanceId, securityProfileId, async (sp, repos) => {
        const users = await repos.securityProfiles.usedByUsers(instanceId, sp.Id);
        if (users.length > 0) throw inUse('Security profile', sp.Id, `user ${users.join(', ')}`);
        await repos.securityProfiles.delete(instanceId, sp.Id);
      });
    },

    /** The union of the permissions granted by the profiles, for the engine's checks. */
    async permissionsOf(instanceId: string, securityProfileIds: readonly string[]): Promise<Set<string>> {
      return permissionsOfProfiles(store.repos, instanceId, securityProfileIds);
    },
  };
}
export type SecurityProfileService = ReturnType<typeof securityProfileService>;
