/**
 * One queue's last minutes as a small SVG line chart: contacts waiting (solid) and agents available (dashed),
 * the axes labelled with their minimum and maximum, a legend, a summary for screen readers and the figures as a
 * table on request.
 */
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { scaleChart, type ChartBox } from './chart-scale.js';
import { useRealtimeT } from './messages.js';
import type { Sample } from './samples.js';

const BOX: ChartBox = { width: 320, height: 130, left: 30, right: 10, top: 8, bottom: 20 };

export function QueueChart({ name, samples }: { name: string; samples: readonly Sample[] }) {
  const { lang } = useI18n();
  const tr = useRealtimeT();
  const time = useMemo(() => new Intl.DateTimeFormat(lang, { timeStyle: 'medium' }), [lang]);
  const chart = scaleChart(samples, BOX);
  const last = samples[samples.length - 1];
  const bottom = BOX.height - BOX.bottom;
  const label = last
    ? tr('chartLabel', {
        queue: name,
        waiting: last.waiting,
        available: last.available,
        time: time.format(last.t),
        count: samples.length,
        from: time.format(chart.tMin ?? last.t),
      })
    : name;

  return (
    <figure className="realtime-chart" data-testid="realtime-chart">
      <figcaption className="text-value">{name}</figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={label}>
        <line className="axis" x1={BOX.left} y1={BOX.top} x2={BOX.left} y2={bottom} />
        <line className="axis" x1={BOX.left} y1={bottom} x2={BOX.width - BOX.right} y2={bottom} />
        <text className="tick" x={BOX.left - 4} y={BOX.top + 4} textAnchor="end">
          {chart.yMax}
        </text>
        <text className="tick" x={BOX.left - 4} y={bottom} textAnchor="end">
          {chart.yMin}
        </text>
        {chart.tMin !== undefined && chart.tMax !== undefined && (
          <>
            <text className="tick" x={BOX.left} y={BOX.height - 4}>
              {time.format(chart.tMin)}
            </text>
            <text className="tick" x={BOX.width - BOX.right} y={BOX.height - 4} textAnchor="end">
              {time.format(chart.tMax)}
            </text>
          </>
        )}
        <polyline className="line-waiting" points={chart.waiting} data-series="waiting" />
        <polyline className="line-available" points={chart.available} data-series="available" />
        {chart.lastWaiting && (
          <circle className="dot-waiting" cx={chart.lastWaiting.x} cy={chart.lastWaiting.y} r={3} />
        )}
        {chart.lastAvailable && (
          <circle className="dot-available" cx={chart.lastAvailable.x} cy={chart.lastAvailable.y} r={3} />
        )}
      </svg>
      <ul className="chart-legend">
        <li>
          <span className="swatch waiting" aria-hidden="true" />
          {tr('waiting')}
        </li>
        <li>
          <span className="swatch available" aria-hidden="true" />
          {tr('available')}
        </li>
      </ul>
      <details>
        <summary>{tr('asTable')}</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{tr('time')}</th>
              <th scope="col" className="num">
                {tr('waiting')}
              </th>
              <th scope="col" className="num">
                {tr('available')}
              </th>
            </tr>
          </thead>
          <tbody>
            {samples.map((s) => (
              <tr key={s.t}>
                <th scope="row">{time.format(s.t)}</th>
                <td className="num">{s.waiting}</td>
                <td className="num">{s.available}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
