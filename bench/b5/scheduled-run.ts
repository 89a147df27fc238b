/** B5's measurement at one size (see bench/b5-scheduled.ts): seed, start the engine, watch the deliveries. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { DEFAULT_ARN_CONTEXT, DEFAULT_LIMITS, SystemClock, uuidIds } from '../../src/core/index.js';
import { systemEntropy } from '../../src/core/system-entropy.js';
import { openStore, isPostgresUrl } from '../../src/store/kysely/index.js';
import { createServices } from '../../src/app/services.js';
import { createTask } from '../../src/tasks/start-task.js';
import { Engine } from '../../src/contacts/engine.js';
import type { ServiceDeps } from '../../src/instances/context.js';
import type { Repositories } from '../../src/store/ports/index.js';

export interface ScheduledOptions {
  pending: number;
  burst: number;
  spread: number;
  spreadMs: number;
  /** A SQLite file or postgres:// URL; a temporary SQLite file when absent. */
  database?: string;
  storeCount: boolean;
}
export interface ScheduledFigures {
  pending: number;
  burst: number;
  spread: number;
  spreadMs: number;
  postgres: boolean;
  seedMs: number;
  chunkMs: number[];
  startMs: number;
  rssAfterStart: number;
  peakRss: number;
  burstLags: number[];
  spreadLags: number[];
  burstLastAt: number;
  t1: number;
  pendingAtEnd: number;
}

const CHUNK = 5_000;
const LEAD_MS = 15_000; // from the end of seeding to T1
const SPREAD_START_MS = 5_000; // from T1 to the first spread task
const DAY = 86_400_000;
const arns = DEFAULT_ARN_CONTEXT;

async function dropSchema(database: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

export async function measureScheduled(opts: ScheduledOptions): Promise<ScheduledFigures> {
  const { pending: PENDING, spreadMs: SPREAD_MS, storeCount } = opts;
  const BURST = Math.min(opts.burst, PENDING);
  const SPREAD = Math.min(opts.spread, PENDING - BURST);
  const tmp = opts.database ? undefined : mkdtempSync(join(tmpdir(), 'tsunagi-b5-'));
  const database = opts.database ?? join(tmp ?? '', 'b5.sqlite');
  const postgres = isPostgresUrl(database);
  const schema = postgres ? `b5_${process.pid}_${PENDING}` : undefined;
  const store = await openStore({ database, arns, ...(schema && { schema }) });
  let engine: Engine | undefined;
  try {
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
        const counted: Repositories = storeCount
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
      pending: PENDING,
      burst: BURST,
      spread: SPREAD,
      spreadMs: SPREAD_MS,
      postgres,
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
  } finally {
    await engine?.stop();
    await store.close();
    if (schema) await dropSchema(database, schema);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
