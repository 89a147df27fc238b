/**
 * B3: routing with 2,000 agents, 100 queues, 50,000 waiting contacts (target: offer decided ≤ 2 ms p99 after an
 * agent frees up or a contact is queued, DESIGN.md). Every agent's profile has VOICE 1, CHAT 2 and TASK 3 and serves
 * 10 of the queues on each channel with mixed priorities and Delays; the agents are all busy, as they are when
 * 50,000 contacts wait. Each sample is what the engine does after one change: tell the index (`upsertAgent` /
 * `addContact`) and `route(now)`, the clock moving 50 ms per turn so Delays keep running out along the way.
 * The same is measured at smaller sizes for the growth plots (`--growth-waiting`, `--growth-agents`; `none` skips).
 *   npx tsx bench/b3-routing.ts [--agents 2000] [--waiting 50000] [--samples 20000] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { cdf, emit, pct } from './report.js';
import { measureRouting, type RoutingSamples } from './b3/routing-run.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '2000' },
    queues: { type: 'string', default: '100' },
    waiting: { type: 'string', default: '50000' },
    samples: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    'growth-waiting': { type: 'string', default: '1000,5000,20000,50000' },
    'growth-agents': { type: 'string', default: '250,500,1000,2000' },
  },
});
const size = {
  agents: Number(values.agents),
  queues: Number(values.queues),
  waiting: Number(values.waiting),
  samples: Number(values.samples),
  seed: Number(values.seed),
};
const sizes = (s: string | undefined) => (!s || s === 'none' ? [] : s.split(',').map(Number));

const main = measureRouting(size);
const p99 = (r: RoutingSamples) => Math.max(pct(r.freed, 0.99), pct(r.queued, 0.99));
const growthSamples = Math.min(size.samples, 5_000);
const byWaiting = sizes(values['growth-waiting']).map((waiting): [number, number] => [
  waiting,
  waiting === size.waiting ? p99(main) : p99(measureRouting({ ...size, waiting, samples: growthSamples })),
]);
const byAgents = sizes(values['growth-agents']).map((agents): [number, number] => [
  agents,
  agents === size.agents ? p99(main) : p99(measureRouting({ ...size, agents, samples: growthSamples })),
]);

const freedP99 = pct(main.freed, 0.99);
const queuedP99 = pct(main.queued, 0.99);
const n = (x: number) => x.toLocaleString('en-US');
emit({
  id: 'B3',
  title: 'routing decision',
  command: `npm run bench:b3 -- --agents ${size.agents} --waiting ${size.waiting} --samples ${size.samples}`,
  rows: [
    { name: 'agents / queues', value: `${n(size.agents)} / ${size.queues}` },
    { name: 'contacts waiting', value: n(main.waiting) },
    { name: 'setup (s)', value: main.setupSeconds.toFixed(2) },
    { name: 'samples (each kind)', value: n(main.freed.length) },
    { name: 'offers per freed agent', value: main.offersPerFreedAgent.toFixed(2) },
    { name: 'agent frees up → offer: p50 (ms)', value: pct(main.freed, 0.5) },
    { name: 'agent frees up → offer: p99 (ms)', value: freedP99, target: '≤ 2 ms', met: freedP99 <= 2 },
    { name: 'agent frees up → offer: max (ms)', value: pct(main.freed, 1) },
    { name: 'contact queued → offer: p50 (ms)', value: pct(main.queued, 0.5) },
    { name: 'contact queued → offer: p99 (ms)', value: queuedP99, target: '≤ 2 ms', met: queuedP99 <= 2 },
    { name: 'contact queued → offer: max (ms)', value: pct(main.queued, 1) },
  ],
  plots: [
    {
      file: 'b3-latency',
      title: `B3: routing decision time (${n(size.agents)} agents, ${n(main.waiting)} waiting)`,
      kind: 'latency',
      xLabel: 'ms',
      yLabel: 'share of decisions',
      series: [
        { name: 'agent frees up', points: cdf(main.freed) },
        { name: 'contact queued', points: cdf(main.queued) },
      ],
    },
    {
      file: 'b3-growth',
      title: 'B3: p99 decision time as size grows',
      kind: 'growth',
      xLabel: 'agents, or contacts waiting',
      yLabel: 'p99 ms (worse of the two kinds)',
      xLog: true,
      series: [
        { name: `contacts waiting (${n(size.agents)} agents)`, points: byWaiting },
        { name: `agents (${n(size.waiting)} waiting)`, points: byAgents },
      ],
    },
  ],
  notes: [
    'Measured in the routing index alone (src/routing), one thread: each sample is one change told to the index and the route() that follows. Growth points use 5,000 samples each.',
  ],
});
