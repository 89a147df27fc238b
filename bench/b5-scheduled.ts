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
 * `--sizes` runs the same at several numbers of pending tasks (each in a new database), for the growth plot; the
 * largest is the one judged. Burst and spread are capped at a quarter of the pending tasks each.
 *   npx tsx bench/b5-scheduled.ts [--sizes 10000,30000,100000] [--burst 10000] [--spread 10000]
 *                                 [--spread-seconds 20] [--database FILE | postgres://...] [--store-count]
 * The default database is a temporary SQLite file, removed at the end.
 */
import { parseArgs } from 'node:util';
import { measureScheduled, type ScheduledFigures } from './b5/scheduled-run.js';
import { cdf, emit, pct, type BenchRow } from './report.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,30000,100000' },
    burst: { type: 'string', default: '10000' },
    spread: { type: 'string', default: '10000' },
    'spread-seconds': { type: 'string', default: '20' },
    database: { type: 'string' },
    'store-count': { type: 'boolean', default: false },
  },
});
const sizes = (values.sizes ?? '')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const runs: ScheduledFigures[] = [];
for (const pending of sizes) {
  const cap = pending === sizes.at(-1) ? pending : Math.floor(pending / 4);
  runs.push(
    await measureScheduled({
      pending,
      burst: Math.min(Number(values.burst), cap),
      spread: Math.min(Number(values.spread), cap),
      spreadMs: Number(values['spread-seconds']) * 1000,
      storeCount: values['store-count'] ?? false,
      ...(values.database && { database: values.database }),
    }),
  );
  process.stderr.write(`B5 at ${pending} pending: done\n`);
}
report(runs);

function report(all: ScheduledFigures[]): void {
  const f = all.at(-1);
  if (!f) throw new Error('no size given');
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const burstMs = (r: ScheduledFigures) => (r.burstLags.length > 0 ? r.burstLastAt - r.t1 : NaN);
  const burstRate = (r: ScheduledFigures) => r.burstLags.length / (burstMs(r) / 1000);
  const spreadP99 = pct(f.spreadLags, 0.99);
  const lags = [...f.burstLags, ...f.spreadLags];
  const rows: BenchRow[] = [
    { name: 'store', value: f.postgres ? 'postgresql' : 'sqlite (file)' },
    { name: 'pending tasks', value: n(f.pending) },
    { name: 'seeded in (s)', value: s(f.seedMs) },
    { name: 'engine start with all pending (s)', value: s(f.startMs) },
    { name: 'RSS after start / peak (MiB)', value: `${mb(f.rssAfterStart)} / ${mb(f.peakRss)}` },
    { name: 'burst: tasks due at one instant', value: n(f.burst) },
    { name: 'burst: delivered', value: n(f.burstLags.length) },
    { name: 'burst: T1 → last delivery (s)', value: s(burstMs(f)) },
    {
      name: 'burst: deliveries/s',
      value: n(burstRate(f)),
      target: '≥ 2,000',
      met: f.burstLags.length === f.burst && burstRate(f) >= 2000,
    },
    { name: 'spread: tasks due over the window', value: `${n(f.spread)} over ${f.spreadMs / 1000} s` },
    { name: 'spread: delivered', value: n(f.spreadLags.length) },
    {
      name: 'spread: lag p99 (ms)',
      value: spreadP99,
      target: '≤ 1,000 ms',
      met: f.spreadLags.length === f.spread && spreadP99 <= 1000,
    },
    {
      name: 'all measured: lag p50 / p95 / max (ms)',
      value: `${pct(lags, 0.5)} / ${pct(lags, 0.95)} / ${pct(lags, 1)}`,
    },
    { name: 'timers left in the wheel', value: n(f.pendingAtEnd) },
  ];
  const series = (name: string, y: (r: ScheduledFigures) => number) => ({
    name,
    points: all.map((r): [number, number] => [r.pending, Number(y(r).toFixed(3))]),
  });
  emit({
    id: 'B5',
    title: 'scheduled tasks',
    command: `npm run bench:b5 -- --sizes ${sizes.join(',')} --burst ${values.burst} --spread ${values.spread} --spread-seconds ${values['spread-seconds']}`,
    rows,
    plots: [
      {
        file: 'b5-latency',
        title: `B5: delivery lag after due (${n(f.pending)} pending)`,
        kind: 'latency',
        xLabel: 'ms after due',
        yLabel: 'share of tasks',
        series: [
          { name: `spread (${n(f.spread)} over ${f.spreadMs / 1000} s)`, points: cdf(f.spreadLags) },
          { name: `burst (${n(f.burst)} due at once)`, points: cdf(f.burstLags) },
        ],
      },
      {
        file: 'b5-growth',
        title: 'B5: cost as pending scheduled tasks grow',
        kind: 'growth',
        xLabel: 'pending scheduled tasks',
        yLabel: 'seconds',
        xLog: true,
        series: [
          series('engine start (s)', (r) => r.startMs / 1000),
          series('spread lag p99 (s)', (r) => pct(r.spreadLags, 0.99) / 1000),
          series('1,000 burst deliveries take (s)', (r) => 1000 / burstRate(r)),
        ],
      },
    ],
    notes: [
      `Sizes ${sizes.map(n).join(', ')}: each in a new SQLite file; below the largest, burst and spread are a quarter of the pending tasks each. The engine runs in the same process as the seeding (no HTTP).`,
    ],
  });
}
