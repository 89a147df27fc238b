/** Claiming a phone number (ClaimPhoneNumber): the number in E.164 and an optional description. */
import { useState, type FormEvent } from 'react';
import { ErrorMessage, useAction } from '../../errors.js';
import { numbersApi } from './api.js';
import { useNumbersT } from './messages.js';

export function ClaimForm({ onClaimed }: { onClaimed: (number: string) => void }) {
  const nt = useNumbersT();
  const [number, setNumber] = useState('');
  const [description, setDescription] = useState('');
  const { busy, error, setError, run } = useAction();

  const claim = async (e: FormEvent) => {
    e.preventDefault();
    const value = number.trim();
    if (value === '') {
      setError(nt('numbers.needNumber'));
      return;
    }
    await run(async () => {
      await numbersApi.claim(value, description.trim() || undefined);
      setNumber('');
      setDescription('');
      onClaimed(value);
    });
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
