/**
 * The console's routing profiles: the list (channels with concurrency and cross-channel behaviour, queues,
 * default outbound queue, users), a new profile, and an existing one's channels and queues.
 */
import { useCallback, useEffect, useState } from 'react';
import '../routing/routing.css';
import { routingApi, type RoutingProfile, type Summary } from '../../api/console-routing.js';
import { useI18n } from '../../i18n/i18n.js';
import { useConsoleT } from '../../i18n/console-messages.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useRoutingT } from '../routing/messages.js';
import { RoutingProfileForm } from '../routing/RoutingProfileForm.js';
import { RoutingProfileEditor } from '../routing/RoutingProfileEditor.js';

async function loadProfiles(): Promise<RoutingProfile[]> {
  const list = await routingApi.routingProfiles();
  return Promise.all(list.map((p) => routingApi.routingProfile(p.Id)));
}

export function RoutingProfilesPage() {
  const { t } = useI18n();
  const tc = useConsoleT();
  const tr = useRoutingT();
  const [profiles, setProfiles] = useState<RoutingProfile[]>();
  const [queues, setQueues] = useState<Summary[]>([]);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string>();

  const fail = useCallback((e: unknown) => setError(describeError(e, t)), [t]);
  const reload = useCallback(() => {
    loadProfiles().then(setProfiles).catch(fail);
  }, [fail]);

  useEffect(() => {
    reload();
    routingApi.queues().then(setQueues).catch(fail);
  }, [reload, fail]);

  const queueName = new Map(queues.map((q) => [q.Id, q.Name]));
  const channelsOf = (rp: RoutingProfile) =>
    rp.MediaConcurrencies.map((m) => {
      const any = m.CrossChannelBehavior?.BehaviorType === 'ROUTE_ANY_CHANNEL';
      return `${tr(`channel.${m.Channel}`)} ${m.Concurrency}${any ? ` (${tr('rp.anyChannel')})` : ''}`;
    }).join(' · ');

  return (
    <section aria-labelledby="profiles-title">
      <div className="section-head">
        <h2 id="profiles-title">{tc('section.routing')}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setStatus('');
            setEditing(undefined);
            setCreating(true);
          }}
        >
          {tr('rp.new')}
        </button>
      </div>
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
      <p role="status">{status}</p>
      {creating && (
        <RoutingProfileForm
          queues={queues}
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            setStatus(tr('rp.created', { name }));
            reload();
          }}
        />
      )}
      {profiles === undefined ? (
        <p>{t('app.loading')}</p>
      ) : profiles.length === 0 ? (
        <p>{tr('rp.none')}</p>
      ) : (
        <table className="table" data-testid="routing-profiles">
          <thead>
            <tr>
              <th scope="col">{tr('common.name')}</th>
              <th scope="col">{tr('rp.channels')}</th>
              <th scope="col">{tr('rp.queues')}</th>
              <th scope="col">{tr('rp.defaultOutbound')}</th>
              <th scope="col">{tr('rp.users')}</th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((rp) => (
              <tr
                key={rp.RoutingProfileId}
                data-testid={`profile-${rp.Name}`}
                className={rp.RoutingProfileId === editing ? 'selected' : undefined}
              >
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={tr('rp.edit', { name: rp.Name })}
                    onClick={() => {
                      setCreating(false);
                      setEditing(rp.RoutingProfileId);
                    }}
                  >
                    {rp.Name}
                  </button>
                  <div className="muted text-value">{rp.Description}</div>
                </td>
                <td data-testid="profile-channels">{channelsOf(rp)}</td>
                <td>{rp.NumberOfAssociatedQueues}</td>
                <td className="text-value">{queueName.get(rp.DefaultOutboundQueueId) ?? '—'}</td>
                <td>{rp.NumberOfAssociatedUsers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <RoutingProfileEditor
          key={editing}
          profileId={editing}
          queues={queues}
          onClose={() => setEditing(undefined)}
          onSaved={reload}
        />
      )}
    </section>
  );
}
