/**
 * The workspace's Create task button (rules R2, P1): usable beside any contact. It loads the templates the agent
 * may use; when the server refuses them (403: the security profile restricts task creation) the button is
 * disabled and the server's words say why. The dialog's result is confirmed here, naming the task and, when it
 * is scheduled, when (in the user's time zone).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { agentApi } from '../api/agent.js';
import { ApiError } from '../api/client.js';
import type { Contact, TaskTemplate } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorMessage } from '../errors.js';
import { CreateTaskDialog } from './CreateTaskDialog.js';

interface Props {
  onFailed: (e: unknown, show: (message: string) => void) => void;
}

export function CreateTask({ onFailed }: Props) {
  const { t, dateTime } = useI18n();
  const [templates, setTemplates] = useState<TaskTemplate[]>();
  const [denied, setDenied] = useState<string>();
  const [loadError, setLoadError] = useState<string>();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState('');
  const opener = useRef<HTMLButtonElement>(null);

  const load = useCallback(() => {
    setLoadError(undefined);
    agentApi
      .taskTemplates()
      .then((r) => {
        setTemplates(r.TaskTemplates);
        setDenied(undefined);
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 403) setDenied(e.message);
        else onFailed(e, setLoadError);
      });
  }, [onFailed]);

  useEffect(() => load(), [load]);

  // Focus goes back to the button once the dialog has closed (not before: it is inert while the dialog is open).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      opener.current?.focus();
    }
  }, [open]);
  const close = () => setOpen(false);

  const done = (contact: Contact) => {
    const name = contact.Name ?? '';
    setCreated(
      contact.ScheduledTimestamp === undefined
        ? t('create.done', { name })
        : t('create.doneScheduled', { name, when: dateTime(contact.ScheduledTimestamp) }),
    );
    close();
  };

  return (
    <section className="card create-task" aria-labelledby="create-task-title">
      <h2 id="create-task-title">{t('create.heading')}</h2>
      <button
        ref={opener}
        type="button"
        className="primary"
        disabled={denied !== undefined}
        aria-haspopup="dialog"
        {...(denied !== undefined && { 'aria-describedby': 'create-task-denied' })}
        onClick={() => {
          setCreated('');
          if (!templates) load();
          setOpen(true);
        }}
      >
        {t('create.open')}
      </button>
      {denied !== undefined && (
        <p className="muted text-value" id="create-task-denied" data-testid="create-task-denied">
          {t('create.denied', { reason: denied })}
        </p>
      )}
      <ErrorMessage error={loadError} onDismiss={() => setLoadError(undefined)} />
      <p role="status" className="confirmation text-value" data-testid="create-task-status">
        {created}
      </p>
      {open && (
        <CreateTaskDialog templates={templates ?? []} onClose={close} onCreated={done} onFailed={onFailed} />
      )}
    </section>
  );
}
