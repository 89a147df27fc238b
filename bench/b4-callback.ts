/**
 * B4: the callback, key "2" received → task offered on the agent's WebSocket (target: ≤ 50 ms p99, DESIGN.md).
 * A real server (`startTsunagi`, SQLite in a temporary file) with the callback scenario of examples/callback-via-task
 * configured through the services (bench/callback-setup.ts): the caller's number runs F1, which queues the call with
 * F2 offering a callback; agent2 (tasks only, CallbackQueue) logs in over the agent API, opens its WebSocket and
 * goes Available. Then, `--calls` times (after `--warmup` calls not counted): a caller dials over the web-phone
 * API and opens the call's socket, waits for F2's "press 2" prompt, and sends the key; t0 is taken just before the
 * send, t1 when agent2's socket receives the offer of the new task. agent2 then accepts and completes the task
 * over REST, and the call ends, so each call starts clean. The clients run in the server's process (they are light).
 * The phases in between are stamped on the same clock by thin wrappers around engine.sendDigits and
 * store.transaction and by an engine event listener: the key reaches the engine, waits for the instance loop, the
 * command runs (F2 creates the task, F3 queues it, routing offers it), commits, the offer is published.
 *   npx tsx bench/b4-callback.ts [--calls 200] [--warmup 10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { loadConfig } from '../src/app/config.js';
import { startTsunagi } from '../src/app/runtime.js';
import type { DialResponse } from '../src/api/phone/messages.js';
import type { Repositories } from '../src/store/ports/index.js';
import { AGENT_PASSWORD, CALLER, NUMBER, setUpCallback } from './callback-setup.js';
import { Inbox, type Message } from './inbox.js';
import { cdf, emit, pct } from './report.js';

const { values } = parseArgs({
  options: { calls: { type: 'string', default: '200' }, warmup: { type: 'string', default: '10' } },
});
const CALLS = Number(values.calls);
const WARMUP = Number(values.warmup);

/** A socket to the server and its stamped messages (bench/inbox.ts). */
class Socket extends Inbox {
  constructor(readonly ws: WebSocket) {
    super();
    ws.on('message', (raw: Buffer) => this.push(JSON.parse(raw.toString('utf8')) as Message));
    ws.on('close', this.close);
  }

  static open(url: string, headers: Record<string, string> = {}, origin?: string): Promise<Socket> {
    const ws = new WebSocket(url, { headers, ...(origin && { origin }) });
    const socket = new Socket(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`HTTP ${res.statusCode ?? 0} on ${url}`)),
      );
    });
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'tsunagi-b4-'));
const tsunagi = await startTsunagi(loadConfig({ port: 0, database: join(tmp, 'b4.sqlite') }, {}));
const sockets: WebSocket[] = [];
try {
  report(await measure());
} finally {
  for (const ws of sockets) ws.terminate();
  await tsunagi.close();
  rmSync(tmp, { recursive: true, force: true });
}

