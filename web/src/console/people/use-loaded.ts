/** A list a page loads on opening and again on reload(), with the failure in words. */
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';

export function useLoaded<T>(load: () => Promise<T>) {
  const { t } = useI18n();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    load()
      .then((d) => {
        setData(d);
        setError(undefined);
      })
      .catch((e: unknown) => setError(describeError(e, t)));
  }, [load, t]);
  useEffect(reload, [reload]);
  return { data, error, reload, dismiss: () => setError(undefined) };
}
