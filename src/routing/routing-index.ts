/**
 * The routing decision of decide.ts, kept incrementally (docs/ENGINE.md "Routing", DESIGN.md target B3).
 *
 * Waiting contacts live in buckets, one per (queue, channel), split by contact priority, each part ordered by
 * (effective enqueue, id): the head of a part is its oldest, so an agent's best eligible contact is found by
 * looking at the heads of the buckets its profile serves. Each bucket also lists the agents serving it, ordered
 * longest idle first, so a newly queued contact goes to the first eligible one.
 *
 * `route(now)` looks only at what changed since the previous call: agents upserted (they may have freed a slot or
 * become routable), contacts added, and contacts whose Delay has run out for some agent since then (a heap of
 * (bucket, delay) → next time a contact of the bucket passes that delay). After each `route`, no routable agent
 * with a free slot has an eligible waiting contact, so the agents touched by the changes, taken longest idle first,
 * are the only ones that can be offered anything: the result is exactly `routeAll` of decide.ts over everything.
 */
import {
  canTake,
  compareIds,
  compareIdle,
  contactPriority,
  copyAgent,
  effectiveEnqueue,
  insertSorted,
  lowerBound,
  removeSorted,
} from './decide.js';
import { MinHeap } from '../core/index.js';
import type { AgentView, Offer, RoutingChannel, WaitingContact } from './decide.js';

interface ContactEntry {
  readonly contact: WaitingContact;
  readonly effective: number;
  readonly priority: number;
  readonly bucket: Bucket;
}

/** The waiting contacts of a bucket with one contact priority, ordered by (effective enqueue, id). */
interface PriorityPart {
  readonly priority: number;
  readonly entries: ContactEntry[];
}

/** An agent serving a bucket through one queue config. */
interface Member {
  readonly agent: AgentEntry;
  readonly bucket: Bucket;
  readonly priority: number;
  readonly delayMs: number;
}

/** The members of a bucket sharing one Delay, and the next time a contact of the bucket passes that Delay. */
interface DelayTrack {
  members: number;
  scheduled: number;
}

interface Bucket {
  readonly channel: RoutingChannel;
  /** Ordered by contact priority; empty parts are dropped. */
  readonly parts: PriorityPart[];
  /** Ordered by the agent's (idleSince, userId). */
  readonly members: Member[];
  readonly delays: Map<number, DelayTrack>;
}

interface AgentEntry {
  view: AgentView;
  members: Member[];
}

interface Maturity {
  readonly at: number;
  readonly bucket: Bucket;
  readonly delayMs: number;
}

const byEnqueue = (a: ContactEntry, b: ContactEntry) =>
  a.effective - b.effective || compareIds(a.contact.id, b.contact.id);
const byIdle = (a: Member, b: Member) => compareIdle(a.agent.view, b.agent.view);
const bucketKey = (queueId: string, channel: RoutingChannel) => `${channel}:${queueId}`;

export class RoutingIndex {
  private readonly buckets = new Map<string, Bucket>();
  private readonly contacts = new Map<string, ContactEntry>();
  private readonly agents = new Map<string, AgentEntry>();
  /** Agents changed since the last route. */
  private readonly dirty = new Set<AgentEntry>();
  /** Contacts added since the last route. */
  private readonly added = new Map<string, ContactEntry>();
  private readonly maturities = new MinHeap<Maturity>((a, b) => a.at - b.at);
  private lastRouteAt = -Infinity;

  get waitingCount(): number {
    return this.contacts.size;
  }

  get agentCount(): number {
    return this.agents.size;
  }

  isWaiting(contactId: string): boolean {
    return this.contacts.has(contactId);
  }

  /** The index's view of the agent (its busy counts include the offers it decided). */
  agent(userId: string): Readonly<AgentView> | undefined {
    return this.agents.get(userId)?.view;
  }

  /** The contacts waiting in a queue on a channel, in the order routing serves them. */
  waiting(queueId: string, channel: RoutingChannel): WaitingContact[] {
    const parts = this.buckets.get(bucketKey(queueId, channel))?.parts ?? [];
    return parts.flatMap((p) => p.entries.map((e) => e.contact));
  }

  /** Queues a contact (or re-queues it, e.g. after a rejected offer, with its original enqueuedAt). */
  addContact(contact: WaitingContact): void {
    this.removeContact(contact.id);
    const bucket = this.bucket(contact.queueId, contact.channel);
    const entry: ContactEntry = {
      contact: { ...contact },
      effective: effectiveEnqueue(contact),
      priority: contactPriority(contact),
      bucket,
    };
    const i = lowerBound(bucket.parts, entry.priority, (p, priority) => p.priority - priority);
    let part = bucket.parts[i];
    if (part?.priority !== entry.priority)
      bucket.parts.splice(i, 0, (part = { priority: entry.priority, entries: [] }));
    insertSorted(part.entries, entry, byEnqueue);
    this.contacts.set(contact.id, entry);
    this.added.set(contact.id, entry);
  }

