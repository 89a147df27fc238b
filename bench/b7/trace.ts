/**
 * A diagnostic of B7 (`--trace-tx`): every store transaction of the server timed, in wall time and in the process's
 * CPU time (getrusage, precise on Linux), by wrapping store.transaction. On a machine shared with other work the
 * two differ: the wall time includes the time the thread waited for a core, the CPU time is the server's own cost.
 * A transaction is one engine command (or one service write), and the loop does nothing else meanwhile: long ones
 * are what delays the event loop.
 */
import { performance } from 'node:perf_hooks';
import { InstanceLoop } from '../../src/contacts/instance-loop.js';
import type { Tx } from '../../src/contacts/live.js';
import type { Repositories, Store } from '../../src/store/ports/index.js';

/** The engine command running now (commands run one at a time): its transaction is counted under its name. */
let command: string | undefined;
// Called below with the loop as `this`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const run = InstanceLoop.prototype.run;
InstanceLoop.prototype.run = function <T>(this: InstanceLoop, name: string, work: (tx: Tx) => Promise<T>) {
  return run.call(this, name, (tx: Tx) => {
    command = name;
    return work(tx);
  }) as Promise<T>;
};

export class TransactionTrace {
  private readonly wall: number[] = [];
  private readonly cpu: number[] = [];
  private readonly byCommand = new Map<string, { n: number; cpu: number; max: number; long: number }>();
  private on = false;

  constructor(store: Store) {
    const transaction = store.transaction.bind(store);
    store.transaction = async <T>(work: (repos: Repositories) => Promise<T>): Promise<T> => {
      if (!this.on) return transaction(work);
      const t = performance.now();
      const c = process.cpuUsage();
      try {
        return await transaction(work);
      } finally {
        const used = process.cpuUsage(c);
        const wall = performance.now() - t;
        this.wall.push(wall);
        const ms = (used.user + used.system) / 1000;
        this.cpu.push(ms);
        const name = command ?? 'service';
        command = undefined;
        const seen = this.byCommand.get(name) ?? { n: 0, cpu: 0, max: 0, long: 0 };
        this.byCommand.set(name, {
          n: seen.n + 1,
          cpu: seen.cpu + ms,
          max: Math.max(seen.max, ms),
          long: seen.long + (wall > 20 ? 1 : 0),
        });
      }
    };
  }

  start(): void {
    this.on = true;
  }

  stop() {
    this.on = false;
    const stats = (xs: number[]) => {
      const s = Float64Array.from(xs).sort();
      const at = (p: number) =>
        Number((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN).toFixed(2));
      return `${at(0.5)} / ${at(0.99)} / ${at(1)}`;
    };
    return {
      count: this.wall.length,
      wall: stats(this.wall),
      cpu: stats(this.cpu),
      cpuOver10ms: this.cpu.filter((x) => x > 10).length,
      cpuTotalMs: Math.round(this.cpu.reduce((a, b) => a + b, 0)),
      byCommand: [...this.byCommand]
        .sort((a, b) => b[1].cpu - a[1].cpu)
        .map(
          ([k, v]) =>
            `${k} ${v.n}× ${(v.cpu / v.n).toFixed(2)} ms (max ${v.max.toFixed(1)}, ${v.long} over 20 ms wall)`,
        )
        .join(', '),
    };
  }
}
