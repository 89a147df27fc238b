/**
 * The routing decision (docs/ENGINE.md "Routing", rules S1–S3), as pure functions: no I/O, no clock — the time is
 * passed in as `now` (epoch ms). `RoutingIndex` (routing-index.ts) makes the same decisions incrementally and fast;
 * `routeAll` here is their plain statement, which the tests hold the index to.
 */
import type { CrossChannelBehaviorType, RoutingChannel } from '../store/ports/routing-profiles.js';

export type { RoutingChannel };

export const ROUTING_CHANNELS: readonly RoutingChannel[] = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];

/** A contact's routing priority when none is set (lower is served first). */
export const DEFAULT_CONTACT_PRIORITY = 5;

/** A contact waiting in a queue. */
export interface WaitingContact {
  id: string;
  channel: RoutingChannel;
  queueId: string;
  /** When it entered the queue (epoch ms); a rejected offer puts it back with the same value. */
  enqueuedAt: number;
  /** Connect's QueueTimeAdjustmentSeconds: positive treats the contact as older, negative as younger. */
  queueTimeAdjustmentSeconds?: number;
  /** The contact's routing priority, lower first (default 5). */
  priority?: number;
}

/** One channel of the agent's routing profile (`MediaConcurrencies`). */
export interface ChannelConcurrency {
  max: number;
  /** What may be offered while the agent is busy on this channel (rule S2). */
  crossChannel: CrossChannelBehaviorType;
}

/** One (queue, channel) pair of the agent's routing profile (rule S3). */
export interface AgentQueueConfig {
  queueId: string;
  channel: RoutingChannel;
  /** 1..99, 1 served first. */
  priority: number;
  /** A contact of this queue is considered only once it has waited this long. */
  delaySeconds: number;
}

/** What routing needs of an agent. */
export interface AgentView {
  userId: string;
  /** The status is Available (routable) and the agent is not in Missed. */
  routable: boolean;
  /** Since when (epoch ms) the agent has had no contact; the smallest is the longest idle. */
  idleSince: number;
  /** The channels of the routing profile; a channel not listed is disabled. */
  concurrency: Partial<Record<RoutingChannel, ChannelConcurrency>>;
  /** The profile's queue configs; should a (queue, channel) pair be listed twice, the first one counts. */
  queues: AgentQueueConfig[];
  /** Per channel, the contacts the agent holds: offered, connected or in after-contact work. */
  busy: Partial<Record<RoutingChannel, number>>;
}

export interface Offer {
  contactId: string;
  userId: string;
  channel: RoutingChannel;
}

/** The enqueue time the ordering and the Delay use: earlier by the QueueTimeAdjustment. */
export function effectiveEnqueue(c: WaitingContact): number {
  return c.enqueuedAt - (c.queueTimeAdjustmentSeconds ?? 0) * 1000;
}

export function contactPriority(c: WaitingContact): number {
  return c.priority ?? DEFAULT_CONTACT_PRIORITY;
}

/**
 * Whether the agent may be offered a contact of `channel` now (rules S1, S2): routable; the channel is in the
 * profile with a free slot; and for every channel D it is busy on, D allows any channel or D is this channel.
 * A busy channel the profile no longer lists allows nothing else.
 */
export function canTake(agent: AgentView, channel: RoutingChannel): boolean {
  if (!agent.routable) return false;
  const slot = agent.concurrency[channel];
  if (!slot || (agent.busy[channel] ?? 0) >= slot.max) return false;
  for (const d of ROUTING_CHANNELS) {
    if (d === channel || (agent.busy[d] ?? 0) <= 0) continue;
    if (agent.concurrency[d]?.crossChannel !== 'ROUTE_ANY_CHANNEL') return false;
  }
  return true;
}

/** The agent's config for the contact's (queue, channel), if its profile serves that pair (rule S3). */
export function queueConfigFor(agent: AgentView, c: WaitingContact): AgentQueueConfig | undefined {
  return agent.queues.find((q) => q.queueId === c.queueId && q.channel === c.channel);
}

/** Whether a contact that entered at `effective` has waited at least the config's Delay at `now`. */
export function delayElapsed(effective: number, delaySeconds: number, now: number): boolean {
  return now - effective >= delaySeconds * 1000;
}

/** The config through which the contact may be offered to the agent now, or undefined if it may not. */
export function eligibleConfig(
  agent: AgentView,
  c: WaitingContact,
  now: number,
): AgentQueueConfig | undefined {
  if (!canTake(agent, c.channel)) return undefined;
  const config = queueConfigFor(agent, c);
  return config && delayElapsed(effectiveEnqueue(c), config.delaySeconds, now) ? config : undefined;
}

