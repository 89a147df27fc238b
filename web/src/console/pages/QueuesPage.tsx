/** The console's queues section (not built yet). */
import { NotYet } from '../NotYet.js';

export function QueuesPage() {
  return <NotYet section="section.queues" />;
}
