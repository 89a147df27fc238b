/**
 * The console's quick connects: the list (type, target, flow) with rule X2's warning beside each one whose flow
 * fails on tasks, a new quick connect of each type (its warning shown as soon as it is created), and deleting.
 */
import { useCallback, useEffect, useState } from 'react';
import '../routing/routing.css';
import { routingApi } from '../../api/console-routing.js';
import { useI18n } from '../../i18n/i18n.js';
import { useConsoleT } from '../../i18n/console-messages.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useRoutingT } from '../routing/messages.js';
import { loadQuickConnectRows, type QuickConnectRow } from '../routing/quick-connect-rows.js';
import { QuickConnectForm, type Choices } from '../routing/QuickConnectForm.js';
import { QuickConnectTable } from '../routing/QuickConnectTable.js';
import { TaskWarnings } from '../routing/TaskWarnings.js';

export function QuickConnectsPage() {
  const { t } = useI18n();
  const tc = useConsoleT();
  const tr = useRoutingT();
  const [rows, setRows] = useState<QuickConnectRow[]>();
  const [choices, setChoices] = useState<Choices>({ users: [], queues: [], flows: [] });
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [created, setCreated] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);

  const fail = useCallback((e: unknown) => setError(describeError(e, t)), [t]);
  const reload = useCallback(() => loadQuickConnectRows().then(setRows).catch(fail), [fail]);

  useEffect(() => {
    void reload();
    Promise.all([routingApi.users(), routingApi.queues(), routingApi.flows()])
      .then(([users, queues, flows]) => setChoices({ users, queues, flows }))
      .catch(fail);
  }, [reload, fail]);

  const remove = async (row: QuickConnectRow) => {
    setBusy(true);
    setError(undefined);
    setStatus('');
    setCreated(undefined);
    try {
      await routingApi.deleteQuickConnect(row.quickConnect.QuickConnectId);
      await reload();
      setStatus(tr('qc.deleted', { name: row.quickConnect.Name }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const createdRow = rows?.find((r) => r.quickConnect.QuickConnectId === created);

  return (
    <section aria-labelledby="qcs-title">
      <div className="section-head">
        <h2 id="qcs-title">{tc('section.quickConnects')}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setStatus('');
            setCreated(undefined);
            setCreating(true);
          }}
        >
          {tr('qc.new')}
        </button>
      </div>
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
      <div role="status" className="created-status" data-testid="qc-status">
        {status && <p>{status}</p>}
        {createdRow && <TaskWarnings warnings={createdRow.taskWarnings} />}
      </div>
      {creating && (
        <QuickConnectForm
          choices={choices}
          onClose={() => setCreating(false)}
          onCreated={(name, id) => {
            setCreating(false);
            setStatus(tr('qc.created', { name }));
            setCreated(id);
            void reload();
          }}
        />
      )}
      {rows === undefined ? (
        <p>{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p>{tr('qc.none')}</p>
      ) : (
        <QuickConnectTable rows={rows} choices={choices} busy={busy} onDelete={(row) => void remove(row)} />
      )}
    </section>
  );
}