export function isEligible(agent: AgentView, c: WaitingContact, now: number): boolean {
  return eligibleConfig(agent, c, now) !== undefined;
}

/** The order of contacts for one agent: queue config priority, contact priority, effective enqueue, id. */
export interface ContactRank {
  configPriority: number;
  contactPriority: number;
  effective: number;
  id: string;
}

export function rankOf(config: AgentQueueConfig, c: WaitingContact): ContactRank {
  return {
    configPriority: config.priority,
    contactPriority: contactPriority(c),
    effective: effectiveEnqueue(c),
    id: c.id,
  };
}

export function compareRanks(a: ContactRank, b: ContactRank): number {
  return (
    a.configPriority - b.configPriority ||
    a.contactPriority - b.contactPriority ||
    a.effective - b.effective ||
    compareIds(a.id, b.id)
  );
}

/** The order of agents for a contact: longest idle (smallest idleSince) first, then user id. */
export function compareIdle(a: AgentView, b: AgentView): number {
  return a.idleSince - b.idleSince || compareIds(a.userId, b.userId);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The contact the agent is offered next: the first eligible one in the agent's order. */
export function pickContactForAgent(
  agent: AgentView,
  contacts: Iterable<WaitingContact>,
  now: number,
): WaitingContact | undefined {
  let best: { contact: WaitingContact; rank: ContactRank } | undefined;
  for (const c of contacts) {
    const config = eligibleConfig(agent, c, now);
    if (!config) continue;
    const rank = rankOf(config, c);
    if (!best || compareRanks(rank, best.rank) < 0) best = { contact: c, rank };
  }
  return best?.contact;
}

/** The agent a newly queued contact is offered to: the eligible agent idle longest. */
export function pickAgentForContact(
  c: WaitingContact,
  agents: Iterable<AgentView>,
  now: number,
): AgentView | undefined {
  let best: AgentView | undefined;
  for (const a of agents) {
    if (isEligible(a, c, now) && (!best || compareIdle(a, best) < 0)) best = a;
  }
  return best;
}

/** A copy of the agent that routing may change (its busy counts) without touching the caller's. */
export function copyAgent(agent: AgentView): AgentView {
  return {
    ...agent,
    concurrency: { ...agent.concurrency },
    queues: agent.queues.map((q) => ({ ...q })),
    busy: { ...agent.busy },
  };
}

/**
 * Every offer that can be made now, stated plainly: agents in idle order (longest first), each offered its best
 * eligible contact again and again until it can take no more or nothing is eligible. Offers only fill slots and
 * take contacts away, so an agent passed over never becomes eligible again later in the pass: no eligible pair is
 * left. Starting from a state with no eligible pair, this is exactly "a queued contact goes to the longest-idle
 * eligible agent" and "an agent that frees up gets its best eligible contact". Quadratic: for tests and small
 * sets; the engine uses RoutingIndex.
 */
export function routeAll(
  agents: Iterable<AgentView>,
  contacts: Iterable<WaitingContact>,
  now: number,
): Offer[] {
  const waiting = new Map<string, WaitingContact>();
  for (const c of contacts) waiting.set(c.id, c);
  const ordered = Array.from(agents, copyAgent).sort(compareIdle);
  const offers: Offer[] = [];
  for (const agent of ordered) {
    for (;;) {
      const c = pickContactForAgent(agent, waiting.values(), now);
      if (!c) break;
      waiting.delete(c.id);
      agent.busy[c.channel] = (agent.busy[c.channel] ?? 0) + 1;
      offers.push({ contactId: c.id, userId: agent.userId, channel: c.channel });
    }
  }
  return offers;
}

/** Index of the first element of the sorted `list` that is not before `probe` (binary search). */
export function lowerBound<T, P>(
  list: readonly T[],
  probe: P,
  compare: (item: T, probe: P) => number,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid] as T, probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts into a list kept sorted by `compare` (after equal items). */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  list.splice(
    lowerBound(list, item, (x, p) => (compare(x, p) <= 0 ? -1 : 1)),
    0,
    item,
  );
}

/** Removes `item` (by identity) from a list kept sorted by `compare`; false if it is not there. */
export function removeSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): boolean {
  for (let i = lowerBound(list, item, compare); i < list.length && compare(list[i] as T, item) === 0; i++) {
    if (list[i] === item) {
      list.splice(i, 1);
      return true;
    }
  }
  return false;
}
