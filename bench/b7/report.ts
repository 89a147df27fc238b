/** B7's figures as bench/report.ts reports them: the table, the event-loop delay's CDF, the notes. */
import { emit, type BenchResult, type BenchRow } from '../report.js';
import { RESOLUTION_MS, type WindowResult } from './monitor.js';
import type { LoadStats, ScenarioResult } from './protocol.js';

export interface Measured {
  agents: number;
  callers: number;
  seconds: number;
  holdS: [number, number];
  setupSeconds: number;
  ramp: { loginSeconds: number; availableSeconds: number; dialSeconds: number; window: WindowResult };
  steady: WindowResult;
  memory: {
    whole: { rssMiB: number; heapMiB: number };
    steady: { rssMiB: number; heapMiB: number };
    samples: { t: number; rss: number; heapUsed: number }[];
  };
  agentsConnected: { atEnd: number; min: number };
  peaks: { queued: number; queuedMin: number; queuedMean: number; callsOpen: number; serverQueued: number };
  callsAnswered: number;
  callsCompleted: number;
  /** The clients' process's CPU over the steady state, in cores. */
  clientCores: number;
  final: LoadStats;
  scenario: ScenarioResult;
}

const RSS_TARGET_MIB = 1024;
const DELAY_TARGET_MS = 20;

export function report(m: Measured): void {
  const { steady, ramp, scenario } = m;
  const errors = Object.entries(m.final.errors);
  const fixed = (x: number, d = 1) => Number(x.toFixed(d));
  const rows: BenchRow[] = [
    { name: 'store', value: 'sqlite (file)' },
    { name: 'steady state measured (s)', value: steady.seconds },
    {
      name: 'agents connected (WebSockets open, at end)',
      value: `${m.agentsConnected.atEnd} / ${m.agents}`,
      target: `${m.agents}`,
      met: m.agentsConnected.atEnd === m.agents && m.agentsConnected.min === m.agents,
    },
    {
      name: 'callers waiting in queue: min / mean / peak',
      value: `${m.peaks.queuedMin} / ${Math.round(m.peaks.queuedMean)} / ${m.peaks.queued}`,
    },
    { name: '  as the server counts its queue, peak', value: m.peaks.serverQueued },
    { name: 'calls open (in queue + with an agent), peak', value: m.peaks.callsOpen },
    { name: 'calls answered / completed (steady)', value: `${m.callsAnswered} / ${m.callsCompleted}` },
    {
      name: 'RSS peak, from the first login (MiB)',
      value: m.memory.whole.rssMiB,
      target: `≤ ${RSS_TARGET_MIB} MiB`,
      met: m.memory.whole.rssMiB <= RSS_TARGET_MIB,
    },
    { name: '  in the steady state (MiB)', value: m.memory.steady.rssMiB },
    { name: 'JS heap used peak (MiB)', value: m.memory.whole.heapMiB },
    { name: 'event-loop delay p50 (ms)', value: steady.delay.p50 },
    {
      name: 'event-loop delay p99 (ms)',
      value: steady.delay.p99,
      target: `≤ ${DELAY_TARGET_MS} ms`,
      met: steady.delay.p99 <= DELAY_TARGET_MS,
    },
    { name: 'event-loop delay max (ms)', value: steady.delay.max },
    {
      name: 'event loop busy / its thread on a core',
      value: `${pctOf(steady.utilization)} / ${pctOf(Math.min(1, steady.onCore))}`,
    },
    {
      name: 'CPU: server thread / whole process (cores)',
      value: `${fixed(steady.threadCores, 2)} / ${fixed(steady.cores, 2)}`,
    },
    { name: 'CPU of the clients’ process (cores)', value: fixed(m.clientCores, 2) },
    {
      name: 'machine load average, start / end',
      value: steady.loadAverage.map((x) => fixed(x, 2)).join(' / '),
    },
    { name: 'GC pauses: count / longest (ms)', value: `${steady.gcPauses} / ${steady.gcMaxMs}` },
    {
      name: 'scenario worked (key 2 → task offered)',
      value: scenario.worked ? 'yes' : 'no',
      target: 'yes',
      met: scenario.worked,
    },
    { name: 'scenario: key "2" → offer on socket (ms)', value: scenario.latencyMs ?? 'n/a' },
    {
      name: 'client errors',
      value: errors.length === 0 ? 0 : errors.map(([k, v]) => `${k} ${v}`).join(', '),
    },
    { name: 'setup (s): example + agents', value: fixed(m.setupSeconds) },
    {
      name: 'ramp-up (s): logins / Available / dials',
      value: `${fixed(ramp.loginSeconds)} / ${fixed(ramp.availableSeconds)} / ${fixed(ramp.dialSeconds)}`,
    },
    {
      name: 'ramp-up event-loop delay p99 / max (ms)',
      value: `${ramp.window.delay.p99} / ${ramp.window.delay.max}`,
    },
  ];
  const result: BenchResult = {
    id: 'B7',
    title: `one process: ${m.agents} agents on WebSockets + ${m.callers} callers in queue flows`,
    command: `npm run bench:b7 -- --agents ${m.agents} --callers ${m.callers} --seconds ${m.seconds}`,
    rows,
    plots: [
      {
        file: 'b7-latency',
        title: `B7 event-loop delay, steady state (${m.agents} agents, ${m.callers} callers)`,
        kind: 'latency',
        xLabel: 'event-loop delay (ms)',
        yLabel: 'share of samples at or below',
        series: [{ name: 'steady state', points: steady.delay.cdf }],
      },
    ],
    notes: [
      'The server runs in the measured process (SQLite in a file); the agents and callers run in a child process, ' +
        'so their CPU and memory are not the server’s. Agents use the agent API and its WebSocket, callers the ' +
        'web-phone API and the call’s WebSocket, as the browser does.',
      `Agents accept an offer after 0.2–1 s, hold each call ${m.holdS[0]}–${m.holdS[1]} s and clear it (an agent's ` +
        `first call, taken in the ramp-up, 1–${m.holdS[1]} s, so that calls end at a steady rate); a caller whose ` +
        `call ended dials again, so the calls stay at ${m.callers + m.agents} (one per agent, ${m.callers} waiting ` +
        'in queue running F2: the callback offer, hold music).',
      'The machine is shared: "its thread on a core" is the server thread’s CPU time over its busy time; below 100% ' +
        'the thread waited for a core while it had work, and the delays include that wait.',
      `Event-loop delay: monitorEventLoopDelay at a ${RESOLUTION_MS} ms resolution over the steady state, the ` +
        `interval taken off (how late the loop came back); the recorded values' p99 is ${steady.delay.rawP99} ms.`,
      'RSS: process.memoryUsage().rss every 250 ms from the first login to the end of the steady state.',
      `GC over the steady state: ${steady.gcKinds || 'none'}.`,
      `Scenario (issue 8), halfway through the steady state, from a second client process: ${stepsOf(scenario)}.`,
    ],
  };
  emit(result);
}

function pctOf(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function stepsOf(s: ScenarioResult): string {
  const steps = Object.entries(s.steps)
    .map(([k, v]) => `${k} ${v} ms`)
    .join(', ');
  return s.worked ? steps : `failed (${s.error ?? 'unknown'}) after ${steps || 'no step'}`;
}
