import { describe, expect, it } from 'vitest';
import { canTake, isEligible, pickAgentForContact, routeAll } from '../../src/routing/decide.js';
import type {
  AgentQueueConfig,
  AgentView,
  ChannelConcurrency,
  Offer,
  RoutingChannel,
  WaitingContact,
} from '../../src/routing/decide.js';
import { RoutingIndex } from '../../src/routing/routing-index.js';

const NOW = 1_700_000_000_000;
const ANY: ChannelConcurrency['crossChannel'] = 'ROUTE_ANY_CHANNEL';
const CURRENT: ChannelConcurrency['crossChannel'] = 'ROUTE_CURRENT_CHANNEL_ONLY';

const config = (
  queueId: string,
  channel: RoutingChannel,
  priority = 1,
  delaySeconds = 0,
): AgentQueueConfig => ({
  queueId,
  channel,
  priority,
  delaySeconds,
});

/** The scenario's agent: VOICE 1 (allowing other channels) and TASK 3, both served from queue `q1`. */
function agent(userId: string, over: Partial<AgentView> = {}): AgentView {
  return {
    userId,
    routable: true,
    idleSince: NOW - 60_000,
    concurrency: { VOICE: { max: 1, crossChannel: ANY }, TASK: { max: 3, crossChannel: ANY } },
    queues: [config('q1', 'VOICE'), config('q1', 'TASK')],
    busy: {},
    ...over,
  };
}

function contact(id: string, over: Partial<WaitingContact> = {}): WaitingContact {
  return { id, channel: 'TASK', queueId: 'q1', enqueuedAt: NOW - 1_000, ...over };
}

/** Routes with the index and checks it decides exactly what the plain statement (`routeAll`) decides. */
function route(
  agents: AgentView[],
  contacts: WaitingContact[],
  now = NOW,
): { offers: Offer[]; index: RoutingIndex } {
  const index = new RoutingIndex();
  for (const a of agents) index.upsertAgent(a);
  for (const c of contacts) index.addContact(c);
  const offers = index.route(now);
  expect(offers).toEqual(routeAll(agents, contacts, now));
  return { offers, index };
}

const offered = (offers: Offer[]) => offers.map((o) => `${o.contactId}->${o.userId}`);

describe('routing decision: channels and cross-channel concurrency (rules S1, S2)', () => {
  it('offers a task to an agent on a call when VOICE allows other channels (ROUTE_ANY_CHANNEL)', () => {
    const onCall = agent('a1', { busy: { VOICE: 1 } });
    expect(canTake(onCall, 'TASK')).toBe(true);
    expect(offered(route([onCall], [contact('t1')]).offers)).toEqual(['t1->a1']);
  });

  it('does not offer a task to an agent on a call when VOICE is ROUTE_CURRENT_CHANNEL_ONLY', () => {
    const onCall = agent('a1', {
      busy: { VOICE: 1 },
      concurrency: { VOICE: { max: 1, crossChannel: CURRENT }, TASK: { max: 3, crossChannel: ANY } },
    });
    expect(canTake(onCall, 'TASK')).toBe(false);
    const { offers, index } = route([onCall], [contact('t1')]);
    expect(offers).toEqual([]);
    expect(index.isWaiting('t1')).toBe(true);
    // the call ends: the task is offered at once
    index.upsertAgent({ ...onCall, busy: { VOICE: 0 } });
    expect(offered(index.route(NOW))).toEqual(['t1->a1']);
  });

  it("follows the admin guide: a task open under TASK's behaviour decides whether a call can be offered", () => {
    const withTask = (crossChannel: ChannelConcurrency['crossChannel']) =>
      agent('a1', {
        busy: { TASK: 1 },
        concurrency: { VOICE: { max: 1, crossChannel: CURRENT }, TASK: { max: 3, crossChannel } },
      });
    const call = contact('v1', { channel: 'VOICE' });
    expect(offered(route([withTask(ANY)], [call]).offers)).toEqual(['v1->a1']);
    expect(route([withTask(CURRENT)], [call]).offers).toEqual([]);
    // the same channel is always allowed up to its concurrency, whatever the behaviour
    expect(canTake(withTask(CURRENT), 'TASK')).toBe(true);
  });

  it('offers nothing on a channel the routing profile does not list, nor to an agent who is not routable', () => {
    const voiceOnly = agent('a1', { concurrency: { VOICE: { max: 1, crossChannel: ANY } } });
    expect(canTake(voiceOnly, 'TASK')).toBe(false);
    expect(route([voiceOnly], [contact('t1')]).offers).toEqual([]);
    expect(route([agent('a2', { routable: false })], [contact('t1')]).offers).toEqual([]);
  });

  it('caps each channel at its concurrency: TASK up to its max (10), VOICE at 1, CHAT alongside', () => {
    const a = agent('a1', {
      concurrency: {
        VOICE: { max: 1, crossChannel: ANY },
        CHAT: { max: 2, crossChannel: ANY },
        TASK: { max: 10, crossChannel: ANY },
      },
      queues: [config('q1', 'VOICE'), config('q1', 'CHAT'), config('q1', 'TASK')],
    });
    const contacts = [
      ...Array.from({ length: 12 }, (_, i) => contact(`t${i + 10}`, { enqueuedAt: NOW - 100_000 + i })),
      contact('v1', { channel: 'VOICE' }),
      contact('v2', { channel: 'VOICE' }),
      ...['c1', 'c2', 'c3'].map((id) => contact(id, { channel: 'CHAT' })),
    ];
    const { offers, index } = route([a], contacts);
    const count = (ch: RoutingChannel) => offers.filter((o) => o.channel === ch).length;
    expect([count('TASK'), count('VOICE'), count('CHAT')]).toEqual([10, 1, 2]);
    expect(index.agent('a1')?.busy).toEqual({ TASK: 10, VOICE: 1, CHAT: 2 });
    expect(index.waitingCount).toBe(4);
    // the two oldest tasks were served; the two newest wait
    expect(index.waiting('q1', 'TASK').map((c) => c.id)).toEqual(['t20', 't21']);
  });

  it('does not offer another channel once the agent holds a contact whose channel allows only itself', () => {
    const a = agent('a1', {
      concurrency: { VOICE: { max: 1, crossChannel: ANY }, TASK: { max: 3, crossChannel: CURRENT } },
    });
    // the oldest is a task: after it, TASK (current channel only) blocks the call but not more tasks
    const { offers } = route(
      [a],
      [
        contact('t1', { enqueuedAt: NOW - 9_000 }),
        contact('v1', { channel: 'VOICE', enqueuedAt: NOW - 8_000 }),
        contact('t2', { enqueuedAt: NOW - 7_000 }),
      ],
    );
    expect(offered(offers)).toEqual(['t1->a1', 't2->a1']);
  });
});

