/**
 * The console's flows section: the instance's flows of every type (ListContactFlows; each description read
 * with DescribeContactFlow), Import (FlowImport), a flow's picture (FlowView) and Export as a .json file.
 */
import { useCallback, useEffect, useState } from 'react';
import { flowsApi, type ContactFlowSummary } from '../../api/console-flows.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { useConsoleT } from '../../i18n/console-messages.js';
import { exportFlow } from '../flows/download.js';
import { FlowImport } from '../flows/FlowImport.js';
import { FlowView } from '../flows/FlowView.js';
import { flowsKey, useFlowsT } from '../flows/messages.js';
import { useResourceNames } from '../flows/useResourceNames.js';

/** Descriptions of the flows, a few requests at a time (ListContactFlows does not give them). */
async function descriptions(flows: ContactFlowSummary[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < flows.length; i += 4)
    await Promise.all(
      flows.slice(i, i + 4).map(async (f) => {
        const full = await flowsApi.describe(f.Id);
        if (full.Description) out.set(f.Id, full.Description);
      }),
    );
  return out;
}

export function FlowsPage() {
  const { t } = useI18n();
  const tc = useConsoleT();
  const ft = useFlowsT();
  const [flows, setFlows] = useState<ContactFlowSummary[]>();
  const [about, setAbout] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<string>();
  const names = useResourceNames(flows);

  const reload = useCallback(() => {
    flowsApi
      .list()
      .then((list) => {
        const sorted = [...list].sort((a, b) => a.Name.localeCompare(b.Name));
        setFlows(sorted);
        return descriptions(sorted).then(setAbout);
      })
      .catch((e: unknown) => setError(describeError(e, t)));
  }, [t]);
  useEffect(reload, [reload]);

  const label = (prefix: 'type' | 'status', v: string | undefined) => {
    const key = v === undefined ? undefined : flowsKey(prefix, v);
    return key ? ft(key) : (v ?? '');
  };
  const onExport = (f: ContactFlowSummary) => {
    setStatus('');
    exportFlow(f.Id)
      .then((file) => setStatus(ft('flows.exported', { file })))
      .catch((e: unknown) => setError(describeError(e, t)));
  };

  return (
    <section aria-labelledby="flows-title">
      <div className="section-head">
        <h2 id="flows-title">{tc('section.flows')}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setStatus('');
            setSelected(undefined);
            setImporting(true);
          }}
        >
          {ft('flows.import')}
        </button>
      </div>
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
      <p role="status">{status}</p>
      {importing && (
        <FlowImport
          flows={flows ?? []}
          names={names}
          onClose={() => setImporting(false)}
          onSaved={(message) => {
            setImporting(false);
            setStatus(message);
            reload();
          }}
        />
      )}
      {selected && (
        <FlowView
          key={selected}
          flowId={selected}
          names={names}
          onClose={() => setSelected(undefined)}
          onExported={setStatus}
        />
      )}
      {flows === undefined ? (
        <p>{t('app.loading')}</p>
      ) : flows.length === 0 ? (
        <p>{ft('flows.none')}</p>
      ) : (
        <table className="table" data-testid="flows">
          <thead>
            <tr>
              <th scope="col">{ft('flows.name')}</th>
              <th scope="col">{ft('flows.type')}</th>
              <th scope="col">{ft('flows.status')}</th>
              <th scope="col">{ft('flows.description')}</th>
              <th scope="col">{ft('flows.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={f.Id} className={f.Id === selected ? 'selected' : undefined}>
                <td>
                  <button
                    type="button"
                    className="link-button flow-name"
                    aria-label={ft('flows.open', { name: f.Name })}
                    onClick={() => {
                      setImporting(false);
                      setSelected(f.Id);
                    }}
                  >
                    {f.Name}
                  </button>
                </td>
                <td>{label('type', f.ContactFlowType)}</td>
                <td>
                  {label('status', f.ContactFlowStatus)}
                  {f.ContactFlowState === 'ARCHIVED' && ` · ${ft('state.ARCHIVED')}`}
                </td>
                <td className="text-value">{about.get(f.Id) ?? ''}</td>
                <td>
                  <button
                    type="button"
                    aria-label={ft('flows.exportNamed', { name: f.Name })}
                    onClick={() => onExport(f)}
                  >
                    {ft('flows.export')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
