/**
 * The console's queues: the list (status, hours of operation, maximum contacts, quick connects), a new queue,
 * enabling and disabling one, and one queue's maximum contacts and quick connects.
 */
import { useCallback, useEffect, useState } from 'react';
import '../routing/routing.css';
import {
  routingApi,
  type PhoneNumberSummary,
  type QueueStatus,
  type QuickConnectSummary,
  type Summary,
} from '../../api/console-routing.js';
import { useI18n } from '../../i18n/i18n.js';
import { useConsoleT } from '../../i18n/console-messages.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useRoutingT } from '../routing/messages.js';
import { loadQueueRow, loadQueueRows, type QueueRow } from '../routing/queue-rows.js';
import { QueueTable } from '../routing/QueueTable.js';
import { QueueForm } from '../routing/QueueForm.js';
import { QueueDetails } from '../routing/QueueDetails.js';

export function QueuesPage() {
  const { t } = useI18n();
  const tc = useConsoleT();
  const tr = useRoutingT();
  const [rows, setRows] = useState<QueueRow[]>();
  const [hours, setHours] = useState<Summary[]>([]);
  const [numbers, setNumbers] = useState<PhoneNumberSummary[]>([]);
  const [quickConnects, setQuickConnects] = useState<QuickConnectSummary[]>([]);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string>();
  const [busy, setBusy] = useState(false);

  const fail = useCallback((e: unknown) => setError(describeError(e, t)), [t]);
  const reload = useCallback(() => loadQueueRows().then(setRows).catch(fail), [fail]);

  useEffect(() => {
    void reload();
    routingApi.hours().then(setHours).catch(fail);
    routingApi.phoneNumbers().then(setNumbers).catch(fail);
    routingApi.quickConnects().then(setQuickConnects).catch(fail);
  }, [reload, fail]);

  /** Reads one queue again after a change made in its details. */
  const refreshRow = async (queueId: string) => {
    const fresh = await loadQueueRow(queueId);
    setRows((all) => all?.map((r) => (r.queue.QueueId === queueId ? fresh : r)));
  };

  const changeStatus = async (row: QueueRow, next: QueueStatus) => {
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      await routingApi.updateQueueStatus(row.queue.QueueId, next);
      await refreshRow(row.queue.QueueId);
      setStatus(tr(next === 'ENABLED' ? 'queue.nowEnabled' : 'queue.nowDisabled', { name: row.queue.Name }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const current = rows?.find((r) => r.queue.QueueId === selected);

  return (
    <section aria-labelledby="queues-title">
      <div className="section-head">
        <h2 id="queues-title">{tc('section.queues')}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setStatus('');
            setCreating(true);
          }}
        >
          {tr('queue.new')}
        </button>
      </div>
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
      <p role="status">{status}</p>
      {creating && (
        <QueueForm
          hours={hours}
          phoneNumbers={numbers}
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            setStatus(tr('queue.created', { name }));
            void reload();
          }}
        />
      )}
      {rows === undefined ? (
        <p>{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p>{tr('queue.none')}</p>
      ) : (
        <QueueTable
          rows={rows}
          hours={hours}
          selected={selected}
          busy={busy}
          onManage={(id) => {
            setCreating(false);
            setSelected(id);
          }}
          onStatus={(row, next) => void changeStatus(row, next)}
        />
      )}
      {current && (
        <QueueDetails
          key={current.queue.QueueId}
          row={current}
          allQuickConnects={quickConnects}
          onChanged={() => refreshRow(current.queue.QueueId)}
          onClose={() => setSelected(undefined)}
        />
      )}
    </section>
  );
}
