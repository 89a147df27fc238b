import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import { DEFAULT_ARN_CONTEXT, type ArnContext } from '../../core/index.js';
import type { Store } from '../ports/index.js';
import { migrateToLatest } from './migrate.js';
import { createRepositories } from './repositories.js';
import type { Database } from './schema.js';

/**
 * The SQLite driver: better-sqlite3 12, built from source, on Node 20; on Node 22 and later the N-API build of
 * better-sqlite3 13, because 12's native objects abort the process when they are finalized at exit on Node 24.
 * Both have the same API.
 */
const SQLite = createRequire(import.meta.url)(
  Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3',
) as typeof BetterSqlite3;

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

function sqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: cachingStatements(db, STATEMENT_CACHE_SIZE) });
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
  const db = new Kysely<Database>({
    dialect: postgres
      ? postgresDialect(options.database, options.schema, options.poolSize ?? 10)
      : sqliteDialect(options.database),
  });
  try {
    await migrateToLatest(db, postgres ? 'postgres' : 'sqlite');
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return {
    kind: postgres ? 'postgres' : 'sqlite',
    db,
    repos: createRepositories(db, arns, postgres ? 'postgres' : 'sqlite'),
    transaction: (work) =>
      db
        .transaction()
        .execute((trx) => work(createRepositories(trx, arns, postgres ? 'postgres' : 'sqlite'))),
    close: () => db.destroy(),
  };
}
