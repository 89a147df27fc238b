/** The figures of each queue now, one row a queue. */
import type { QueueFigures } from '../../api/console-realtime.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRealtimeT } from './messages.js';

export function QueueTable({ queues }: { queues: readonly QueueFigures[] }) {
  const { duration } = useI18n();
  const tr = useRealtimeT();
  if (queues.length === 0) return <p>{tr('noQueues')}</p>;
  return (
    <table className="table realtime-table" data-testid="realtime-queues">
      <caption className="visually-hidden">{tr('queues')}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('queue')}</th>
          <th scope="col" className="num">
            {tr('waiting')}
          </th>
          <th scope="col" className="num">
            {tr('oldest')}
          </th>
          <th scope="col" className="num">
            {tr('available')}
          </th>
          <th scope="col" className="num">
            {tr('onContact')}
          </th>
          <th scope="col" className="num">
            {tr('online')}
          </th>
          <th scope="col" className="num">
            {tr('staffed')}
          </th>
          <th scope="col" className="num">
            {tr('scheduled')}
          </th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr key={q.QueueId}>
            <th scope="row" className="text-value">
              {q.Name}
            </th>
            <td className="num">{q.ContactsInQueue}</td>
            <td className="num">
              {q.ContactsInQueue > 0 ? duration(q.OldestContactAgeSeconds * 1000) : '—'}
            </td>
            <td className="num">{q.AgentsAvailable}</td>
            <td className="num">{q.AgentsOnContact}</td>
            <td className="num">{q.AgentsOnline}</td>
            <td className="num">{q.AgentsStaffed}</td>
            <td className="num">{q.ScheduledTasks}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
