/**
 * B3: routing with 2,000 agents, 100 queues, 50,000 waiting contacts (target: offer decided ≤ 2 ms p99 after an
 * agent frees up or a contact is queued, DESIGN.md). Every agent's profile has VOICE 1, CHAT 2 and TASK 3 and serves
 * 10 of the queues on each channel with mixed priorities and Delays; the agents are all busy, as they are when
 * 50,000 contacts wait. Each sample is what the engine does after one change: tell the index (`upsertAgent` /
 * `addContact`) and `route(now)`, the clock moving 50 ms per turn so Delays keep running out along the way.
 *   npx tsx bench/b3-routing.ts [--samples 20000] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { ROUTING_CHANNELS } from '../src/routing/decide.js';
import type { AgentView, Offer, RoutingChannel, WaitingContact } from '../src/routing/decide.js';
import { RoutingIndex } from '../src/routing/routing-index.js';

const { values } = parseArgs({
  options: { samples: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' } },
});
const samples = Number(values.samples);
const AGENTS = 2_000;
const QUEUES = 100;
const WAITING = 50_000;
const CHANNELS: RoutingChannel[] = ['VOICE', 'CHAT', 'TASK'];
const DELAYS = [0, 0, 0, 10, 30];

let seed = Number(values.seed) >>> 0;
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

for (let i = 0; i < AGENTS; i++) {
  const served = new Set<number>();
  while (served.size < 10) served.add(int(QUEUES));
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

function newContact(enqueuedAt: number): WaitingContact {
  const c: WaitingContact = {
    id: `contact-${++contacts}`,
    channel: CHANNELS[int(CHANNELS.length)] ?? 'TASK',
    queueId: queueId(int(QUEUES)),
    enqueuedAt,
  };
  if (rand() < 0.2) c.priority = 1 + int(9);
  return c;
}

const waiting = new Map<string, WaitingContact>();
function apply(offers: Offer[]): void {
  for (const o of offers) {
    const c = waiting.get(o.contactId);
    const agent = agents.get(o.userId);
    if (!c || !agent) throw new Error(`offer of an unknown contact or agent: ${JSON.stringify(o)}`);
    waiting.delete(o.contactId);
    held.get(o.userId)?.push(c);
    agent.busy[o.channel] = (agent.busy[o.channel] ?? 0) + 1;
  }
}
function queue(c: WaitingContact): void {
  waiting.set(c.id, c);
  index.addContact(c);
}

const setupStart = process.hrtime.bigint();
while (waiting.size < WAITING) {
  for (let i = waiting.size; i < WAITING; i++) queue(newContact(now - int(3_600_000)));
  apply(index.route(now));
}
const setupSeconds = Number(process.hrtime.bigint() - setupStart) / 1e9;

const freed: number[] = [];
const queued: number[] = [];
const busyAgents = [...agents.values()].filter((a) => (held.get(a.userId)?.length ?? 0) > 0);
let offersAfterFree = 0;
const warmup = Math.min(2_000, samples);
for (let turn = 0; turn < samples + warmup; turn++) {
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

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(4));
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}
const agentFreesUp = stats(freed);
const contactQueued = stats(queued);
console.log(
  JSON.stringify({
    benchmark: 'B3 routing',
    agents: AGENTS,
    queues: QUEUES,
    waiting: index.waitingCount,
    setupSeconds: Number(setupSeconds.toFixed(2)),
    samples,
    offersPerFreedAgent: Number((offersAfterFree / (samples + warmup)).toFixed(2)),
    agentFreesUp,
    contactQueued,
    targetP99Ms: 2,
    met: agentFreesUp.p99Ms <= 2 && contactQueued.p99Ms <= 2,
  }),
);
