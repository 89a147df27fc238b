import pg from 'pg';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import {
  DEFAULT_LIMITS,
  FakeClock,
  sequentialIds,
  type ArnContext,
  type Limits,
} from '../../src/core/index.js';
import { openStore } from '../../src/store/kysely/index.js';
import type { Store } from '../../src/store/ports/index.js';
import { createServices, type Services } from '../../src/app/services.js';

export type StoreKind = 'sqlite' | 'postgres';

export interface TestEnv {
  kind: StoreKind;
  store: Store;
  clock: FakeClock;
  services: Services;
  /** An instance made for the test. */
  instanceId: string;
  limits: Limits;
}

let schemaSeq = 0;

export const TEST_ARNS: ArnContext = { region: 'ap-northeast-1', account: '123456789012' };

export async function openTestStore(
  kind: StoreKind,
  arns: ArnContext = TEST_ARNS,
): Promise<{ store: Store; close: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const store = await openStore({ database: ':memory:', arns });
    return { store, close: () => store.close() };
  }
  const url = inject('postgresUrl');
  if (!url) throw new Error('PostgreSQL is not available for this run');
  const schema = `${inject('schemaPrefix')}_${process.pid}_${schemaSeq++}`.toLowerCase();
  const store = await openStore({ database: url, schema, poolSize: 4, arns });
  return {
    store,
    close: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export async function makeEnv(
  kind: StoreKind,
  limits: Partial<Limits> = {},
): Promise<TestEnv & { close: () => Promise<void> }> {
  const { store, close } = await openTestStore(kind);
  const clock = new FakeClock();
  const merged = { ...DEFAULT_LIMITS, ...limits };
  const services = createServices({
    store,
    clock,
    ids: sequentialIds(),
    arns: TEST_ARNS,
    limits: merged,
  });
  const instance = await services.instances.create({ InstanceAlias: 'test-center' });
  return { kind, store, clock, services, instanceId: instance.Id, limits: merged, close };
}

/**
 * The store contract suite: `body` runs once on SQLite and once on a real PostgreSQL, each test with a fresh
 * database. Where no PostgreSQL answers (and CI is not set) that half is skipped, as global-setup printed.
 */
export function describeStores(
  title: string,
  body: (env: () => TestEnv) => void,
  limits: Partial<Limits> = {},
): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe.skipIf(kind === 'postgres' && !inject('postgresUrl'))(`${title} [${kind}]`, () => {
      let env: (TestEnv & { close: () => Promise<void> }) | undefined;
      beforeEach(async () => {
        env = await makeEnv(kind, limits);
      });
      afterEach(async () => {
        await env?.close();
        env = undefined;
      });
      body(() => {
        if (!env) throw new Error('no test environment');
        return env;
      });
    });
  }
}
