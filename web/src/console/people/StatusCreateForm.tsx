/**
 * A new custom agent status (CreateAgentStatus): name, description, enabled, display order (1–50, optional).
 * The server's refusal (a taken name, an order out of range) is shown on the field and summed up.
 */
import { useState, type FormEvent } from 'react';
import { peopleApi } from '../../api/console-people.js';
import { useI18n } from '../../i18n/i18n.js';
import { invalidProps, placeErrors, type PlacedErrors } from './field-errors.js';
import { ErrorSummary, FieldError } from './FormBits.js';
import { usePeopleT } from './messages.js';

type Field = 'name' | 'description' | 'order';
const MEMBERS: Record<Field, readonly string[]> = {
  name: ['Name'],
  description: ['Description'],
  order: ['DisplayOrder'],
};

export function StatusCreateForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (name: string) => void;
}) {
  const { t } = useI18n();
  const tp = usePeopleT();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [order, setOrder] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors<Field>>();

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const displayOrder = order.trim() === '' ? undefined : Number(order);
    if (displayOrder !== undefined && !Number.isInteger(displayOrder)) {
      const message = tp('status.badOrder');
      setErrors({ all: [message], byField: { order: [message] } });
      return;
    }
    setBusy(true);
    setErrors(undefined);
    try {
      await peopleApi.createAgentStatus({
        Name: name,
        ...(description && { Description: description }),
        State: enabled ? 'ENABLED' : 'DISABLED',
        ...(displayOrder !== undefined && { DisplayOrder: displayOrder }),
      });
      onCreated(name);
    } catch (err) {
      setErrors(placeErrors(err, t, MEMBERS, { DuplicateResourceException: 'name' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card editor"
      onSubmit={(e) => void create(e)}
      aria-labelledby="status-new-title"
      noValidate
    >
      <h3 id="status-new-title">{tp('status.creating')}</h3>
      <div className="editor-grid">
        <label htmlFor="status-name">{tp('status.name')}</label>
        <div>
          <input
            id="status-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            {...invalidProps(errors?.byField.name, 'status-name-error')}
          />
          <FieldError id="status-name-error" errors={errors?.byField.name} />
        </div>
        <label htmlFor="status-description">{tp('status.description')}</label>
        <div>
          <input
            id="status-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            {...invalidProps(errors?.byField.description, 'status-description-error')}
          />
          <FieldError id="status-description-error" errors={errors?.byField.description} />
        </div>
        <label htmlFor="status-order">{tp('status.order')}</label>
        <div>
          <input
            id="status-order"
            type="number"
            min={1}
            max={50}
            value={order}
            onChange={(e) => setOrder(e.target.value)}
            aria-describedby={errors?.byField.order ? 'status-order-error' : 'status-order-help'}
            aria-invalid={errors?.byField.order ? true : undefined}
          />
          <p className="help" id="status-order-help">
            {tp('status.orderHelp')}
          </p>
          <FieldError id="status-order-error" errors={errors?.byField.order} />
        </div>
      </div>
      <label className="check-line">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
        {tp('status.enabledLabel')}
      </label>
      <ErrorSummary title={tp('status.notCreated')} errors={errors} testId="status-errors" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tp('saving') : tp('status.create')}
        </button>
        <button type="button" onClick={onClose}>
          {tp('close')}
        </button>
      </div>
    </form>
  );
}
