/** A number's inbound flow: a choice of the CONTACT_FLOW flows and Bind (AssociatePhoneNumberContactFlow). */
import { useState, type FormEvent } from 'react';
import type { ContactFlowSummary } from '../../api/console-flows.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { numbersApi, type PhoneNumberSummary } from './api.js';
import { useNumbersT } from './messages.js';

interface Props {
  number: PhoneNumberSummary;
  flows: ContactFlowSummary[];
  onBound: (flowName: string) => void;
  onError: (message: string) => void;
}

export function BindFlow({ number, flows, onBound, onError }: Props) {
  const { t } = useI18n();
  const nt = useNumbersT();
  const [flowId, setFlowId] = useState(number.ContactFlowId ?? '');
  const [busy, setBusy] = useState(false);
  const id = `bind-${number.PhoneNumberId}`;

  const bind = async (e: FormEvent) => {
    e.preventDefault();
    const flow = flows.find((f) => f.Id === flowId);
    if (!flow) return;
    setBusy(true);
    try {
      await numbersApi.bind(number.PhoneNumberId, flow.Id);
      onBound(flow.Name);
    } catch (err) {
      onError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={(e) => void bind(e)}>
      <label htmlFor={id} className="visually-hidden">
        {nt('numbers.bindTo', { number: number.PhoneNumber })}
      </label>
      <select id={id} value={flowId} onChange={(e) => setFlowId(e.target.value)}>
        <option value="">{nt('numbers.chooseFlow')}</option>
        {flows.map((f) => (
          <option key={f.Id} value={f.Id}>
            {f.Name}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={busy || flowId === '' || flowId === number.ContactFlowId}
        aria-label={nt('numbers.bindNamed', { number: number.PhoneNumber })}
      >
        {nt('numbers.bind')}
      </button>
    </form>
  );
}
