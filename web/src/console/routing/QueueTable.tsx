/** The queues' table: name, status, hours of operation, maximum contacts, number of quick connects. */
import type { QueueStatus, Summary } from '../../api/console-routing.js';
import { useRoutingT } from './messages.js';
import type { QueueRow } from './queue-rows.js';

interface Props {
  rows: QueueRow[];
  hours: Summary[];
  selected: string | undefined;
  busy: boolean;
  onManage: (queueId: string) => void;
  onStatus: (row: QueueRow, status: QueueStatus) => void;
}

export function QueueTable({ rows, hours, selected, busy, onManage, onStatus }: Props) {
  const tr = useRoutingT();
  const hoursName = new Map(hours.map((h) => [h.Id, h.Name]));
  return (
    <table className="table" data-testid="queues">
      <thead>
        <tr>
          <th scope="col">{tr('common.name')}</th>
          <th scope="col">{tr('queue.status')}</th>
          <th scope="col">{tr('queue.hours')}</th>
          <th scope="col">{tr('queue.maxContacts')}</th>
          <th scope="col">{tr('queue.quickConnects')}</th>
          <th scope="col">{tr('common.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const { queue } = row;
          const enabled = queue.Status === 'ENABLED';
          return (
            <tr
              key={queue.QueueId}
              data-testid={`queue-${queue.Name}`}
              className={queue.QueueId === selected ? 'selected' : undefined}
            >
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={tr('queue.manage', { name: queue.Name })}
                  onClick={() => onManage(queue.QueueId)}
                >
                  {queue.Name}
                </button>
                {queue.Description && <div className="muted text-value">{queue.Description}</div>}
              </td>
              <td className={enabled ? 'status-enabled' : 'status-disabled'} data-testid="queue-status">
                {tr(enabled ? 'queue.ENABLED' : 'queue.DISABLED')}
              </td>
              <td className="text-value">
                {queue.HoursOfOperationId ? (hoursName.get(queue.HoursOfOperationId) ?? '—') : '—'}
              </td>
              <td data-testid="queue-max">{queue.MaxContacts ?? tr('queue.noLimit')}</td>
              <td data-testid="queue-qc-count">{row.quickConnects.length}</td>
              <td>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={tr(enabled ? 'queue.disable' : 'queue.enable', { name: queue.Name })}
                  onClick={() => onStatus(row, enabled ? 'DISABLED' : 'ENABLED')}
                >
                  {tr(enabled ? 'queue.disableShort' : 'queue.enableShort')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
