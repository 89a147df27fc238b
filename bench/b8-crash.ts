/**
 * B8: crash (kill -9) during B2 load, then restart (target: every acknowledged task present, none duplicated on
 * retry with its ClientToken, every scheduled task delivered exactly once, no agent stuck in an offer;
 * DESIGN.md). The real `tsunagi serve` runs in a child process on a temporary SQLite file; a queue, a task flow
 * that transfers to it, a routing profile and `--agents` agents are made over the SDK; the agents log in, open
 * their WebSockets, go Available and accept then complete every offer. Each of `--kills` rounds: `--concurrency`
 * clients send StartTaskContact (each with its own ClientToken, the task named after it; `--scheduled` of them
 * scheduled 1–8 s ahead) for a random 0.5–3 s, then the server gets SIGKILL and is started again on the same
 * file. After each restart (bench/b8/checks.ts): every acknowledged task is in the store (and the last 20 answer
 * DescribeContact); each request the kill left unanswered is sent again with its token (at most one contact);
 * every acknowledged request is sent again with its token and must answer the same ContactId; no token has two
 * contacts; no contact is still OFFERED by an offer from before the kill; each agent is offered again and none is
 * left Missed. Then the round's scheduled tasks fall due and the agents drain the queue. At the end every
 * scheduled task's deliveries are counted on its timeline in the store (`DELIVERED` entries: exactly one, not
 * before its time), and every task's flow starts (`FLOW_STARTED`, slot main: exactly one).
 *   npx tsx bench/b8-crash.ts [--kills 5] [--concurrency 50] [--scheduled 0.25] [--agents 2] [--work-ms 10]
 * Exits with a non-zero status when an invariant fails.
 */
import { parseArgs } from 'node:util';
import { emit, pct, type BenchResult, type BenchRow } from './report.js';
import { DEFAULT_CRASH_OPTIONS, invariantsHold, runCrashTest, type CrashFindings } from './b8/run.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: String(DEFAULT_CRASH_OPTIONS.kills) },
    concurrency: { type: 'string', default: String(DEFAULT_CRASH_OPTIONS.concurrency) },
    scheduled: { type: 'string', default: String(DEFAULT_CRASH_OPTIONS.scheduledShare) },
    agents: { type: 'string', default: String(DEFAULT_CRASH_OPTIONS.agents) },
    'work-ms': { type: 'string', default: String(DEFAULT_CRASH_OPTIONS.workMs) },
  },
});

const options = {
  ...DEFAULT_CRASH_OPTIONS,
  kills: Number(values.kills),
  concurrency: Number(values.concurrency),
  scheduledShare: Number(values.scheduled),
  agents: Number(values.agents),
  workMs: Number(values['work-ms']),
  log: (line: string) => process.stderr.write(`${line}\n`),
};

const findings = await runCrashTest(options);
emit(result(findings));
process.exitCode = invariantsHold(findings) && findings.tally.kills === options.kills ? 0 : 1;

function result(f: CrashFindings): BenchResult {
  const { tally, deliveries: d } = f;
  const zero = (name: string, value: number): BenchRow => ({ name, value, target: '0', met: value === 0 });
  const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : NaN);
  const refused = [...tally.refused].map(([k, v]) => `${k} ${v}`).join(', ') || 0;
  const rows: BenchRow[] = [
    {
      name: 'kills (SIGKILL, restart)',
      value: tally.kills,
      target: String(options.kills),
      met: tally.kills === options.kills,
    },
    { name: 'acknowledged tasks', value: tally.acknowledged.size },
    { name: '  under load, per second', value: Math.round(tally.loadAcknowledged / (tally.loadMs / 1000)) },
    { name: '  refused by the server (answered)', value: refused },
    { name: '  lost in a kill (no answer)', value: tally.lost },
    { name: '    committed before the kill', value: tally.lostCommitted },
    { name: '    refused on retry (time passed)', value: tally.lostRetryRefused },
    zero('missing (acknowledged, not stored)', tally.missing.size),
    zero('duplicates (a token, two contacts)', tally.duplicates.size),
    {
      name: 'scheduled delivered once',
      value: `${d.once} of ${d.scheduled}`,
      target: `${d.scheduled}`,
      met: d.once === d.scheduled,
    },
    {
      name: '  delivery lag p50 / p99 / max (ms)',
      value: `${pct(d.lags, 0.5)} / ${pct(d.lags, 0.99)} / ${pct(d.lags, 1)}`,
    },
    zero('scheduled delivered twice', d.twice),
    zero('scheduled delivered never', d.never),
    zero('scheduled delivered early', d.early),
    zero('tasks whose flow started ≠ once', d.flowNotOnce),
    { name: 'offers in flight at a kill, requeued', value: f.offersRecovered },
    zero('offers from before a kill left', tally.deadOffers.size),
    zero('agents stuck after a restart', tally.stuck.length),
    { name: 'tasks completed by the agents', value: f.completedByAgents },
    { name: 'errors the server logged', value: f.serverErrors.length },
    zero('tasks still active at the end', f.activeAtEnd),
    { name: 'restart to listening, mean (ms)', value: mean(tally.restartMs) },
    { name: 'drain after a restart, mean (ms)', value: mean(tally.drainMs) },
    { name: 'whole run (s)', value: Math.round(f.seconds) },
  ];
  return {
    id: 'B8',
    title: 'crash (kill -9) during StartTaskContact load, then restart',
    command: `npm run bench:b8 -- --kills ${options.kills} --concurrency ${options.concurrency}`,
    rows,
    notes: [
      `${options.concurrency} concurrent SDK clients; ${Math.round(options.scheduledShare * 100)}% of tasks scheduled 1–8 s ahead; ` +
        `${options.agents} agents with ${options.agentSlots} TASK slots accept and complete every offer.`,
      'Deliveries are counted on each task’s timeline in the store: DELIVERED entries of scheduled tasks, FLOW_STARTED (main) of all.',
      ...tally.problems.slice(0, 20),
      ...tally.stuck.slice(0, 10),
      ...f.serverErrors.slice(0, 5),
    ],
  };
}