describe('routing decision: queues, priorities, delay (rule S3)', () => {
  it('offers a contact only from a queue the profile serves on that channel', () => {
    const a = agent('a1', { queues: [config('q1', 'VOICE'), config('q2', 'TASK')] });
    const task = contact('t1', { queueId: 'q1' });
    expect(isEligible(a, task, NOW)).toBe(false);
    const { offers, index } = route([a], [task]);
    expect(offers).toEqual([]);
    // q1 added to the profile for TASK
    index.upsertAgent({ ...a, queues: [...a.queues, config('q1', 'TASK')] });
    expect(offered(index.route(NOW))).toEqual(['t1->a1']);
  });

  it("waits for the queue config's Delay, and tells when it runs out", () => {
    const a = agent('a1', { queues: [config('q1', 'TASK', 1, 30)] });
    const { offers, index } = route([a], [contact('t1', { enqueuedAt: NOW })]);
    expect(offers).toEqual([]);
    expect(index.nextEligibleAt(NOW)).toBe(NOW + 30_000);
    expect(index.route(NOW + 29_999)).toEqual([]);
    expect(offered(index.route(NOW + 30_000))).toEqual(['t1->a1']);
    expect(index.nextEligibleAt(NOW + 30_000)).toBeUndefined();
  });

  it('serves the queue of better priority first, and a delayed queue only after its Delay', () => {
    const a = agent('a1', {
      concurrency: { TASK: { max: 1, crossChannel: ANY } },
      queues: [config('low', 'TASK', 2), config('high', 'TASK', 1, 60)],
    });
    const old = contact('old', { queueId: 'low', enqueuedAt: NOW - 50_000 });
    const urgent = contact('urgent', { queueId: 'high', enqueuedAt: NOW - 40_000 });
    // the high-priority queue's contact has not waited its 60 s: the low-priority one goes
    expect(offered(route([a], [old, urgent]).offers)).toEqual(['old->a1']);
    // 20 s later it has: priority dominates age
    expect(offered(route([a], [old, urgent], NOW + 20_000).offers)).toEqual(['urgent->a1']);
  });

  it('serves the oldest first within a priority, and a better contact priority before age', () => {
    const a = agent('a1', { concurrency: { TASK: { max: 1, crossChannel: ANY } } });
    const contacts = [
      contact('mid', { enqueuedAt: NOW - 20_000 }),
      contact('oldest', { enqueuedAt: NOW - 30_000 }),
      contact('newest', { enqueuedAt: NOW - 10_000 }),
    ];
    const { offers, index } = route([a], contacts);
    expect(offered(offers)).toEqual(['oldest->a1']);
    expect(index.waiting('q1', 'TASK').map((c) => c.id)).toEqual(['mid', 'newest']);
    index.addContact(contact('vip', { enqueuedAt: NOW, priority: 1 }));
    index.upsertAgent({ ...a, busy: { TASK: 0 } });
    expect(offered(index.route(NOW))).toEqual(['vip->a1']);
    index.upsertAgent({ ...a, busy: { TASK: 0 } });
    expect(offered(index.route(NOW))).toEqual(['mid->a1']);
  });

  it('applies QueueTimeAdjustmentSeconds to the order and to the Delay', () => {
    const a = agent('a1', { concurrency: { TASK: { max: 1, crossChannel: ANY } } });
    const older = contact('older', { enqueuedAt: NOW - 30_000 });
    const bumped = contact('bumped', { enqueuedAt: NOW - 10_000, queueTimeAdjustmentSeconds: 60 });
    expect(offered(route([a], [older, bumped]).offers)).toEqual(['bumped->a1']);
    const held = contact('held', { enqueuedAt: NOW - 30_000, queueTimeAdjustmentSeconds: -25 });
    expect(offered(route([a], [held, contact('plain', { enqueuedAt: NOW - 10_000 })]).offers)).toEqual([
      'plain->a1',
    ]);
    // with a 30 s Delay, the 60 s adjustment makes a contact queued now eligible at once
    const delayed = agent('a2', { queues: [config('q1', 'TASK', 1, 30)] });
    expect(
      offered(route([delayed], [contact('now', { enqueuedAt: NOW, queueTimeAdjustmentSeconds: 60 })]).offers),
    ).toEqual(['now->a2']);
  });

  it('puts a rejected contact back in its place (same enqueue time), ahead of newer ones', () => {
    const a = agent('a1', { concurrency: { TASK: { max: 1, crossChannel: ANY } } });
    const first = contact('first', { enqueuedAt: NOW - 30_000 });
    const { index } = route([a], [first, contact('second', { enqueuedAt: NOW - 20_000 })]);
    // a1 misses the offer (not routable); the contact goes back with its enqueue time
    index.upsertAgent({ ...a, routable: false, busy: { TASK: 0 } });
    index.addContact(first);
    index.addContact(contact('third', { enqueuedAt: NOW }));
    expect(index.route(NOW + 1_000)).toEqual([]);
    expect(index.waiting('q1', 'TASK').map((c) => c.id)).toEqual(['first', 'second', 'third']);
    index.upsertAgent(agent('b1', { concurrency: { TASK: { max: 1, crossChannel: ANY } } }));
    expect(offered(index.route(NOW + 2_000))).toEqual(['first->b1']);
  });
});

