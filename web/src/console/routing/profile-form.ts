/**
 * A routing profile's form state: one row per channel (handled or not, contacts at a time, cross-channel
 * behaviour) and the queue rows (queue, channel, priority, delay), and the Connect members they become.
 */
import {
  ROUTING_CHANNELS,
  type BehaviorType,
  type MediaConcurrency,
  type QueueConfig,
  type QueueConfigSummary,
  type RoutingChannel,
} from '../../api/console-routing.js';

export interface ChannelDraft {
  handled: boolean;
  concurrency: string;
  behavior: BehaviorType;
}
export type ConcurrencyDraft = Record<RoutingChannel, ChannelDraft>;

export interface QueueRowDraft {
  key: number;
  queueId: string;
  channel: RoutingChannel;
  priority: string;
  delay: string;
  /** Already in the profile: only its priority and delay may change (UpdateRoutingProfileQueues). */
  existing: boolean;
}

let nextKey = 1;

export function newQueueRow(channel: RoutingChannel = 'VOICE'): QueueRowDraft {
  return { key: nextKey++, queueId: '', channel, priority: '1', delay: '0', existing: false };
}

export function queueRowsOf(list: QueueConfigSummary[]): QueueRowDraft[] {
  return list.map((q) => ({
    key: nextKey++,
    queueId: q.QueueId,
    channel: q.Channel,
    priority: String(q.Priority),
    delay: String(q.Delay),
    existing: true,
  }));
}

const channelDraft = (handled: boolean): ChannelDraft => ({
  handled,
  concurrency: '1',
  behavior: 'ROUTE_CURRENT_CHANNEL_ONLY',
});

export function emptyConcurrency(): ConcurrencyDraft {
  return {
    VOICE: channelDraft(true),
    CHAT: channelDraft(false),
    TASK: channelDraft(false),
    EMAIL: channelDraft(false),
  };
}

export function concurrencyOf(list: MediaConcurrency[]): ConcurrencyDraft {
  const draft = { ...emptyConcurrency(), VOICE: channelDraft(false) };
  for (const m of list)
    draft[m.Channel] = {
      handled: true,
      concurrency: String(m.Concurrency),
      behavior: m.CrossChannelBehavior?.BehaviorType ?? 'ROUTE_CURRENT_CHANNEL_ONLY',
    };
  return draft;
}

/** A whole number typed in a field, or NaN. */
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** MediaConcurrencies of the handled channels, or what is wrong with them. */
export function mediaOf(draft: ConcurrencyDraft): MediaConcurrency[] | 'needChannel' | 'badNumbers' {
  const list = ROUTING_CHANNELS.filter((c) => draft[c].handled).map((Channel) => ({
    Channel,
    Concurrency: Channel === 'VOICE' ? 1 : whole(draft[Channel].concurrency),
    CrossChannelBehavior: { BehaviorType: draft[Channel].behavior },
  }));
  if (list.length === 0) return 'needChannel';
  if (list.some((m) => Number.isNaN(m.Concurrency))) return 'badNumbers';
  return list;
}

/** QueueConfigs of the rows; the 1-based row lacking a queue, or 'badNumbers'. */
export function queueConfigsOf(rows: QueueRowDraft[]): QueueConfig[] | number | 'badNumbers' {
  const missing = rows.findIndex((r) => r.queueId === '');
  if (missing >= 0) return missing + 1;
  const configs = rows.map((r) => ({
    QueueReference: { QueueId: r.queueId, Channel: r.channel },
    Priority: whole(r.priority),
    Delay: whole(r.delay),
  }));
  if (configs.some((c) => Number.isNaN(c.Priority) || Number.isNaN(c.Delay))) return 'badNumbers';
  return configs;
}
