/** The console's statuses section (not built yet). */
import { NotYet } from '../NotYet.js';

export function StatusesPage() {
  return <NotYet section="section.statuses" />;
}
