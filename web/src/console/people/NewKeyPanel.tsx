/**
 * A key just made (CreateAccessKey): its id and secret, with copy buttons and a plain note that the secret is
 * shown only now. "Done" hides the secret for good.
 */
import type { NewAccessKey } from '../../api/console-people.js';
import { CopyButton } from './CopyButton.js';
import { usePeopleT } from './messages.js';

export function NewKeyPanel({
  created,
  username,
  onDone,
}: {
  created: NewAccessKey;
  username: string;
  onDone: () => void;
}) {
  const tp = usePeopleT();
  return (
    <section className="card new-key" aria-labelledby="new-key-title" data-testid="new-key">
      <h3 id="new-key-title">{tp('key.createdTitle', { name: username })}</h3>
      <p className="notice once" id="new-key-once">
        <strong>{tp('key.onlyNow')}</strong> {tp('key.onlyNowMore')}
      </p>
      <div className="editor-grid">
        <label htmlFor="new-key-id">{tp('key.id')}</label>
        <span className="copy-line">
          <input id="new-key-id" readOnly value={created.AccessKeyId} size={28} />
          <CopyButton text={created.AccessKeyId} label={tp('key.copyId')} />
        </span>
        <label htmlFor="new-key-secret">{tp('key.secret')}</label>
        <span className="copy-line">
          <input
            id="new-key-secret"
            readOnly
            value={created.SecretAccessKey}
            size={48}
            aria-describedby="new-key-once"
            autoComplete="off"
            spellCheck={false}
          />
          <CopyButton text={created.SecretAccessKey} label={tp('key.copySecret')} />
        </span>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={onDone}>
          {tp('key.done')}
        </button>
      </div>
    </section>
  );
}
