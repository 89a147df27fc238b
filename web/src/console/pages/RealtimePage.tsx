/**
 * Real-time metrics: each queue's contacts waiting and agents now (GetRealtimeMetrics, every 5 s while the tab
 * is visible, or on Refresh), the scheduled tasks not yet delivered, and charts of the last 10 minutes.
 */
import '../realtime/realtime.css';
import { ApiError } from '../../api/client.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { useConsoleT } from '../../i18n/console-messages.js';
import { ChartsPanel } from '../realtime/ChartsPanel.js';
import { QueueTable } from '../realtime/QueueTable.js';
import { useRealtimeT } from '../realtime/messages.js';
import { POLL_MS, useRealtimeMetrics } from '../realtime/use-realtime.js';

export function RealtimePage() {
  const { t, dateTime } = useI18n();
  const tc = useConsoleT();
  const tr = useRealtimeT();
  const { metrics, history, error, nextInMs, refresh } = useRealtimeMetrics();

  const problem =
    error === undefined
      ? undefined
      : [
          tr(error instanceof ApiError && error.status === 403 ? 'denied' : 'failed', {
            message: describeError(error, t),
          }),
          nextInMs === undefined ? '' : tr('retry', { seconds: Math.round(nextInMs / 1000) }),
        ].join(' ');

  return (
    <section aria-labelledby="realtime-title" className="realtime">
      <div className="section-head">
        <h2 id="realtime-title">{tc('section.realtime')}</h2>
        <button type="button" onClick={refresh}>
          {tr('refresh')}
        </button>
      </div>
      <ErrorMessage error={problem} />
      {metrics ? (
        <>
          <p className="muted">
            <span data-testid="realtime-updated">
              {tr('lastUpdated', { time: dateTime(metrics.Timestamp) })}
            </span>{' '}
            {tr('every', { seconds: POLL_MS / 1000 })}
          </p>
          <QueueTable queues={metrics.Queues} />
          <p data-testid="realtime-scheduled">{tr('scheduledTotal', { count: metrics.ScheduledTasks })}</p>
          <p className="muted">{tr('scheduledNote')}</p>
          <ChartsPanel queues={metrics.Queues} history={history} />
        </>
      ) : (
        error === undefined && <p>{t('app.loading')}</p>
      )}
    </section>
  );
}
