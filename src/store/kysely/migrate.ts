import { sql, type Kysely, type Migration } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

/** A fixed key for PostgreSQL's advisory lock that serializes migrations across processes. */
const MIGRATION_LOCK_KEY = 7_401_736_281;

interface MigrationsTable {
  tsunagi_migrations: { name: string; applied_at: number };
}

/**
 * Brings the schema up to date: every migration not yet recorded runs, in name order, in one transaction that
 * holds a lock (PostgreSQL: an advisory lock; SQLite: the write lock), so several processes starting together
 * apply each migration once. It looks only at its own table in the current schema: no catalogue introspection.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  all: Record<string, Migration> = migrations,
): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await trx.schema
      .createTable('tsunagi_migrations')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'bigint', (c) => c.notNull())
      .execute();
    const t = trx as unknown as Kysely<MigrationsTable>;
    // The database's own clock stamps the record: migrations run before any injected clock exists.
    const now =
      dialect === 'postgres'
        ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
        : sql<number>`cast(unixepoch('subsec') * 1000 as integer)`;
    const done = new Set(
      (await t.selectFrom('tsunagi_migrations').select('name').execute()).map((r) => r.name),
    );
    for (const name of Object.keys(all).sort()) {
      if (done.has(name)) continue;
      await all[name]?.up(trx);
      await t.insertInto('tsunagi_migrations').values({ name, applied_at: now }).execute();
      applied.push(name);
    }
  });
  return applied;
}
