/**
 * A contact's details for a supervisor (GET /api/agent/contacts/:id): facts, timeline, attributes, references
 * (text; only http/https URL references become links), linked contacts; and its actions: change the schedule
 * (only while SCHEDULED: R1, P2) and stop. Errors are shown at the form that failed.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { consoleApi } from '../api/console.js';
import type { ContactDetails, ContactState } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { useConsoleT } from '../i18n/console-messages.js';
import type { MessageKey } from '../i18n/messages.js';
import { ErrorMessage, describeError } from '../errors.js';
import { SafeLink } from '../safe-link.js';
import { localInputOfMs, msOfLocalInput } from './time.js';

const WORKSPACE_STATES: Partial<Record<ContactState, MessageKey>> = {
  QUEUED: 'state.QUEUED',
  OFFERED: 'state.OFFERED',
  CONNECTED: 'state.CONNECTED',
  ACW: 'state.ACW',
  ENDED: 'state.ENDED',
};
const CONSOLE_STATES = {
  INITIATED: 'state.INITIATED',
  SCHEDULED: 'state.SCHEDULED',
  IN_FLOW: 'state.IN_FLOW',
  EXPIRED: 'state.EXPIRED',
} as const;

export function useContactLabels() {
  const { t } = useI18n();
  const tc = useConsoleT();
  return {
    channelLabel: (c: string) =>
      c === 'TASK' || c === 'VOICE' || c === 'CHAT' || c === 'EMAIL' ? t(`channel.${c}`) : c,
    stateLabel: (s: ContactState) => {
      const key = WORKSPACE_STATES[s];
      if (key) return t(key);
      return s in CONSOLE_STATES ? tc(CONSOLE_STATES[s as keyof typeof CONSOLE_STATES]) : s;
    },
  };
}

const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');

interface Props {
  contactId: string;
  onOpen: (id: string) => void;
  onClose: () => void;
  onChanged: () => void;
}

export function ContactDetailsView({ contactId, onOpen, onClose, onChanged }: Props) {
  const { t, dateTime } = useI18n();
  const tc = useConsoleT();
  const { channelLabel, stateLabel } = useContactLabels();
  const [details, setDetails] = useState<ContactDetails>();
  const [loadError, setLoadError] = useState<string>();
  const [newTime, setNewTime] = useState('');
  const [scheduleError, setScheduleError] = useState<string>();
  const [stopError, setStopError] = useState<string>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    () =>
      consoleApi
        .contact(contactId)
        .then((d) => {
          setDetails(d);
          if (d.Contact.ScheduledTimestamp) setNewTime(localInputOfMs(d.Contact.ScheduledTimestamp));
        })
        .catch((e: unknown) => setLoadError(describeError(e, t))),
    [contactId, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const reschedule = async (e: FormEvent) => {
    e.preventDefault();
    const ms = msOfLocalInput(newTime);
    if (ms === undefined) {
      setScheduleError(tc('search.badTime'));
      return;
    }
    setBusy(true);
    setScheduleError(undefined);
    try {
      const { Contact } = await consoleApi.reschedule(contactId, ms);
      setStatus(tc('details.rescheduled', { time: dateTime(Contact.ScheduledTimestamp ?? ms) }));
      await load();
      onChanged();
    } catch (err) {
      setScheduleError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const stop = async () => {
    setBusy(true);
    setStopError(undefined);
    try {
      await consoleApi.stop(contactId);
      setStatus(tc('details.stopped'));
      await load();
      onChanged();
    } catch (err) {
      setStopError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  if (!details)
    return (
      <section className="card details" aria-busy={!loadError}>
        {loadError ? <ErrorMessage error={loadError} /> : <p>{t('task.loading')}</p>}
      </section>
    );
  const c = details.Contact;
  const name = c.Name ?? t('contact.untitled');
  const attributes = Object.entries(c.Attributes ?? {});
  const references = Object.entries(c.References ?? {});
  const scheduled = c.State === 'SCHEDULED';
  const ended = c.State === 'ENDED' || c.State === 'EXPIRED';

  return (
    <section className="card details" aria-labelledby="details-title" data-testid="contact-details">
      <div className="section-head">
        <h3 id="details-title" className="text-value">
          {tc('details.title', { name })}
        </h3>
        <button type="button" onClick={onClose}>
          {tc('details.close')}
        </button>
      </div>
      <p role="status" data-testid="details-status">
        {status}
      </p>
      <dl className="facts">
        <div className="pair">
          <dt>{tc('details.id')}</dt>
          <dd>{c.Id}</dd>
        </div>
        <div className="pair">
          <dt>{tc('search.channel')}</dt>
          <dd>{channelLabel(c.Channel)}</dd>
        </div>
        <div className="pair">
          <dt>{tc('search.state')}</dt>
          <dd data-testid="details-state">{stateLabel(c.State)}</dd>
        </div>
        <div className="pair">
          <dt>{tc('search.initiated')}</dt>
          <dd>{dateTime(c.InitiationTimestamp)}</dd>
        </div>
        <div className="pair">
          <dt>{tc('search.scheduledAt')}</dt>
          <dd data-testid="details-scheduled">
            {c.ScheduledTimestamp ? dateTime(c.ScheduledTimestamp) : '—'}
          </dd>
        </div>
        {c.Description && (
          <div className="pair">
            <dt>{tc('tpl.description')}</dt>
            <dd className="text-value">{c.Description}</dd>
          </div>
        )}
      </dl>

      {scheduled ? (
        <form className="inline-form" onSubmit={(e) => void reschedule(e)} aria-labelledby="reschedule-title">
          <h4 id="reschedule-title">{tc('details.reschedule')}</h4>
          <label htmlFor="reschedule-time">{tc('details.newTime')}</label>
          <input
            id="reschedule-time"
            type="datetime-local"
            value={newTime}
            onChange={(e) => setNewTime(e.target.value)}
            aria-invalid={scheduleError !== undefined}
            aria-describedby="reschedule-error"
          />
          <button type="submit" className="primary" disabled={busy}>
            {tc('details.rescheduleSubmit')}
          </button>
          <div id="reschedule-error">
            <ErrorMessage error={scheduleError} />
          </div>
        </form>
      ) : (
        <p className="muted">{tc('details.onlyScheduled')}</p>
      )}
      {!ended && (
        <div className="actions">
          <button type="button" className="danger" disabled={busy} onClick={() => void stop()}>
            {tc('details.stop')}
          </button>
          <ErrorMessage error={stopError} />
        </div>
      )}

      <h4>{t('task.attributes')}</h4>
      {attributes.length === 0 ? (
        <p className="muted">{t('task.noAttributes')}</p>
      ) : (
        <dl className="facts">
          {attributes.map(([k, v]) => (
            <div className="pair" key={k}>
              <dt className="text-value">{k}</dt>
              <dd className="text-value">{v}</dd>
            </div>
          ))}
        </dl>
      )}

      <h4>{t('task.references')}</h4>
      {references.length === 0 ? (
        <p className="muted">{t('task.noReferences')}</p>
      ) : (
        <dl className="facts" data-testid="details-references">
          {references.map(([k, r]) => (
            <div className="pair" key={k}>
              <dt className="text-value">{k}</dt>
              <dd>
                {r.Type === 'URL' ? (
                  <SafeLink value={r.Value} />
                ) : (
                  <span className="text-value">{r.Value}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}

      <h4>{tc('details.linked')}</h4>
      {(details.Linked ?? []).length === 0 ? (
        <p className="muted">{tc('details.noLinked')}</p>
      ) : (
        <ul>
          {(details.Linked ?? []).map((l) => (
            <li key={l.Id}>
              <button type="button" className="link-button" onClick={() => onOpen(l.Id)}>
                {l.Name ?? t('contact.untitled')}
              </button>{' '}
              <span className="muted">
                {channelLabel(l.Channel)} · {stateLabel(l.State)}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h4>{tc('details.timeline')}</h4>
      {(details.Timeline ?? []).length === 0 ? (
        <p className="muted">{tc('details.noTimeline')}</p>
      ) : (
        <ol className="timeline" data-testid="details-timeline">
          {(details.Timeline ?? []).map((e) => (
            <li key={e.Seq}>
              <time dateTime={new Date(e.Timestamp).toISOString()}>{dateTime(e.Timestamp)}</time>{' '}
              <strong>{e.Type}</strong> <span className="text-value">{detailText(e.Detail ?? {})}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
