/** The console's users section (not built yet). */
import { NotYet } from '../NotYet.js';

export function UsersPage() {
  return <NotYet section="section.users" />;
}
