/** Incoming contacts: channel, queue (when the server names it), waiting time, time left, Accept and Reject. */
import { useState } from 'react';
import { agentApi } from '../api/agent.js';
import type { Contact, Offer } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorMessage } from '../errors.js';
import { displayName } from './names.js';

interface Props {
  offers: Offer[];
  contacts: Map<string, Contact>;
  now: number;
  onAccepted: (contact: Contact) => void;
  onRejected: (contactId: string) => void;
  onFailed: (e: unknown, show: (message: string) => void) => void;
}

function OfferCard({
  offer,
  contact,
  now,
  onAccepted,
  onRejected,
  onFailed,
}: Omit<Props, 'offers' | 'contacts'> & {
  offer: Offer;
  contact: Contact | undefined;
}) {
  const { t, duration } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const name = displayName(contact, t('contact.untitled'));
  const since = contact?.EnqueueTimestamp ?? contact?.InitiationTimestamp;
  const headingId = `offer-${offer.contactId}`;

  const act = async (accept: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      if (accept) onAccepted((await agentApi.accept(offer.contactId)).Contact);
      else {
        await agentApi.reject(offer.contactId);
        onRejected(offer.contactId);
      }
    } catch (e) {
      setBusy(false);
      onFailed(e, setError);
    }
  };

  return (
    <li className="offer" aria-labelledby={headingId} data-testid="offer">
      <h3 id={headingId} className="text-value">
        {name}
      </h3>
      <dl className="facts">
        <dt>{t('offers.channel')}</dt>
        <dd>{t(`channel.${contact?.Channel ?? 'TASK'}`)}</dd>
        {contact?.Channel === 'VOICE' && contact.CustomerEndpoint && (
          <>
            <dt>{t('call.caller')}</dt>
            <dd className="text-value" data-testid="offer-caller">
              {contact.CustomerEndpoint.Address}
            </dd>
          </>
        )}
        {contact?.QueueName && (
          <>
            <dt>{t('offers.queue')}</dt>
            <dd className="text-value">{contact.QueueName}</dd>
          </>
        )}
        {since !== undefined && (
          <>
            <dt>{t('offers.waiting')}</dt>
            <dd>{duration(now - since)}</dd>
          </>
        )}
        <dt>{t('offers.expiresIn')}</dt>
        <dd>{duration(offer.expiresAt - now)}</dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          aria-label={t('offers.acceptOf', { name })}
          onClick={() => void act(true)}
        >
          {t('offers.accept')}
        </button>
        <button
          type="button"
          disabled={busy}
          aria-label={t('offers.rejectOf', { name })}
          onClick={() => void act(false)}
        >
          {t('offers.reject')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </li>
  );
}

export function Offers({ offers, contacts, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <section className="card offers" aria-labelledby="offers-title">
      <h2 id="offers-title">{t('offers.title')}</h2>
      {offers.length === 0 ? (
        <p className="muted">{t('offers.none')}</p>
      ) : (
        <ul>
          {offers.map((o) => (
            <OfferCard key={o.contactId} offer={o} contact={contacts.get(o.contactId)} {...rest} />
          ))}
        </ul>
      )}
    </section>
  );
}
