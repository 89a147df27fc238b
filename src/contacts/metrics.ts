/**
 * The real-time queue metrics flows read (CheckMetricData, GetMetricData → `$.Metrics`) and GetCurrentMetricData
 * reports, from the live indexes: contacts in queue, the oldest one's age, and the agents online, available and
 * staffed among those whose routing profile serves the queue.
 */
import type { ContactChannel, ContactLifecycle } from '../store/ports/index.js';
import type { RoutingChannel } from '../routing/decide.js';
import { busyOf, type Live } from './live.js';

export interface QueueMetrics {
  contactsInQueue: number;
  oldestContactAgeSeconds: number;
  agentsOnline: number;
  agentsAvailable: number;
  agentsStaffed: number;
  /** Agents serving the queue who hold a contact (offered, connected or in after-contact work). */
  agentsOnContact: number;
}

const ROUTING: readonly RoutingChannel[] = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];

export function queueMetrics(
  live: Live,
  queueId: string,
  now: number,
  channel?: RoutingChannel,
): QueueMetrics {
  const channels = channel ? [channel] : ROUTING;
  let oldest = Infinity;
  let contactsInQueue = 0;
  for (const ch of channels) {
    const waiting = live.index.waiting(queueId, ch);
    contactsInQueue += waiting.length;
    for (const w of waiting) oldest = Math.min(oldest, w.enqueuedAt);
  }
  let agentsOnline = 0;
  let agentsAvailable = 0;
  let agentsStaffed = 0;
  let agentsOnContact = 0;
  for (const agent of live.agents.values()) {
    const serves =
      agent.agentQueueId === queueId ||
      agent.configs.some((c) => c.QueueId === queueId && channels.includes(c.Channel));
    if (!serves || agent.status.Type === 'OFFLINE') continue;
    const busy = busyOf(live, agent.user.Id);
    const holding = Object.values(busy).some((n) => (n ?? 0) > 0);
    agentsOnline++;
    if (holding) agentsOnContact++;
    if (agent.status.Type === 'ROUTABLE' || holding) agentsStaffed++;
    if (agent.status.Type === 'ROUTABLE' && !agent.state.Missed && !holding) agentsAvailable++;
  }
  return {
    contactsInQueue,
    oldestContactAgeSeconds: oldest === Infinity ? 0 : Math.max(0, Math.floor((now - oldest) / 1000)),
    agentsOnline,
    agentsAvailable,
    agentsStaffed,
    agentsOnContact,
  };
}

/** CheckMetricData's MetricType → its value. */
export function metricValue(m: QueueMetrics, metric: string): number | undefined {
  switch (metric) {
    case 'NumberOfContactsInQueue':
      return m.contactsInQueue;
    case 'OldestContactInQueueAgeSeconds':
      return m.oldestContactAgeSeconds;
    case 'NumberOfAgentsOnline':
      return m.agentsOnline;
    case 'NumberOfAgentsAvailable':
      return m.agentsAvailable;
    case 'NumberOfAgentsStaffed':
      return m.agentsStaffed;
    default:
      return undefined;
  }
}

/** GetMetricData's `$.Metrics` object. */
export function metricsObject(m: QueueMetrics): Record<string, unknown> {
  return {
    Queue: { Size: m.contactsInQueue, OldestContactAge: m.oldestContactAgeSeconds },
    Agents: {
      Online: { Count: m.agentsOnline },
      Available: { Count: m.agentsAvailable },
      Staffed: { Count: m.agentsStaffed },
    },
  };
}

/**
 * Scheduled tasks not yet delivered: all of them, and per queue for those whose queue is already known (a task
 * made by a queue quick connect); most find their queue only when their flow runs at delivery.
 */
export function scheduledTasks(live: Live): { total: number; byQueue: Record<string, number> } {
  let total = 0;
  const byQueue: Record<string, number> = {};
  for (const c of live.contacts.values()) {
    if (c.State !== 'SCHEDULED') continue;
    total++;
    if (c.QueueId) byQueue[c.QueueId] = (byQueue[c.QueueId] ?? 0) + 1;
  }
  return { total, byQueue };
}

/** The live contacts counted for the process's metrics (read between commands). */
export interface LiveCounts {
  /** Contacts not finished, by state and channel (only the pairs that occur). */
  contacts: { state: ContactLifecycle; channel: ContactChannel; count: number }[];
  /** Contacts waiting in each queue (QUEUED, not yet offered), by queue id. */
  waiting: Record<string, number>;
}

export function liveCounts(live: Live): LiveCounts {
  const pairs = new Map<string, { state: ContactLifecycle; channel: ContactChannel; count: number }>();
  const waiting: Record<string, number> = {};
  for (const c of live.contacts.values()) {
    const key = `${c.State} ${c.Channel}`;
    const pair = pairs.get(key);
    if (pair) pair.count++;
    else pairs.set(key, { state: c.State, channel: c.Channel, count: 1 });
    if (c.State === 'QUEUED' && c.QueueId) waiting[c.QueueId] = (waiting[c.QueueId] ?? 0) + 1;
  }
  return { contacts: [...pairs.values()], waiting };
}
