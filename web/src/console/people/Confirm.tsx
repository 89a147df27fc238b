/**
 * A confirmation before something that cannot be undone (delete, revoke): a modal <dialog> with the question,
 * the action and Cancel (Escape cancels too; focus starts on Cancel). The server's refusal is shown inside.
 */
import { useEffect, useRef, useState } from 'react';
import { ErrorMessage, describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { usePeopleT } from './messages.js';

interface Props {
  title: string;
  question: string;
  confirmLabel: string;
  /** Does the thing; the caller closes the dialog once it is done. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

export function Confirm({ title, question, confirmLabel, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const tp = usePeopleT();
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (e) {
      setError(describeError(e, t));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="card confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-question"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h3 id="confirm-title">{title}</h3>
      <p id="confirm-question">{question}</p>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel} autoFocus>
          {tp('cancel')}
        </button>
      </div>
    </dialog>
  );
}
