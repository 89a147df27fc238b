/**
 * B8's invariants, checked after each restart and at the end (what each counts is said at each function):
 * acknowledged tasks present, retries with a ClientToken answered with the first contact and never making a
 * second, scheduled tasks delivered exactly once and not early, no agent stuck in an offer.
 */
import { DescribeContactCommand, type ConnectClient } from '@aws-sdk/client-connect';
import type { CrashAgent } from './agents.js';
import { answered, sendTask, type Acknowledged, type TaskRequest } from './load.js';
import type { StoreSnapshot } from './store-read.js';

/** What the run found so far. */
export class Tally {
  kills = 0;
  /** Every request that got a ContactId, first time or on its retry after a restart, by token. */
  readonly acknowledged = new Map<string, Acknowledged>();
  /** Requests with no answer (in flight when the server died). */
  lost = 0;
  /** Of those, committed before the kill (their task was in the store before the retry). */
  lostCommitted = 0;
  /** Of those, refused on retry (not committed, and their ScheduledTime had passed meanwhile). */
  lostRetryRefused = 0;
  readonly refused = new Map<string, number>();
  readonly missing = new Set<string>();
  /** Tokens that made more than one contact, or whose retry answered another contact than the first answer. */
  readonly duplicates = new Set<string>();
  /** Contacts found OFFERED, after a restart, by an offer made before the kill. */
  readonly deadOffers = new Set<string>();
  /** One line per agent found stuck after a restart. */
  readonly stuck: string[] = [];
  readonly problems: string[] = [];
  /** Time under load before the kills, and the requests acknowledged in it (the load's rate). */
  loadMs = 0;
  loadAcknowledged = 0;
  readonly restartMs: number[] = [];
  readonly drainMs: number[] = [];
  notDrained = 0;

  problem(line: string): void {
    if (this.problems.length < 50) this.problems.push(line);
  }
}

/** Runs `work` over `items`, `n` at a time. */
export async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

/** Every acknowledged task has its row in the store (store read). */
export function checkPresent(tally: Tally, snap: StoreSnapshot): void {
  for (const [token, a] of tally.acknowledged)
    if (!snap.contacts.has(a.contactId) && !tally.missing.has(a.contactId)) {
      tally.missing.add(a.contactId);
      tally.problem(`acknowledged task ${a.contactId} (${token}) is not in the store`);
    }
}

