/**
 * B8's core, shared by bench/b8-crash.ts and test/crash/crash.test.ts: a real `tsunagi serve` in a child process
 * on a temporary SQLite file, configured over the SDK, with agents on their WebSockets accepting and completing
 * tasks; then `kills` rounds of StartTaskContact load, each ended by SIGKILL after a random time, a restart on
 * the same file, and the checks of bench/b8/checks.ts. Between rounds the agents drain the queue, so each round
 * starts well under the active-task quota (2,500, which the CLI does not let a run raise).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectClient } from '@aws-sdk/client-connect';
import { CrashAgent } from './agents.js';
import {
  Tally,
  checkAgents,
  checkDuplicates,
  checkPresent,
  deliveries,
  describeRecent,
  retryAcknowledged,
  retryLost,
  type Deliveries,
} from './checks.js';
import { Load, sendProbes, type LoadOptions } from './load.js';
import { ServerProcess, freePort } from './server.js';
import { AGENT_PASSWORD, connectClient, setUpCrashTest } from './setup.js';
import { ACTIVE, readStore, type StoreSnapshot } from './store-read.js';

export interface CrashOptions extends LoadOptions {
  kills: number;
  /** How long each round's load runs before the kill (ms, a uniform range). */
  loadMs: [number, number];
  agents: number;
  /** TASK slots of each agent. */
  agentSlots: number;
  /** How long an agent works a task before completing it (ms). */
  workMs: number;
  /** How long a round may take to drain (every task of ours ended) before it is noted and the run goes on. */
  drainMs: number;
  log?: (line: string) => void;
}

export const DEFAULT_CRASH_OPTIONS: CrashOptions = {
  kills: 5,
  concurrency: 50,
  loadMs: [500, 3000],
  scheduledShare: 0.25,
  scheduleAheadMs: [1000, 8000],
  agents: 2,
  agentSlots: 10,
  workMs: 10,
  drainMs: 120_000,
};

export interface CrashFindings {
  tally: Tally;
  deliveries: Deliveries;
  /** Tasks still active at the end (not drained). */
  activeAtEnd: number;
  completedByAgents: number;
  /** Offers in flight at a kill that recovery put back in their queue (MISSED entries). */
  offersRecovered: number;
  agentFailures: number;
  /** Lines the server logged at level error or fatal. */
  serverErrors: string[];
  seconds: number;
}

const KEY = { accessKeyId: 'B8CRASHTESTKEY000001', secretAccessKey: 'b8-crash-test-secret-key-0123456789' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = ([min, max]: [number, number]) => min + Math.random() * (max - min);

/** Waits until `done` holds of a fresh read of the store, or `timeoutMs` passed; the last read. */
async function until(
  read: () => StoreSnapshot,
  done: (s: StoreSnapshot) => boolean,
  timeoutMs: number,
): Promise<{ snap: StoreSnapshot; ok: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snap = read();
    if (done(snap)) return { snap, ok: true };
    if (Date.now() >= deadline) return { snap, ok: false };
    await sleep(250);
  }
}

