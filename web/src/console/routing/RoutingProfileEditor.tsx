/**
 * An existing routing profile: its channels (UpdateRoutingProfileConcurrency) and its queues — priority and
 * delay of the pairs it has (UpdateRoutingProfileQueues), new pairs (AssociateRoutingProfileQueues), read with
 * DescribeRoutingProfile and ListRoutingProfileQueues. Each part is saved, confirmed or refused on its own.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { routingApi, type RoutingProfile, type Summary } from '../../api/console-routing.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useRoutingT, type RoutingKey } from './messages.js';
import {
  concurrencyOf,
  mediaOf,
  queueConfigsOf,
  queueRowsOf,
  type ConcurrencyDraft,
  type QueueRowDraft,
} from './profile-form.js';
import { ConcurrencyFields } from './ConcurrencyFields.js';
import { QueueConfigRows } from './QueueConfigRows.js';

interface Props {
  profileId: string;
  queues: Summary[];
  onClose: () => void;
  onSaved: () => void;
}

type Outcome = { error?: string; status?: string };

export function RoutingProfileEditor({ profileId, queues, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const tr = useRoutingT();
  const [profile, setProfile] = useState<RoutingProfile>();
  const [concurrency, setConcurrency] = useState<ConcurrencyDraft>();
  const [rows, setRows] = useState<QueueRowDraft[]>([]);
  const [busy, setBusy] = useState(false);
  const [channelsOutcome, setChannelsOutcome] = useState<Outcome>({});
  const [queuesOutcome, setQueuesOutcome] = useState<Outcome>({});

  const load = useCallback(async () => {
    const [rp, configs] = await Promise.all([
      routingApi.routingProfile(profileId),
      routingApi.profileQueues(profileId),
    ]);
    setProfile(rp);
    setConcurrency(concurrencyOf(rp.MediaConcurrencies));
    setRows(queueRowsOf(configs));
  }, [profileId]);

  useEffect(() => {
    load().catch((e: unknown) => setChannelsOutcome({ error: describeError(e, t) }));
  }, [load, t]);

  const run = async (set: (o: Outcome) => void, change: () => Promise<unknown>, done: RoutingKey) => {
    setBusy(true);
    set({});
    try {
      await change();
      await load();
      set({ status: tr(done) });
      onSaved();
    } catch (err) {
      set({ error: describeError(err, t) });
    } finally {
      setBusy(false);
    }
  };

  const saveChannels = (e: FormEvent) => {
    e.preventDefault();
    if (!concurrency) return;
    const media = mediaOf(concurrency);
    if (media === 'needChannel' || media === 'badNumbers')
      return setChannelsOutcome({ error: tr(media === 'needChannel' ? 'rp.needChannel' : 'rp.badNumbers') });
    void run(setChannelsOutcome, () => routingApi.updateConcurrency(profileId, media), 'rp.concurrencySaved');
  };

  const saveQueues = (e: FormEvent) => {
    e.preventDefault();
    const existing = queueConfigsOf(rows.filter((r) => r.existing));
    const added = queueConfigsOf(rows.filter((r) => !r.existing));
    const existingCount = rows.filter((r) => r.existing).length;
    if (typeof added === 'number')
      return setQueuesOutcome({ error: tr('rp.needQueue', { n: added + existingCount }) });
    if (typeof existing === 'number' || existing === 'badNumbers' || added === 'badNumbers')
      return setQueuesOutcome({ error: tr('rp.badNumbers') });
    void run(
      setQueuesOutcome,
      async () => {
        if (existing.length > 0) await routingApi.updateProfileQueues(profileId, existing);
        if (added.length > 0) await routingApi.associateProfileQueues(profileId, added);
      },
      'rp.queuesSaved',
    );
  };

  return (
    <section className="card editor routing-form" aria-labelledby="profile-editor-title">
      <div className="section-head">
        <h3 id="profile-editor-title">{tr('rp.editing', { name: profile?.Name ?? '…' })}</h3>
        <button type="button" onClick={onClose}>
          {tr('common.close')}
        </button>
      </div>
      {profile?.Description && <p className="muted text-value">{profile.Description}</p>}
      <form className="editor" onSubmit={saveChannels} aria-label={tr('rp.concurrency')} noValidate>
        {concurrency && <ConcurrencyFields value={concurrency} onChange={setConcurrency} />}
        <ErrorMessage error={channelsOutcome.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !concurrency}>
            {tr('rp.saveConcurrency')}
          </button>
          <span role="status">{channelsOutcome.status}</span>
        </div>
      </form>
      <form className="editor" onSubmit={saveQueues} aria-label={tr('rp.queues')} noValidate>
        <QueueConfigRows rows={rows} queues={queues} onChange={setRows} />
        <ErrorMessage error={queuesOutcome.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !profile}>
            {tr('rp.saveQueues')}
          </button>
          <span role="status">{queuesOutcome.status}</span>
        </div>
      </form>
    </section>
  );
}
