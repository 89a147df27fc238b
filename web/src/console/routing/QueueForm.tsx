/**
 * A new queue (CreateQueue): name, description, hours of operation, maximum contacts and, optionally, the
 * outbound caller ID (a name and one of the instance's numbers). The server's refusal is shown on the form.
 */
import { useState, type FormEvent } from 'react';
import { routingApi, type PhoneNumberSummary, type Summary } from '../../api/console-routing.js';
import { ErrorMessage, useAction } from '../../errors.js';
import { useRoutingT } from './messages.js';
import { wholeNumberOf } from './queue-rows.js';

interface Props {
  hours: Summary[];
  phoneNumbers: PhoneNumberSummary[];
  onClose: () => void;
  onCreated: (name: string) => void;
}

export function QueueForm({ hours, phoneNumbers, onClose, onCreated }: Props) {
  const tr = useRoutingT();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [hoursId, setHoursId] = useState(hours.length === 1 ? (hours[0]?.Id ?? '') : '');
  const [max, setMax] = useState('');
  const [callerName, setCallerName] = useState('');
  const [callerNumber, setCallerNumber] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const maxContacts = wholeNumberOf(max);
    if (Number.isNaN(maxContacts)) {
      setError(tr('queue.badNumber'));
      return;
    }
    const outbound = {
      ...(callerName.trim() && { OutboundCallerIdName: callerName.trim() }),
      ...(callerNumber && { OutboundCallerIdNumberId: callerNumber }),
    };
    await run(async () => {
      await routingApi.createQueue({
        Name: name.trim(),
        ...(description.trim() && { Description: description.trim() }),
        HoursOfOperationId: hoursId,
        ...(maxContacts !== undefined && { MaxContacts: maxContacts }),
        ...(Object.keys(outbound).length > 0 && { OutboundCallerConfig: outbound }),
      });
      onCreated(name.trim());
    });
  };

  return (
    <form
      className="card editor routing-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="queue-form-title"
      noValidate
    >
      <h3 id="queue-form-title">{tr('queue.new')}</h3>
      <div className="editor-grid">
        <label htmlFor="queue-name">{tr('common.name')}</label>
        <input id="queue-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="queue-description">
          {tr('common.description')} <span className="tag">{tr('common.optional')}</span>
        </label>
        <textarea
          id="queue-description"
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <label htmlFor="queue-hours">{tr('queue.hours')}</label>
        <select id="queue-hours" value={hoursId} onChange={(e) => setHoursId(e.target.value)}>
          <option value="">{tr('common.choose')}</option>
          {hours.map((h) => (
            <option key={h.Id} value={h.Id}>
              {h.Name}
            </option>
          ))}
        </select>
        <label htmlFor="queue-max">
          {tr('queue.maxContacts')} <span className="tag">{tr('common.optional')}</span>
        </label>
        <div>
          <input
            id="queue-max"
            type="number"
            min={0}
            step={1}
            value={max}
            aria-describedby="queue-max-help"
            onChange={(e) => setMax(e.target.value)}
          />
          <p className="help" id="queue-max-help">
            {tr('queue.maxHelp')}
          </p>
        </div>
        <label htmlFor="queue-caller-name">
          {tr('queue.outboundName')} <span className="tag">{tr('common.optional')}</span>
        </label>
        <input id="queue-caller-name" value={callerName} onChange={(e) => setCallerName(e.target.value)} />
        <label htmlFor="queue-caller-number">
          {tr('queue.outboundNumber')} <span className="tag">{tr('common.optional')}</span>
        </label>
        <select
          id="queue-caller-number"
          value={callerNumber}
          onChange={(e) => setCallerNumber(e.target.value)}
        >
          <option value="">{tr('queue.noNumber')}</option>
          {phoneNumbers.map((p) => (
            <option key={p.PhoneNumberId} value={p.PhoneNumberId}>
              {p.PhoneNumber}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tr('common.saving') : tr('queue.create')}
        </button>
        <button type="button" onClick={onClose}>
          {tr('common.cancel')}
        </button>
      </div>
    </form>
  );
}
