/** Errors in words, where the user acted: an ApiError's message from the server, or ours when it has none. */
import { useCallback, useState } from 'react';
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

/**
 * What a form or a button does when used: `busy` while its work runs (to disable it), and the work's failure in
 * words (`error`, for ErrorMessage). `run` resolves whether the work succeeded; `setError` shows a problem found
 * before any work (a field left empty).
 */
export function useAction() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(
    async (work: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setError(undefined);
      try {
        await work();
        return true;
      } catch (err) {
        setError(describeError(err, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, setError, run };
}
