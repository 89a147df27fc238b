/**
 * A new routing profile (CreateRoutingProfile): name, description, default outbound queue, its channels with
 * concurrency and cross-channel behaviour, and its queues with channel, priority and delay.
 */
import { useState, type FormEvent } from 'react';
import { routingApi, type Summary } from '../../api/console-routing.js';
import { ErrorMessage, useAction } from '../../errors.js';
import { useRoutingT } from './messages.js';
import { emptyConcurrency, mediaOf, queueConfigsOf, type QueueRowDraft } from './profile-form.js';
import { ConcurrencyFields } from './ConcurrencyFields.js';
import { QueueConfigRows } from './QueueConfigRows.js';

interface Props {
  queues: Summary[];
  onClose: () => void;
  onCreated: (name: string) => void;
}

export function RoutingProfileForm({ queues, onClose, onCreated }: Props) {
  const tr = useRoutingT();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [outbound, setOutbound] = useState('');
  const [concurrency, setConcurrency] = useState(emptyConcurrency);
  const [rows, setRows] = useState<QueueRowDraft[]>([]);
  const { busy, error, setError, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const media = mediaOf(concurrency);
    const configs = queueConfigsOf(rows);
    if (media === 'needChannel') return setError(tr('rp.needChannel'));
    if (typeof configs === 'number') return setError(tr('rp.needQueue', { n: configs }));
    if (media === 'badNumbers' || configs === 'badNumbers') return setError(tr('rp.badNumbers'));
    await run(async () => {
      await routingApi.createRoutingProfile({
        Name: name.trim(),
        Description: description.trim(),
        DefaultOutboundQueueId: outbound,
        MediaConcurrencies: media,
        ...(configs.length > 0 && { QueueConfigs: configs }),
      });
      onCreated(name.trim());
    });
  };

  return (
    <form
      className="card editor routing-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="profile-form-title"
      noValidate
    >
      <h3 id="profile-form-title">{tr('rp.new')}</h3>
      <div className="editor-grid">
        <label htmlFor="profile-name">{tr('common.name')}</label>
        <input id="profile-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="profile-description">{tr('common.description')}</label>
        <textarea
          id="profile-description"
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <label htmlFor="profile-outbound">{tr('rp.defaultOutbound')}</label>
        <select id="profile-outbound" value={outbound} onChange={(e) => setOutbound(e.target.value)}>
          <option value="">{tr('common.choose')}</option>
          {queues.map((q) => (
            <option key={q.Id} value={q.Id}>
              {q.Name}
            </option>
          ))}
        </select>
      </div>
      <ConcurrencyFields value={concurrency} onChange={setConcurrency} />
      <QueueConfigRows rows={rows} queues={queues} onChange={setRows} />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tr('common.saving') : tr('rp.create')}
        </button>
        <button type="button" onClick={onClose}>
          {tr('common.cancel')}
        </button>
      </div>
    </form>
  );
}
