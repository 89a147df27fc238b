import { LanguageSwitcher, useI18n } from '../i18n/i18n.js';

/** Administration (issue 6, item 2): not built yet. */
export function ConsoleApp() {
  const { t } = useI18n();
  return (
    <main className="page narrow">
      <header className="bar">
        <h1>{t('app.console')}</h1>
        <LanguageSwitcher />
      </header>
      <p>{t('app.comingSoon')}</p>
    </main>
  );
}
