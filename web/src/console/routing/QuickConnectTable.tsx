/**
 * The quick connects' table: name, type, target (user, queue or number), flow, rule X2's warning for tasks, and
 * deleting one (asked twice, in the row).
 */
import { useState } from 'react';
import type { QuickConnectConfig } from '../../api/console-routing.js';
import { useRoutingT } from './messages.js';
import type { Choices } from './QuickConnectForm.js';
import type { QuickConnectRow } from './quick-connect-rows.js';
import { TaskWarnings } from './TaskWarnings.js';

interface Props {
  rows: QuickConnectRow[];
  choices: Choices;
  busy: boolean;
  onDelete: (row: QuickConnectRow) => void;
}

export function QuickConnectTable({ rows, choices, busy, onDelete }: Props) {
  const tr = useRoutingT();
  const [confirming, setConfirming] = useState<string>();
  const users = new Map(choices.users.map((u) => [u.Id, u.Username]));
  const queues = new Map(choices.queues.map((q) => [q.Id, q.Name]));
  const flows = new Map(choices.flows.map((f) => [f.Id, f.Name]));

  const targetOf = (c: QuickConnectConfig) => {
    if (c.UserConfig) return users.get(c.UserConfig.UserId) ?? c.UserConfig.UserId;
    if (c.QueueConfig) return queues.get(c.QueueConfig.QueueId) ?? c.QueueConfig.QueueId;
    return c.PhoneConfig?.PhoneNumber ?? '—';
  };
  const flowOf = (c: QuickConnectConfig) => {
    const id = c.UserConfig?.ContactFlowId ?? c.QueueConfig?.ContactFlowId ?? c.FlowConfig?.ContactFlowId;
    return id ? (flows.get(id) ?? id) : '—';
  };

  return (
    <table className="table" data-testid="quick-connects">
      <thead>
        <tr>
          <th scope="col">{tr('common.name')}</th>
          <th scope="col">{tr('qc.type')}</th>
          <th scope="col">{tr('qc.target')}</th>
          <th scope="col">{tr('qc.flow')}</th>
          <th scope="col">{tr('qc.tasks')}</th>
          <th scope="col">{tr('common.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const { quickConnect: qc, taskWarnings } = row;
          const c = qc.QuickConnectConfig;
          return (
            <tr key={qc.QuickConnectId} data-testid={`qc-${qc.Name}`}>
              <th scope="row" className="wrap-words">
                {qc.Name}
                {qc.Description && <div className="muted">{qc.Description}</div>}
              </th>
              <td>{tr(`qc.${c.QuickConnectType}`)}</td>
              <td className="wrap-words">{targetOf(c)}</td>
              <td className="wrap-words">{flowOf(c)}</td>
              <td>
                {taskWarnings.length > 0 ? (
                  <TaskWarnings warnings={taskWarnings} />
                ) : (
                  <span className="task-ok">{tr('qc.taskOk')}</span>
                )}
              </td>
              <td>
                {confirming === qc.QuickConnectId ? (
                  <div className="confirm-row" role="group" aria-label={tr('qc.delete', { name: qc.Name })}>
                    <span>{tr('qc.confirmDelete', { name: qc.Name })}</span>
                    <button
                      type="button"
                      className="danger"
                      disabled={busy}
                      onClick={() => {
                        setConfirming(undefined);
                        onDelete(row);
                      }}
                    >
                      {tr('qc.deleteShort')}
                    </button>
                    <button type="button" onClick={() => setConfirming(undefined)}>
                      {tr('qc.keep')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={tr('qc.delete', { name: qc.Name })}
                    onClick={() => setConfirming(qc.QuickConnectId)}
                  >
                    {tr('qc.deleteShort')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
