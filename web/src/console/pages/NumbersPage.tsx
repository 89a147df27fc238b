/** The console's numbers section (not built yet). */
import { NotYet } from '../NotYet.js';

export function NumbersPage() {
  return <NotYet section="section.numbers" />;
}
