/**
 * B5: 100,000 pending scheduled tasks (target: delivered ≤ 1 s after due, p99; ≥ 2,000 deliveries/s when many
 * fall due together, DESIGN.md). The tasks are seeded straight into the store with `createTask` (no engine), then
 * the engine starts with all of them pending (its start, rebuilding its indexes from the store, is part of the
 * measure). `--burst` tasks fall due at one instant T1 (~15 s after seeding ends); `--spread` more fall due evenly
 * over `--spread-seconds` from T1 + 5 s; the rest wait 5 days. A task's delivery is seen when its contact is
 * published IN_FLOW or QUEUED for the first time (its flow sets a queue and transfers to it, a queue with no
 * agents); the lag is that moment minus its ScheduledTimestamp. The ≤ 1 s p99 target is judged on the spread part
 * (a burst larger than the delivery rate is late by design); the rate on the whole burst, from T1 to its last
 * delivery. createTask checks the active-task quota with `countActiveTasks`, a count over every active task: one
 * per insert makes seeding quadratic (hours for 100,000), so the seeding hands it the bench's own running count
 * unless `--store-count` is given (the quota check itself still runs).
 *   npx tsx bench/b5-scheduled.ts [--pending 100000] [--burst 10000] [--spread 10000] [--spread-seconds 20]
 *                                 [--database FILE | postgres://...] [--store-count]
 * The default database is a temporary SQLite file, removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { DEFAULT_ARN_CONTEXT, DEFAULT_LIMITS, SystemClock, uuidIds } from '../src/core/index.js';
import { systemEntropy } from '../src/core/system-entropy.js';
import { openStore, isPostgresUrl } from '../src/store/kysely/index.js';
import { createServices } from '../src/app/services.js';
import { createTask } from '../src/tasks/start-task.js';
import { Engine } from '../src/contacts/engine.js';
import type { ServiceDeps } from '../src/instances/context.js';
import type { Repositories } from '../src/store/ports/index.js';

const { values } = parseArgs({
  options: {
    pending: { type: 'string', default: '100000' },
    burst: { type: 'string', default: '10000' },
    spread: { type: 'string', default: '10000' },
    'spread-seconds': { type: 'string', default: '20' },
    database: { type: 'string' },
    'store-count': { type: 'boolean', default: false },
  },
});
const PENDING = Number(values.pending);
const BURST = Math.min(Number(values.burst), PENDING);
const SPREAD = Math.min(Number(values.spread), PENDING - BURST);
const SPREAD_MS = Number(values['spread-seconds']) * 1000;
const CHUNK = 5_000;
const LEAD_MS = 15_000; // from the end of seeding to T1
const SPREAD_START_MS = 5_000; // from T1 to the first spread task
const DAY = 86_400_000;

const tmp = values.database ? undefined : mkdtempSync(join(tmpdir(), 'tsunagi-b5-'));
const database = values.database ?? join(tmp ?? '', 'b5.sqlite');
const postgres = isPostgresUrl(database);
const schema = postgres ? `b5_${process.pid}` : undefined;
const arns = DEFAULT_ARN_CONTEXT;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

async function dropSchema(): Promise<void> {
  if (!schema) return;
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

const store = await openStore({ database, arns, ...(schema && { schema }) });
let engine: Engine | undefined;
try {
  report(await measure());
} finally {
  await engine?.stop();
  await store.close();
  await dropSchema();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

async function measure() {
  const deps: ServiceDeps = {
    store,
    clock: new SystemClock(),
    ids: uuidIds(systemEntropy),
    arns,
    limits: { ...DEFAULT_LIMITS, activeTasksPerInstance: PENDING + 1_000 },
  };
  const services = createServices(deps);
  const instance = await services.instances.create({ InstanceAlias: 'bench-b5' });
  const instanceId = instance.Id;
  const hours = await services.hours.create(instanceId, {
    Name: 'Always open',
    TimeZone: 'UTC',
    Config: (['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const).map(
      (Day) => ({
        Day,
        StartTime: { Hours: 0, Minutes: 0 },
        EndTime: { Hours: 0, Minutes: 0 },
      }),
    ),
  });
  const queue = await services.queues.create(instanceId, {
    Name: 'Scheduled',
    HoursOfOperationId: hours.HoursOfOperationId,
  });
  const flow = await services.flows.create(instanceId, {
    Name: 'Deliver to queue',
    Type: 'CONTACT_FLOW',
    Content: JSON.stringify({
      Version: '2019-10-30',
      StartAction: 'set-queue',
      Actions: [
        {
          Identifier: 'set-queue',
          Type: 'UpdateContactTargetQueue',
          Parameters: { QueueId: queue.QueueArn },
          Transitions: {
            NextAction: 'transfer',
            Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'end' }],
          },
        },
        {
          Identifier: 'transfer',
          Type: 'TransferContactToQueue',
          Parameters: {},
          Transitions: {
            Errors: [
              { ErrorType: 'NoMatchingError', NextAction: 'end' },
              { ErrorType: 'QueueAtCapacity', NextAction: 'end' },
            ],
          },
        },
        { Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
      ],
    }),
  });

  // Seeding. T1 is only known once seeding ends: the measured tasks are written at a placeholder instant 4 days
  // ahead (the burst at `placeholder`, the spread after it) and moved to T1 afterwards, rows and timers together.
  const seedStart = Date.now();
  const placeholder = seedStart + 4 * DAY;
  const far = seedStart + 5 * DAY;
  const scheduledAt = (i: number): number => {
    if (i < BURST) return placeholder;
    if (i < BURST + SPREAD)
      return placeholder + SPREAD_START_MS + Math.floor(((i - BURST) * SPREAD_MS) / SPREAD);
    return far + (i % 3_600_000);
  };
  const chunkMs: number[] = [];
  let seeded = 0;
  for (let from = 0; from < PENDING; from += CHUNK) {
    const t = Date.now();
    await store.transaction(async (repos) => {
      const counted: Repositories = values['store-count']
        ? repos
        : { ...repos, contacts: { ...repos.contacts, countActiveTasks: () => Promise.resolve(seeded) } };
      for (let i = from; i < Math.min(PENDING, from + CHUNK); i++, seeded++)
        await createTask(
          deps,
          counted,
          instanceId,
          { ContactFlowId: flow.Id, Name: `b5 task ${i}`, ScheduledTime: scheduledAt(i) },
          { initiationMethod: 'API' },
        );
    });
    chunkMs.push(Date.now() - t);
    process.stderr.write(`seeded ${Math.min(PENDING, from + CHUNK)} (chunk ${chunkMs.at(-1)} ms)\n`);
  }
  const t1 = Date.now() + LEAD_MS;
  const shift = placeholder - t1;
  await store.db
    .updateTable('contacts')
    .set((eb) => ({ scheduled_ts: eb('scheduled_ts', '-', shift) }))
    .where('instance_id', '=', instanceId)
    .where('scheduled_ts', '<', far)
    .execute();
  await store.db
    .updateTable('timers')
    .set((eb) => ({ due_at: eb('due_at', '-', shift) }))
    .where('instance_id', '=', instanceId)
    .where('kind', '=', 'deliver')
    .where('due_at', '<', far)
    .execute();
  // PostgreSQL plans from statistics that a freshly filled table lacks until autovacuum gets to it: gather them now.
  if (postgres) await sql`analyze`.execute(store.db);
  const seedMs = Date.now() - seedStart;

  // The engine starts with every task pending, then delivers as they fall due.
  engine = new Engine(deps);
  const burstLags: number[] = [];
  const spreadLags: number[] = [];
  const seen = new Set<string>();
  let burstLastAt = 0;
  engine.events.subscribe((_, event) => {
    if (event.type !== 'contact') return;
    const c = event.contact;
    if ((c.State !== 'IN_FLOW' && c.State !== 'QUEUED') || c.ScheduledTimestamp === undefined) return;
    if (seen.has(c.Id)) return;
    seen.add(c.Id);
    const at = Date.now();
    if (c.ScheduledTimestamp === t1) {
      burstLags.push(at - t1);
      burstLastAt = Math.max(burstLastAt, at);
    } else spreadLags.push(at - c.ScheduledTimestamp);
  });
  const startAt = Date.now();
  await engine.instance(instanceId);
  const startMs = Date.now() - startAt;
  const rssAfterStart = process.memoryUsage().rss;
  if (Date.now() >= t1) process.stderr.write(`warning: the engine started after T1 (${startMs} ms)\n`);

  const expected = BURST + SPREAD;
  const deadline = t1 + SPREAD_START_MS + SPREAD_MS + 120_000;
  let peakRss = rssAfterStart;
  while (seen.size < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const pendingAtEnd = (await engine.instance(instanceId)).state.wheel.size;
  return {
    seedMs,
    chunkMs,
    startMs,
    rssAfterStart,
    peakRss,
    burstLags,
    spreadLags,
    burstLastAt,
    t1,
    pendingAtEnd,
  };
}

function pct(lags: number[], p: number): number {
  const sorted = [...lags].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}
function report(f: Awaited<ReturnType<typeof measure>>): void {
  const {
    seedMs,
    chunkMs,
    startMs,
    rssAfterStart,
    peakRss,
    burstLags,
    spreadLags,
    burstLastAt,
    t1,
    pendingAtEnd,
  } = f;
  const all = [...burstLags, ...spreadLags];
  const burstMs = burstLags.length > 0 ? burstLastAt - t1 : NaN;
  const burstRate = burstLags.length / (burstMs / 1000);
  const spreadP99 = pct(spreadLags, 0.99);
  const lagMet = spreadLags.length === SPREAD && spreadP99 <= 1000;
  const rateMet = burstLags.length === BURST && burstRate >= 2000;
  const mark = (met: boolean) => (met ? '✓' : '✗');

  const rows: [string, string | number, string?][] = [
    ['store', postgres ? 'postgresql' : 'sqlite (file)'],
    ['pending tasks', PENDING],
    ['  seeded in (s)', seconds(seedMs)],
    ['  quota count', values['store-count'] ? 'store (countActiveTasks)' : 'the bench'],
    ['  seeding rate (tasks/s)', Math.round(PENDING / (seedMs / 1000))],
    ['  slowest chunk of 5,000 (s)', seconds(Math.max(...chunkMs))],
    ['engine start with all pending (s)', seconds(startMs)],
    ['RSS after start (MiB)', mb(rssAfterStart)],
    ['RSS peak (MiB)', mb(peakRss)],
    ['burst (due at one instant)', BURST],
    ['  delivered', burstLags.length],
    ['  T1 → last delivery (s)', seconds(burstMs)],
    ['  deliveries/s', Math.round(burstRate), `≥ 2,000 ${mark(rateMet)}`],
    ['spread (due over the window)', `${SPREAD} over ${SPREAD_MS / 1000} s`],
    ['  delivered', spreadLags.length],
    ['  lag p99 (ms)', spreadP99, `≤ 1,000 ${mark(lagMet)}`],
    ['all measured deliveries', all.length],
    ['  lag p50 (ms)', pct(all, 0.5)],
    ['  lag p95 (ms)', pct(all, 0.95)],
    ['  lag p99 (ms)', pct(all, 0.99)],
    ['  lag max (ms)', pct(all, 1)],
    ['timers left in the wheel', pendingAtEnd],
  ];
  console.log('B5 scheduled tasks');
  for (const [name, value, target] of rows)
    console.log(`${name.padEnd(36)} ${String(value).padStart(16)}${target ? `   ${target}` : ''}`);
  console.log(`targets: ${lagMet && rateMet ? 'met' : 'not met'}`);
}
