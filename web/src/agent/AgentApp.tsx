/**
 * The agent workspace's entry: finds the session (GET /me after a reload), shows the login form without one,
 * the workspace with one; back to the login when the session ends.
 */
import { useEffect, useState } from 'react';
import { agentApi } from '../api/agent.js';
import { ApiError, setCsrfToken } from '../api/client.js';
import type { Session } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { describeError } from '../errors.js';
import { Login } from './Login.js';
import { Workspace } from './Workspace.js';

type Phase = { kind: 'loading' } | { kind: 'login'; notice?: string } | { kind: 'in'; session: Session };

export function AgentApp() {
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

  if (phase.kind === 'loading')
    return (
      <main className="page narrow" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  if (phase.kind === 'login')
    return (
      <Login
        notice={phase.notice}
        onLoggedIn={(session) => {
          setCsrfToken(session.CsrfToken);
          setPhase({ kind: 'in', session });
        }}
      />
    );
  return (
    <Workspace
      session={phase.session}
      onSessionEnded={(expired) => {
        setCsrfToken(undefined);
        setPhase(expired ? { kind: 'login', notice: t('error.session') } : { kind: 'login' });
      }}
    />
  );
}
