/**
 * The selected contact: its template's fields (read-only ones shown as text, editable ones in a form saved with
 * PATCH, invisible ones absent), its references (only http/https URLs become links) and attributes, End and
 * Complete. Everything from the contact is rendered as text.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { agentApi } from '../api/agent.js';
import type { Contact, ContactDetails } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorMessage } from '../errors.js';
import { SafeLink } from '../safe-link.js';
import { displayName } from './names.js';
import {
  changesOf,
  epochSecondsOf,
  fieldNames,
  localInputOf,
  taskFields,
  type TaskField,
} from './task-fields.js';

interface Props {
  contact: Contact | undefined;
  onChanged: (contact: Contact) => void;
  onFailed: (e: unknown, show: (message: string) => void) => void;
}

function FieldInput({
  field,
  id,
  value,
  onChange,
}: {
  field: TaskField;
  id: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  const common = {
    id,
    'aria-required': field.required,
    ...(field.description && { 'aria-describedby': `${id}-help` }),
  };
  switch (field.type) {
    case 'DESCRIPTION':
    case 'TEXT_AREA':
      return <textarea {...common} rows={4} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'BOOLEAN':
      return (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          <option value="true">{t('task.yes')}</option>
          <option value="false">{t('task.no')}</option>
        </select>
      );
    case 'SINGLE_SELECT':
      return (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'DATE_TIME':
      return (
        <input
          {...common}
          type="datetime-local"
          value={localInputOf(value)}
          onChange={(e) => onChange(epochSecondsOf(e.target.value))}
        />
      );
    default: {
      const type =
        field.type === 'NUMBER'
          ? 'number'
          : field.type === 'EMAIL'
            ? 'email'
            : field.type === 'URL'
              ? 'url'
              : 'text';
      return <input {...common} type={type} value={value} onChange={(e) => onChange(e.target.value)} />;
    }
  }
}

function ReadOnlyValue({ field }: { field: TaskField }) {
  const { dateTime } = useI18n();
  if (field.value === '') return <>—</>;
  if (field.type === 'SCHEDULED_TIME') return <>{dateTime(Number(field.value))}</>;
  if (field.type === 'DATE_TIME') return <>{dateTime(Number(field.value) * 1000)}</>;
  if (field.type === 'URL') return <SafeLink value={field.value} />;
  return <span className="text-value">{field.value}</span>;
}

export function TaskView({ contact, onChanged, onFailed }: Props) {
  const { t, dateTime } = useI18n();
  const [details, setDetails] = useState<ContactDetails>();
  const [loadError, setLoadError] = useState<string>();
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState('');
  const id = contact?.Id;

  useEffect(() => {
    if (!id) return;
    let live = true;
    agentApi
      .contact(id)
      .then((d) => live && setDetails(d))
      .catch((e: unknown) => live && onFailed(e, setLoadError));
    return () => {
      live = false;
    };
  }, [id, onFailed]);

  // The live contact (from the socket) wins over the one loaded with the details.
  const current = contact && details ? { ...details.Contact, ...contact } : undefined;
  const fields = useMemo(
    () => (current ? taskFields(current, details?.TaskTemplate) : []),
    [current, details],
  );

  if (!contact)
    return (
      <section className="card task" aria-labelledby="task-title">
        <h2 id="task-title">{t('task.title')}</h2>
        <p className="muted">{t('task.none')}</p>
      </section>
    );
  if (!current)
    return (
      <section className="card task" aria-labelledby="task-title" aria-busy={!loadError}>
        <h2 id="task-title">{t('task.title')}</h2>
        {loadError ? <ErrorMessage error={loadError} /> : <p>{t('task.loading')}</p>}
      </section>
    );

  const shown = fieldNames(details?.TaskTemplate);
  const otherReferences = Object.entries(current.References).filter(([name]) => !shown.has(name));
  const editable = fields.filter((f) => f.editable);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setSaved('');
    try {
      await action();
    } catch (e) {
      onFailed(e, setError);
    } finally {
      setBusy(false);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    const changes = changesOf(fields, edited);
    if (Object.keys(changes).length === 0) {
      setSaved(t('task.noChanges'));
      return;
    }
    void run(async () => {
      const { Contact: updated } = await agentApi.update(current.Id, changes);
      setDetails((d) => d && { ...d, Contact: updated });
      setEdited({});
      onChanged(updated);
      setSaved(t('task.saved'));
    });
  };

  return (
    <section className="card task" aria-labelledby="task-title" data-testid="task-view">
      <h2 id="task-title" className="text-value">
        {t(`channel.${current.Channel}`)}: {displayName(current, t('contact.untitled'))}
      </h2>
      <dl className="facts">
        <dt>{t('task.state')}</dt>
        <dd>
          {t(
            current.State === 'ACW'
              ? 'state.ACW'
              : current.State === 'OFFERED'
                ? 'state.OFFERED'
                : 'state.CONNECTED',
          )}
        </dd>
        <dt>{t('task.initiated')}</dt>
        <dd>{dateTime(current.InitiationTimestamp)}</dd>
        {current.ConnectedToAgentTimestamp !== undefined && (
          <>
            <dt>{t('task.connectedAt')}</dt>
            <dd>{dateTime(current.ConnectedToAgentTimestamp)}</dd>
          </>
        )}
      </dl>
      <form onSubmit={save} aria-labelledby="task-title" noValidate>
        {fields.map((f) => {
          const fieldId = `field-${f.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
          return (
            <div className="field" key={f.name} data-field={f.name}>
              {f.editable ? (
                <label htmlFor={fieldId}>
                  {f.name}
                  {f.required && <span className="tag"> ({t('task.required')})</span>}
                </label>
              ) : (
                <span className="label" id={`${fieldId}-label`}>
                  {f.name} <span className="tag">({t('task.readOnly')})</span>
                </span>
              )}
              {f.editable ? (
                <FieldInput
                  field={f}
                  id={fieldId}
                  value={edited[f.name] ?? f.value}
                  onChange={(v) => setEdited((prev) => ({ ...prev, [f.name]: v }))}
                />
              ) : (
                <p className="readonly" aria-labelledby={`${fieldId}-label`} data-readonly={f.name}>
                  <ReadOnlyValue field={f} />
                </p>
              )}
              {f.description && (
                <p className="help text-value" id={`${fieldId}-help`}>
                  {f.description}
                </p>
              )}
            </div>
          );
        })}
        {editable.length > 0 && (
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('task.saving') : t('task.save')}
            </button>
            <span role="status">{saved}</span>
          </div>
        )}
      </form>
      <h3>{t('task.references')}</h3>
      {otherReferences.length === 0 ? (
        <p className="muted">{t('task.noReferences')}</p>
      ) : (
        <dl className="facts" data-testid="references">
          {otherReferences.map(([name, ref]) => (
            <div key={name} className="pair">
              <dt className="text-value">{name}</dt>
              <dd>
                {ref.Type === 'URL' ? (
                  <SafeLink value={ref.Value} />
                ) : (
                  <span className="text-value">{ref.Value}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t('task.attributes')}</h3>
      {Object.keys(current.Attributes).length === 0 ? (
        <p className="muted">{t('task.noAttributes')}</p>
      ) : (
        <dl className="facts">
          {Object.entries(current.Attributes).map(([name, value]) => (
            <div key={name} className="pair">
              <dt className="text-value">{name}</dt>
              <dd className="text-value">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="actions">
        {current.State === 'CONNECTED' && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(async () => onChanged((await agentApi.end(current.Id)).Contact))}
          >
            {t('task.end')}
          </button>
        )}
        {(current.State === 'CONNECTED' || current.State === 'ACW') && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void run(async () => onChanged((await agentApi.complete(current.Id)).Contact))}
          >
            {t('task.complete')}
          </button>
        )}
      </div>
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
    </section>
  );
}
