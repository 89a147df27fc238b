import { useState, type FormEvent } from 'react';
import { agentApi } from '../api/agent.js';
import { ApiError } from '../api/client.js';
import type { Session } from '../api/types.js';
import { LanguageSwitcher, useI18n } from '../i18n/i18n.js';
import { ErrorMessage, describeError } from '../errors.js';
import { unlockSound } from './sound.js';

export function Login({
  notice,
  onLoggedIn,
  appTitle,
  formTitle,
}: {
  notice?: string | undefined;
  onLoggedIn: (s: Session) => void;
  /** The page's heading and the form's (the agent workspace's by default; the console passes its own). */
  appTitle?: string;
  formTitle?: string;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(notice);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    unlockSound();
    if (username.trim() === '' || password === '') {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onLoggedIn(await agentApi.login(username.trim(), password));
    } catch (err) {
      setBusy(false);
      setError(err instanceof ApiError && err.status === 401 ? t('login.failed') : describeError(err, t));
    }
  };

  return (
    <main className="page narrow">
      <header className="bar">
        <h1>{appTitle ?? t('app.agent')}</h1>
        <LanguageSwitcher />
      </header>
      <form className="card login" onSubmit={(e) => void submit(e)} aria-labelledby="login-title" noValidate>
        <h2 id="login-title">{formTitle ?? t('login.title')}</h2>
        <label htmlFor="login-username">{t('login.username')}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-invalid={error !== undefined}
          aria-describedby="login-error"
        />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error !== undefined}
          aria-describedby="login-error"
        />
        <div id="login-error">
          <ErrorMessage error={error} />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