/** The last tasks acknowledged before the kill (the ones a lost commit would hit) answer DescribeContact. */
export async function describeRecent(
  connect: ConnectClient,
  tally: Tally,
  acks: Acknowledged[],
): Promise<void> {
  await pool(acks, 8, async (a) => {
    try {
      const out = await connect.send(
        new DescribeContactCommand({ InstanceId: a.request.InstanceId, ContactId: a.contactId }),
      );
      if (out.Contact?.Id !== a.contactId) throw new Error(`answered ${out.Contact?.Id}`);
    } catch (e) {
      tally.missing.add(a.contactId);
      tally.problem(`DescribeContact ${a.contactId}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}

/**
 * The requests the kill left without an answer, sent again with the same token and body. One that committed
 * before the kill (its task, named after its token, is in the store) must answer that task; one that did not
 * makes it now (or is refused: a ScheduledTime that has passed meanwhile). Either way at most one contact.
 */
export async function retryLost(
  connect: ConnectClient,
  tally: Tally,
  lost: TaskRequest[],
  before: StoreSnapshot,
): Promise<void> {
  tally.lost += lost.length;
  await pool(lost, 16, async (r) => {
    const stored = before.byName.get(r.Name) ?? [];
    if (stored.length > 0) tally.lostCommitted++;
    try {
      const contactId = await sendTask(connect, r);
      tally.acknowledged.set(r.token, { request: r, contactId, at: Date.now() });
      if (stored.length > 0 && !stored.includes(contactId)) {
        tally.duplicates.add(r.token);
        tally.problem(`lost ${r.token} committed as ${stored.join(',')}, its retry answered ${contactId}`);
      }
    } catch (e) {
      if (!answered(e)) throw e;
      tally.lostRetryRefused++;
      if (stored.length > 0) {
        tally.duplicates.add(r.token);
        tally.problem(
          `lost ${r.token} committed as ${stored.join(',')}, its retry was refused: ${String(e)}`,
        );
      }
    }
  });
}

/** Every acknowledged request, sent again with its token and body, answers the same ContactId. */
export async function retryAcknowledged(
  connect: ConnectClient,
  tally: Tally,
  acks: Acknowledged[],
  concurrency: number,
): Promise<void> {
  await pool(acks, concurrency, async (a) => {
    let contactId: string;
    try {
      contactId = await sendTask(connect, a.request);
    } catch (e) {
      if (!answered(e)) throw e;
      contactId = `refused: ${e instanceof Error ? e.name : String(e)}`;
    }
    if (contactId !== a.contactId) {
      tally.duplicates.add(a.request.token);
      tally.problem(`retry of ${a.request.token} answered ${contactId}, first ${a.contactId}`);
    }
  });
}

/** No token made two contacts (B8 names each task after its token: a name held by two contacts is a duplicate). */
export function checkDuplicates(tally: Tally, snap: StoreSnapshot): void {
  for (const [name, ids] of snap.byName)
    if (name.startsWith('b8-') && ids.length > 1 && !tally.duplicates.has(name)) {
      tally.duplicates.add(name);
      tally.problem(`token ${name} made ${ids.length} contacts: ${ids.join(', ')}`);
    }
}

/**
 * No contact is OFFERED by an offer made before the kill (recovery puts those back in their queue), and every
 * agent can be offered again: after reconnecting, each is offered something within `waitMs` whenever tasks wait
 * in the queue, and none is left Missed (not routable) by the restart.
 */
export async function checkAgents(
  round: number,
  agents: CrashAgent[],
  readSnapshot: () => StoreSnapshot,
  restartAt: number,
  tally: Tally,
  waitMs = 10_000,
): Promise<void> {
  const first = readSnapshot();
  const deadBy = new Map<string, string>();
  for (const c of first.contacts.values())
    if (c.state === 'OFFERED' && c.offeredTs !== null && c.offeredTs < restartAt) {
      tally.deadOffers.add(c.id);
      deadBy.set(c.agentId ?? '', c.id);
      tally.problem(`round ${round}: ${c.id} still OFFERED by an offer made before the kill`);
    }
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline && agents.some((a) => a.offersSinceConnect === 0))
    await new Promise((r) => setTimeout(r, 50));
  const snap = readSnapshot();
  const waiting = [...snap.contacts.values()].filter((c) => c.state === 'QUEUED').length;
  for (const agent of agents) {
    const state = await agent.state();
    const row = snap.agents.find((a) => a.username === agent.username);
    const why = [
      ...(state.missed || row?.missed ? ['left Missed'] : []),
      ...(!state.routable ? [`not routable (${state.statusName ?? 'no status'})`] : []),
      ...(agent.offersSinceConnect === 0 && waiting > 0
        ? [`no offer in ${waitMs / 1000} s while ${waiting} tasks wait`]
        : []),
      ...(deadBy.has(state.userId) ? [`holds ${deadBy.get(state.userId)}, offered before the kill`] : []),
    ];
    if (why.length > 0) {
      tally.stuck.push(`round ${round}: ${agent.username}: ${why.join('; ')}`);
      tally.problem(`round ${round}: ${agent.username} stuck: ${why.join('; ')}`);
    }
  }
}

export interface Deliveries {
  scheduled: number;
  once: number;
  twice: number;
  never: number;
  early: number;
  /** Tasks (scheduled or not) whose own flow started other than once (a delivery counted by its flow). */
  flowNotOnce: number;
  /** How late each scheduled task's delivery was written (ms after its ScheduledTimestamp; a kill makes it late). */
  lags: number[];
}

/**
 * Deliveries, counted on the contacts' timelines in the store (they survive every restart): a scheduled task's
 * delivery is its `DELIVERED` entry (written in the transaction that moves it SCHEDULED → IN_FLOW and starts
 * its flow). Counted for every scheduled task acknowledged, once all are due and drained; early means its first
 * delivery was written before its ScheduledTimestamp. Every task's `FLOW_STARTED` (slot main) entries count too.
 */
export function deliveries(tally: Tally, snap: StoreSnapshot): Deliveries {
  const d: Deliveries = { scheduled: 0, once: 0, twice: 0, never: 0, early: 0, flowNotOnce: 0, lags: [] };
  const seen = new Set<string>();
  for (const a of tally.acknowledged.values()) {
    const id = a.contactId;
    if (seen.has(id)) continue;
    seen.add(id);
    const t = snap.timelines.get(id);
    const c = snap.contacts.get(id);
    if ((t?.flowStarts ?? 0) !== 1) {
      d.flowNotOnce++;
      tally.problem(`task ${id}: its flow started ${t?.flowStarts ?? 0} times`);
    }
    if (!a.request.ScheduledTime) continue;
    d.scheduled++;
    const n = t?.delivered ?? 0;
    if (n === 0) d.never++;
    else if (n === 1) d.once++;
    else d.twice++;
    if (n !== 1) tally.problem(`scheduled task ${id} delivered ${n} times (state ${c?.state ?? 'missing'})`);
    if (t?.firstDeliveredTs != null && c?.scheduledTs != null)
      d.lags.push(t.firstDeliveredTs - c.scheduledTs);
    if (t?.firstDeliveredTs != null && c?.scheduledTs != null && t.firstDeliveredTs < c.scheduledTs) {
      d.early++;
      tally.problem(`scheduled task ${id} delivered at ${t.firstDeliveredTs}, due ${c.scheduledTs}`);
    }
  }
  return d;
}
