/**
 * Where a page stands with its session: looking it up (GET /api/agent/me after a reload), logged out (with a
 * notice to show at the login form), or logged in. The agent workspace and the console share it.
 */
import { useEffect, useState } from 'react';
import { agentApi } from './api/agent.js';
import { ApiError, setCsrfToken } from './api/client.js';
import type { Session } from './api/types.js';
import { useI18n } from './i18n/i18n.js';
import { describeError } from './errors.js';

export type Phase =
  { kind: 'loading' } | { kind: 'login'; notice?: string } | { kind: 'in'; session: Session };

export function useSessionPhase() {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    agentApi
      .me()
      .then((session) => {
        if (!live) return;
        setCsrfToken(session.CsrfToken);
        setPhase({ kind: 'in', session });
      })
      .catch((e: unknown) => {
        if (!live) return;
        const quiet = e instanceof ApiError && e.status === 401;
        setPhase(quiet ? { kind: 'login' } : { kind: 'login', notice: describeError(e, t) });
      });
    return () => {
      live = false;
    };
    // The session is looked up once, when the page opens (in the language of that moment).
  }, []);

  return {
    phase,
    loggedIn: (session: Session) => {
      setCsrfToken(session.CsrfToken);
      setPhase({ kind: 'in', session });
    },
    loggedOut: (notice?: string) => {
      setCsrfToken(undefined);
      setPhase(notice === undefined ? { kind: 'login' } : { kind: 'login', notice });
    },
  };
}