async function measure() {
  const { url, services, engine, store, defaultInstance } = tsunagi;
  const instanceId = defaultInstance.Id;
  const wsUrl = url.replace(/^http/, 'ws');
  const s = await setUpCallback(services, instanceId);

  // agent2 in a browser: the session cookie, the CSRF token, this server's Origin on every request.
  let cookie = '';
  let csrf = '';
  const agentApi = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/api/agent${path}`, {
      method,
      headers: {
        origin: url,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(cookie && { cookie }),
        ...(csrf && { 'x-csrf-token': csrf }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const answer = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('tsunagi_session='));
    if (set) cookie = set.split(';')[0] ?? '';
    return answer;
  };
  const login = await agentApi('POST', '/login', { Username: 'agent2', Password: AGENT_PASSWORD });
  csrf = login.CsrfToken as string;
  const agent = await Socket.open(`${wsUrl}/api/agent/ws`, { cookie }, url);
  sockets.push(agent.ws);
  await agent.next((m) => m.type === 'snapshot', 'the snapshot');
  await agentApi('PUT', '/status', { AgentStatusId: s.available });

  // The phases of the key's command, stamped on the same clock: the engine is handed the key, its transaction
  // begins, its work is done (the flow, the task created and routed), it commits; the offer is published.
  type Stamp = 'digits' | 'begin' | 'worked' | 'committed' | 'offered' | 'cpu';
  let stamps: Partial<Record<Stamp, number>> = {};
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const sendDigits = engine.sendDigits.bind(engine);
  engine.sendDigits = (...args) => {
    stamps.digits ??= performance.now();
    return sendDigits(...args);
  };
  const transaction = store.transaction.bind(store);
  store.transaction = async <T>(work: (repos: Repositories) => Promise<T>): Promise<T> => {
    if (stamps.digits === undefined || stamps.begin !== undefined) return transaction(work);
    stamps.begin = performance.now();
    const cpu = cpuMs();
    const value = await transaction(async (repos) => {
      const v = await work(repos);
      stamps.worked = performance.now();
      stamps.cpu = cpuMs() - cpu;
      return v;
    });
    stamps.committed = performance.now();
    return value;
  };
  engine.events.subscribe((_, e) => {
    if (e.type === 'offer' && e.userId === s.agent2Id && stamps.digits !== undefined)
      stamps.offered ??= performance.now();
  });

  const samples: Record<'total' | Stamp, number>[] = [];
  const started = performance.now();
  for (let i = 0; i < WARMUP + CALLS; i++) {
    const dial = await fetch(`${url}/api/phone/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ To: NUMBER, From: CALLER }),
    });
    if (dial.status !== 201) throw new Error(`dial: ${dial.status} ${await dial.text()}`);
    const call = (await dial.json()) as DialResponse;
    const caller = await Socket.open(
      `${wsUrl}/api/phone/calls/${encodeURIComponent(call.CallId)}/ws?token=${encodeURIComponent(call.Token)}`,
    );
    sockets.push(caller.ws);
    const isPrompt = (m: Message) => m.type === 'prompt' && /press 2/.test(String(m.text));
    await caller.next(isPrompt, 'the callback offer prompt');

    stamps = {};
    const t0 = performance.now();
    caller.ws.send(JSON.stringify({ type: 'digits', digits: '2' }));
    const offer = await agent.next((m) => m.type === 'offer', 'the offer on the agent socket');
    const t1 = offer.at;
    const taskId = offer.m.contactId as string;
    const task = await engine.contact(instanceId, taskId);
    if (task?.RelatedContactId !== call.CallId)
      throw new Error(`the offer of ${taskId} is not the call's task`);
    const { digits = NaN, begin = NaN, worked = NaN, committed = NaN, offered = NaN, cpu = NaN } = stamps;
    if (i >= WARMUP)
      samples.push({
        total: t1 - t0,
        digits: digits - t0,
        begin: begin - digits,
        worked: worked - begin,
        cpu,
        committed: committed - worked,
        offered: t1 - offered,
      });

    await agentApi('POST', `/contacts/${taskId}/accept`);
    await agentApi('POST', `/contacts/${taskId}/complete`);
    await caller.next((m) => m.type === 'state' && m.state === 'ended', 'the end of the call');
    caller.ws.close();
    sockets.splice(sockets.indexOf(caller.ws), 1);
  }
  return { samples, seconds: (performance.now() - started) / 1000 };
}

function report({ samples, seconds }: Awaited<ReturnType<typeof measure>>): void {
  type Key = keyof (typeof samples)[number];
  const of = (k: Key) => samples.map((x) => x[k]);
  const total = of('total');
  const p99 = pct(total, 0.99);
  const phase = (k: Key) => `${pct(of(k), 0.5)} / ${pct(of(k), 0.99)}`;
  emit({
    id: 'B4',
    title: 'callback: key "2" → task offered on the agent\'s WebSocket',
    command: `npm run bench:b4 -- --calls ${CALLS} --warmup ${WARMUP}`,
    rows: [
      { name: 'calls measured (after warmup)', value: `${samples.length} (${WARMUP})` },
      { name: 'whole run (s), setup excluded', value: seconds.toFixed(1) },
      { name: 'key "2" sent → offer: p50 (ms)', value: pct(total, 0.5) },
      { name: 'key "2" sent → offer: p95 (ms)', value: pct(total, 0.95) },
      {
        name: 'key "2" sent → offer: p99 (ms)',
        value: p99,
        target: '≤ 50 ms',
        met: samples.length === CALLS && p99 <= 50,
      },
      { name: 'key "2" sent → offer: max (ms)', value: pct(total, 1) },
      { name: 'phase p50 / p99 (ms): key sent → engine.sendDigits', value: phase('digits') },
      { name: 'phase: waiting for the instance loop', value: phase('begin') },
      { name: 'phase: the command (flow, task, routing)', value: phase('worked') },
      { name: 'phase: its CPU time (the process)', value: phase('cpu') },
      { name: 'phase: commit', value: phase('committed') },
      { name: 'phase: offer published → agent socket', value: phase('offered') },
    ],
    plots: [
      {
        file: 'b4-latency',
        title: 'B4: key "2" sent → task offered on the agent socket',
        kind: 'latency',
        xLabel: 'ms',
        yLabel: 'share of calls',
        series: [{ name: 'key "2" → offer', points: cdf(total) }],
      },
    ],
    notes: [
      "A whole server (SQLite file) with the scenario set up; one caller at a time on the phone WebSocket presses 2 in the queue flow, and the time runs until the task offer reaches agent2's agent WebSocket. The phases come from the engine's own timings.",
    ],
  });
}
