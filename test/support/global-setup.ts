import pg from 'pg';
import type { TestProject } from 'vitest/node';

/** Where the store contract suite finds PostgreSQL. CI sets nothing and gets the machine's server. */
export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** Prefix of the PostgreSQL schemas this run creates (one per test), dropped when the run ends. */
    schemaPrefix: string;
  }
}

async function probe(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Decides once per run whether the PostgreSQL half of the store suite runs. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const url = process.env.TEST_POSTGRES_URL ?? DEFAULT_TEST_POSTGRES_URL;
  const schemaPrefix = `t_${process.pid}_${Date.now().toString(36)}`;
  project.provide('schemaPrefix', schemaPrefix);
  const failure = await probe(url);
  if (failure) {
    if (process.env.CI === 'true')
      throw new Error(
        `CI=true but PostgreSQL at ${url} does not answer (${failure}); the store suite must run on it`,
      );
    console.warn(
      `[store suite] PostgreSQL tests skipped: no server answers at ${url} (${failure}). Set TEST_POSTGRES_URL.`,
    );
    project.provide('postgresUrl', null);
    return;
  }
  console.log(`[store suite] running on SQLite and on PostgreSQL at ${url}`);
  project.provide('postgresUrl', url);
  return () => dropSchemas(url, schemaPrefix);
}

/** Drops what a run left behind (a test that failed half-way may not have dropped its schema). */
async function dropSchemas(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'select schema_name as name from information_schema.schemata where schema_name like $1',
      [`${prefix}_%`],
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  } finally {
    await client.end();
  }
}
