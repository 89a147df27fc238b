/**
 * Administration (issue 6, item 2): the agent workspace's login form, then a sidebar of the console's sections.
 * Each section is a page of its own (pages/). The section is kept in the
 * URL's hash (#templates, #search, ...) so a reload stays where it was.
 */
import { useEffect, useState, type ComponentType } from 'react';
import './console.css';
import { agentApi } from '../api/agent.js';
import type { Session } from '../api/types.js';
import { LanguageSwitcher, useI18n } from '../i18n/i18n.js';
import { useConsoleT, type ConsoleKey } from '../i18n/console-messages.js';
import { useSessionPhase } from '../session-phase.js';
import { Login } from '../agent/Login.js';
import { TemplatesPage } from './TemplatesPage.js';
import { ContactSearch } from './ContactSearch.js';
import { FlowsPage } from './pages/FlowsPage.js';
import { QueuesPage } from './pages/QueuesPage.js';
import { RoutingProfilesPage } from './pages/RoutingProfilesPage.js';
import { UsersPage } from './pages/UsersPage.js';
import { SecurityProfilesPage } from './pages/SecurityProfilesPage.js';
import { QuickConnectsPage } from './pages/QuickConnectsPage.js';
import { NumbersPage } from './pages/NumbersPage.js';
import { StatusesPage } from './pages/StatusesPage.js';
import { AccessKeysPage } from './pages/AccessKeysPage.js';
import { RealtimePage } from './pages/RealtimePage.js';

const SECTIONS: readonly { id: string; key: ConsoleKey; Page: ComponentType }[] = [
  { id: 'templates', key: 'section.templates', Page: TemplatesPage },
  { id: 'flows', key: 'section.flows', Page: FlowsPage },
  { id: 'queues', key: 'section.queues', Page: QueuesPage },
  { id: 'routing', key: 'section.routing', Page: RoutingProfilesPage },
  { id: 'users', key: 'section.users', Page: UsersPage },
  { id: 'security', key: 'section.security', Page: SecurityProfilesPage },
  { id: 'quick-connects', key: 'section.quickConnects', Page: QuickConnectsPage },
  { id: 'numbers', key: 'section.numbers', Page: NumbersPage },
  { id: 'statuses', key: 'section.statuses', Page: StatusesPage },
  { id: 'keys', key: 'section.keys', Page: AccessKeysPage },
  { id: 'search', key: 'section.search', Page: ContactSearch },
  { id: 'realtime', key: 'section.realtime', Page: RealtimePage },
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
                <a href={`#${s.id}`} aria-current={s.id === current.id ? 'page' : undefined}>
                  {tc(s.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="console-main">
          <current.Page />
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
