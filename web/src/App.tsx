/**
 * One app, three pages chosen by the path's first segment: /agent (the workspace), /console (administration),
 * /phone (the web phone). The server answers index.html for every path under them.
 */
import { I18nProvider, LanguageSwitcher, useI18n } from './i18n/i18n.js';
import { AgentApp } from './agent/AgentApp.js';
import { ConsoleApp } from './console/ConsoleApp.js';
import { PhoneApp } from './phone/PhoneApp.js';

export type Page = 'agent' | 'console' | 'phone';

export function pageOf(pathname: string): Page | undefined {
  const first = pathname.split('/')[1];
  return first === 'agent' || first === 'console' || first === 'phone' ? first : undefined;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <main className="page narrow">
      <header className="bar">
        <h1>{t('app.name')}</h1>
        <LanguageSwitcher />
      </header>
      <p>{t('app.notFound')}</p>
      <nav aria-label={t('app.pages')}>
        <ul>
          <li>
            <a href="/agent">{t('app.agent')}</a>
          </li>
          <li>
            <a href="/console">{t('app.console')}</a>
          </li>
          <li>
            <a href="/phone">{t('app.phone')}</a>
          </li>
        </ul>
      </nav>
    </main>
  );
}

function Routed() {
  switch (pageOf(window.location.pathname)) {
    case 'agent':
      return <AgentApp />;
    case 'console':
      return <ConsoleApp />;
    case 'phone':
      return <PhoneApp />;
    default:
      return <NotFound />;
  }
}

export function App() {
  return (
    <I18nProvider>
      <Routed />
    </I18nProvider>
  );
}
