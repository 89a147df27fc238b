import { z } from 'zod';
import {
  IdOrArn,
  Tags,
  duplicate,
  idFromIdOrArn,
  inUse,
  notFound,
  resourceArn,
  systemEntropy,
  validate,
  type Entropy,
  type ListResult,
} from '../core/index.js';
import type { Queue, Repositories, User } from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';
import { ListInput, requireRoom, resource, resourceOps } from '../instances/resource.js';
import { Password, checkPasswordRule, hashPassword, verifyDecoy, verifyPassword } from './password.js';
import { permissionsOfProfiles } from './security-profiles.js';
import {
  ChannelConfigs,
  IdentityInfo,
  PhoneConfig,
  channelConfigsOf,
  checkIdentityInfo,
  checkIdentityMembers,
  checkUsername,
  phoneConfigFor,
  withPhoneConfig,
} from './user-input.js';

export interface UserSummary {
  Id: string;
  Arn: string;
  Username: string;
  LastModifiedTime: number;
}

export interface UserServiceOptions {
  /** Where password salts come from; the operating system's by default. */
  entropy?: Entropy;
}

const USER = resource<User>({ what: 'User', idName: 'UserId', repo: (repos) => repos.users });

export const requireUser = USER.require;

/** The security profiles (ids or ARNs) as distinct ids, each one checked to exist. */
async function requireSecurityProfiles(
  repos: Repositories,
  instanceId: string,
  idsOrArns: string[],
): Promise<string[]> {
  const ids = [...new Set(idsOrArns.map(idFromIdOrArn))].sort();
  const found = new Set((await repos.securityProfiles.getMany(instanceId, ids)).map((p) => p.Id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw notFound('Security profile', missing, 'SecurityProfileId');
  return ids;
}

async function requireRoutingProfile(
  repos: Repositories,
  instanceId: string,
  idOrArn: string,
): Promise<string> {
  const id = idFromIdOrArn(idOrArn);
  if (!(await repos.users.routingProfileExists(instanceId, id)))
    throw notFound('Routing profile', id, 'RoutingProfileId');
  return id;
}

/** Users: CreateUser, DescribeUser, ListUsers, DeleteUser, UpdateUser*, and password login. */
export function userService(deps: ServiceDeps, options: UserServiceOptions = {}) {
  const { store, clock, ids, arns, limits } = deps;
  const entropy = options.entropy ?? systemEntropy;

  const SecurityProfileIds = z.array(IdOrArn).min(1).max(limits.securityProfilesPerUser);
  const CreateInput = z.object({
    Username: z.string().min(1).max(100),
    Password: Password.optional(),
    IdentityInfo: IdentityInfo.optional(),
    PhoneConfig: PhoneConfig.optional(),
    DirectoryUserId: z.string().min(1).max(256).optional(),
    SecurityProfileIds,
    RoutingProfileId: IdOrArn,
    HierarchyGroupId: IdOrArn.optional(),
    Tags: Tags.optional(),
    ...ChannelConfigs,
  });

  const users = resourceOps(deps, USER);

  return {
    async create(instanceId: string, input: z.input<typeof CreateInput>): Promise<User> {
      const req = validate(CreateInput, input);
      const channels = channelConfigsOf(req);
      const phone = phoneConfigFor(req.PhoneConfig, channels);
      // Hashing is slow: done before the transaction, so no lock is held meanwhile.
      const passwordHash = req.Password === undefined ? undefined : await hashPassword(req.Password, entropy);
      return store.transaction(async (repos) => {
        const instance = await requireInstance(repos, instanceId);
        checkUsername(instance.IdentityManagementType, req.Username);
        checkIdentityMembers(instance.IdentityManagementType, req);
        checkIdentityInfo(instance.IdentityManagementType, req.IdentityInfo);
        if (await repos.users.findByUsername(instanceId, req.Username)) throw duplicate('User', req.Username);
        requireRoom('users', await repos.users.count(instanceId), limits.usersPerInstance);
        const routingProfileId = await requireRoutingProfile(repos, instanceId, req.RoutingProfileId);
        const securityProfileIds = await requireSecurityProfiles(repos, instanceId, req.SecurityProfileIds);
        const id = ids.next();
        const now = clock.now();
        const user: User = {
          InstanceId: instanceId,
          Id: id,
          Arn: resourceArn(arns, instanceId, 'user', id),
          Username: req.Username,
          ...(req.IdentityInfo && { IdentityInfo: req.IdentityInfo }),
          PhoneConfig: phone,
          ...(req.DirectoryUserId !== undefined && { DirectoryUserId: req.DirectoryUserId }),
          SecurityProfileIds: securityProfileIds,
          RoutingProfileId: routingProfileId,
          ...(req.HierarchyGroupId !== undefined && {
            HierarchyGroupId: idFromIdOrArn(req.HierarchyGroupId),
          }),
          ...channels,
          Tags: req.Tags ?? {},
          LastModifiedTime: now,
        };
        await repos.users.insert(user, passwordHash);
        // Connect gives every user an agent queue of its own, named after the user.
        const queueId = ids.next();
        const agentQueue: Queue = {
          InstanceId: instanceId,
          QueueId: queueId,
          QueueArn: resourceArn(arns, instanceId, 'queue', queueId),
          Name: req.Username,
          QueueType: 'AGENT',
          Status: 'ENABLED',
          UserId: id,
          Tags: {},
          LastModifiedTime: now,
        };
        await repos.queues.insert(agentQueue);
        return user;
      });
    },

    describe: users.describe,

    async list(instanceId: string, input: z.input<typeof ListInput> = {}): Promise<ListResult<UserSummary>> {
      return users.list(instanceId, ListInput, input, () => ({
        scope: `users:${instanceId}`,
        fetch: async (page) =>
          (await store.repos.users.list(instanceId, page)).map((u) => ({
            Id: u.Id,
            Arn: u.Arn,
            Username: u.Username,
            LastModifiedTime: u.LastModifiedTime,
          })),
      }));
    },

    async delete(instanceId: string, userId: string): Promise<void> {
      await users.withItem(instanceId, userId, async (user, repos) => {
        const qcs = await repos.users.usedByQuickConnects(instanceId, user.Id);
        if (qcs.length > 0) throw inUse('User', user.Id, `quick connect ${qcs.join(', ')}`);
        const queue = await repos.queues.findAgentQueue(instanceId, user.Id);
        if (queue) {
          const usedBy = [
            ...(await repos.queues.usedByRoutingProfiles(instanceId, queue.QueueId)).map(
              (id) => `routing profile ${id}`,
            ),
            ...(await repos.queues.usedByQuickConnects(instanceId, queue.QueueId)).map(
              (id) => `quick connect ${id}`,
            ),
          ];
          if (usedBy.length > 0)
            throw inUse('User', user.Id, `${usedBy.join(', ')} (through its agent queue ${queue.QueueId})`);
          await repos.queues.delete(instanceId, queue.QueueId);
        }
        await repos.users.delete(instanceId, user.Id);
      });
    },

    async updateRoutingProfile(
      instanceId: string,
      userId: string,
      input: { RoutingProfileId: unknown },
    ): Promise<User> {
      const req = validate(z.object({ RoutingProfileId: IdOrArn }), input);
      return users.modify(instanceId, userId, async (u, repos) => ({
        ...u,
        RoutingProfileId: await requireRoutingProfile(repos, instanceId, req.RoutingProfileId),
      }));
    },

    async updateSecurityProfiles(
      instanceId: string,
      userId: string,
      input: { SecurityProfileIds: unknown },
    ): Promise<User> {
      const req = validate(z.object({ SecurityProfileIds }), input);
      return users.modify(instanceId, userId, async (u, repos) => ({
        ...u,
        SecurityProfileIds: await requireSecurityProfiles(repos, instanceId, req.SecurityProfileIds),
      }));
    },

    /** Replaces the identity information (members left out are cleared). */
    async updateIdentityInfo(
      instanceId: string,
      userId: string,
      input: { IdentityInfo: unknown },
    ): Promise<User> {
      const req = validate(z.object({ IdentityInfo }), input);
      return users.modify(instanceId, userId, ({ IdentityInfo: current, ...u }, _repos, instance) => {
        checkIdentityInfo(instance.IdentityManagementType, req.IdentityInfo, current ?? {});
        return Object.keys(req.IdentityInfo).length ? { ...u, IdentityInfo: req.IdentityInfo } : u;
      });
    },

    async updatePhoneConfig(
      instanceId: string,
      userId: string,
      input: { PhoneConfig: unknown },
    ): Promise<User> {
      const req = validate(z.object({ PhoneConfig }), input);
      return users.modify(instanceId, userId, (u) => {
        const { AutoAcceptConfigs, AfterContactWorkConfigs, PhoneNumberConfigs, ...rest } = u;
        const { PersistentConnectionConfigs, VoiceEnhancementConfigs, ...base } = rest;
        const channels = withPhoneConfig({
          AutoAcceptConfigs,
          AfterContactWorkConfigs,
          PhoneNumberConfigs,
          PersistentConnectionConfigs,
          VoiceEnhancementConfigs,
        });
        return { ...base, ...channels, PhoneConfig: req.PhoneConfig };
      });
    },

    /** Sets a new password (Connect's rule applies); only where Connect stores the users. */
    async setPassword(instanceId: string, userId: string, password: string): Promise<void> {
      checkPasswordRule(password);
      const hash = await hashPassword(password, entropy);
      await users.withItem(instanceId, userId, async (user, repos, instance) => {
        checkIdentityMembers(instance.IdentityManagementType, { Password: password });
        await repos.users.setPasswordHash(instanceId, user.Id, hash, clock.now());
      });
    },

    /**
     * The user whose username and password these are, or undefined. A wrong password, an unknown username and
     * a user without a password cost the same work, so the answer time tells nothing.
     */
    async verifyLogin(instanceId: string, username: string, password: string): Promise<User | undefined> {
      const req = validate(z.object({ Username: z.string(), Password: z.string() }), {
        Username: username,
        Password: password,
      });
      await requireInstance(store.repos, instanceId);
      // One look-up and one scrypt run whether or not the user exists and has a password.
      const found = await store.repos.users.credentials(instanceId, req.Username);
      if (!found?.passwordHash) return verifyDecoy(req.Password).then(() => undefined);
      if (!(await verifyPassword(req.Password, found.passwordHash))) return undefined;
      return store.repos.users.get(instanceId, found.userId);
    },

    /** The union of the permissions of the user's security profiles. */
    async permissionsOf(instanceId: string, userId: string): Promise<Set<string>> {
      const user = await users.read(instanceId, userId);
      return permissionsOfProfiles(store.repos, instanceId, user.SecurityProfileIds);
    },
  };
}
export type UserService = ReturnType<typeof userService>;
