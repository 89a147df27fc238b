/**
 * The agent workspace's entry: finds the session (GET /me after a reload), shows the login form without one,
 * the workspace with one; back to the login when the session ends.
 */
import { useI18n } from '../i18n/i18n.js';
import { useSessionPhase } from '../session-phase.js';
import { Login } from './Login.js';
import { Workspace } from './Workspace.js';

export function AgentApp() {
  const { t } = useI18n();
  const { phase, loggedIn, loggedOut } = useSessionPhase();

  if (phase.kind === 'loading')
    return (
      <main className="page narrow" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  if (phase.kind === 'login') return <Login notice={phase.notice} onLoggedIn={loggedIn} />;
  return (
    <Workspace
      session={phase.session}
      onSessionEnded={(expired) => loggedOut(expired ? t('error.session') : undefined)}
    />
  );
}
