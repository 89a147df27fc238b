import { LanguageSwitcher, useI18n } from '../i18n/i18n.js';

/** The web phone (issue 6, item 3): not built yet. */
export function PhoneApp() {
  const { t } = useI18n();
  return (
    <main className="page narrow">
      <header className="bar">
        <h1>{t('app.phone')}</h1>
        <LanguageSwitcher />
      </header>
      <p>{t('app.comingSoon')}</p>
    </main>
  );
}
