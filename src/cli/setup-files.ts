/**
 * `tsunagi import <setup.json>` and `tsunagi export <dir>`: an instance's configuration as files (docs/SETUP.md),
 * written to and read from the database directly, whether Tsunagi runs on it or not. A running Tsunagi reads
 * configuration from the database as it needs it (as after a change through the API): what an import makes is
 * used at once; an agent already signed in gets a changed routing profile when they next set their status.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadConfig, type TsunagiConfig } from '../app/config.js';
import { ensureAdministrator, ensureDefaultInstance } from '../app/administrator.js';
import { createServices, type Services } from '../app/services.js';
import { SystemClock, systemEntropy, uuidIds } from '../core/index.js';
import { applySetup, exportSetup, formatReport, readSetupFile, writeSetupExport } from '../setup/index.js';
import { openStore } from '../store/kysely/index.js';
import type { Instance, Store } from '../store/ports/index.js';
import { redactUrl } from './redact.js';

interface DatabaseOptions {
  database?: string;
  instance?: string;
}

interface Session {
  config: TsunagiConfig;
  store: Store;
  services: Services;
}

async function withDatabase<T>(opts: DatabaseOptions, work: (s: Session) => Promise<T>): Promise<T> {
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
    return await work({ config, store, services });
  } finally {
    await store.close();
  }
}

async function namedInstance(store: Store, alias: string): Promise<Instance> {
  const found = await store.repos.instances.findByAlias(alias);
  if (!found) throw new Error(`no instance '${alias}' in the database`);
  return found;
}

const databaseOption = [
  '-d, --database <file|url>',
  'a SQLite file or a postgres:// URL (TSUNAGI_DATABASE)',
] as const;
const instanceOption = ['--instance <alias>', 'the instance (default: the default instance)'] as const;

function importCommand(): Command {
  return new Command('import')
    .description(
      'Apply a setup file (and the flow files it names) to an instance, by name: what exists is kept, what is missing is created. On a new database the default instance and its administrator are made first, as `serve` makes them.',
    )
    .argument('<setup.json>', 'the setup file (docs/SETUP.md), e.g. examples/callback-via-task/setup.json')
    .option(...databaseOption)
    .option(...instanceOption)
    .option('--update-flows', "publish the files' content to flows that exist with other content")
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: DatabaseOptions & { updateFlows?: boolean; json?: boolean }) => {
      const { setup, readFile } = await readSetupFile(file);
      await withDatabase(opts, async ({ config, store, services }) => {
        const lines: string[] = [];
        let instance: Instance;
        if (opts.instance !== undefined) instance = await namedInstance(store, opts.instance);
        else {
          ({ instance } = await ensureDefaultInstance(services, config.defaultInstanceAlias));
          const admin = await ensureAdministrator(services, instance.Id, {
            ...(config.adminPassword !== undefined && { password: config.adminPassword }),
            entropy: systemEntropy,
          });
          if (admin.password !== undefined)
            lines.push(
              config.adminPassword !== undefined
                ? 'created the administrator admin (password from TSUNAGI_ADMIN_PASSWORD)'
                : `created the administrator admin, password ${admin.password} (shown once: keep it)`,
            );
        }
        const report = await applySetup(services, store, instance.Id, setup, readFile, {
          env: config.setupEnv,
          ...(opts.updateFlows && { updateFlows: true }),
        });
        if (opts.json) {
          console.log(JSON.stringify({ InstanceId: instance.Id, ...report }, null, 2));
          return;
        }
        console.log(
          [
            `imported ${file} into instance ${instance.InstanceAlias} (${store.kind} ${redactUrl(config.database)})`,
            ...lines,
            ...formatReport(report),
          ].join('\n'),
        );
      });
    });
}

function exportCommand(): Command {
  return new Command('export')
    .description(
      "Write an instance's configuration as setup.json and one file per flow (its content, with the instance's ARNs turned into placeholders), which `tsunagi import` reads back.",
    )
    .argument('<dir>', 'the folder to write (made if missing; must be empty unless --force)')
    .option(...databaseOption)
    .option(...instanceOption)
    .option('--force', 'write over the files of a folder that is not empty')
    .action(async (dir: string, opts: DatabaseOptions & { force?: boolean }) => {
      await withDatabase(opts, async ({ config, store }) => {
        const instance = await namedInstance(store, opts.instance ?? config.defaultInstanceAlias);
        const exported = await exportSetup(store, instance.Id);
        const written = writeSetupExport(resolve(dir), exported, opts.force ?? false);
        console.log(
          [
            `exported instance ${instance.InstanceAlias}: ${written.length} files in ${resolve(dir)}`,
            ...exported.problems.map((p) => `note: ${p}`),
          ].join('\n'),
        );
      });
    });
}

export { exportCommand, importCommand };
