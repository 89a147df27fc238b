/**
 * The web phone (issue 6, item 3): choose or type a number (E.164), call, read and hear the prompts, press
 * keys, talk with the agent once connected (WebRTC), hang up. Usable on a phone-sized screen.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { E164 } from '../api/phone.js';
import { LanguageSwitcher, useI18n } from '../i18n/i18n.js';
import { ErrorMessage, describeError } from '../errors.js';
import { Keypad } from './Keypad.js';
import { useCall, type Call } from './useCall.js';
import { canSpeak } from './speech.js';
import { linkKey } from '../rtc.js';
import { RemoteAudio } from '../remote-audio.js';

const RECENT_KEY = 'tsunagi.phone.recent';

function recentNumbers(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

function remember(number: string): string[] {
  const next = [number, ...recentNumbers().filter((n) => n !== number)].slice(0, 5);
  localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  return next;
}

function CallStatus({ call }: { call: Call | undefined }) {
  const { t } = useI18n();
  if (!call) return <p className="call-state idle">{t('phone.state.idle')}</p>;
  let text: string;
  if (call.state === 'connected')
    text = call.agent ? t('phone.state.connectedTo', { agent: call.agent }) : t('phone.state.connected');
  else if (call.state === 'ended') text = t('phone.state.ended', { reason: reasonText(call.reason, t) });
  else text = t(`phone.state.${call.state}`);
  return (
    <p className={`call-state ${call.state}`} data-testid="call-state" data-state={call.state}>
      {text}
    </p>
  );
}

type T = ReturnType<typeof useI18n>['t'];

function reasonText(reason: string | undefined, t: T): string {
  switch (reason) {
    case 'CONTACT_FLOW_DISCONNECT':
      return t('phone.reason.flow');
    case 'AGENT_DISCONNECT':
      return t('phone.reason.agent');
    case 'CUSTOMER_DISCONNECT':
      return t('phone.reason.customer');
    case 'NETWORK':
      return t('phone.reason.network');
    default:
      return reason ?? t('phone.reason.other');
  }
}

export function PhoneApp() {
  const { t, lang } = useI18n();
  const params = new URLSearchParams(window.location.search);
  const [to, setTo] = useState(() => params.get('to') ?? recentNumbers()[0] ?? '');
  const [from, setFrom] = useState(() => params.get('from') ?? '');
  const [recent, setRecent] = useState(recentNumbers);
  const [error, setError] = useState<string>();
  const [muted, setMuted] = useState(false);
  const phone = useCall(lang === 'ja' ? 'ja-JP' : 'en-US');
  const live = phone.call !== undefined && phone.call.state !== 'ended';

  const call = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const number = to.trim();
    const caller = from.trim();
    if (!E164.test(number)) return setError(t('phone.badNumber', { field: t('phone.to') }));
    if (caller && !E164.test(caller)) return setError(t('phone.badNumber', { field: t('phone.from') }));
    setMuted(false);
    try {
      await phone.dial(number, caller || undefined);
      setRecent(remember(number));
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  const { press } = phone;
  const onKey = useCallback((k: string) => press(k), [press]);

  return (
    <main className="page phone">
      <header className="bar">
        <h1>{t('app.phone')}</h1>
        <LanguageSwitcher />
      </header>
      <form className="card dial" onSubmit={(e) => void call(e)} noValidate>
        <div className="field">
          <label htmlFor="phone-to">{t('phone.to')}</label>
          <input
            id="phone-to"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder="+81312345678"
            list="phone-recent"
            value={to}
            disabled={live}
            onChange={(e) => setTo(e.target.value)}
          />
          <datalist id="phone-recent">
            {recent.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="phone-from">{t('phone.from')}</label>
          <input
            id="phone-from"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder="+15555550100"
            value={from}
            disabled={live}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="actions">
          {live ? (
            <button type="button" className="danger" onClick={phone.hangUp}>
              {t('phone.hangUp')}
            </button>
          ) : (
            <button type="submit" className="primary" disabled={phone.call?.state === 'dialling'}>
              {t('phone.call')}
            </button>
          )}
          {phone.call?.state === 'connected' && (
            <button
              type="button"
              aria-pressed={muted}
              onClick={() => {
                phone.setMuted(!muted);
                setMuted(!muted);
              }}
            >
              {muted ? t('call.unmute') : t('call.mute')}
            </button>
          )}
        </div>
        <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
      </form>
      <section className="card" aria-labelledby="call-title">
        <h2 id="call-title">{t('phone.callTitle')}</h2>
        <div aria-live="polite">
          <CallStatus call={phone.call} />
        </div>
        {phone.call?.state === 'connected' && (
          <p className="muted" data-testid="rtc-state" data-rtc={phone.link ?? ''}>
            {t('call.audio')}: {t(`call.link.${linkKey(phone.link)}`)}
          </p>
        )}
        <Keypad onKey={onKey} disabled={!live || phone.call?.state === 'dialling'} keyboard />
        <RemoteAudio stream={phone.remote} />
        {!canSpeak() && <p className="muted">{t('phone.noSpeech')}</p>}
      </section>
      <section className="card" aria-labelledby="transcript-title">
        <h2 id="transcript-title">{t('phone.transcript')}</h2>
        {phone.lines.length === 0 ? (
          <p className="muted">{t('phone.transcriptEmpty')}</p>
        ) : (
          <ol className="transcript" data-testid="transcript" aria-live="polite">
            {phone.lines.map((l) => (
              <li key={l.id} className={`line ${l.kind}`}>
                {l.kind === 'keys' ? (
                  t('phone.pressed', { keys: l.text })
                ) : (
                  <span className="text-value">{l.text}</span>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
