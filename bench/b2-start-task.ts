/**
 * B2: StartTaskContact over HTTP, SigV4-verified, durable (target: ≥ 3,000 tasks/s, and ≥ 25% of the same
 * server's trivial-route throughput in the same run, with 50 concurrent clients, DESIGN.md). A real server
 * (`startTsunagi`, SQLite in a temporary file, a bootstrap access key) with a queue and a CONTACT_FLOW task flow
 * that transfers to it (no agents: every task stays QUEUED, active); the active-task quota is raised so it does
 * not stop the run. The clients run in a worker thread (their own event loop, the second core), so the server's
 * thread does only the server's work: `--concurrency` loops, each one request after another, for `--seconds`
 * after a `--warmup`, first on GET /health (the trivial route, which reads the instance), then StartTaskContact
 * through the real @aws-sdk/client-connect (signing every request; ClientToken filled in by the SDK). Every
 * acknowledged task is then looked for in the store. Over the measured window, each side's event loop use (~100%
 * on the server's means the server is the bottleneck) and CPU time per request (its thread's, from /proc): 1000 /
 * the server's CPU ms is what one core could serve with nothing else on it, a figure a busy machine does not move.
 *   npx tsx bench/b2-start-task.ts [--concurrency 50] [--seconds 15] [--warmup 2] [--only health|task]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ConnectClient, StartTaskContactCommand } from '@aws-sdk/client-connect';
import { loadConfig } from '../src/app/config.js';
import { startTsunagi } from '../src/app/runtime.js';
import { emit, pct, threadCpuMs, type BenchRow } from './report.js';

const KEY_ID = 'BENCHB2ACCESSKEY0001';
const SECRET = 'bench-b2-secret-access-key-0123456789';

interface Job {
  phase: 'health' | 'task';
  url: string;
  instanceId: string;
  flowId: string;
  concurrency: number;
  seconds: number;
  warmup: number;
}
interface Outcome {
  ok: number;
  errors: Record<string, number>;
  latencies: Float64Array;
  seconds: number;
  elu: number;
  cpuMs: number;
  ids: string[];
}
type Measured = Outcome & { server: { elu: number; cpuMs: number } };

if (isMainThread) await main();
else parentPort?.postMessage(await load(workerData as Job));

/** The clients: `concurrency` loops sending one request after another; only what ends after the warmup counts. */
async function load(job: Job): Promise<Outcome> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const client = new ConnectClient({
    endpoint: `${job.url}/connect`,
    region: 'us-east-1',
    credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
    maxAttempts: 1,
    requestHandler: { httpAgent: agent },
  });
  const health = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(`${job.url}/health`, { agent }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
    });
  const ids: string[] = [];
  let n = 0;
  const task = async () => {
    const out = await client.send(
      new StartTaskContactCommand({
        InstanceId: job.instanceId,
        ContactFlowId: job.flowId,
        Name: `b2 ${++n}`,
      }),
    );
    if (out.ContactId) ids.push(out.ContactId);
  };
  const call = job.phase === 'health' ? health : task;
  const begin = performance.now();
  const measureFrom = begin + job.warmup * 1000;
  const end = measureFrom + job.seconds * 1000;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  // The window's CPU and event-loop use, of this thread here and of the server's thread (told by messages).
  let elu = performance.eventLoopUtilization();
  let cpu = threadCpuMs();
  setTimeout(() => {
    elu = performance.eventLoopUtilization();
    cpu = threadCpuMs();
    parentPort?.postMessage('window');
  }, measureFrom - begin);
  const closing = new Promise<{ elu: number; cpuMs: number }>((resolve) =>
    setTimeout(() => {
      parentPort?.postMessage('window');
      resolve({ elu: performance.eventLoopUtilization(elu).utilization, cpuMs: threadCpuMs() - cpu });
    }, end - begin),
  );
  const loop = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        await call();
        if (t >= measureFrom) {
          ok++;
          latencies.push(performance.now() - t);
        }
      } catch (e) {
        const name = e instanceof Error ? e.name : 'Error';
        errors[name] = (errors[name] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, loop));
  const seconds = (performance.now() - measureFrom) / 1000;
  client.destroy();
  agent.destroy();
  return { ok, errors, latencies: Float64Array.from(latencies), seconds, ...(await closing), ids };
}

