/**
 * The agent's workspace: status, incoming offers (announced, with a chime), Create task, the contacts the agent
 * holds (calls and tasks at once, S2), and the selected contact's view; a call's audio goes on while a task is
 * shown. Errors show beside what the agent did; a transfer is confirmed here, once the task has left.
 */
import { useCallback, useEffect, useState } from 'react';
import { agentApi } from '../api/agent.js';
import { ApiError } from '../api/client.js';
import type { AgentStatus, Contact, Session } from '../api/types.js';
import { LanguageSwitcher, useI18n } from '../i18n/i18n.js';
import { ErrorMessage, describeError } from '../errors.js';
import { Offers } from './Offers.js';
import { TaskView } from './TaskView.js';
import { VoiceView } from './VoiceView.js';
import { useVoiceLinks } from './useVoiceLinks.js';
import { RemoteAudio } from '../remote-audio.js';
import { chime } from './sound.js';
import { useAgentState } from './useAgentState.js';
import { displayName } from './names.js';
import { ContactList } from './ContactList.js';
import { CreateTask } from './CreateTask.js';

export function Workspace({
  session,
  onSessionEnded,
}: {
  session: Session;
  onSessionEnded: (expired: boolean) => void;
}) {
  const { t } = useI18n();
  const userId = session.User.Id;
  const [announcement, setAnnouncement] = useState('');
  const [statuses, setStatuses] = useState<AgentStatus[]>([]);
  const [statusError, setStatusError] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const [now, setNow] = useState(() => Date.now());
  const [confirmation, setConfirmation] = useState('');
  /** Notices already shown on the task they are about (a failed transfer's reason, X2): not repeated above. */
  const [shownOnTask, setShownOnTask] = useState<ReadonlySet<string>>(new Set());

  const onOffer = useCallback(() => chime(), []);
  const ended = useCallback(() => onSessionEnded(true), [onSessionEnded]);
  const { state, connection, applyContact, applyAgent, dismissNotice, send, onSignal } = useAgentState(
    userId,
    ended,
    onOffer,
  );
  const voice = useVoiceLinks(state.contacts, send, onSignal);

  /** Any API failure: a 401 means the session is gone. */
  const failed = useCallback(
    (e: unknown, show: (message: string) => void) => {
      if (e instanceof ApiError && e.status === 401) onSessionEnded(true);
      else show(describeError(e, t));
    },
    [onSessionEnded, t],
  );

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    agentApi
      .statuses()
      .then((r) => setStatuses(r.AgentStatuses))
      .catch((e: unknown) => failed(e, setStatusError));
  }, [failed]);

  // Announce each new offer once, in words, for screen readers.
  const offerIds = [...state.offers.keys()].join(',');
  useEffect(() => {
    const first = [...state.offers.keys()].at(-1);
    if (!first) return;
    const contact = state.contacts.get(first);
    setAnnouncement(
      t('offers.arrived', {
        channel: t(`channel.${contact?.Channel ?? 'TASK'}`),
        name: displayName(contact, t('contact.untitled')),
      }),
    );
    // Only a change in the set of offers is announced.
  }, [offerIds]);

  const setStatus = async (id: string) => {
    setStatusError(undefined);
    try {
      const { Agent } = await agentApi.setStatus(id);
      applyAgent(Agent);
      setAnnouncement(t('ws.statusChanged', { name: Agent.statusName ?? '' }));
    } catch (e) {
      failed(e, setStatusError);
    }
  };

  const logout = async () => {
    try {
      await agentApi.logout();
    } catch {
      // Logged out either way: the session is forgotten here.
    }
    onSessionEnded(false);
  };

  const transferred = (contact: Contact, target: string) => {
    applyContact({ ...contact, State: 'ENDED' });
    setSelected(undefined);
    setConfirmation(t('transfer.done', { name: displayName(contact, t('contact.untitled')), target }));
  };
  const noticeKey = (contactId: string | undefined, message: string) => `${contactId ?? ''}\n${message}`;
  const notices = state.notices.filter((n) => !shownOnTask.has(noticeKey(n.contactId, n.message)));

  const held = [...state.contacts.values()].filter((c) => c.State !== 'OFFERED');
  const selectedContact = selected ? state.contacts.get(selected) : undefined;
  const name =
    [session.User.FirstName, session.User.LastName].filter(Boolean).join(' ') || session.User.Username;

  // An agent who has not chosen a status yet is offline, as Connect shows a new login.
  const shownStatus = state.agent?.statusId ?? statuses.find((s) => s.Type === 'OFFLINE')?.Id ?? '';

  return (
    <div className="workspace">
      <header className="bar">
        <h1>{t('app.agent')}</h1>
        <span className="who">{t('ws.loggedInAs', { name })}</span>
        <label className="status">
          {t('ws.status')}{' '}
          <select
            value={shownStatus}
            onChange={(e) => void setStatus(e.target.value)}
            disabled={statuses.length === 0}
          >
            {shownStatus === '' && <option value="">—</option>}
            {statuses.map((s) => (
              <option key={s.Id} value={s.Id}>
                {s.Name}
              </option>
            ))}
          </select>
        </label>
        <span className={`connection ${connection}`} role="status">
          {connection === 'reconnecting'
            ? t('ws.reconnecting')
            : connection === 'open'
              ? t('ws.connected')
              : t('app.loading')}
        </span>
        <LanguageSwitcher />
        <button type="button" onClick={() => void logout()}>
          {t('ws.logout')}
        </button>
      </header>
      <ErrorMessage error={statusError} onDismiss={() => setStatusError(undefined)} />
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>
      {state.agent?.missed && <p className="warning">{t('ws.missed')}</p>}
      <div aria-live="polite">
        {notices.map((n) => (
          <p key={n.id} className="notice" role="alert">
            <strong>{t('ws.notice')}:</strong> {n.message}{' '}
            <button type="button" className="link-button" onClick={() => dismissNotice(n.id)}>
              {t('error.dismiss')}
            </button>
          </p>
        ))}
      </div>
      <div className="confirmation-bar" role="status" data-testid="workspace-status">
        {confirmation && (
          <p className="confirmation text-value">
            {confirmation}{' '}
            <button type="button" className="link-button" onClick={() => setConfirmation('')}>
              {t('error.dismiss')}
            </button>
          </p>
        )}
      </div>
      <div className="columns">
        <div className="side">
          <Offers
            offers={[...state.offers.values()]}
            contacts={state.contacts}
            now={now}
            onAccepted={(c) => {
              applyContact(c);
              setSelected(c.Id);
            }}
            onRejected={(id) => {
              const c = state.contacts.get(id);
              if (c) applyContact({ ...c, State: 'QUEUED' });
            }}
            onFailed={failed}
          />
          <ContactList
            contacts={held}
            selected={selected}
            now={now}
            onHold={voice.onHold}
            onSelect={(id) => {
              setSelected(id);
              setConfirmation('');
            }}
          />
          <CreateTask onFailed={failed} />
        </div>
        {selectedContact?.Channel === 'VOICE' && selectedContact.State !== 'OFFERED' ? (
          <VoiceView
            key={selectedContact.Id}
            contact={selectedContact}
            now={now}
            voice={voice}
            onChanged={applyContact}
            onFailed={failed}
          />
        ) : (
          <TaskView
            key={selected ?? 'none'}
            contact={selectedContact}
            onChanged={applyContact}
            onFailed={failed}
            onTransferred={transferred}
            onTransferFailed={(contactId, reason) =>
              setShownOnTask((prev) => new Set(prev).add(noticeKey(contactId, reason)))
            }
          />
        )}
      </div>
      {[...voice.remote].map(([id, stream]) => (
        <RemoteAudio key={id} stream={stream} muted={voice.onHold.has(id)} />
      ))}
    </div>
  );
}
