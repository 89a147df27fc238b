/** The last minutes' charts: every queue's, or the one chosen. */
import { useId, useState } from 'react';
import type { QueueFigures } from '../../api/console-realtime.js';
import { useRealtimeT } from './messages.js';
import { QueueChart } from './QueueChart.js';
import type { History } from './samples.js';

export function ChartsPanel({ queues, history }: { queues: readonly QueueFigures[]; history: History }) {
  const tr = useRealtimeT();
  const id = useId();
  const [chosen, setChosen] = useState('');
  const shown = queues.filter((q) => chosen === '' || q.QueueId === chosen);
  if (queues.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="realtime-charts">
      <div className="section-head">
        <h3 id={`${id}-title`}>{tr('charts')}</h3>
        <label>
          {tr('chartOf')}{' '}
          <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{tr('allQueues')}</option>
            {queues.map((q) => (
              <option key={q.QueueId} value={q.QueueId}>
                {q.Name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="chart-grid">
        {(shown.length > 0 ? shown : queues).map((q) => (
          <QueueChart key={q.QueueId} name={q.Name} samples={history[q.QueueId] ?? []} />
        ))}
      </div>
    </section>
  );
}
