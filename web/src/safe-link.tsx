/**
 * Text that may be a link: only an absolute http: or https: URL becomes one (opened in a new tab, without the
 * opener or a referrer); everything else — javascript:, data:, HTML — is shown as plain text. React escapes
 * text, so nothing here is ever parsed as HTML.
 */
import { useI18n } from './i18n/i18n.js';

export function safeUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

export function SafeLink({ value }: { value: string }) {
  const { t } = useI18n();
  const href = safeUrl(value);
  if (!href) return <span className="text-value">{value}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {value}
      <span className="visually-hidden"> {t('task.opensNewTab')}</span>
    </a>
  );
}
