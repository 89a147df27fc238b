/**
 * Transferring a connected task by quick connect (rules X1, X2). Transfer opens the list of the quick connects
 * the agent may use for this task (GET /quick-connects?contactId=); one whose flow fails on tasks shows the
 * server's warning beside it and stays choosable. Choosing one transfers the task; when the transfer fails (409
 * TransferFailed) the server's reason is shown here and the task stays. Esc closes the list and returns focus.
 */
import { useEffect, useRef, useState } from 'react';
import { agentApi } from '../api/agent.js';
import { ApiError } from '../api/client.js';
import type { Contact, QuickConnect } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorMessage } from '../errors.js';

interface Props {
  contact: Contact;
  onTransferred: (target: string) => void;
  onTransferFailed: (reason: string) => void;
  onFailed: (e: unknown, show: (message: string) => void) => void;
}

/** Tasks go to an agent or a queue: phone-number quick connects are not offered for them. */
const forTasks = (list: QuickConnect[]) => list.filter((q) => q.QuickConnectType !== 'PHONE_NUMBER');

export function TransferMenu({ contact, onTransferred, onTransferFailed, onFailed }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<QuickConnect[]>();
  const [loadError, setLoadError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const panelId = `transfer-${contact.Id}`;

  useEffect(() => {
    if (!open) return;
    let live = true;
    heading.current?.focus();
    setLoadError(undefined);
    agentApi
      .quickConnects(contact.Id)
      .then((r) => live && setList(forTasks(r.QuickConnects)))
      .catch((e: unknown) => live && onFailed(e, setLoadError));
    return () => {
      live = false;
    };
  }, [open, contact.Id, onFailed]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const transfer = async (qc: QuickConnect) => {
    setBusy(true);
    setError(undefined);
    try {
      await agentApi.transfer(contact.Id, qc.Id);
      onTransferred(qc.Name);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TransferFailed') {
        setError(t('transfer.failed', { target: qc.Name, reason: e.message }));
        onTransferFailed(e.message);
      } else onFailed(e, setError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="transfer"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        close();
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('transfer.open')}
      </button>
      {open && (
        <div id={panelId} className="transfer-panel" role="group" aria-labelledby={`${panelId}-title`}>
          <h3 id={`${panelId}-title`} ref={heading} tabIndex={-1}>
            {t('transfer.title')}
          </h3>
          {loadError ? (
            <ErrorMessage error={loadError} />
          ) : !list ? (
            <p aria-busy="true">{t('app.loading')}</p>
          ) : list.length === 0 ? (
            <p className="muted">{t('transfer.none')}</p>
          ) : (
            <ul className="quick-connects">
              {list.map((qc) => {
                const warnId = `${panelId}-warn-${qc.Id}`;
                const warned = qc.TaskWarnings.length > 0;
                return (
                  <li key={qc.Id} data-testid="quick-connect">
                    <button
                      type="button"
                      disabled={busy}
                      {...(warned && { 'aria-describedby': warnId })}
                      onClick={() => void transfer(qc)}
                    >
                      {t('transfer.to', { name: qc.Name })}
                    </button>{' '}
                    <span className="tag">{t(`transfer.type.${qc.QuickConnectType}`)}</span>
                    {qc.Description && <p className="help text-value">{qc.Description}</p>}
                    {warned && (
                      <div className="qc-warning" id={warnId} data-testid="quick-connect-warning">
                        <strong>{t('transfer.warning')}</strong>{' '}
                        {qc.TaskWarnings.map((w) => (
                          <span key={w} className="text-value">
                            {w}{' '}
                          </span>
                        ))}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <button type="button" className="link-button" onClick={close}>
            {t('transfer.close')}
          </button>
        </div>
      )}
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
    </div>
  );
}
