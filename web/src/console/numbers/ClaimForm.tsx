/** Claiming a phone number (ClaimPhoneNumber): the number in E.164 and an optional description. */
import { useState, type FormEvent } from 'react';
import { ErrorMessage, describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { numbersApi } from './api.js';
import { useNumbersT } from './messages.js';

export function ClaimForm({ onClaimed }: { onClaimed: (number: string) => void }) {
  const { t } = useI18n();
  const nt = useNumbersT();
  const [number, setNumber] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const claim = async (e: FormEvent) => {
    e.preventDefault();
    const value = number.trim();
    if (value === '') {
      setError(nt('numbers.needNumber'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await numbersApi.claim(value, description.trim() || undefined);
      setNumber('');
      setDescription('');
      onClaimed(value);
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void claim(e)} aria-labelledby="claim-title" noValidate>
      <h3 id="claim-title">{nt('numbers.claim')}</h3>
      <div className="filters">
        <div className="filter">
          <label htmlFor="claim-number">{nt('numbers.number')}</label>
          <input
            id="claim-number"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder="+81312345678"
            aria-describedby="claim-number-help"
            aria-invalid={error !== undefined}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        </div>
        <div className="filter">
          <label htmlFor="claim-description">{nt('numbers.description')}</label>
          <input
            id="claim-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? nt('numbers.claiming') : nt('numbers.claimSubmit')}
        </button>
      </div>
      <p id="claim-number-help" className="help">
        {nt('numbers.numberHelp')}
      </p>
      <ErrorMessage error={error} />
    </form>
  );
}
