/** The console's security section (not built yet). */
import { NotYet } from '../NotYet.js';

export function SecurityProfilesPage() {
  return <NotYet section="section.security" />;
}
