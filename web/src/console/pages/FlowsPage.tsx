/** The console's flows section (not built yet). */
import { NotYet } from '../NotYet.js';

export function FlowsPage() {
  return <NotYet section="section.flows" />;
}
