/**
 * The console's phone numbers section: the instance's numbers (ListPhoneNumbersV2) with their type, country and
 * the inbound flow they run; claiming a number; binding a number to an inbound flow (type CONTACT_FLOW).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { flowsApi, type ContactFlowSummary } from '../../api/console-flows.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { useConsoleT } from '../../i18n/console-messages.js';
import { numbersApi, type PhoneNumberSummary } from '../numbers/api.js';
import { BindFlow } from '../numbers/BindFlow.js';
import { ClaimForm } from '../numbers/ClaimForm.js';
import { numberTypeKey, useNumbersT } from '../numbers/messages.js';

export function NumbersPage() {
  const { t, lang } = useI18n();
  const tc = useConsoleT();
  const nt = useNumbersT();
  const [numbers, setNumbers] = useState<PhoneNumberSummary[]>();
  const [flows, setFlows] = useState<ContactFlowSummary[]>([]);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');

  const reload = useCallback(() => {
    numbersApi
      .list()
      .then((list) => setNumbers([...list].sort((a, b) => a.PhoneNumber.localeCompare(b.PhoneNumber))))
      .catch((e: unknown) => setError(describeError(e, t)));
  }, [t]);
  useEffect(() => {
    reload();
    flowsApi
      .list()
      .then(setFlows)
      .catch((e: unknown) => setError(describeError(e, t)));
  }, [reload, t]);

  const inbound = useMemo(
    () =>
      flows
        .filter((f) => f.ContactFlowType === 'CONTACT_FLOW' && f.ContactFlowState !== 'ARCHIVED')
        .sort((a, b) => a.Name.localeCompare(b.Name)),
    [flows],
  );
  const regions = useMemo(() => new Intl.DisplayNames([lang], { type: 'region' }), [lang]);
  const country = (code: string) => {
    try {
      return `${regions.of(code) ?? code} (${code})`;
    } catch {
      return code;
    }
  };
  const flowName = (id: string | undefined) =>
    id === undefined
      ? nt('numbers.noFlow')
      : (flows.find((f) => f.Id === id)?.Name ?? nt('numbers.unknownFlow', { id }));
  const typeName = (type: string) => {
    const key = numberTypeKey(type);
    return key ? nt(key) : type;
  };

  return (
    <section aria-labelledby="numbers-title">
      <h2 id="numbers-title">{tc('section.numbers')}</h2>
      <ClaimForm
        onClaimed={(number) => {
          setStatus(nt('numbers.claimed', { number }));
          reload();
        }}
      />
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
      <p role="status">{status}</p>
      {inbound.length === 0 && <p className="help">{nt('numbers.noInbound')}</p>}
      {numbers === undefined ? (
        <p>{t('app.loading')}</p>
      ) : numbers.length === 0 ? (
        <p>{nt('numbers.none')}</p>
      ) : (
        <table className="table" data-testid="numbers">
          <thead>
            <tr>
              <th scope="col">{nt('numbers.number')}</th>
              <th scope="col">{nt('numbers.type')}</th>
              <th scope="col">{nt('numbers.country')}</th>
              <th scope="col">{nt('numbers.numberDescription')}</th>
              <th scope="col">{nt('numbers.flow')}</th>
              <th scope="col">{nt('numbers.bind')}</th>
            </tr>
          </thead>
          <tbody>
            {numbers.map((n) => (
              <tr key={n.PhoneNumberId} data-testid={`number-${n.PhoneNumber}`}>
                <th scope="row">{n.PhoneNumber}</th>
                <td>{typeName(n.PhoneNumberType)}</td>
                <td>{country(n.PhoneNumberCountryCode)}</td>
                <td className="text-value">{n.PhoneNumberDescription ?? ''}</td>
                <td data-testid="number-flow">{flowName(n.ContactFlowId)}</td>
                <td>
                  <BindFlow
                    key={n.ContactFlowId ?? ''}
                    number={n}
                    flows={inbound}
                    onError={setError}
                    onBound={(flow) => {
                      setError(undefined);
                      setStatus(nt('numbers.bound', { number: n.PhoneNumber, flow }));
                      reload();
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
