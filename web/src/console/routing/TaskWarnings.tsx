/**
 * Rule X2's warning beside a quick connect: its flow has blocks that fail on tasks, so a task transferred with
 * it fails (the server's words name the flow and the block). Nothing at all when there is no warning.
 */
import { useRoutingT } from './messages.js';

export function TaskWarnings({ warnings }: { warnings: string[] }) {
  const tr = useRoutingT();
  if (warnings.length === 0) return null;
  return (
    <div className="task-warning" data-testid="task-warning">
      <strong>{tr('qc.taskWarning')}</strong>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
