/** The console's routing section (not built yet). */
import { NotYet } from '../NotYet.js';

export function RoutingProfilesPage() {
  return <NotYet section="section.routing" />;
}
