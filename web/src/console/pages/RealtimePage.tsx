/** The console's realtime section (not built yet). */
import { NotYet } from '../NotYet.js';

export function RealtimePage() {
  return <NotYet section="section.realtime" />;
}
