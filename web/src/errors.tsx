/** Errors in words, where the user acted: an ApiError's message from the server, or ours when it has none. */
import { ApiError } from './api/client.js';
import { useI18n, type I18n } from './i18n/i18n.js';

export function describeError(error: unknown, t: I18n['t']): string {
  if (error instanceof ApiError) {
    if (error.code === 'NetworkError') return t('error.network');
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorMessage({ error, onDismiss }: { error: string | undefined; onDismiss?: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className={error ? 'error' : 'error empty'}>
      {error && (
        <>
          <span>{error}</span>
          {onDismiss && (
            <button type="button" className="link-button" onClick={onDismiss}>
              {t('error.dismiss')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
