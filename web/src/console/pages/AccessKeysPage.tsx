/** The console's keys section (not built yet). */
import { NotYet } from '../NotYet.js';

export function AccessKeysPage() {
  return <NotYet section="section.keys" />;
}
