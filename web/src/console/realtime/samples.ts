/**
 * The real-time page's memory of the last minutes: per queue, samples of contacts waiting and agents available,
 * kept as a bounded window (a ring buffer by time and by count: the oldest drop out as new ones come).
 */
import type { RealtimeMetrics } from '../../api/console-realtime.js';

export interface Sample {
  /** The server's time of the figures (epoch ms). */
  t: number;
  waiting: number;
  available: number;
}

/** Samples by queue id, oldest first. */
export type History = Readonly<Record<string, readonly Sample[]>>;

export const WINDOW_MS = 10 * 60_000;
/** Two a poll (5 s) over the window, with room for refreshes in between. */
export const CAPACITY = 240;

/** `samples` with `sample` added: a sample of the same time replaces it, and only the window is kept. */
export function pushSample(
  samples: readonly Sample[],
  sample: Sample,
  windowMs = WINDOW_MS,
  capacity = CAPACITY,
): Sample[] {
  const kept = samples.filter((s) => s.t > sample.t - windowMs && s.t < sample.t);
  kept.push(sample);
  return kept.length > capacity ? kept.slice(kept.length - capacity) : kept;
}

/** The history after one answer: a sample for every queue in it; queues no longer there are forgotten. */
export function recordSamples(history: History, metrics: RealtimeMetrics): History {
  const next: Record<string, readonly Sample[]> = {};
  for (const q of metrics.Queues)
    next[q.QueueId] = pushSample(history[q.QueueId] ?? [], {
      t: metrics.Timestamp,
      waiting: q.ContactsInQueue,
      available: q.AgentsAvailable,
    });
  return next;
}
