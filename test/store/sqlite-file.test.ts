import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/kysely/index.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/store-process.ts', import.meta.url));

/** Runs fixtures/store-process.ts on `file` in a process of its own. */
const storeProcess = (file: string, mode: 'kill' | 'close') =>
  spawnSync(process.execPath, ['--import', 'tsx', fixture, file, mode], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 30_000,
  });

/** The store on a SQLite file: what the in-memory databases of the other tests do not exercise. */
describe('the store on a SQLite file', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsunagi-sqlite-file-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a committed transaction when the process is killed (kill -9), and drops an uncommitted one', async () => {
    const file = join(dir, 'killed.sqlite');
    const run = storeProcess(file, 'kill');
    expect(run.signal, run.stderr).toBe('SIGKILL');
    expect(existsSync(`${file}-wal`)).toBe(true);

    const store = await openStore({ database: file });
    try {
      expect((await store.repos.instances.findByAlias('committed'))?.InstanceAlias).toBe('committed');
      expect(await store.repos.instances.findByAlias('uncommitted')).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('closes in a process that then ends by itself, the log copied back and removed', async () => {
    const file = join(dir, 'closed.sqlite');
    const run = storeProcess(file, 'close');
    expect([run.status, run.stdout.trim()], run.stderr).toEqual([0, 'closed']);
    expect(readdirSync(dir)).toEqual(['closed.sqlite']);
    const store = await openStore({ database: file });
    try {
      expect(await store.repos.instances.findByAlias('committed')).toBeDefined();
    } finally {
      await store.close();
    }
  });

  it('copies the log back into the database in the background, so that it starts over', async () => {
    const file = join(dir, 'log.sqlite');
    const store = await openStore({ database: file });
    try {
      await sql`create table filler (n integer primary key, body text not null)`.execute(store.db);
      for (let batch = 0; batch < 3; batch++)
        await store.db.transaction().execute(async (trx) => {
          for (let i = 0; i < 500; i++)
            await sql`insert into filler (n, body) values (${batch * 500 + i}, ${'x'.repeat(2_000)})`.execute(
              trx,
            );
        });
      // Three commits of some 280 pages each, under SQLite's own checkpoint threshold: only the worker copies them
      // into the database file, which grows as it does.
      const copied = () => statSync(file).size > 3 * 2_000 * 500;
      for (let n = 0; n < 100 && !copied(); n++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(copied()).toBe(true);
      // The log was emptied: the next commit writes its few pages at its start.
      await sql`insert into filler (n, body) values (${-1}, ${'last'})`.execute(store.db);
      const { rows } = await sql<{ log: number }>`pragma wal_checkpoint(PASSIVE)`.execute(store.db);
      expect(rows[0]?.log).toBeLessThan(20);
    } finally {
      await store.close();
    }
  });

  it('reuses a prepared statement, also after a stream of it was left halfway', async () => {
    const store = await openStore({ database: join(dir, 'statements.sqlite') });
    try {
      await sql`create table numbers (n integer primary key)`.execute(store.db);
      for (let n = 1; n <= 5; n++) await sql`insert into numbers (n) values (${n})`.execute(store.db);
      const above = (min: number) =>
        store.db
          .selectFrom('numbers' as never)
          .select(sql<number>`n`.as('n'))
          .where(sql<boolean>`n > ${min}`);
      expect((await above(3).execute()).map((r) => r.n)).toEqual([4, 5]);
      expect((await above(1).execute()).map((r) => r.n)).toEqual([2, 3, 4, 5]);
      const streamed: number[] = [];
      for await (const row of above(0).stream()) {
        streamed.push(row.n);
        if (row.n === 2) break;
      }
      expect(streamed).toEqual([1, 2]);
      expect((await above(2).execute()).map((r) => r.n)).toEqual([3, 4, 5]);
    } finally {
      await store.close();
    }
  });
});
