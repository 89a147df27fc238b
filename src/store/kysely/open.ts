import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import { DEFAULT_ARN_CONTEXT, type ArnContext } from '../../core/index.js';
import type { Store } from '../ports/index.js';
import { migrateToLatest } from './migrate.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { createRepositories } from './repositories.js';
import type { Database } from './schema.js';

/**
 * The SQLite driver: better-sqlite3 12, built from source, on Node 20; on Node 22 and later the N-API build of
 * better-sqlite3 13, because 12's native objects abort the process when they are finalized at exit on Node 24.
 * Both have the same API.
 */
const require = createRequire(import.meta.url);
const SQLITE_DRIVER = require.resolve(
  Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3',
);
const SQLite = require(SQLITE_DRIVER) as typeof BetterSqlite3;

export interface StoreOptions {
  /** A SQLite file path (`:memory:` for a throw-away database) or a `postgres://` URL. */
  database: string;
  /** PostgreSQL only: the schema to use (created if missing). Tests use one schema each. */
  schema?: string;
  arns?: ArnContext;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export const isPostgresUrl = (database: string): boolean => /^postgres(ql)?:\/\//.test(database);

const INT8_OID = 20;

/** Times are bigint epoch milliseconds: read them as numbers, not strings. */
const int8AsNumber = new pg.TypeOverrides();
int8AsNumber.setTypeParser(INT8_OID, Number);

function postgresDialect(url: string, schema: string | undefined, poolSize: number): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: int8AsNumber,
  });
  return new PostgresDialect({ pool });
}

/** The file's log is copied back by a worker (see checkpointer.ts) this often, in ms. */
const CHECKPOINT_EVERY_MS = 50;
/** The store's own automatic checkpoint, in pages of log: only if the worker falls behind. */
const CHECKPOINT_BACKSTOP_PAGES = 10_000;
const WAL_SIZE_LIMIT_BYTES = 64 * 2 ** 20;

function sqliteDialect(file: string): { dialect: SqliteDialect; checkpointer?: Checkpointer } {
  const memory = file === ':memory:' || file === '';
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  // In WAL mode a commit is durable against a crash of the process (kill -9), not of the machine: the log is
  // written before the commit returns, and synced at each checkpoint.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const database = cachingStatements(db, STATEMENT_CACHE_SIZE);
  if (memory) return { dialect: new SqliteDialect({ database }) };
  db.pragma(`wal_autocheckpoint = ${CHECKPOINT_BACKSTOP_PAGES}`);
  // The log is reused from its start once copied back; past a burst it is cut back to this size.
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const checkpointer = startCheckpointer({
    file,
    driver: SQLITE_DRIVER,
    everyMs: CHECKPOINT_EVERY_MS,
    // Without the worker, SQLite's own checkpoint at its usual threshold.
    onError: () => db.open && db.pragma('wal_autocheckpoint = 1000'),
  });
  return { dialect: new SqliteDialect({ database }), checkpointer };
}

/** How many prepared statements a SQLite connection keeps (the store's queries are a few hundred texts at most). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely's SQLite driver sees it, with its prepared statements kept: the driver prepares each query
 * anew, which costs more than running most of them. Statements are kept by SQL text, the least recently used
 * dropped past `size`. A kept statement still being iterated (a streamed query) is never handed out twice: a fresh,
 * unkept one is prepared instead.
 */
function cachingStatements(db: BetterSqlite3.Database, size: number): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(text) {
      const hit = kept.get(text);
      if (hit?.busy) return db.prepare(text);
      if (hit) {
        kept.delete(text);
        kept.set(text, hit);
        return hit;
      }
      const statement = db.prepare(text);
      kept.set(text, statement);
      if (kept.size > size) kept.delete(kept.keys().next().value as string);
      return statement;
    },
    close() {
      kept.clear();
      db.close();
    },
  };
}

/** Opens the database named by `options.database`, migrates it, and returns the store over it. */
export async function openStore(options: StoreOptions): Promise<Store & { db: Kysely<Database> }> {
  const arns = options.arns ?? DEFAULT_ARN_CONTEXT;
  const postgres = isPostgresUrl(options.database);
  if (postgres && options.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`bad schema name: ${options.schema}`);
    const client = new pg.Client({ connectionString: options.database });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    } finally {
      await client.end();
    }
  }
  const sqlite = postgres ? undefined : sqliteDialect(options.database);
  const db = new Kysely<Database>({
    dialect: sqlite?.dialect ?? postgresDialect(options.database, options.schema, options.poolSize ?? 10),
  });
  const close = async () => {
    await sqlite?.checkpointer?.stop();
    await db.destroy();
  };
  try {
    await migrateToLatest(db, postgres ? 'postgres' : 'sqlite');
  } catch (e) {
    await close();
    throw e;
  }
  const dialect = postgres ? 'postgres' : 'sqlite';
  let generation = 0;
  const changed = () => {
    generation++;
  };
  return {
    kind: dialect,
    db,
    repos: createRepositories(db, arns, dialect, changed),
    transaction: async (work) => {
      // Counted at the write (a cache must not keep what it reads meanwhile) and at the commit (what it reads
      // before the commit is the old configuration).
      let wrote = false;
      try {
        return await db.transaction().execute((trx) =>
          work(
            createRepositories(trx, arns, dialect, () => {
              wrote = true;
              changed();
            }),
          ),
        );
      } finally {
        if (wrote) changed();
      }
    },
    configurationGeneration: () => generation,
    close,
  };
}
