/**
 * The queues an instance's contacts name, kept between commands while the configuration has not changed (the
 * store's configuration generation, as for flows): a delivered task reads its queue twice (the block that sets it,
 * the transfer to it), and every caller in a queue flow reads it again at each loop.
 */
import type { Queue, Repositories } from '../store/ports/index.js';

export class QueueCache {
  private readonly entries = new Map<string, { checked: number; queue: Readonly<Queue> }>();

  constructor(
    private readonly instanceId: string,
    private readonly generation: () => number = () => NaN,
  ) {}

  /** The queue with this id (not an ARN), or undefined; read from `repos` unless known unchanged. */
  async get(repos: Repositories, queueId: string): Promise<Readonly<Queue> | undefined> {
    // Taken before the read: a change made meanwhile moves it past what the entry records.
    const generation = this.generation();
    const hit = this.entries.get(queueId);
    if (hit?.checked === generation) return hit.queue;
    const queue = await repos.queues.get(this.instanceId, queueId);
    if (queue) this.entries.set(queueId, { checked: generation, queue: Object.freeze(queue) });
    else this.entries.delete(queueId);
    return queue;
  }
}
