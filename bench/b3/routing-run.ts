/** B3's measurement at one size: a routing index with every agent busy and `waiting` contacts, then samples. */
import { ROUTING_CHANNELS } from '../../src/routing/decide.js';
import type { AgentView, Offer, RoutingChannel, WaitingContact } from '../../src/routing/decide.js';
import { RoutingIndex } from '../../src/routing/routing-index.js';

export interface RoutingSize {
  agents: number;
  queues: number;
  waiting: number;
  samples: number;
  seed: number;
}
export interface RoutingSamples {
  waiting: number;
  setupSeconds: number;
  offersPerFreedAgent: number;
  /** ms per decision after an agent frees up, and after a contact is queued. */
  freed: number[];
  queued: number[];
}

const CHANNELS: RoutingChannel[] = ['VOICE', 'CHAT', 'TASK'];
const DELAYS = [0, 0, 0, 10, 30];

export function measureRouting(size: RoutingSize): RoutingSamples {
  let seed = size.seed >>> 0;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(rand() * n);
  const queueId = (i: number) => `queue-${String(i).padStart(3, '0')}`;

  let now = 1_700_000_000_000;
  const index = new RoutingIndex();
  const agents = new Map<string, AgentView>();
  const held = new Map<string, WaitingContact[]>();
  let contacts = 0;
  for (let i = 0; i < size.agents; i++) {
    const served = new Set<number>();
    while (served.size < Math.min(10, size.queues)) served.add(int(size.queues));
    const agent: AgentView = {
      userId: `agent-${String(i).padStart(4, '0')}`,
      routable: true,
      idleSince: now - int(3_600_000),
      concurrency: {
        VOICE: { max: 1, crossChannel: 'ROUTE_ANY_CHANNEL' },
        CHAT: { max: 2, crossChannel: 'ROUTE_ANY_CHANNEL' },
        TASK: { max: 3, crossChannel: rand() < 0.5 ? 'ROUTE_ANY_CHANNEL' : 'ROUTE_CURRENT_CHANNEL_ONLY' },
      },
      queues: [...served].flatMap((q) =>
        CHANNELS.map((channel) => ({
          queueId: queueId(q),
          channel,
          priority: 1 + int(5),
          delaySeconds: DELAYS[int(DELAYS.length)] ?? 0,
        })),
      ),
      busy: {},
    };
    agents.set(agent.userId, agent);
    held.set(agent.userId, []);
    index.upsertAgent(agent);
  }
  const newContact = (enqueuedAt: number): WaitingContact => {
    const c: WaitingContact = {
      id: `contact-${++contacts}`,
      channel: CHANNELS[int(CHANNELS.length)] ?? 'TASK',
      queueId: queueId(int(size.queues)),
      enqueuedAt,
    };
    if (rand() < 0.2) c.priority = 1 + int(9);
    return c;
  };
  const waiting = new Map<string, WaitingContact>();
  const apply = (offers: Offer[]) => {
    for (const o of offers) {
      const c = waiting.get(o.contactId);
      const agent = agents.get(o.userId);
      if (!c || !agent) throw new Error(`offer of an unknown contact or agent: ${JSON.stringify(o)}`);
      waiting.delete(o.contactId);
      held.get(o.userId)?.push(c);
      agent.busy[o.channel] = (agent.busy[o.channel] ?? 0) + 1;
    }
  };
  const setupStart = process.hrtime.bigint();
  while (waiting.size < size.waiting) {
    for (let i = waiting.size; i < size.waiting; i++) {
      const c = newContact(now - int(3_600_000));
      waiting.set(c.id, c);
      index.addContact(c);
    }
    apply(index.route(now));
  }
  const setupSeconds = Number(process.hrtime.bigint() - setupStart) / 1e9;

  const freed: number[] = [];
  const queued: number[] = [];
  const busyAgents = [...agents.values()].filter((a) => (held.get(a.userId)?.length ?? 0) > 0);
  let offersAfterFree = 0;
  const warmup = Math.min(2_000, size.samples);
  for (let turn = 0; turn < size.samples + warmup; turn++) {
    now += 50;
    // an agent frees up: it finishes one of its contacts
    const agent = busyAgents[int(busyAgents.length)];
    const mine = agent && held.get(agent.userId);
    const done = mine?.splice(int(mine.length), 1)[0];
    if (!agent || !done) throw new Error('every agent holds contacts in this benchmark');
    agent.busy[done.channel] = (agent.busy[done.channel] ?? 0) - 1;
    if (ROUTING_CHANNELS.every((ch) => (agent.busy[ch] ?? 0) === 0)) agent.idleSince = now;
    let t = process.hrtime.bigint();
    index.upsertAgent(agent);
    let offers = index.route(now);
    if (turn >= warmup) freed.push(Number(process.hrtime.bigint() - t) / 1e6);
    offersAfterFree += offers.length;
    apply(offers);
    // a contact is queued
    const c = newContact(now);
    t = process.hrtime.bigint();
    waiting.set(c.id, c);
    index.addContact(c);
    offers = index.route(now);
    if (turn >= warmup) queued.push(Number(process.hrtime.bigint() - t) / 1e6);
    apply(offers);
  }
  return {
    waiting: index.waitingCount,
    setupSeconds,
    offersPerFreedAgent: offersAfterFree / (size.samples + warmup),
    freed,
    queued,
  };
}
