/**
 * A small line chart's geometry: the samples' times across, counts up from 0 (the axes' labels are the minimum
 * and maximum), as SVG polyline points.
 */
import type { Sample } from './samples.js';

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axes' labels. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface ScaledChart {
  /** `x,y x,y …` for <polyline points>. */
  waiting: string;
  available: string;
  /** The newest sample's point of each line (a single sample draws no line). */
  lastWaiting?: { x: number; y: number };
  lastAvailable?: { x: number; y: number };
  yMin: number;
  yMax: number;
  tMin?: number;
  tMax?: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function scaleChart(samples: readonly Sample[], box: ChartBox): ScaledChart {
  const yMin = 0;
  const yMax = Math.max(1, ...samples.map((s) => Math.max(s.waiting, s.available)));
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last) return { waiting: '', available: '', yMin, yMax };
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const span = last.t - first.t;
  const x = (t: number) => round(box.left + (span === 0 ? plotW : ((t - first.t) / span) * plotW));
  const y = (v: number) => round(box.top + plotH - ((v - yMin) / (yMax - yMin)) * plotH);
  const line = (value: (s: Sample) => number) => samples.map((s) => `${x(s.t)},${y(value(s))}`).join(' ');
  return {
    waiting: line((s) => s.waiting),
    available: line((s) => s.available),
    lastWaiting: { x: x(last.t), y: y(last.waiting) },
    lastAvailable: { x: x(last.t), y: y(last.available) },
    yMin,
    yMax,
    tMin: first.t,
    tMax: last.t,
  };
}