export async function runCrashTest(options: CrashOptions): Promise<CrashFindings> {
  const log = options.log ?? (() => undefined);
  const began = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'tsunagi-b8-'));
  const database = join(dir, 'b8.sqlite');
  const server = new ServerProcess(database, await freePort(), KEY);
  const read = () => readStore(database);
  const tally = new Tally();
  const agents: CrashAgent[] = [];
  let connect: ConnectClient | undefined;
  const fresh = () => {
    connect?.destroy();
    connect = connectClient(server.url, KEY, options.concurrency);
    return connect;
  };
  try {
    await server.start();
    let sdk = fresh();
    const instanceId = server.instanceId;
    const setup = await setUpCrashTest(sdk, instanceId, {
      agents: options.agents,
      concurrency: options.agentSlots,
    });
    for (const username of setup.usernames)
      agents.push(new CrashAgent(username, AGENT_PASSWORD, setup.availableStatusId, options.workMs));
    await Promise.all(agents.map((a) => a.connect(server.url)));
    const target = { InstanceId: instanceId, ContactFlowId: setup.flowId };

    for (let round = 1; round <= options.kills; round++) {
      const load = new Load(sdk, target, round, options);
      const loadFrom = Date.now();
      load.start();
      await sleep(between(options.loadMs));
      load.stop();
      await server.kill();
      tally.kills++;
      tally.loadMs += Date.now() - loadFrom;
      tally.loadAcknowledged += load.acknowledged.length;
      for (const a of agents) a.disconnect();
      await load.finished();
      for (const [name, n] of load.refused) tally.refused.set(name, (tally.refused.get(name) ?? 0) + n);

      const restartAt = Date.now();
      await server.start();
      tally.restartMs.push(Date.now() - restartAt);
      sdk = fresh();
      await Promise.all(agents.map((a) => a.connect(server.url)));

      for (const a of load.acknowledged) tally.acknowledged.set(a.request.token, a);
      const before = read();
      checkPresent(tally, before);
      const probes = sendProbes(sdk, target, round, options.agents * (options.agentSlots + 1));
      const agentsChecked = checkAgents(round, agents, read, restartAt, tally);
      // Awaited below; a failure is the run's, not an unhandled rejection meanwhile.
      for (const p of [probes, agentsChecked]) p.catch(() => undefined);
      await describeRecent(sdk, tally, load.acknowledged.slice(-20));
      await retryLost(sdk, tally, load.lost, before);
      const acks = [...load.acknowledged, ...(await probes)];
      for (const a of acks) tally.acknowledged.set(a.request.token, a);
      await retryAcknowledged(sdk, tally, acks, Math.min(16, options.concurrency));
      await agentsChecked;
      checkDuplicates(tally, read());

      // Drain: the round's scheduled tasks fall due and are delivered, the agents complete everything.
      const drainFrom = Date.now();
      const lastDue = [...tally.acknowledged.values()].reduce(
        (due, a) => Math.max(due, a.request.ScheduledTime?.getTime() ?? 0),
        0,
      );
      await sleep(Math.max(0, lastDue - Date.now()));
      const ours = [...tally.acknowledged.values()].map((a) => a.contactId);
      const drained = await until(
        read,
        (s) => ours.every((id) => !ACTIVE.has(s.contacts.get(id)?.state ?? 'ENDED')),
        options.drainMs,
      );
      tally.drainMs.push(Date.now() - drainFrom);
      if (!drained.ok) tally.notDrained++;
      log(
        `round ${round}: load ${load.acknowledged.length} acknowledged (${load.acknowledged.filter((a) => a.request.ScheduledTime).length} scheduled), ` +
          `${load.lost.length} lost; restart ${tally.restartMs.at(-1)} ms; drained in ${Date.now() - drainFrom} ms` +
          `${drained.ok ? '' : ' (not drained)'}; offers since the restart ` +
          `${agents.map((a) => a.offersSinceConnect).join('/')}; problems so far ${tally.problems.length}`,
      );
    }

    const final = read();
    checkPresent(tally, final);
    checkDuplicates(tally, final);
    const d = deliveries(tally, final);
    const activeAtEnd = [...tally.acknowledged.values()].filter((a) =>
      ACTIVE.has(final.contacts.get(a.contactId)?.state ?? 'ENDED'),
    ).length;
    return {
      tally,
      deliveries: d,
      activeAtEnd,
      completedByAgents: agents.reduce((n, a) => n + a.completed, 0),
      offersRecovered: final.missed,
      agentFailures: agents.reduce((n, a) => n + a.failures, 0),
      serverErrors: [...server.errors],
      seconds: (Date.now() - began) / 1000,
    };
  } catch (e) {
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}\nserver output:\n${server.output.slice(-4000)}`,
      {
        cause: e,
      },
    );
  } finally {
    for (const a of agents) a.disconnect();
    connect?.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether every invariant held. */
export function invariantsHold(f: CrashFindings): boolean {
  const { tally, deliveries: d } = f;
  return (
    tally.missing.size === 0 &&
    tally.duplicates.size === 0 &&
    d.twice === 0 &&
    d.never === 0 &&
    d.early === 0 &&
    d.flowNotOnce === 0 &&
    tally.deadOffers.size === 0 &&
    tally.stuck.length === 0 &&
    f.activeAtEnd === 0
  );
}