describe('routing decision: agents', () => {
  it('offers a newly queued contact to the eligible agent idle longest, ties by user id', () => {
    const agents = [
      agent('a3', { idleSince: NOW - 50_000 }),
      agent('a2', { idleSince: NOW - 90_000 }),
      agent('a1', { idleSince: NOW - 90_000 }),
      agent('a0', { idleSince: NOW - 99_000, routable: false }),
    ];
    const index = new RoutingIndex();
    for (const a of agents) index.upsertAgent(a);
    expect(index.route(NOW)).toEqual([]);
    const task = contact('t1');
    expect(pickAgentForContact(task, agents, NOW)?.userId).toBe('a1');
    index.addContact(task);
    expect(offered(index.route(NOW))).toEqual(['t1->a1']);
    // a1 keeps its idle time while it holds the task, and has room for more: the next task goes to it too
    index.addContact(contact('t2'));
    expect(offered(index.route(NOW))).toEqual(['t2->a1']);
    // an agent who cannot take the channel is passed over
    index.upsertAgent({ ...agents[2]!, busy: { TASK: 3 } });
    index.addContact(contact('t3'));
    expect(offered(index.route(NOW))).toEqual(['t3->a2']);
  });

  it('gives an agent who frees up its best eligible contact, and forgets removed agents and contacts', () => {
    const a = agent('a1', { busy: { TASK: 3 } });
    const { offers, index } = route([a], [contact('t1', { enqueuedAt: NOW - 5_000 }), contact('t2')]);
    expect(offers).toEqual([]);
    expect(index.removeContact('t1')).toBe(true);
    expect(index.removeContact('t1')).toBe(false);
    index.upsertAgent({ ...a, busy: { TASK: 2 } });
    expect(offered(index.route(NOW))).toEqual(['t2->a1']);
    expect(index.removeAgent('a1')).toBe(true);
    index.addContact(contact('t3'));
    expect(index.route(NOW)).toEqual([]);
    expect(index.agentCount).toBe(0);
    expect(index.waitingCount).toBe(1);
  });
});
