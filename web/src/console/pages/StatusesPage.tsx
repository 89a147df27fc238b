/**
 * Agent statuses: the list (ListAgentStatuses: name and type; enabled and display order from the agent API's
 * list of enabled statuses) and a new custom status (CreateAgentStatus). Renaming, enabling and disabling
 * (UpdateAgentStatus) is not on this page yet; the page points to the API.
 */
import { useState } from 'react';
import { peopleApi } from '../../api/console-people.js';
import { ErrorMessage } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import '../people/people.css';
import { usePeopleT, type PeopleKey } from '../people/messages.js';
import { StatusCreateForm } from '../people/StatusCreateForm.js';
import { useLoaded } from '../people/use-loaded.js';

const TYPES: Record<string, PeopleKey> = {
  ROUTABLE: 'status.ROUTABLE',
  CUSTOM: 'status.CUSTOM',
  OFFLINE: 'status.OFFLINE',
};

export function StatusesPage() {
  const { t } = useI18n();
  const tp = usePeopleT();
  const statuses = useLoaded(peopleApi.agentStatuses);
  const enabled = useLoaded(peopleApi.enabledStatuses);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState('');
  const orderOf = new Map((enabled.data ?? []).map((s) => [s.Id, s.DisplayOrder]));
  const typeLabel = (type: string) => {
    const key = TYPES[type];
    return key ? tp(key) : type;
  };

  return (
    <section aria-labelledby="statuses-title">
      <div className="section-head">
        <h2 id="statuses-title">{tp('status.title')}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setStatus('');
            setCreating(true);
          }}
        >
          {tp('status.new')}
        </button>
      </div>
      <ErrorMessage error={statuses.error} onDismiss={statuses.dismiss} />
      <p role="status">{status}</p>
      <p className="help">{tp('status.noUpdate')}</p>
      {enabled.error && <p className="help">{tp('status.enabledUnknown', { reason: enabled.error })}</p>}
      {statuses.data === undefined ? (
        <p>{t('app.loading')}</p>
      ) : (
        <table className="table" data-testid="agent-statuses">
          <thead>
            <tr>
              <th scope="col">{tp('status.name')}</th>
              <th scope="col">{tp('status.type')}</th>
              <th scope="col">{tp('status.enabled')}</th>
              <th scope="col">{tp('status.order')}</th>
            </tr>
          </thead>
          <tbody>
            {statuses.data.map((s) => {
              const known = enabled.data !== undefined;
              const isEnabled = orderOf.has(s.Id);
              return (
                <tr key={s.Id}>
                  <th scope="row" className="text-value">
                    {s.Name}
                  </th>
                  <td>{typeLabel(s.Type)}</td>
                  <td>{known ? tp(isEnabled ? 'yes' : 'no') : '—'}</td>
                  <td>{orderOf.get(s.Id) ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {creating && (
        <StatusCreateForm
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            setStatus(tp('status.created', { name }));
            statuses.reload();
            enabled.reload();
          }}
        />
      )}
    </section>
  );
}
