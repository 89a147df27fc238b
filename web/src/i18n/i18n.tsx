/**
 * The language of the page (navigator.languages by default, kept in localStorage once chosen) and formatting
 * in the browser's time zone via Intl.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGS, MESSAGES, format, langOf, type Lang, type MessageKey } from './messages.js';

const STORAGE_KEY = 'tsunagi.lang';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** A date and time in the browser's time zone. */
  dateTime: (ms: number) => string;
  /** A duration as m:ss (or h:mm:ss). */
  duration: (ms: number) => string;
}

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'ja') return saved;
  return langOf(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
    return {
      lang,
      setLang,
      t: (key, values) => format(MESSAGES[lang][key], values),
      dateTime: (ms) => dates.format(ms),
      duration: (ms) => {
        const total = Math.max(0, Math.floor(ms / 1000));
        const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
        const two = (n: number) => String(n).padStart(2, '0');
        return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="lang">
      {t('lang.label')}{' '}
      <select
        value={lang}
        onChange={(e) => setLang(e.target.value === 'ja' ? 'ja' : 'en')}
        data-testid="language"
      >
        {LANGS.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
