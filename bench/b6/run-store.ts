/**
 * B6 on one store: an instance with its queues made through the services, contacts filled up to each measured size
 * in turn (growing, never refilled), and at each size the searches of every variant through the contacts service
 * (`services.contacts.search`, what the API's SearchContacts calls: validation, the instance check, the query,
 * the page and the total count).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import {
  DEFAULT_ARN_CONTEXT,
  DEFAULT_LIMITS,
  FakeClock,
  seededEntropy,
  uuidIds,
} from '../../src/core/index.js';
import { openStore } from '../../src/store/kysely/index.js';
import { createServices, type Services } from '../../src/app/services.js';
import { contactSource, prng, type Population } from './contacts.js';
import { fillContacts } from './fill.js';
import { sampleRequest, VARIANTS, type Variant } from './queries.js';
import { explainSearch } from './explain.js';
import { pct } from '../report.js';

export type StoreKind = 'sqlite' | 'postgres';

export interface RunOptions {
  kind: StoreKind;
  sizes: number[];
  samples: number;
  warmup: number;
  seed: number;
  postgresUrl: string;
  explain: boolean;
}

export interface VariantResult {
  variant: Variant;
  ms: Float64Array;
  /** This process's CPU time for each search (SQLite: the whole search; PostgreSQL: the client's part only). */
  cpuMs: Float64Array;
  /** Mean TotalCount of the searches (how many contacts matched). */
  meanMatches: number;
}

export interface SizeResult {
  contacts: number;
  /** Time to fill from the previous size to this one (and, on PostgreSQL, to vacuum and analyze). */
  fillMs: number;
  maintenanceMs: number;
  variants: VariantResult[];
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const DAYS = 30;

export async function runStore(o: RunOptions): Promise<SizeResult[]> {
  const tmp = o.kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'tsunagi-b6-')) : undefined;
  const schema = `bench_b6_${Math.floor(Math.random() * 2 ** 32).toString(36)}`;
  const store = await openStore({
    database: tmp ? join(tmp, 'b6.sqlite') : o.postgresUrl,
    arns: DEFAULT_ARN_CONTEXT,
    ...(o.kind === 'postgres' && { schema }),
  });
  try {
    const clock = new FakeClock(Date.UTC(2025, 5, 1));
    const services = createServices({
      store,
      clock,
      ids: uuidIds(seededEntropy(o.seed)),
      arns: DEFAULT_ARN_CONTEXT,
      limits: DEFAULT_LIMITS,
    });
    const pop = await setUp(services, clock.now(), o.seed);
    const source = contactSource(pop);
    const results: SizeResult[] = [];
    let have = 0;
    for (const size of o.sizes) {
      const t0 = performance.now();
      let shown = 0;
      await fillContacts(store.db, source.stage(size - have), size - have, {
        kind: o.kind,
        rowsPerStatement: o.kind === 'sqlite' ? 500 : 5_000,
        rowsPerTransaction: 20_000,
        progress: (w) => {
          if (w - shown < 100_000 && w !== size - have) return;
          shown = w;
          log(`${o.kind}: ${have + w} contacts (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
        },
      });
      const fillMs = performance.now() - t0;
      have = size;
      // PostgreSQL: what autovacuum does after a large insert, done now rather than whenever it comes round.
      const t1 = performance.now();
      if (o.kind === 'postgres') await sql`vacuum analyze contacts`.execute(store.db);
      const maintenanceMs = performance.now() - t1;
      const variants: VariantResult[] = [];
      for (const [k, variant] of VARIANTS.entries()) {
        const rand = prng(o.seed * 31 + k + size);
        const requests = Array.from({ length: o.warmup + o.samples }, () =>
          sampleRequest(rand, pop, variant),
        );
        if (o.explain)
          for (const req of requests.slice(0, 3))
            log(
              await explainSearch(store.db, o.kind, pop.instanceId, req, `${o.kind} ${size} ${variant.id}`),
            );
        const ms = new Float64Array(o.samples);
        const cpuMs = new Float64Array(o.samples);
        let matches = 0;
        for (const [i, req] of requests.entries()) {
          const cpu = process.cpuUsage();
          const t = performance.now();
          const r = await services.contacts.search(pop.instanceId, req);
          if (i < o.warmup) continue;
          ms[i - o.warmup] = performance.now() - t;
          const used = process.cpuUsage(cpu);
          cpuMs[i - o.warmup] = (used.user + used.system) / 1000;
          matches += r.totalCount;
        }
        variants.push({ variant, ms, cpuMs, meanMatches: matches / o.samples });
        log(
          `${o.kind} ${size} ${variant.id}: p50 ${pct(ms, 0.5)} p95 ${pct(ms, 0.95)} ms ` +
            `(CPU p95 ${pct(cpuMs, 0.95)} ms), ${Math.round(matches / o.samples)} matches`,
        );
      }
      results.push({ contacts: size, fillMs, maintenanceMs, variants });
    }
    return results;
  } finally {
    await store.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    if (o.kind === 'postgres') {
      const client = new pg.Client({ connectionString: o.postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

/** The instance, its hours and 20 queues, made through the services as an administrator would. */
async function setUp(services: Services, now: number, seed: number): Promise<Population> {
  const instance = await services.instances.create({ InstanceAlias: 'bench-b6' });
  const hours = await services.hours.create(instance.Id, {
    Name: 'Always open',
    TimeZone: 'UTC',
    Config: (['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const).map(
      (Day) => ({ Day, StartTime: { Hours: 0, Minutes: 0 }, EndTime: { Hours: 0, Minutes: 0 } }),
    ),
  });
  const queueIds: string[] = [];
  for (let q = 1; q <= 20; q++) {
    const queue = await services.queues.create(instance.Id, {
      Name: `Queue ${String(q).padStart(2, '0')}`,
      HoursOfOperationId: hours.HoursOfOperationId,
    });
    queueIds.push(queue.QueueId);
  }
  return { instanceId: instance.Id, queueIds, now, days: DAYS, seed };
}
