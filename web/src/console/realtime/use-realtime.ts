/**
 * The real-time page's figures: GetRealtimeMetrics every 5 s while the tab is visible (and on refresh), the
 * samples of the last minutes, and the last error with when the next try is.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getRealtimeMetrics, type RealtimeMetrics } from '../../api/console-realtime.js';
import { Poller } from './poller.js';
import { recordSamples, type History } from './samples.js';

export const POLL_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

export interface RealtimeView {
  metrics?: RealtimeMetrics;
  history: History;
  /** The last request's failure (cleared by the next answer). */
  error?: unknown;
  nextInMs?: number;
}

export function useRealtimeMetrics(): RealtimeView & { refresh: () => void } {
  const [view, setView] = useState<RealtimeView>({ history: {} });
  const poller = useRef<Poller<RealtimeMetrics>>(undefined);

  useEffect(() => {
    const p = new Poller<RealtimeMetrics>({
      load: getRealtimeMetrics,
      intervalMs: POLL_MS,
      maxMs: MAX_BACKOFF_MS,
      onDone: (outcome, nextInMs) =>
        setView((v) =>
          outcome.ok
            ? { metrics: outcome.value, history: recordSamples(v.history, outcome.value), nextInMs }
            : { ...v, error: outcome.error, nextInMs },
        ),
    });
    poller.current = p;
    const onVisibility = () => (document.visibilityState === 'hidden' ? p.pause() : p.resume());
    document.addEventListener('visibilitychange', onVisibility);
    if (document.visibilityState === 'hidden') p.pause();
    else p.now();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      p.stop();
    };
  }, []);

  const refresh = useCallback(() => poller.current?.now(), []);
  return { ...view, refresh };
}
