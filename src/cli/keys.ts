/**
 * `tsunagi keys create|list|revoke`: access keys for the AWS SDK, managed on the database directly (the server
 * may be running or not). The secret is printed once, by `create`, and never again. The master key is found the
 * same way `serve` finds it (src/app/master-key.ts), so keys made here verify there.
 */
import { Command } from 'commander';
import { loadConfig } from '../app/config.js';
import { loadMasterKey } from '../app/master-key.js';
import { SystemClock } from '../core/index.js';
import { accessKeyService, type AccessKeyService, type AccessKeySummary } from '../access/access-keys.js';
import { aesGcmSecretBox } from '../access/secret-box.js';
import { openStore } from '../store/kysely/index.js';
import type { Instance, Store } from '../store/ports/index.js';

interface DatabaseOptions {
  database?: string;
  instance?: string;
}

interface Session {
  store: Store;
  keys: AccessKeyService;
  /** The instance --instance names (the default instance without it). */
  instance: () => Promise<Instance>;
}

/** Opens the database, runs `work`, closes. */
async function withKeys<T>(opts: DatabaseOptions, work: (s: Session) => Promise<T>): Promise<T> {
  const config = loadConfig(opts.database === undefined ? {} : { database: opts.database });
  const secretBox = aesGcmSecretBox(loadMasterKey(config));
  const store = await openStore({ database: config.database, arns: config.arns });
  try {
    const instance = async (): Promise<Instance> => {
      const alias = opts.instance ?? config.defaultInstanceAlias;
      const found = await store.repos.instances.findByAlias(alias);
      if (!found)
        throw new Error(
          `no instance '${alias}' in the database: start \`tsunagi serve\` once, or name one with --instance`,
        );
      return found;
    };
    const keys = accessKeyService({ store, clock: new SystemClock() }, { secretBox });
    return await work({ store, keys, instance });
  } finally {
    await store.close();
  }
}

const iso = (ms: number | undefined): string => (ms === undefined ? '-' : new Date(ms).toISOString());

async function usernames(
  store: Store,
  instanceId: string,
  keys: AccessKeySummary[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const userId of new Set(keys.map((k) => k.UserId))) {
    const user = await store.repos.users.get(instanceId, userId);
    names.set(userId, user?.Username ?? userId);
  }
  return names;
}

const databaseOption = [
  '-d, --database <file|url>',
  'a SQLite file or a postgres:// URL (TSUNAGI_DATABASE)',
] as const;
const instanceOption = ['--instance <alias>', 'the instance (default: the default instance)'] as const;

function createCommand(): Command {
  return new Command('create')
    .description(
      'Create an access key for a user and print its id and secret (the secret is shown only once).',
    )
    .requiredOption('--user <username>', 'the user the key belongs to; its security profiles govern the key')
    .option('--description <text>', 'what the key is for')
    .option(...instanceOption)
    .option(...databaseOption)
    .option('--json', 'print a JSON object')
    .action(async (opts: DatabaseOptions & { user: string; description?: string; json?: boolean }) => {
      await withKeys(opts, async ({ store, keys, instance: find }) => {
        const instance = await find();
        const user = await store.repos.users.findByUsername(instance.Id, opts.user);
        if (!user) throw new Error(`no user '${opts.user}' in instance '${instance.InstanceAlias}'`);
        const key = await keys.create(instance.Id, {
          UserId: user.Id,
          ...(opts.description !== undefined && { Description: opts.description }),
        });
        if (opts.json) {
          console.log(JSON.stringify({ ...key, Username: user.Username }, null, 2));
          return;
        }
        console.log(
          [
            `AccessKeyId:     ${key.AccessKeyId}`,
            `SecretAccessKey: ${key.SecretAccessKey}`,
            `User:            ${user.Username} (${user.Id}) in instance ${instance.InstanceAlias}`,
            '',
            'The secret is shown only now: keep it safe (e.g. as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).',
          ].join('\n'),
        );
      });
    });
}

function listCommand(): Command {
  return new Command('list')
    .description("List the instance's access keys (never their secrets).")
    .option('--user <username>', "only this user's keys")
    .option(...instanceOption)
    .option(...databaseOption)
    .option('--json', 'print a JSON array')
    .action(async (opts: DatabaseOptions & { user?: string; json?: boolean }) => {
      await withKeys(opts, async ({ store, keys, instance: find }) => {
        const instance = await find();
        let userId: string | undefined;
        if (opts.user !== undefined) {
          const user = await store.repos.users.findByUsername(instance.Id, opts.user);
          if (!user) throw new Error(`no user '${opts.user}' in instance '${instance.InstanceAlias}'`);
          userId = user.Id;
        }
        const list = await keys.list(instance.Id, userId === undefined ? {} : { UserId: userId });
        const names = await usernames(store, instance.Id, list);
        if (opts.json) {
          console.log(
            JSON.stringify(
              list.map((k) => ({ ...k, Username: names.get(k.UserId) })),
              null,
              2,
            ),
          );
          return;
        }
        if (list.length === 0) {
          console.log(`no access keys in instance ${instance.InstanceAlias}`);
          return;
        }
        for (const k of list)
          console.log(
            [
              k.AccessKeyId,
              k.Status,
              names.get(k.UserId) ?? k.UserId,
              `created ${iso(k.CreatedTime)}`,
              `last used ${iso(k.LastUsedTime)}`,
              ...(k.Description === undefined ? [] : [k.Description]),
            ].join('  '),
          );
      });
    });
}

function revokeCommand(): Command {
  return new Command('revoke')
    .description('Revoke an access key: requests it signs are refused from now on.')
    .argument('<AccessKeyId>', 'the key to revoke (in whichever instance it is)')
    .option(...databaseOption)
    .action(async (accessKeyId: string, opts: DatabaseOptions) => {
      await withKeys(opts, async ({ keys }) => {
        const found = await keys.find(accessKeyId);
        if (!found) throw new Error(`no access key ${accessKeyId} in the database`);
        const key = await keys.revoke(found.InstanceId, accessKeyId);
        console.log(`${key.AccessKeyId} revoked`);
      });
    });
}

export function keysCommand(): Command {
  return new Command('keys')
    .description('Access keys for the AWS SDK (SigV4): create, list, revoke.')
    .addCommand(createCommand())
    .addCommand(listCommand())
    .addCommand(revokeCommand());
}
