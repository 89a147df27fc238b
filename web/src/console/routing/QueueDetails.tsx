/**
 * One queue's settings: its maximum contacts (UpdateQueueMaxContacts) and its quick connects
 * (Associate/DisassociateQueueQuickConnects). Each change is confirmed or refused right here.
 */
import { useState, type FormEvent } from 'react';
import { routingApi, type QuickConnectSummary } from '../../api/console-routing.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useRoutingT } from './messages.js';
import { wholeNumberOf, type QueueRow } from './queue-rows.js';

interface Props {
  row: QueueRow;
  allQuickConnects: QuickConnectSummary[];
  onChanged: () => Promise<void>;
  onClose: () => void;
}

export function QueueDetails({ row, allQuickConnects, onChanged, onClose }: Props) {
  const { t } = useI18n();
  const tr = useRoutingT();
  const { queue, quickConnects } = row;
  const [max, setMax] = useState(queue.MaxContacts === undefined ? '' : String(queue.MaxContacts));
  const [toAdd, setToAdd] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');

  const act = async (change: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      await change();
      await onChanged();
      setStatus(done);
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const saveMax = (e: FormEvent) => {
    e.preventDefault();
    const value = wholeNumberOf(max);
    if (Number.isNaN(value)) {
      setStatus('');
      setError(tr('queue.badNumber'));
      return;
    }
    void act(
      () => routingApi.updateQueueMaxContacts(queue.QueueId, value),
      tr('queue.maxChanged', { name: queue.Name, max: value ?? tr('queue.noLimit') }),
    );
  };

  const associated = new Set(quickConnects.map((q) => q.Id));
  const addable = allQuickConnects.filter((q) => !associated.has(q.Id));
  const add = (e: FormEvent) => {
    e.preventDefault();
    const qc = addable.find((q) => q.Id === toAdd);
    if (!qc) return;
    void act(
      async () => {
        await routingApi.associateQuickConnects(queue.QueueId, [qc.Id]);
        setToAdd('');
      },
      tr('queue.qcAdded', { name: qc.Name }),
    );
  };

  return (
    <section className="card queue-details routing-form" aria-labelledby="queue-details-title">
      <div className="section-head">
        <h3 id="queue-details-title">{tr('queue.title', { name: queue.Name })}</h3>
        <button type="button" onClick={onClose}>
          {tr('common.close')}
        </button>
      </div>
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
      <p role="status">{status}</p>

      <form className="inline-form" onSubmit={saveMax} aria-label={tr('queue.changeMax')}>
        <label htmlFor="queue-details-max">{tr('queue.maxContacts')}</label>
        <input
          id="queue-details-max"
          type="number"
          min={0}
          step={1}
          value={max}
          aria-describedby="queue-details-max-help"
          onChange={(e) => setMax(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {tr('queue.changeMax')}
        </button>
        <span className="help" id="queue-details-max-help">
          {tr('queue.maxHelp')}
        </span>
      </form>

      <h4>{tr('queue.quickConnects')}</h4>
      {quickConnects.length === 0 ? (
        <p>{tr('queue.qcNone')}</p>
      ) : (
        <table className="table" data-testid="queue-quick-connects">
          <thead>
            <tr>
              <th scope="col">{tr('common.name')}</th>
              <th scope="col">{tr('qc.type')}</th>
              <th scope="col">{tr('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {quickConnects.map((qc) => (
              <tr key={qc.Id}>
                <td className="text-value">{qc.Name}</td>
                <td>{tr(`qc.${qc.QuickConnectType}`)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={tr('queue.qcRemove', { name: qc.Name })}
                    onClick={() =>
                      void act(
                        () => routingApi.disassociateQuickConnects(queue.QueueId, [qc.Id]),
                        tr('queue.qcRemoved', { name: qc.Name }),
                      )
                    }
                  >
                    {tr('queue.qcRemoveShort')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {addable.length === 0 ? (
        <p className="muted">{tr('queue.qcAllAdded')}</p>
      ) : (
        <form className="inline-form" onSubmit={add} aria-label={tr('queue.qcAddSubmit')}>
          <label htmlFor="queue-qc-add">{tr('queue.qcAdd')}</label>
          <select id="queue-qc-add" value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
            <option value="">{tr('common.choose')}</option>
            {addable.map((qc) => (
              <option key={qc.Id} value={qc.Id}>
                {qc.Name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy || toAdd === ''}>
            {tr('queue.qcAddSubmit')}
          </button>
        </form>
      )}
    </section>
  );
}
