import { Command } from 'commander';
import { loadConfig } from '../app/config.js';
import { openStore } from '../store/kysely/index.js';
import { redactUrl } from './redact.js';

/** `tsunagi db migrate`: brings a database's schema up to date without starting the server. */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Create or upgrade the database schema, then exit.')
    .option('-d, --database <file|url>', 'a SQLite file or a postgres:// URL (TSUNAGI_DATABASE)')
    .action(async (opts: { database?: string }) => {
      const config = loadConfig(opts);
      const store = await openStore({ database: config.database, arns: config.arns });
      await store.close();
      console.log(`schema up to date: ${store.kind} ${redactUrl(config.database)}`);
    });
}
