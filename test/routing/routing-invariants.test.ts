/**
 * Randomized routing (docs/ENGINE.md "Routing"): seeded runs of thousands of operations — contacts queued and
 * abandoned, agents becoming available / unavailable / logging in and out / changing profile, offers accepted,
 * finished, rejected or missed (back to the queue with the same enqueue time), time passing (sometimes straight to
 * the next Delay), restarts — with the routing invariants asserted after every step.
 */
import { describe, expect, it } from 'vitest';
import {
  ROUTING_CHANNELS,
  copyAgent,
  effectiveEnqueue,
  isEligible,
  pickContactForAgent,
  routeAll,
} from '../../src/routing/decide.js';
import type { AgentView, ChannelConcurrency, WaitingContact } from '../../src/routing/decide.js';
import { RoutingIndex } from '../../src/routing/routing-index.js';

const QUEUES = ['q1', 'q2', 'q3', 'q4'];
const DELAYS = [0, 0, 0, 5, 20];

/** mulberry32: the same seed gives the same run. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T | undefined => items[int(items.length)] };
}
type Random = ReturnType<typeof random>;

function randomProfile(r: Random, busy: AgentView['busy']): Pick<AgentView, 'concurrency' | 'queues'> {
  const concurrency: AgentView['concurrency'] = {};
  for (const ch of ROUTING_CHANNELS) {
    if (r.next() < 0.35) continue;
    const crossChannel: ChannelConcurrency['crossChannel'] =
      r.next() < 0.6 ? 'ROUTE_ANY_CHANNEL' : 'ROUTE_CURRENT_CHANNEL_ONLY';
    concurrency[ch] = { max: ch === 'VOICE' ? 1 : 1 + r.int(ch === 'TASK' ? 10 : 3), crossChannel };
  }
  if (Object.keys(concurrency).length === 0) concurrency.TASK = { max: 2, crossChannel: 'ROUTE_ANY_CHANNEL' };
  for (const ch of ROUTING_CHANNELS) {
    const held = busy[ch] ?? 0;
    if (held > 0 && (concurrency[ch]?.max ?? 0) < held)
      throw new Error('a profile changes only for idle agents');
  }
  const queues = QUEUES.flatMap((queueId) =>
    ROUTING_CHANNELS.filter((ch) => concurrency[ch] && r.next() < 0.6).map((channel) => ({
      queueId,
      channel,
      priority: 1 + r.int(3),
      delaySeconds: r.pick(DELAYS) ?? 0,
    })),
  );
  return { concurrency, queues };
}

interface Held {
  contact: WaitingContact;
  userId: string;
  state: 'offered' | 'connected';
}

class World {
  index = new RoutingIndex();
  readonly agents = new Map<string, AgentView>();
  readonly loggedOut = new Map<string, AgentView>();
  readonly waiting = new Map<string, WaitingContact>();
  readonly held = new Map<string, Held>();
  now = 1_700_000_000_000;
  private contactCount = 0;

  constructor(private readonly r: Random) {
    for (let i = 0; i < 14; i++) {
      const a: AgentView = {
        userId: `agent-${String(i).padStart(2, '0')}`,
        routable: r.next() < 0.7,
        idleSince: this.now - r.int(100_000),
        busy: {},
        ...randomProfile(r, {}),
      };
      if (i < 12) this.login(a);
      else this.loggedOut.set(a.userId, a);
    }
  }

  private login(a: AgentView) {
    this.agents.set(a.userId, a);
    this.index.upsertAgent(a);
  }

  private update(a: AgentView) {
    this.index.upsertAgent(a);
  }

  private heldBy(state: Held['state']) {
    return [...this.held.values()].filter((h) => h.state === state);
  }

  /** The agent gives back a contact it held (finished, rejected or missed). */
  private release(h: Held): AgentView {
    const a = this.agents.get(h.userId)!;
    this.held.delete(h.contact.id);
    a.busy[h.contact.channel] = (a.busy[h.contact.channel] ?? 0) - 1;
    return a;
  }

  /** One random operation, as the engine would report it to the index. */
  operate(): void {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.3) {
      if (this.waiting.size >= 120) return;
      const c: WaitingContact = {
        id: `c${++this.contactCount}`,
        channel: r.pick(ROUTING_CHANNELS)!,
        queueId: r.pick(QUEUES)!,
        enqueuedAt: this.now - r.int(5_000),
      };
      if (r.next() < 0.3) c.priority = 1 + r.int(3);
      if (r.next() < 0.2) c.queueTimeAdjustmentSeconds = r.int(90) - 30;
      this.waiting.set(c.id, c);
      this.index.addContact(c);
    } else if (roll < 0.45) {
      const next = this.index.nextEligibleAt(this.now);
      this.now = next !== undefined && next > this.now && r.next() < 0.5 ? next : this.now + r.int(8_000);
    } else if (roll < 0.55) {
      const h = r.pick(this.heldBy('offered'));
      if (h) h.state = 'connected';
    } else if (roll < 0.63) {
      const h = r.pick(this.heldBy('offered'));
      if (!h) return;
      const a = this.release(h);
      if (r.next() < 0.5) a.routable = false; // no answer before the offer timeout: Missed
      this.update(a);
      this.waiting.set(h.contact.id, h.contact);
      this.index.addContact(h.contact);
    } else if (roll < 0.75) {
      const h = r.pick(this.heldBy('connected'));
      if (!h) return;
      const a = this.release(h);
      if (ROUTING_CHANNELS.every((ch) => (a.busy[ch] ?? 0) === 0)) a.idleSince = this.now;
      this.update(a);
    } else if (roll < 0.86) {
      const a = r.pick([...this.agents.values()]);
      if (!a) return;
      a.routable = !a.routable;
      if (a.routable && ROUTING_CHANNELS.every((ch) => (a.busy[ch] ?? 0) === 0)) a.idleSince = this.now;
      this.update(a);
    } else if (roll < 0.91) {
      const c = r.pick([...this.waiting.values()]);
      if (!c) return;
      this.waiting.delete(c.id);
      expect(this.index.removeContact(c.id)).toBe(true);
    } else if (roll < 0.95) {
      const a = r.pick(this.idleAgents());
      if (!a) return;
      Object.assign(a, randomProfile(r, a.busy));
      this.update(a);
    } else if (roll < 0.97) {
      const a = r.pick(this.idleAgents());
      if (!a) return;
      this.agents.delete(a.userId);
      this.loggedOut.set(a.userId, a);
      expect(this.index.removeAgent(a.userId)).toBe(true);
    } else if (roll < 0.99) {
      const a = r.pick([...this.loggedOut.values()]);
      if (!a) return;
      this.loggedOut.delete(a.userId);
      Object.assign(a, { routable: r.next() < 0.5, idleSince: this.now });
      this.login(a);
    } else {
      // a restart: a new index loaded from the engine's state (more contacts than agents: routed in bulk)
      this.index = new RoutingIndex();
      for (const a of this.agents.values()) this.index.upsertAgent(a);
      for (const c of this.waiting.values()) this.index.addContact(c);
    }
  }

  private idleAgents(): AgentView[] {
    return [...this.agents.values()].filter(
      (a) => ![...this.held.values()].some((h) => h.userId === a.userId),
    );
  }

  /** Routes, checks every offer as it is made, applies the offers to the model, and checks the state after. */
  routeAndCheck(where: string): number {
    const now = this.now;
    const agentsBefore = [...this.agents.values()].map(copyAgent);
    const waitingBefore = [...this.waiting.values()];
    const offers = this.index.route(now);
    // the index decides exactly what the plain statement of the rules decides over everything
    expect(offers, where).toEqual(routeAll(agentsBefore, waitingBefore, now));

    const problems: string[] = [];
    const check = (ok: boolean, problem: string) => void (ok || problems.push(problem));
    const sim = new Map(agentsBefore.map((a) => [a.userId, a]));
    const pool = new Map(this.waiting);
    for (const o of offers) {
      const c = pool.get(o.contactId);
      // waiting until now: never offered twice, never both offered and waiting
      if (!c || this.held.has(o.contactId)) {
        problems.push(`${o.contactId} offered but not waiting`);
        continue;
      }
      const a = sim.get(o.userId)!;
      check(isEligible(a, c, now), `${o.contactId} -> ${o.userId} not eligible`);
      // the agent's best: queue priority, then contact priority, then oldest (effective enqueue) first
      check(pickContactForAgent(a, pool.values(), now) === c, `${o.contactId} not the best for ${o.userId}`);
      for (const other of pool.values()) {
        if (other.queueId !== c.queueId || other.channel !== c.channel || other === c) continue;
        if ((other.priority ?? 5) !== (c.priority ?? 5) || !isEligible(a, other, now)) continue;
        check(effectiveEnqueue(other) >= effectiveEnqueue(c), `${other.id}, older, passed over for ${c.id}`);
      }
      pool.delete(o.contactId);
      a.busy[o.channel] = (a.busy[o.channel] ?? 0) + 1;
      this.waiting.delete(o.contactId);
      this.held.set(o.contactId, { contact: c, userId: o.userId, state: 'offered' });
      const model = this.agents.get(o.userId)!;
      model.busy[o.channel] = (model.busy[o.channel] ?? 0) + 1;
    }
    this.checkState(check);
    expect(problems, where).toEqual([]);
    return offers.length;
  }

  private checkState(check: (ok: boolean, problem: string) => void): void {
    const now = this.now;
    check(this.index.waitingCount === this.waiting.size, 'waiting counts differ');
    for (const id of this.waiting.keys()) check(this.index.isWaiting(id), `${id} not waiting in the index`);
    for (const id of this.held.keys()) check(!this.index.isWaiting(id), `${id} held and waiting`);
    check(this.index.agentCount === this.agents.size, 'agent counts differ');
    const holding = new Map<string, number>();
    for (const h of this.held.values()) {
      const key = `${h.userId}/${h.contact.channel}`;
      holding.set(key, (holding.get(key) ?? 0) + 1);
    }
    for (const a of this.agents.values()) {
      for (const ch of ROUTING_CHANNELS) {
        const held = holding.get(`${a.userId}/${ch}`) ?? 0;
        check((a.busy[ch] ?? 0) === held, `${a.userId} model busy ${ch} wrong`);
        check((this.index.agent(a.userId)?.busy[ch] ?? 0) === held, `${a.userId} index busy ${ch} wrong`);
        // never above concurrency on any channel
        check(held === 0 || held <= (a.concurrency[ch]?.max ?? 0), `${a.userId} above its ${ch} concurrency`);
      }
      // cross-channel (S2): holding several channels, all but at most one of them allow other channels
      const busyChannels = ROUTING_CHANNELS.filter((ch) => (a.busy[ch] ?? 0) > 0);
      const exclusive = busyChannels.filter((ch) => a.concurrency[ch]?.crossChannel !== 'ROUTE_ANY_CHANNEL');
      check(busyChannels.length < 2 || exclusive.length <= 1, `${a.userId} holds ${busyChannels.join('+')}`);
      // no eligible pair is left unoffered
      for (const c of this.waiting.values())
        check(!isEligible(a, c, now), `${c.id} left waiting for ${a.userId}`);
    }
    // the next Delay to run out is announced no later than it happens
    const next = this.index.nextEligibleAt(now);
    const truth = nextMaturity([...this.agents.values()], [...this.waiting.values()], now);
    check(
      truth === undefined || (next !== undefined && next <= truth),
      `next eligible ${next} after ${truth}`,
    );
    check(next === undefined || next > now, `next eligible ${next} not after now`);
  }
}

/** The first time after `now` a waiting contact passes the Delay of a config that serves it. */
function nextMaturity(agents: AgentView[], waiting: WaitingContact[], now: number): number | undefined {
  let best: number | undefined;
  for (const a of agents) {
    for (const c of waiting) {
      const q = a.queues.find((x) => x.queueId === c.queueId && x.channel === c.channel);
      const at = q && effectiveEnqueue(c) + q.delaySeconds * 1000;
      if (at !== undefined && at > now && (best === undefined || at < best)) best = at;
    }
  }
  return best;
}

describe('routing invariants under random operations', () => {
  for (const seed of [1, 7, 2024, 65_537]) {
    it(`holds after every step (seed ${seed})`, () => {
      const r = random(seed);
      const world = new World(r);
      let offers = 0;
      for (let step = 0; step < 2_500; step++) {
        const changes = r.next() < 0.8 ? 1 : 2 + r.int(3);
        for (let i = 0; i < changes; i++) world.operate();
        offers += world.routeAndCheck(`seed ${seed} step ${step}`);
      }
      // the run exercised routing for real
      expect(offers).toBeGreaterThan(300);
      expect(world.held.size + world.waiting.size).toBeGreaterThan(0);
    });
  }
});
