/**
 * B7: one process serving 1,000 agents on WebSockets and 5,000 callers in queue flows (targets: RSS ≤ 1 GiB,
 * event-loop delay ≤ 20 ms p99, DESIGN.md), with the callback scenario still working for one more agent and caller
 * in the middle of it (issue 8).
 *
 * A real server in this process (`startTsunagi`, SQLite in a temporary file) with the callback-via-task example
 * applied as a setup file and `--agents` load agents on a calls-only routing profile (bench/b7/setup.ts). The
 * clients run in child processes (bench/b7/clients.ts) so that neither their CPU nor their memory is the server's:
 * the load agents log in over the agent API, open their WebSocket and go Available; then `--callers` + `--agents`
 * callers dial the example's number over the web-phone API with their call's socket open: each agent takes one
 * call, the others, `--callers` of them, wait in queue hearing F2 (the callback offer, hold music). An agent
 * offered a call accepts it, holds it `--hold-min`..`--hold-max` s, ends and clears it, and a caller whose call
 * ended dials again, so as many calls stay open and `--callers` wait in queue. The holds (30–120 s by default, about
 * 13 calls a second for 1,000 agents) set how many calls go through: B7 is about holding the sockets and the queue
 * flows; 5–30 s holds (55 calls a second) make it a throughput test of calls, which one core does not sustain.
 * Once every caller has dialled, the steady state is measured for `--seconds`: this process's RSS (sampled every
 * 250 ms from the start of the load), the event loop's delay (monitorEventLoopDelay, the timer's 10 ms interval
 * taken off), its utilization, CPU and GC pauses. Halfway
 * through, a second client process runs the scenario once (bench/b7/scenario.ts): agent2 logs in, a caller dials,
 * waits in queue behind the load, presses 2; it worked when agent2's socket is offered the task holding the caller's
 * number, linked to the call.
 *   npx tsx bench/b7-load.ts [--agents 1000] [--callers 5000] [--seconds 60] [--hold-min 30] [--hold-max 120]
 *                            [--ramp-concurrency 20]
 * Diagnostics of the server over the steady state: `--profile FILE` (a CPU profile of its thread), `--heap-snapshot
 * FILE` (at the end), `--trace-tx` (every store transaction timed, by engine command: bench/b7/trace.ts).
 * The server and the clients each hold one socket per agent and caller: `ulimit -n` must be above
 * 2 × agents + callers + a few hundred in the shell that runs it (e.g. `ulimit -n 16384`). The web phone's limit
 * on calls at once (Limits.webPhoneCallsAtOnce, 1,000 by default) is raised for the run, as is the users quota.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import { loadConfig } from '../src/app/config.js';
import { startTsunagi } from '../src/app/runtime.js';
import type { ChildMessage, Job, LoadStats, ParentMessage, ScenarioResult } from './b7/protocol.js';
import { MemorySampler, Window, startProfile, type WindowResult } from './b7/monitor.js';
import { NUMBER, PASSWORD, setUpLoad } from './b7/setup.js';
import { report, type Measured } from './b7/report.js';
import { TransactionTrace } from './b7/trace.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '1000' },
    callers: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '60' },
    'hold-min': { type: 'string', default: '30' },
    'hold-max': { type: 'string', default: '120' },
    'ramp-concurrency': { type: 'string', default: '20' },
    /** A CPU profile of the server's thread over the steady state, written to this file. */
    profile: { type: 'string' },
    /** A heap snapshot of the server's process at the end of the steady state, written to this file. */
    'heap-snapshot': { type: 'string' },
    /** Time every store transaction over the steady state (bench/b7/trace.ts). */
    'trace-tx': { type: 'boolean', default: false },
  },
});
const AGENTS = Number(values.agents);
const CALLERS = Number(values.callers);
const SECONDS = Number(values.seconds);
/** The scenario's caller (the number B4 dials from). */
const SCENARIO_CALLER = '+819012345678';

/** A client process: its messages, waited for by type. */
class Client {
  readonly process: ChildProcess;
  private readonly inbox: ChildMessage[] = [];
  private readonly waiting: { type: ChildMessage['type']; resolve: (m: ChildMessage) => void }[] = [];
  onStats: (s: LoadStats) => void = () => undefined;

  constructor() {
    const file = fileURLToPath(new URL('./b7/clients.ts', import.meta.url));
    this.process = fork(file, [], { execArgv: ['--import', import.meta.resolve('tsx')] });
    this.process.on('message', (m: ChildMessage) => {
      if (m.type === 'stats') return this.onStats(m.stats);
      const i = this.waiting.findIndex((w) => w.type === m.type);
      if (i < 0) this.inbox.push(m);
      else this.waiting.splice(i, 1)[0]?.resolve(m);
    });
  }

  send(m: ParentMessage): void {
    this.process.send(m);
  }

  next<T extends ChildMessage['type']>(type: T): Promise<Extract<ChildMessage, { type: T }>> {
    const i = this.inbox.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0] as Extract<ChildMessage, { type: T }>);
    return new Promise((resolve, reject) => {
      this.waiting.push({ type, resolve: (m) => resolve(m as Extract<ChildMessage, { type: T }>) });
      this.process.once('exit', (code, signal) =>
        reject(new Error(`the client process exited (${signal ?? code}) before ${type}`)),
      );
    });
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'tsunagi-b7-'));
const config = loadConfig({ port: 0, database: join(tmp, 'b7.sqlite') }, {});
config.limits = {
  ...config.limits,
  usersPerInstance: AGENTS + 100,
  webPhoneCallsAtOnce: CALLERS + AGENTS + 100,
};
const tsunagi = await startTsunagi(config);
const clients: Client[] = [];
try {
  report(await measure());
} finally {
  for (const c of clients) c.kill();
  await tsunagi.close();
  rmSync(tmp, { recursive: true, force: true });
}

