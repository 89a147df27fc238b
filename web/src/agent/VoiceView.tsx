/**
 * The selected call: the caller's number, its state, a timer since it connected, mute, hold and resume, End
 * (to after-contact work) and Complete, and the state of the audio with the caller (WebRTC).
 */
import { useState } from 'react';
import { agentApi } from '../api/agent.js';
import type { Contact } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorMessage } from '../errors.js';
import { linkKey } from '../rtc.js';
import type { VoiceLinks } from './useVoiceLinks.js';

interface Props {
  contact: Contact;
  now: number;
  voice: VoiceLinks;
  onChanged: (contact: Contact) => void;
  onFailed: (e: unknown, show: (message: string) => void) => void;
}

export function VoiceView({ contact, now, voice, onChanged, onFailed }: Props) {
  const { t, duration, dateTime } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const id = contact.Id;
  const caller = contact.CustomerEndpoint?.Address ?? t('contact.untitled');
  const connected = contact.State === 'CONNECTED';
  const muted = voice.muted.has(id);
  const onHold = voice.onHold.has(id);
  const link = voice.states.get(id);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      onFailed(e, setError);
    } finally {
      setBusy(false);
    }
  };

  const state = contact.State === 'ACW' ? t('state.ACW') : onHold ? t('call.onHold') : t('state.CONNECTED');

  return (
    <section className="card task voice" aria-labelledby="call-view-title" data-testid="call-view">
      <h2 id="call-view-title" className="text-value">
        {t('channel.VOICE')}: {caller}
      </h2>
      <dl className="facts">
        <dt>{t('call.caller')}</dt>
        <dd className="text-value" data-testid="caller">
          {caller}
        </dd>
        <dt>{t('task.state')}</dt>
        <dd data-testid="call-state" data-state={contact.State}>
          {state}
        </dd>
        {contact.ConnectedToAgentTimestamp !== undefined && (
          <>
            <dt>{t('task.connectedAt')}</dt>
            <dd>{dateTime(contact.ConnectedToAgentTimestamp)}</dd>
            {connected && (
              <>
                <dt>{t('call.duration')}</dt>
                <dd data-testid="call-timer">{duration(now - contact.ConnectedToAgentTimestamp)}</dd>
              </>
            )}
          </>
        )}
        {connected && (
          <>
            <dt>{t('call.audio')}</dt>
            <dd data-testid="rtc-state" data-rtc={link ?? ''}>
              {t(`call.link.${linkKey(link)}`)}
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        {connected && (
          <>
            <button type="button" aria-pressed={muted} onClick={() => voice.setMuted(id, !muted)}>
              {muted ? t('call.unmute') : t('call.mute')}
            </button>
            <button
              type="button"
              aria-pressed={onHold}
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  const { Contact: c } = onHold ? await agentApi.resume(id) : await agentApi.hold(id);
                  voice.setOnHold(id, !onHold);
                  onChanged(c);
                })
              }
            >
              {onHold ? t('call.resume') : t('call.hold')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => void run(async () => onChanged((await agentApi.end(id)).Contact))}
            >
              {t('task.end')}
            </button>
          </>
        )}
        {(connected || contact.State === 'ACW') && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void run(async () => onChanged((await agentApi.complete(id)).Contact))}
          >
            {t('task.complete')}
          </button>
        )}
      </div>
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
    </section>
  );
}
