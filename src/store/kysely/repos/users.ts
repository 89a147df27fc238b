import type { Kysely } from 'kysely';
import { ConnectError, resourceArn, type ArnContext } from '../../../core/index.js';
import type {
  User,
  UserChannelConfigs,
  UserIdentityInfo,
  UserPhoneConfig,
  UserRepo,
} from '../../ports/index.js';
import type { Database, UsersTable } from '../schema.js';
import { ResourceTable, compact, isUniqueViolation, json } from '../table.js';

/** What `identity_info_json` holds: the identity, and the user's id in an existing directory. */
interface StoredIdentity {
  IdentityInfo?: UserIdentityInfo;
  DirectoryUserId?: string;
}

const CHANNEL_KEYS = [
  'AutoAcceptConfigs',
  'AfterContactWorkConfigs',
  'PhoneNumberConfigs',
  'PersistentConnectionConfigs',
  'VoiceEnhancementConfigs',
] as const satisfies readonly (keyof UserChannelConfigs)[];

/** The row without the password hash, which only `insert` and `setPasswordHash` write. */
type UserRow = Omit<UsersTable, 'password_hash'>;

const toRow = (u: User): UserRow => {
  const identity: StoredIdentity = compact({
    IdentityInfo: u.IdentityInfo,
    DirectoryUserId: u.DirectoryUserId,
  });
  const channels: UserChannelConfigs = compact(Object.fromEntries(CHANNEL_KEYS.map((k) => [k, u[k]])));
  return {
    id: u.Id,
    instance_id: u.InstanceId,
    username: u.Username,
    identity_info_json: Object.keys(identity).length ? json.write(identity) : null,
    phone_config_json: json.write(u.PhoneConfig),
    channel_configs_json: Object.keys(channels).length ? json.write(channels) : null,
    routing_profile_id: u.RoutingProfileId,
    hierarchy_group_id: u.HierarchyGroupId ?? null,
    tags_json: json.write(u.Tags),
    last_modified_time: u.LastModifiedTime,
  };
};

const duplicateMessage = (u: User) => `a user named '${u.Username}' already exists`;

export function createUserRepo(db: Kysely<Database>, arns: ArnContext): UserRepo {
  const fromRow = (r: UsersTable): User => {
    const identity = json.read<StoredIdentity>(r.identity_info_json, {});
    return compact({
      InstanceId: r.instance_id,
      Id: r.id,
      Arn: resourceArn(arns, r.instance_id, 'user', r.id),
      Username: r.username,
      IdentityInfo: identity.IdentityInfo,
      PhoneConfig: json.read<UserPhoneConfig>(r.phone_config_json, { PhoneType: 'SOFT_PHONE' }),
      DirectoryUserId: identity.DirectoryUserId,
      SecurityProfileIds: [],
      RoutingProfileId: r.routing_profile_id,
      HierarchyGroupId: r.hierarchy_group_id ?? undefined,
      ...json.read<UserChannelConfigs>(r.channel_configs_json, {}),
      Tags: json.read(r.tags_json, {}),
      LastModifiedTime: Number(r.last_modified_time),
    });
  };
  const table = new ResourceTable(
    db,
    'users',
    { toRow: (u) => ({ ...toRow(u), password_hash: null }), fromRow },
    'username',
    duplicateMessage,
  );

  /** Fills in SecurityProfileIds with one query for all the users. */
  async function withProfiles(users: User[]): Promise<User[]> {
    const first = users[0];
    if (!first) return users;
    const rows = await db
      .selectFrom('user_security_profiles')
      .select(['user_id', 'security_profile_id'])
      .where('instance_id', '=', first.InstanceId)
      .where(
        'user_id',
        'in',
        users.map((u) => u.Id),
      )
      .orderBy('security_profile_id')
      .execute();
    return users.map((u) => ({
      ...u,
      SecurityProfileIds: rows.filter((r) => r.user_id === u.Id).map((r) => r.security_profile_id),
    }));
  }
  const one = async (u: User | undefined) => (u ? (await withProfiles([u]))[0] : undefined);

  async function replaceProfiles(u: User): Promise<void> {
    await db
      .deleteFrom('user_security_profiles')
      .where('instance_id', '=', u.InstanceId)
      .where('user_id', '=', u.Id)
      .execute();
    if (u.SecurityProfileIds.length === 0) return;
    await db
      .insertInto('user_security_profiles')
      .values(
        u.SecurityProfileIds.map((id) => ({
          instance_id: u.InstanceId,
          user_id: u.Id,
          security_profile_id: id,
        })),
      )
      .execute();
  }

  return {
    async insert(u, passwordHash) {
      try {
        await db
          .insertInto('users')
          .values({ ...toRow(u), password_hash: passwordHash ?? null })
          .execute();
      } catch (e) {
        if (isUniqueViolation(e)) throw new ConnectError('DuplicateResourceException', duplicateMessage(u));
        throw e;
      }
      await replaceProfiles(u);
    },
    async update(u) {
      try {
        await db
          .updateTable('users')
          .set(toRow(u))
          .where('instance_id', '=', u.InstanceId)
          .where('id', '=', u.Id)
          .execute();
      } catch (e) {
        if (isUniqueViolation(e)) throw new ConnectError('DuplicateResourceException', duplicateMessage(u));
        throw e;
      }
      await replaceProfiles(u);
    },
    get: async (i, id) => one(await table.get(i, id)),
    findByUsername: async (i, username) => one(await table.findBy(i, 'username', username)),
    list: async (i, page) => withProfiles(await table.list(i, page)),
    count: (i) => table.count(i),
    delete: (i, id) => table.delete(i, id),
    async setPasswordHash(instanceId, id, hash, lastModifiedTime) {
      await db
        .updateTable('users')
        .set({ password_hash: hash, last_modified_time: lastModifiedTime })
        .where('instance_id', '=', instanceId)
        .where('id', '=', id)
        .execute();
    },
    async credentials(instanceId, username) {
      const row = await db
        .selectFrom('users')
        .select(['id', 'password_hash'])
        .where('instance_id', '=', instanceId)
        .where('username', '=', username)
        .executeTakeFirst();
      return row && { userId: row.id, passwordHash: row.password_hash ?? undefined };
    },
    async routingProfileExists(instanceId, routingProfileId) {
      const row = await db
        .selectFrom('routing_profiles')
        .select('id')
        .where('instance_id', '=', instanceId)
        .where('id', '=', routingProfileId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async usedByQuickConnects(instanceId, id) {
      const rows = await db
        .selectFrom('quick_connects')
        .select('id')
        .where('instance_id', '=', instanceId)
        .where('user_id', '=', id)
        .orderBy('id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
