/**
 * Administration (issue 6, item 2): the agent workspace's login form, then a sidebar of the console's sections.
 * Task templates and contact search are built; the other sections say so plainly. The section is kept in the
 * URL's hash (#templates, #search, ...) so a reload stays where it was.
 */
import { useEffect, useState } from 'react';
import './console.css';
import { agentApi } from '../api/agent.js';
import type { Session } from '../api/types.js';
import { LanguageSwitcher, useI18n } from '../i18n/i18n.js';
import { useConsoleT, type ConsoleKey } from '../i18n/console-messages.js';
import { useSessionPhase } from '../session-phase.js';
import { Login } from '../agent/Login.js';
import { TemplatesPage } from './TemplatesPage.js';
import { ContactSearch } from './ContactSearch.js';

const SECTIONS: readonly { id: string; key: ConsoleKey; built: boolean }[] = [
  { id: 'templates', key: 'section.templates', built: true },
  { id: 'flows', key: 'section.flows', built: false },
  { id: 'queues', key: 'section.queues', built: false },
  { id: 'routing', key: 'section.routing', built: false },
  { id: 'users', key: 'section.users', built: false },
  { id: 'security', key: 'section.security', built: false },
  { id: 'quick-connects', key: 'section.quickConnects', built: false },
  { id: 'numbers', key: 'section.numbers', built: false },
  { id: 'statuses', key: 'section.statuses', built: false },
  { id: 'keys', key: 'section.keys', built: false },
  { id: 'search', key: 'section.search', built: true },
  { id: 'realtime', key: 'section.realtime', built: false },
];

function sectionOfHash(): string {
  const id = window.location.hash.replace(/^#/, '');
  return SECTIONS.some((s) => s.id === id) ? id : 'templates';
}

function Console({ session, onLoggedOut }: { session: Session; onLoggedOut: () => void }) {
  const { t } = useI18n();
  const tc = useConsoleT();
  const [section, setSection] = useState(sectionOfHash);
  useEffect(() => {
    const onHash = () => setSection(sectionOfHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0];
  if (!current) return null;

  const logout = () => {
    agentApi
      .logout()
      .catch(() => undefined)
      .finally(onLoggedOut);
  };

  return (
    <div className="page console">
      <header className="bar">
        <h1>{t('app.console')}</h1>
        <span className="muted">{t('ws.loggedInAs', { name: session.User.Username })}</span>
        <LanguageSwitcher />
        <button type="button" onClick={logout}>
          {t('ws.logout')}
        </button>
      </header>
      <div className="console-columns">
        <nav className="sidebar" aria-label={tc('console.sections')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a
                  href={`#${s.id}`}
                  aria-current={s.id === current.id ? 'page' : undefined}
                  className={s.built ? undefined : 'unbuilt'}
                >
                  {tc(s.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="console-main">
          {current.id === 'templates' ? (
            <TemplatesPage />
          ) : current.id === 'search' ? (
            <ContactSearch />
          ) : (
            <section aria-labelledby="section-title">
              <h2 id="section-title">{tc(current.key)}</h2>
              <p className="notice">{tc('console.notYet')}</p>
            </section>
          )}
        </main>
      </div>
    </div>
  );
}

export function ConsoleApp() {
  const { t } = useI18n();
  const tc = useConsoleT();
  const { phase, loggedIn, loggedOut } = useSessionPhase();

  if (phase.kind === 'loading')
    return (
      <main className="page narrow" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  if (phase.kind === 'login')
    return (
      <Login
        notice={phase.notice}
        appTitle={t('app.console')}
        formTitle={tc('console.login')}
        onLoggedIn={loggedIn}
      />
    );
  return <Console session={phase.session} onLoggedOut={() => loggedOut()} />;
}
