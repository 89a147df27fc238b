/**
 * What every benchmark reports, and how: a table on standard output for a person, and, when the runner asks for
 * it (TSUNAGI_BENCH_OUT names a file), the same result as JSON, with the data of its plots, for
 * docs/BENCHMARKS.md (bench/run.ts). A benchmark calls `emit` once, at its end.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export type BenchId = 'B1' | 'B2' | 'B3' | 'B4' | 'B5' | 'B6' | 'B7' | 'B8';

/** One line of the table. `target` is the goal in words (`≤ 2 ms p99`), `met` whether this figure reaches it. */
export interface BenchRow {
  name: string;
  value: string | number;
  target?: string;
  met?: boolean;
}

/** One line of a plot: points [x, y]. */
export interface PlotSeries {
  name: string;
  points: [number, number][];
}

/**
 * A plot: `latency` is a distribution (x: milliseconds, y: the share of samples at or below x, 0–1, a CDF);
 * `growth` is cost against size (x: agents, contacts… ; y: the cost, e.g. p99 ms).
 */
export interface Plot {
  /** File name without extension, e.g. `b3-latency`; written as docs/benchmarks/<file>.svg. */
  file: string;
  title: string;
  kind: 'latency' | 'growth';
  xLabel: string;
  yLabel: string;
  /** A logarithmic x axis (sizes that grow by factors). */
  xLog?: boolean;
  series: PlotSeries[];
}

export interface BenchResult {
  id: BenchId;
  title: string;
  /** The command that reproduces these figures, e.g. `npm run bench:b3 -- --samples 20000`. */
  command: string;
  rows: BenchRow[];
  plots?: Plot[];
  /** Sentences worth reading beside the figures (what was measured and how). */
  notes?: string[];
}

/** Whether every row that has a target met it (undefined when none has one). */
export function allMet(result: BenchResult): boolean | undefined {
  const judged = result.rows.filter((r) => r.met !== undefined);
  return judged.length === 0 ? undefined : judged.every((r) => r.met);
}

export function mark(met: boolean | undefined): string {
  return met === undefined ? '' : met ? '✓' : '✗';
}

/** Prints the table and, for the runner, writes the result as JSON. */
export function emit(result: BenchResult, out = process.env.TSUNAGI_BENCH_OUT): void {
  console.log(`${result.id} ${result.title}`);
  const width = Math.max(36, ...result.rows.map((r) => r.name.length + 2));
  for (const r of result.rows) {
    const target = r.target ? `   ${r.target} ${mark(r.met)}` : '';
    console.log(`${r.name.padEnd(width)} ${String(r.value).padStart(22)}${target}`);
  }
  const met = allMet(result);
  if (met !== undefined) console.log(`targets: ${met ? 'met' : 'not met'}`);
  if (out) writeFileSync(out, JSON.stringify(result));
}

/** The p-quantile (0–1) of samples, rounded to 3 decimals. */
export function pct(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return Number((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN).toFixed(3));
}

/** A CDF of samples for a latency plot, at most `points` points. */
export function cdf(values: ArrayLike<number>, points = 200): [number, number][] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return [];
  const out: [number, number][] = [];
  for (let i = 0; i < points; i++) {
    const at = Math.min(n - 1, Math.floor(((i + 1) / points) * n) - 1);
    out.push([Number((sorted[Math.max(0, at)] ?? 0).toFixed(3)), Number(((at + 1) / n).toFixed(4))]);
  }
  return out;
}

/** CPU time of the calling thread (ms), from /proc (Linux); NaN elsewhere. */
export function threadCpuMs(): number {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}
