/** A PostgreSQL schema of its own for a whole server under test: made, given as a URL whose search_path is it, dropped. */
import pg from 'pg';

export async function createSchema(url: string, schema: string, drop = false): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(drop ? `DROP SCHEMA IF EXISTS ${schema} CASCADE` : `CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
}

/** The database URL with the schema as its search_path (what `tsunagi serve --database` is given). */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
