/** A section of the console that is not built yet says so plainly. */
import { useConsoleT, type ConsoleKey } from '../i18n/console-messages.js';

export function NotYet({ section }: { section: ConsoleKey }) {
  const tc = useConsoleT();
  return (
    <section aria-labelledby="section-title">
      <h2 id="section-title">{tc(section)}</h2>
      <p className="notice">{tc('console.notYet')}</p>
    </section>
  );
}