  /** Takes a contact out of its queue (offered elsewhere, abandoned, transferred); false if it was not waiting. */
  removeContact(contactId: string): boolean {
    const entry = this.contacts.get(contactId);
    if (!entry) return false;
    const parts = entry.bucket.parts;
    const i = lowerBound(parts, entry.priority, (p, priority) => p.priority - priority);
    const part = parts[i];
    if (part) {
      removeSorted(part.entries, entry, byEnqueue);
      if (part.entries.length === 0) parts.splice(i, 1);
    }
    this.contacts.delete(contactId);
    this.added.delete(contactId);
    return true;
  }

  /** Adds or replaces an agent (status, busy counts, idle time or routing profile changed). */
  upsertAgent(agent: AgentView): void {
    const view = copyAgent(agent);
    let entry = this.agents.get(view.userId);
    if (!entry) {
      entry = { view, members: [] };
      this.agents.set(view.userId, entry);
      this.index(entry);
    } else if (entry.view.idleSince === view.idleSince && sameQueues(entry.view, view)) {
      entry.view = view;
    } else {
      this.unindex(entry); // by the old view: the members are ordered by it
      entry.view = view;
      this.index(entry);
    }
    this.dirty.add(entry);
  }

  removeAgent(userId: string): boolean {
    const entry = this.agents.get(userId);
    if (!entry) return false;
    this.unindex(entry);
    this.agents.delete(userId);
    this.dirty.delete(entry);
    return true;
  }

  /**
   * Every offer that can be made at `now`, given the changes since the previous call. Offered contacts leave
   * their queue; the agent's busy count for the channel goes up (its idleSince does not change).
   */
  route(now: number): Offer[] {
    this.sweepMaturities(now);
    const offers: Offer[] = [];
    const added = [...this.added.values()];
    this.added.clear();
    // Agents are taken longest idle first, each once: those changed, those a Delay ran out for, and for each added
    // contact the first agent that may take it (the next one if that agent fills up with other contacts). With
    // more added contacts than agents (a restart, a burst), every agent is taken: that is routeAll itself.
    const bulk = added.length > this.agents.size;
    const queue = new MinHeap<AgentEntry>((a, b) => compareIdle(a.view, b.view));
    const queued = new Set<AgentEntry>();
    const enqueue = (agent: AgentEntry) => {
      if (queued.has(agent)) return;
      queued.add(agent);
      queue.push(agent);
    };
    for (const agent of bulk ? this.agents.values() : this.dirty) enqueue(agent);
    this.dirty.clear();
    /** For each added contact, the position in its bucket of the first agent that may take it. */
    const cursor = new Map<ContactEntry, number>();
    const waitingOn = new Map<AgentEntry, ContactEntry[]>();
    const seekAgent = (entry: ContactEntry, from: number) => {
      const members = entry.bucket.members;
      for (let i = from; i < members.length; i++) {
        const m = members[i] as Member;
        if (entry.effective > now - m.delayMs || !canTake(m.agent.view, entry.bucket.channel)) continue;
        cursor.set(entry, i);
        const list = waitingOn.get(m.agent);
        if (list) list.push(entry);
        else waitingOn.set(m.agent, [entry]);
        enqueue(m.agent);
        return;
      }
    };
    if (!bulk) for (const entry of added) seekAgent(entry, 0);
    for (let agent = queue.pop(); agent; agent = queue.pop()) {
      this.fill(agent, now, offers);
      for (const entry of waitingOn.get(agent) ?? []) {
        if (this.contacts.get(entry.contact.id) === entry) seekAgent(entry, (cursor.get(entry) ?? 0) + 1);
      }
    }
    for (const entry of added) {
      if (this.contacts.get(entry.contact.id) === entry) this.scheduleMaturities(entry, now);
    }
    this.lastRouteAt = Math.max(this.lastRouteAt, now);
    return offers;
  }

  /**
   * The earliest time a Delay makes a waiting contact eligible for some agent config, so the engine can call
   * `route` then; undefined if none. `now` when changes wait for a `route`. A timer may find nothing to offer (the
   * agents serving the queue being busy by then).
   */
  nextEligibleAt(now: number): number | undefined {
    if (this.dirty.size > 0 || this.added.size > 0) return now;
    for (let top = this.maturities.peek(); top; top = this.maturities.peek()) {
      if (this.isCurrent(top)) return top.at;
      this.maturities.pop();
    }
    return undefined;
  }

  /** Offers the agent its best eligible contact until it can take no more or nothing is eligible. */
  private fill(agent: AgentEntry, now: number, offers: Offer[]): void {
    for (let best = this.best(agent, now); best; best = this.best(agent, now)) {
      const { id, channel } = best.contact;
      this.removeContact(id);
      agent.view.busy[channel] = (agent.view.busy[channel] ?? 0) + 1;
      offers.push({ contactId: id, userId: agent.view.userId, channel });
    }
  }

