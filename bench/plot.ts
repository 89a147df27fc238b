/** A benchmark's plot as an SVG picture, drawn with Vega-Lite (no browser or canvas needed). */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Plot } from './report.js';

export async function plotSvg(plot: Plot): Promise<string> {
  const values = plot.series.flatMap((s) => s.points.map(([x, y]) => ({ series: s.name, x, y })));
  const latency = plot.kind === 'latency';
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: plot.title,
    width: 560,
    height: 300,
    background: 'white',
    data: { values },
    mark: latency ? { type: 'line', interpolate: 'step-after' } : { type: 'line', point: true },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: plot.xLabel,
        ...(plot.xLog && { scale: { type: 'log' } }),
      },
      y: {
        field: 'y',
        type: 'quantitative',
        title: plot.yLabel,
        ...(latency && { axis: { format: '%' } }),
      },
      color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', labelLimit: 400 } },
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
