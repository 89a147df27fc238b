/** The console's quick-connects section (not built yet). */
import { NotYet } from '../NotYet.js';

export function QuickConnectsPage() {
  return <NotYet section="section.quickConnects" />;
}
