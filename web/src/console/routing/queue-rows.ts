/** The queues page's rows: each standard queue described, with the quick connects associated with it. */
import { routingApi, type Queue, type QuickConnectSummary } from '../../api/console-routing.js';

export interface QueueRow {
  queue: Queue;
  quickConnects: QuickConnectSummary[];
}

export async function loadQueueRow(queueId: string): Promise<QueueRow> {
  const [queue, quickConnects] = await Promise.all([
    routingApi.queue(queueId),
    routingApi.queueQuickConnects(queueId),
  ]);
  return { queue, quickConnects };
}

export async function loadQueueRows(): Promise<QueueRow[]> {
  const list = await routingApi.queues();
  return Promise.all(list.map((q) => loadQueueRow(q.Id)));
}

/** A whole number ≥ 0 typed in a field, undefined when empty, NaN when not such a number. */
export function wholeNumberOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
