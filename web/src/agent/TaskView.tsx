/**
 * The selected contact: its template's fields (read-only ones shown as text, editable ones in a form saved with
 * PATCH, invisible ones absent), its schedule when it has one (shown, never changed: R3), its references (only
 * http/https URLs become links) and attributes, Transfer by quick connect (X1, X2), End and Complete. Everything
 * from the contact is rendered as text.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { agentApi } from '../api/agent.js';
import type { Contact, ContactDetails } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorMessage } from '../errors.js';
import { SafeLink } from '../safe-link.js';
import { displayName } from './names.js';
import { FieldRow, fieldIdOf } from './FieldInput.js';
import { changesOf, fieldNames, taskFields } from './task-fields.js';
import { TransferMenu } from './TransferMenu.js';

interface Props {
  contact: Contact | undefined;
  onChanged: (contact: Contact) => void;
  onFailed: (e: unknown, show: (message: string) => void) => void;
  /** The task was transferred (X1): it has left the agent. */
  onTransferred: (contact: Contact, target: string) => void;
  /** A transfer failed (X2): the reason is shown on the task. */
  onTransferFailed: (contactId: string, reason: string) => void;
}

export function TaskView({ contact, onChanged, onFailed, onTransferred, onTransferFailed }: Props) {
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
        {current.ScheduledTimestamp !== undefined && (
          <>
            <dt>{t('task.scheduled')}</dt>
            <dd data-testid="task-scheduled">
              {dateTime(current.ScheduledTimestamp)} <span className="tag">({t('task.scheduleFixed')})</span>
            </dd>
          </>
        )}
      </dl>
      <form onSubmit={save} aria-labelledby="task-title" noValidate>
        {fields.map((f) => (
          <FieldRow
            key={f.name}
            field={f}
            id={fieldIdOf('field', f.name)}
            value={edited[f.name] ?? f.value}
            onChange={(v) => setEdited((prev) => ({ ...prev, [f.name]: v }))}
          />
        ))}
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
      {current.Channel === 'TASK' && current.State === 'CONNECTED' && (
        <TransferMenu
          contact={current}
          onTransferred={(target) => onTransferred(current, target)}
          onTransferFailed={(reason) => onTransferFailed(current.Id, reason)}
          onFailed={onFailed}
        />
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
