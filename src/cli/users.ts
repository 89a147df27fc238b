/**
 * `tsunagi users create|passwd`: people who log in to the agent workspace and the console, managed on the
 * database directly (the server may be running or not), through the same user service the Connect API uses, so
 * Connect's rules apply (username, password rule, profiles that exist). A password left out is generated and
 * printed once.
 */
import { Command } from 'commander';
import { loadConfig } from '../app/config.js';
import { createServices, type Services } from '../app/services.js';
import { checkPasswordRule } from '../access/password.js';
import { SystemClock, systemEntropy, uuidIds } from '../core/index.js';
import { newPassword } from '../setup/password.js';
import { openStore } from '../store/kysely/index.js';
import type { Instance, Store } from '../store/ports/index.js';

interface DatabaseOptions {
  database?: string;
  instance?: string;
}

interface Session {
  store: Store;
  services: Services;
  /** The instance --instance names (the default instance without it). */
  instance: () => Promise<Instance>;
}

/** Opens the database, runs `work`, closes. */
async function withUsers<T>(opts: DatabaseOptions, work: (s: Session) => Promise<T>): Promise<T> {
  const config = loadConfig(opts.database === undefined ? {} : { database: opts.database });
  const store = await openStore({ database: config.database, arns: config.arns });
  try {
    const services = createServices({
      store,
      clock: new SystemClock(),
      ids: uuidIds(systemEntropy),
      arns: config.arns,
      limits: config.limits,
    });
    const instance = async (): Promise<Instance> => {
      const alias = opts.instance ?? config.defaultInstanceAlias;
      const found = await store.repos.instances.findByAlias(alias);
      if (!found)
        throw new Error(
          `no instance '${alias}' in the database: start \`tsunagi serve\` once, or name one with --instance`,
        );
      return found;
    };
    return await work({ store, services, instance });
  } finally {
    await store.close();
  }
}

const databaseOption = [
  '-d, --database <file|url>',
  'a SQLite file or a postgres:// URL (TSUNAGI_DATABASE)',
] as const;
const instanceOption = ['--instance <alias>', 'the instance (default: the default instance)'] as const;
const passwordOption = [
  '--password <password>',
  'the password (8 to 64 characters, a lower-case and an upper-case letter and a digit); generated and printed once if left out',
] as const;

/** The password given, checked against Connect's rule before anything is opened, or a new one. */
function passwordOf(given: string | undefined): { password: string; generated: boolean } {
  if (given === undefined) return { password: newPassword(systemEntropy), generated: true };
  checkPasswordRule(given);
  return { password: given, generated: false };
}

const printPassword = (password: string): string[] => [
  `Password: ${password}`,
  '',
  'The password is shown only now: give it to the user.',
];

interface CreateOptions extends DatabaseOptions {
  username: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  securityProfile: string[];
  routingProfile: string;
}

function createCommand(): Command {
  return new Command('create')
    .description('Create a user who logs in with a username and password (Connect-managed identity).')
    .requiredOption('--username <username>', 'the login name')
    .option(...passwordOption)
    .option('--first-name <name>', 'the first name')
    .option('--last-name <name>', 'the last name')
    .requiredOption(
      '--security-profile <name...>',
      'the security profiles (by name) that give the user permissions, e.g. Admin',
    )
    .option('--routing-profile <name>', 'the routing profile (by name)', 'Basic Routing Profile')
    .option(...instanceOption)
    .option(...databaseOption)
    .action(async (opts: CreateOptions) => {
      const { password, generated } = passwordOf(opts.password);
      await withUsers(opts, async ({ store, services, instance: find }) => {
        const instance = await find();
        const where = `in instance '${instance.InstanceAlias}'`;
        const securityProfileIds: string[] = [];
        for (const name of opts.securityProfile) {
          const profile = await store.repos.securityProfiles.findByName(instance.Id, name);
          if (!profile) throw new Error(`no security profile '${name}' ${where}`);
          securityProfileIds.push(profile.Id);
        }
        const routing = await store.repos.routingProfiles.findByName(instance.Id, opts.routingProfile);
        if (!routing) throw new Error(`no routing profile '${opts.routingProfile}' ${where}`);
        const identity = {
          ...(opts.firstName !== undefined && { FirstName: opts.firstName }),
          ...(opts.lastName !== undefined && { LastName: opts.lastName }),
        };
        const user = await services.users.create(instance.Id, {
          Username: opts.username,
          Password: password,
          ...(Object.keys(identity).length > 0 && { IdentityInfo: identity }),
          PhoneConfig: { PhoneType: 'SOFT_PHONE' },
          SecurityProfileIds: securityProfileIds,
          RoutingProfileId: routing.RoutingProfileId,
        });
        console.log(
          [
            `User ${user.Username} (${user.Id}) created in instance ${instance.InstanceAlias}`,
            ...(generated ? printPassword(password) : []),
          ].join('\n'),
        );
      });
    });
}

function passwdCommand(): Command {
  return new Command('passwd')
    .description("Set a user's password (Connect-managed identity).")
    .argument('<username>', 'the user')
    .option(...passwordOption)
    .option(...instanceOption)
    .option(...databaseOption)
    .action(async (username: string, opts: DatabaseOptions & { password?: string }) => {
      const { password, generated } = passwordOf(opts.password);
      await withUsers(opts, async ({ store, services, instance: find }) => {
        const instance = await find();
        const user = await store.repos.users.findByUsername(instance.Id, username);
        if (!user) throw new Error(`no user '${username}' in instance '${instance.InstanceAlias}'`);
        await services.users.setPassword(instance.Id, user.Id, password);
        console.log(
          [`Password of ${user.Username} changed`, ...(generated ? printPassword(password) : [])].join('\n'),
        );
      });
    });
}

export function usersCommand(): Command {
  return new Command('users')
    .description('Users who log in to the agent workspace and the console: create, passwd.')
    .addCommand(createCommand())
    .addCommand(passwdCommand());
}
