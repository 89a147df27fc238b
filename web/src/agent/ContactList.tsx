/**
 * The contacts the agent holds, calls and tasks together (rules S2, V1): choosing one shows it. A connected call
 * shows its running time and whether it is on hold here too, so it stays in sight while a task is open.
 */
import type { Contact } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { displayName } from './names.js';

interface Props {
  contacts: Contact[];
  selected: string | undefined;
  now: number;
  onHold: Set<string>;
  onSelect: (contactId: string) => void;
}

export function ContactList({ contacts, selected, now, onHold, onSelect }: Props) {
  const { t, duration } = useI18n();
  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">
        {t('contacts.title')}
        {contacts.length > 0 && <span className="tag"> ({contacts.length})</span>}
      </h2>
      {contacts.length === 0 ? (
        <p className="muted">{t('contacts.none')}</p>
      ) : (
        <ul className="contact-list" data-testid="contact-list">
          {contacts.map((c) => {
            const state =
              c.State === 'ACW' ? t('state.ACW') : onHold.has(c.Id) ? t('call.onHold') : t('state.CONNECTED');
            const running =
              c.Channel === 'VOICE' && c.State === 'CONNECTED' && c.ConnectedToAgentTimestamp !== undefined;
            return (
              <li key={c.Id}>
                <button
                  type="button"
                  className={c.Id === selected ? 'contact selected' : 'contact'}
                  aria-current={c.Id === selected ? 'true' : undefined}
                  onClick={() => onSelect(c.Id)}
                >
                  <span className="channel">{t(`channel.${c.Channel}`)}</span>{' '}
                  <span className="text-value">{displayName(c, t('contact.untitled'))}</span>{' '}
                  <span className="state">{state}</span>
                  {running && (
                    <span className="state" data-testid="list-call-timer">
                      {' '}
                      · {duration(now - (c.ConnectedToAgentTimestamp ?? now))}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