  /** The agent's best eligible contact: (config priority, contact priority, effective enqueue, id). */
  private best(agent: AgentEntry, now: number): ContactEntry | undefined {
    let best: ContactEntry | undefined;
    let bestConfig = Infinity;
    const allowed = new Map<RoutingChannel, boolean>();
    for (const m of agent.members) {
      if (m.priority > bestConfig) continue;
      const channel = m.bucket.channel;
      let can = allowed.get(channel);
      if (can === undefined) allowed.set(channel, (can = canTake(agent.view, channel)));
      if (!can) continue;
      const head = firstEligible(m.bucket, now - m.delayMs);
      if (!head) continue;
      if (!best || before(m.priority, head, bestConfig, best)) {
        best = head;
        bestConfig = m.priority;
      }
    }
    return best;
  }

  /** Marks the agents for whom a Delay ran out since the last route (those that can take the channel). */
  private sweepMaturities(now: number): void {
    for (let top = this.maturities.peek(); top && top.at <= now; top = this.maturities.peek()) {
      this.maturities.pop();
      if (!this.isCurrent(top)) continue;
      const { bucket, delayMs } = top;
      for (const m of bucket.members) {
        if (m.delayMs === delayMs && canTake(m.agent.view, bucket.channel)) this.dirty.add(m.agent);
      }
      this.schedule(bucket, delayMs, now);
    }
  }

  /** After a route, the times the contact will pass each Delay of its bucket's members. */
  private scheduleMaturities(entry: ContactEntry, now: number): void {
    for (const [delayMs, track] of entry.bucket.delays) {
      const at = entry.effective + delayMs;
      if (at > now && at < track.scheduled) {
        track.scheduled = at;
        this.maturities.push({ at, bucket: entry.bucket, delayMs });
      }
    }
  }

  /** Sets the track's next maturity: the first time after `after` a contact of the bucket passes the Delay. */
  private schedule(bucket: Bucket, delayMs: number, after: number): void {
    const track = bucket.delays.get(delayMs);
    if (!track) return;
    track.scheduled = Infinity;
    for (const part of bucket.parts) {
      const next =
        part.entries[lowerBound(part.entries, after - delayMs, (e, t) => (e.effective <= t ? -1 : 1))];
      if (next) track.scheduled = Math.min(track.scheduled, next.effective + delayMs);
    }
    if (track.scheduled < Infinity) this.maturities.push({ at: track.scheduled, bucket, delayMs });
  }

  private isCurrent(m: Maturity): boolean {
    return m.bucket.delays.get(m.delayMs)?.scheduled === m.at;
  }

  private bucket(queueId: string, channel: RoutingChannel): Bucket {
    const key = bucketKey(queueId, channel);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { channel, parts: [], members: [], delays: new Map() }));
    return bucket;
  }

  private index(agent: AgentEntry): void {
    const seen = new Set<string>();
    for (const q of agent.view.queues) {
      const key = bucketKey(q.queueId, q.channel);
      if (seen.has(key)) continue; // the first config of a (queue, channel) pair counts
      seen.add(key);
      const m: Member = {
        agent,
        bucket: this.bucket(q.queueId, q.channel),
        priority: q.priority,
        delayMs: q.delaySeconds * 1000,
      };
      agent.members.push(m);
      insertSorted(m.bucket.members, m, byIdle);
      const track = m.bucket.delays.get(m.delayMs);
      if (track) track.members++;
      else {
        m.bucket.delays.set(m.delayMs, { members: 1, scheduled: Infinity });
        this.schedule(m.bucket, m.delayMs, this.lastRouteAt);
      }
    }
  }

  private unindex(agent: AgentEntry): void {
    for (const m of agent.members) {
      removeSorted(m.bucket.members, m, byIdle);
      const track = m.bucket.delays.get(m.delayMs);
      if (track && --track.members === 0) m.bucket.delays.delete(m.delayMs);
    }
    agent.members = [];
  }
}

/** Whether contact `a` through a config of priority `configA` comes before `b` through `configB`. */
function before(configA: number, a: ContactEntry, configB: number, b: ContactEntry): boolean {
  return (configA - configB || a.priority - b.priority || byEnqueue(a, b)) < 0;
}

/** The first waiting contact of the bucket (in serving order) that entered at or before `threshold`. */
function firstEligible(bucket: Bucket, threshold: number): ContactEntry | undefined {
  for (const part of bucket.parts) {
    const head = part.entries[0];
    if (head && head.effective <= threshold) return head;
  }
  return undefined;
}

function sameQueues(a: AgentView, b: AgentView): boolean {
  return (
    a.queues.length === b.queues.length &&
    a.queues.every((q, i) => {
      const r = b.queues[i];
      return (
        r !== undefined &&
        q.queueId === r.queueId &&
        q.channel === r.channel &&
        q.priority === r.priority &&
        q.delaySeconds === r.delaySeconds
      );
    })
  );
}