async function measure(): Promise<Measured> {
  const started = performance.now();
  const setup = await setUpLoad(tsunagi, AGENTS);
  const setupSeconds = (performance.now() - started) / 1000;
  const instanceId = tsunagi.defaultInstance.Id;
  const load = new Client();
  const scenario = new Client();
  clients.push(load, scenario);

  const memory = new MemorySampler();
  const ramp = new Window();
  const base = { url: tsunagi.url, password: PASSWORD, availableId: setup.availableId, number: NUMBER };
  const job: Job = {
    role: 'load',
    ...base,
    agents: setup.agents,
    callers: CALLERS + AGENTS,
    holdMinS: Number(values['hold-min']),
    holdMaxS: Number(values['hold-max']),
    rampConcurrency: Number(values['ramp-concurrency']),
  };
  let told = 0;
  load.onStats = (s) => {
    if (memory.now() - told < 10) return;
    told = memory.now();
    const errors = Object.values(s.errors).reduce((a, b) => a + b, 0);
    console.log(
      `b7 ramp-up: ${s.agentsConnected} agents, ${s.callsOpen} calls (${s.queued} queued, ` +
        `${s.connected} connected), ${s.dialled} dialled, ${errors} errors`,
    );
  };
  load.send({ type: 'start', job });
  const agentsReady = await load.next('agents-ready');
  console.log(`b7: ${agentsReady.stats.agentsConnected} agents connected in ${ms(agentsReady.ms)}`);
  const available = await load.next('available');
  console.log(`b7: agents Available in ${ms(available.ms)}`);
  const callersReady = await load.next('callers-ready');
  console.log(`b7: ${callersReady.stats.dialled} callers dialled in ${ms(callersReady.ms)}; steady state`);
  const rampResult = ramp.close();

  // The steady state: the load's counters every second, the server's queue every 2 s, the scenario halfway.
  const steadyFrom = memory.now();
  const peaks = { queued: 0, queuedMin: Infinity, callsOpen: 0, serverQueued: 0, agentsMin: Infinity };
  const at: LoadStats[] = [];
  load.onStats = (s) => {
    at.push(s);
    peaks.queued = Math.max(peaks.queued, s.queued);
    peaks.queuedMin = Math.min(peaks.queuedMin, s.queued);
    peaks.callsOpen = Math.max(peaks.callsOpen, s.callsOpen);
    peaks.agentsMin = Math.min(peaks.agentsMin, s.agentsConnected);
  };
  const queueProbe = setInterval(() => {
    void tsunagi.engine.queueMetrics(instanceId, setup.callerQueueId, 'VOICE').then((q) => {
      peaks.serverQueued = Math.max(peaks.serverQueued, q.contactsInQueue);
    });
  }, 2000);
  const trace = values['trace-tx'] ? new TransactionTrace(tsunagi.store) : undefined;
  trace?.start();
  const stopProfile = values.profile ? await startProfile(values.profile) : undefined;
  const steady = new Window();
  let scenarioResult: Promise<ScenarioResult> | undefined;
  const halfway = setTimeout(
    () => {
      console.log('b7: the scenario starts');
      scenario.send({
        type: 'start',
        job: { role: 'scenario', ...base, agent: setup.scenarioAgent, caller: SCENARIO_CALLER },
      });
      scenarioResult = scenario.next('scenario').then((m) => m.result);
    },
    (SECONDS * 1000) / 2,
  );
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const steadyResult: WindowResult = steady.close();
  memory.stop();
  clearInterval(queueProbe);
  clearTimeout(halfway);
  await stopProfile?.();
  if (values['heap-snapshot']) writeHeapSnapshot(values['heap-snapshot']);
  const traced = trace?.stop();
  if (traced)
    console.log(
      `b7 transactions: ${traced.count}, wall p50/p99/max ${traced.wall} ms, CPU p50/p99/max ${traced.cpu} ms, ` +
        `${traced.cpuOver10ms} over 10 ms CPU, ${traced.cpuTotalMs} ms CPU in all; ` +
        `CPU by command: ${traced.byCommand}`,
    );
  load.send({ type: 'stop' });
  const final = (await load.next('final')).stats;
  const result: ScenarioResult = (await scenarioResult) ?? { worked: false, steps: {}, error: 'not run' };
  console.log(`b7: scenario ${result.worked ? 'worked' : `failed: ${result.error ?? ''}`}`);
  const first = at[0] ?? callersReady.stats;
  return {
    agents: AGENTS,
    callers: CALLERS,
    seconds: SECONDS,
    holdS: [job.holdMinS, job.holdMaxS],
    setupSeconds,
    ramp: {
      loginSeconds: agentsReady.ms / 1000,
      availableSeconds: available.ms / 1000,
      dialSeconds: callersReady.ms / 1000,
      window: rampResult,
    },
    steady: steadyResult,
    memory: { whole: memory.peak(0), steady: memory.peak(steadyFrom), samples: memory.samples },
    agentsConnected: { atEnd: final.agentsConnected, min: Math.min(peaks.agentsMin, final.agentsConnected) },
    peaks: { ...peaks, queuedMean: at.reduce((sum, s) => sum + s.queued, 0) / Math.max(1, at.length) },
    callsAnswered: final.accepted - first.accepted,
    callsCompleted: final.completed - first.completed,
    clientCores: (final.cpuMs - first.cpuMs) / 1000 / steadyResult.seconds,
    final,
    scenario: result,
  };
}

function ms(x: number): string {
  return `${(x / 1000).toFixed(1)} s`;
}