/** Runs the clients in a worker thread; the server's thread measures itself over the same window. */
function runWorker(job: Job): Promise<Measured> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: job });
    let elu = performance.eventLoopUtilization();
    let cpu = threadCpuMs();
    const server = { elu: NaN, cpuMs: NaN };
    let windows = 0;
    worker.on('message', (m: Outcome | 'window') => {
      if (m !== 'window') {
        resolve({ ...m, server });
        void worker.terminate();
      } else if (++windows === 1) {
        elu = performance.eventLoopUtilization();
        cpu = threadCpuMs();
      } else {
        server.elu = performance.eventLoopUtilization(elu).utilization;
        server.cpuMs = threadCpuMs() - cpu;
      }
    });
    worker.once('error', reject);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '2' },
      only: { type: 'string' },
    },
  });
  const concurrency = Number(values.concurrency);
  const seconds = Number(values.seconds);
  const warmup = Number(values.warmup);
  const tmp = mkdtempSync(join(tmpdir(), 'tsunagi-b2-'));
  const config = loadConfig(
    { port: 0, database: join(tmp, 'b2.sqlite') },
    { TSUNAGI_BOOTSTRAP_ACCESS_KEY_ID: KEY_ID, TSUNAGI_BOOTSTRAP_SECRET_ACCESS_KEY: SECRET },
  );
  config.limits = { ...config.limits, activeTasksPerInstance: 10_000_000 };
  const tsunagi = await startTsunagi(config);
  try {
    const { services, defaultInstance } = tsunagi;
    const instanceId = defaultInstance.Id;
    const hours = await services.hours.create(instanceId, {
      Name: 'Always open',
      TimeZone: 'UTC',
      Config: (['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const).map(
        (Day) => ({ Day, StartTime: { Hours: 0, Minutes: 0 }, EndTime: { Hours: 0, Minutes: 0 } }),
      ),
    });
    const queue = await services.queues.create(instanceId, {
      Name: 'Tasks',
      HoursOfOperationId: hours.HoursOfOperationId,
    });
    const toEnd = (...types: string[]) => types.map((ErrorType) => ({ ErrorType, NextAction: 'end' }));
    const flow = await services.flows.create(instanceId, {
      Name: 'Task to queue',
      Type: 'CONTACT_FLOW',
      Content: JSON.stringify({
        Version: '2019-10-30',
        StartAction: 'set-queue',
        Actions: [
          [
            'set-queue',
            'UpdateContactTargetQueue',
            { QueueId: queue.QueueArn },
            'transfer',
            ['NoMatchingError'],
          ],
          ['transfer', 'TransferContactToQueue', {}, undefined, ['NoMatchingError', 'QueueAtCapacity']],
          ['end', 'DisconnectParticipant', {}, undefined, []],
        ].map(([Identifier, Type, Parameters, NextAction, errors]) => ({
          ...{ Identifier, Type, Parameters },
          Transitions: { ...(NextAction && { NextAction }), Errors: toEnd(...(errors as string[])) },
        })),
      }),
    });
    const job = { url: tsunagi.url, instanceId, flowId: flow.Id, concurrency, seconds, warmup };
    const skip: Measured = {
      ...{ ok: 0, errors: {}, latencies: new Float64Array(), seconds: 1, elu: 0, cpuMs: 0, ids: [] },
      server: { elu: 0, cpuMs: 0 },
    };
    const health = values.only === 'task' ? skip : await runWorker({ ...job, phase: 'health' });
    const tasks = values.only === 'health' ? skip : await runWorker({ ...job, phase: 'task' });
    await tsunagi.engine.instance(instanceId);
    let missing = 0;
    for (const id of tasks.ids)
      if ((await tsunagi.store.repos.contacts.get(instanceId, id))?.State !== 'QUEUED') missing++;
    report({ concurrency, seconds, health, tasks, missing });
  } finally {
    await tsunagi.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function report(r: {
  concurrency: number;
  seconds: number;
  health: Measured;
  tasks: Measured;
  missing: number;
}) {
  const { health, tasks } = r;
  const rate = (m: Measured) => m.ok / m.seconds;
  const ratio = rate(tasks) / rate(health);
  const pctOf = (x: number) => `${Math.round(x * 100)}%`;
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const errs = (e: Record<string, number>) =>
    Object.keys(e).length === 0
      ? 0
      : Object.entries(e)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
  // Requests started in the window are counted, so CPU per request is approximate.
  const cpu = (m: Measured) => `${(m.server.cpuMs / m.ok).toFixed(3)} / ${(m.cpuMs / m.ok).toFixed(3)}`;
  const common = (label: string, m: Measured): BenchRow[] => [
    {
      name: `${label}: latency p50 / p99 / max (ms)`,
      value: `${pct(m.latencies, 0.5)} / ${pct(m.latencies, 0.99)} / ${pct(m.latencies, 1)}`,
    },
    { name: `${label}: errors`, value: errs(m.errors) },
    {
      name: `${label}: event loop busy, server / clients`,
      value: `${pctOf(m.server.elu)} / ${pctOf(m.elu)}`,
    },
    { name: `${label}: CPU ms per request, server / clients`, value: cpu(m) },
    { name: `${label}: one core, server CPU-bound (req/s)`, value: n((1000 * m.ok) / m.server.cpuMs) },
  ];
  emit({
    id: 'B2',
    title: 'StartTaskContact over HTTP (SigV4, durable)',
    command: `npm run bench:b2 -- --concurrency ${r.concurrency} --seconds ${r.seconds}`,
    rows: [
      { name: 'store', value: 'sqlite (file, WAL)' },
      {
        name: 'concurrent clients',
        value: r.concurrency,
        ...(r.concurrency !== 50 && { target: 'the target is set at 50' }),
      },
      { name: 'measured seconds per phase', value: r.seconds },
      { name: '(a) GET /health: requests/s', value: n(rate(health)) },
      ...common('(a)', health),
      {
        name: '(b) StartTaskContact: tasks/s',
        value: n(rate(tasks)),
        target: '≥ 3,000',
        met: rate(tasks) >= 3000,
      },
      ...common('(b)', tasks),
      { name: '(b) acknowledged, not QUEUED in store', value: r.missing, target: '0', met: r.missing === 0 },
      {
        name: '(b) / (a)',
        value: health.ok > 0 ? pctOf(ratio) : 'n/a',
        target: '≥ 25%',
        met: health.ok > 0 && ratio >= 0.25,
      },
    ],
    notes: [
      'A whole server in one process (SQLite file, WAL); the clients (the real SDK, signing every request) run in a worker thread. (a) is the trivial route GET /health, (b) StartTaskContact with a flow that queues the task; every acknowledged task is then looked up in the store.',
    ],
  });
}
