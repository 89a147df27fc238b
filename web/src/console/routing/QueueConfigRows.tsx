/**
 * A routing profile's queues (QueueConfigs): per row a queue, a channel, a priority and a delay. Rows already in
 * the profile keep their queue and channel (only priority and delay can change); new rows can be removed.
 */
import { ROUTING_CHANNELS, type RoutingChannel, type Summary } from '../../api/console-routing.js';
import { useRoutingT } from './messages.js';
import { newQueueRow, type QueueRowDraft } from './profile-form.js';

interface Props {
  rows: QueueRowDraft[];
  queues: Summary[];
  onChange: (rows: QueueRowDraft[]) => void;
}

export function QueueConfigRows({ rows, queues, onChange }: Props) {
  const tr = useRoutingT();
  const set = (key: number, changes: Partial<QueueRowDraft>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...changes } : r)));
  const queueName = new Map(queues.map((q) => [q.Id, q.Name]));
  const label = (what: string, i: number) => tr('common.row', { what, n: i + 1 });

  return (
    <fieldset>
      <legend>{tr('rp.queues')}</legend>
      <p className="help">{tr('rp.queuesHelp')}</p>
      {rows.length > 0 && (
        <table className="table routing-grid" data-testid="profile-queues">
          <thead>
            <tr>
              <th scope="col">{tr('qc.queue')}</th>
              <th scope="col">{tr('rp.channel')}</th>
              <th scope="col">{tr('rp.priority')}</th>
              <th scope="col">{tr('rp.delay')}</th>
              <th scope="col">
                <span className="visually-hidden">{tr('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.key} data-testid={`queue-row-${i + 1}`}>
                {row.existing ? (
                  <>
                    <td className="text-value">{queueName.get(row.queueId) ?? row.queueId}</td>
                    <td>{tr(`channel.${row.channel}`)}</td>
                  </>
                ) : (
                  <>
                    <td>
                      <select
                        aria-label={label(tr('qc.queue'), i)}
                        value={row.queueId}
                        onChange={(e) => set(row.key, { queueId: e.target.value })}
                      >
                        <option value="">{tr('common.choose')}</option>
                        {queues.map((q) => (
                          <option key={q.Id} value={q.Id}>
                            {q.Name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select
                        aria-label={label(tr('rp.channel'), i)}
                        value={row.channel}
                        onChange={(e) => {
                          const channel = ROUTING_CHANNELS.find((c) => c === e.target.value);
                          if (channel) set(row.key, { channel });
                        }}
                      >
                        {ROUTING_CHANNELS.map((c: RoutingChannel) => (
                          <option key={c} value={c}>
                            {tr(`channel.${c}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </>
                )}
                <td>
                  <input
                    type="number"
                    min={1}
                    max={99}
                    step={1}
                    aria-label={label(tr('rp.priority'), i)}
                    value={row.priority}
                    onChange={(e) => set(row.key, { priority: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={9999}
                    step={1}
                    aria-label={label(tr('rp.delay'), i)}
                    value={row.delay}
                    onChange={(e) => set(row.key, { delay: e.target.value })}
                  />
                </td>
                <td>
                  {!row.existing && (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={tr('rp.removeQueue', { n: i + 1 })}
                      onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                    >
                      ✕
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div>
        <button type="button" onClick={() => onChange([...rows, newQueueRow()])}>
          {tr('rp.addQueue')}
        </button>
      </div>
    </fieldset>
  );
}
