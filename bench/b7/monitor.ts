/**
 * What B7 measures of the server's process, from inside it: resident memory sampled through the run, the event
 * loop's delay (perf_hooks.monitorEventLoopDelay), its utilization, the process's CPU time and GC pauses, over a
 * window the benchmark opens and closes.
 *
 * monitorEventLoopDelay records the time between two ticks of its timer, which includes the timer's own interval
 * (`resolution`): an idle loop records ~10 ms at resolution 10. The delay reported here is what is left once the
 * interval is taken off, how late the loop came back to the timer; `raw` keeps the recorded values.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { threadCpuMs } from '../report.js';
import { Session } from 'node:inspector/promises';
import {
  PerformanceObserver,
  monitorEventLoopDelay,
  performance,
  type IntervalHistogram,
} from 'node:perf_hooks';

export const RESOLUTION_MS = 10;

/** perf_hooks' GC kinds (constants.NODE_PERFORMANCE_GC_*). */
const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };

export interface Delay {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  /** The recorded values' p99 (interval included). */
  rawP99: number;
  /** The CDF of the delay: [ms, share at or below]. */
  cdf: [number, number][];
}

const late = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** The grid of percentiles a CDF is drawn at: dense in the tail. */
const GRID = [
  ...Array.from({ length: 99 }, (_, i) => i + 1),
  ...Array.from({ length: 9 }, (_, i) => 99.1 + i * 0.1),
  ...Array.from({ length: 9 }, (_, i) => 99.91 + i * 0.01),
  100,
];

export function delayOf(h: IntervalHistogram): Delay {
  return {
    p50: round(late(h.percentile(50))),
    p99: round(late(h.percentile(99))),
    max: round(late(h.max)),
    samples: h.count,
    rawP99: round(h.percentile(99) / 1e6),
    cdf: GRID.map((p) => [round(late(h.percentile(p)), 3), round(p / 100, 4)]),
  };
}

/** One window's event-loop figures. */
export class Window {
  private readonly histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly elu = performance.eventLoopUtilization();
  private readonly cpu = process.cpuUsage();
  private readonly threadCpu = threadCpuMs();
  private readonly load = loadavg()[0] ?? NaN;
  private readonly started = performance.now();
  private readonly gc: number[] = [];
  private readonly gcByKind = new Map<string, { n: number; max: number; total: number }>();
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      this.gc.push(e.duration);
      const kind = GC_KINDS[(e as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
      const k = this.gcByKind.get(kind) ?? { n: 0, max: 0, total: 0 };
      this.gcByKind.set(kind, { n: k.n + 1, max: Math.max(k.max, e.duration), total: k.total + e.duration });
    }
  });

  constructor() {
    this.histogram.enable();
    this.observer.observe({ entryTypes: ['gc'] });
  }

  close() {
    this.histogram.disable();
    this.observer.disconnect();
    const seconds = (performance.now() - this.started) / 1000;
    const cpu = process.cpuUsage(this.cpu);
    const utilization = performance.eventLoopUtilization(this.elu).utilization;
    const threadCores = (threadCpuMs() - this.threadCpu) / 1000 / seconds;
    return {
      seconds: round(seconds, 1),
      delay: delayOf(this.histogram),
      utilization,
      /** The server's thread's CPU time over the window, in cores. */
      threadCores,
      /**
       * The share of the loop's busy time its thread was on a core: 1 on an idle machine; below 1 the thread
       * waited for a core (other processes), and every delay here is longer than the server's own work.
       */
      onCore: threadCores / utilization,
      /** The machine's load average (1 min) at the start and the end of the window. */
      loadAverage: [this.load, loadavg()[0] ?? NaN] as const,
      /** The process's CPU time over the window, in cores (1 = one core busy all the time). */
      cores: (cpu.user + cpu.system) / 1e6 / seconds,
      gcPauses: this.gc.length,
      gcMaxMs: round(Math.max(0, ...this.gc)),
      gcKinds: [...this.gcByKind]
        .map(([kind, k]) => `${kind} ${k.n}× max ${round(k.max, 1)} ms, ${Math.round(k.total)} ms in all`)
        .join('; '),
    };
  }
}

export type WindowResult = ReturnType<Window['close']>;

/** Resident memory and heap, sampled every `everyMs` from start to stop. */
export class MemorySampler {
  readonly samples: { t: number; rss: number; heapUsed: number }[] = [];
  private readonly begin = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 250) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** RSS every time (cheap), the heap every 8th time (it walks the heap's spaces). */
  sample(): void {
    const heapUsed =
      this.samples.length % 8 === 0
        ? process.memoryUsage().heapUsed
        : (this.samples[this.samples.length - 1]?.heapUsed ?? 0);
    this.samples.push({
      t: (performance.now() - this.begin) / 1000,
      rss: process.memoryUsage.rss(),
      heapUsed,
    });
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  /** The peak RSS and heap (MiB) over the samples taken from `from` seconds on. */
  peak(from = 0): { rssMiB: number; heapMiB: number } {
    const after = this.samples.filter((s) => s.t >= from);
    const mib = (b: number) => round(b / 2 ** 20, 1);
    return {
      rssMiB: mib(Math.max(...after.map((s) => s.rss))),
      heapMiB: mib(Math.max(...after.map((s) => s.heapUsed))),
    };
  }

  now(): number {
    return (performance.now() - this.begin) / 1000;
  }
}

/** A CPU profile of this thread (the server's) over a window, written where asked (open it in DevTools). */
export async function startProfile(file: string): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
