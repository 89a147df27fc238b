/**
 * Configuration an instance's contacts read again and again (the queues they are put in, the flows tasks are
 * started with), kept between commands while the configuration has not changed: the store's configuration
 * generation, as for parsed flows (flow-cache.ts). A delivered task reads its queue twice (the block that sets it,
 * the transfer to it); every caller in a queue flow reads it again at each loop; every StartTaskContact reads its
 * flow. Kept objects are frozen: they are shared by every command that reads them.
 */
import type { Repositories } from '../store/ports/index.js';

export class ConfigCache<T extends object> {
  private readonly entries = new Map<string, { checked: number; value: Readonly<T> }>();

  constructor(
    private readonly read: (repos: Repositories, id: string) => Promise<T | undefined>,
    private readonly generation: () => number = () => NaN,
  ) {}

  /** The item with this id (not an ARN), or undefined; read from `repos` unless known unchanged. */
  async get(repos: Repositories, id: string): Promise<Readonly<T> | undefined> {
    // Taken before the read: a change made meanwhile moves it past what the entry records.
    const generation = this.generation();
    const hit = this.entries.get(id);
    if (hit?.checked === generation) return hit.value;
    const value = await this.read(repos, id);
    if (value) this.entries.set(id, { checked: generation, value: Object.freeze(value) });
    else this.entries.delete(id);
    return value;
  }
}
