/**
 * How busy the machine is before a benchmark starts: the share of all cores' time spent outside idle over a short
 * window, from /proc/stat (Linux; NaN elsewhere). Another process left running (a stray server, a database still
 * vacuuming) takes its share from every figure that follows; the run records this so such a figure can be told.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

function cpuTimes(): { idle: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are not work.
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { idle, total };
  } catch {
    return undefined;
  }
}

/** Percent of all cores busy over `ms`. */
export async function busyPercent(ms = 2000): Promise<number> {
  const a = cpuTimes();
  await sleep(ms);
  const b = cpuTimes();
  if (!a || !b || b.total === a.total) return NaN;
  return Math.round(100 * (1 - (b.idle - a.idle) / (b.total - a.total)));
}
