/**
 * Contact search for supervisors (P3): filters (channel, state — in progress, scheduled, ended —, a time range
 * on the start or the scheduled time), a results table, and a row's details beside it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { consoleApi, type SearchInput } from '../api/console.js';
import type { Contact, ContactState } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { useConsoleT } from '../i18n/console-messages.js';
import { ErrorMessage, useAction } from '../errors.js';
import { localInputOfMs, msOfLocalInput } from './time.js';
import { ContactDetailsView, useContactLabels } from './ContactDetailsView.js';

const STATE_GROUPS: Record<string, ContactState[]> = {
  inProgress: ['INITIATED', 'IN_FLOW', 'QUEUED', 'OFFERED', 'CONNECTED', 'ACW'],
  scheduled: ['SCHEDULED'],
  ended: ['ENDED', 'EXPIRED'],
};
const CHANNELS = ['TASK', 'VOICE', 'CHAT', 'EMAIL'] as const;
const DAY = 86_400_000;

export function ContactSearch() {
  const { t, dateTime } = useI18n();
  const tc = useConsoleT();
  const { channelLabel, stateLabel } = useContactLabels();
  const [channel, setChannel] = useState('TASK');
  const [state, setState] = useState('');
  const [timeType, setTimeType] = useState<SearchInput['TimeRange']['Type']>('INITIATION_TIMESTAMP');
  const [from, setFrom] = useState(() => localInputOfMs(Date.now() - DAY));
  const [to, setTo] = useState('');
  const { busy, error, setError, run } = useAction();
  const [results, setResults] = useState<{ contacts: Contact[]; total: number }>();
  const [selected, setSelected] = useState<string>();
  const [agents, setAgents] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    // Agent names for the table; without Users.View the ids are shown instead.
    consoleApi
      .users()
      .then((users) => setAgents(new Map(users.map((u) => [u.Id, u.Username]))))
      .catch(() => undefined);
  }, []);

  const search = async (e?: FormEvent) => {
    e?.preventDefault();
    const start = msOfLocalInput(from);
    // The end is inclusive of what was scheduled for later when the range is on scheduled times.
    const end =
      to === '' ? Date.now() + (timeType === 'SCHEDULED_TIMESTAMP' ? 7 * DAY : 0) : msOfLocalInput(to);
    if (start === undefined || end === undefined || end < start) {
      setError(tc('search.badTime'));
      return;
    }
    const states = STATE_GROUPS[state];
    await run(async () => {
      const found = await consoleApi.search({
        TimeRange: { Type: timeType, StartTime: start, EndTime: end },
        SearchCriteria: { ...(channel && { Channels: [channel] }), ...(states && { States: states }) },
        Sort: { FieldName: 'INITIATION_TIMESTAMP', Order: 'DESCENDING' },
        MaxResults: 100,
      });
      setResults({ contacts: found.Contacts, total: found.TotalCount });
    });
  };

  const nameOf = (c: Contact) => c.Name ?? t('contact.untitled');

  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">{tc('section.search')}</h2>
      <form className="card filters" onSubmit={(e) => void search(e)} aria-label={tc('search.filters')}>
        <div className="filter">
          <label htmlFor="search-channel">{tc('search.channel')}</label>
          <select id="search-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{tc('search.allChannels')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="search-state">{tc('search.state')}</label>
          <select id="search-state" value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{tc('search.allStates')}</option>
            <option value="inProgress">{tc('search.inProgress')}</option>
            <option value="scheduled">{tc('search.scheduled')}</option>
            <option value="ended">{tc('search.ended')}</option>
          </select>
        </div>
        <div className="filter">
          <label htmlFor="search-time-type">{tc('search.timeOf')}</label>
          <select
            id="search-time-type"
            value={timeType}
            onChange={(e) =>
              setTimeType(
                e.target.value === 'SCHEDULED_TIMESTAMP' ? 'SCHEDULED_TIMESTAMP' : 'INITIATION_TIMESTAMP',
              )
            }
          >
            <option value="INITIATION_TIMESTAMP">{tc('search.initiated')}</option>
            <option value="SCHEDULED_TIMESTAMP">{tc('search.scheduledAt')}</option>
          </select>
        </div>
        <div className="filter">
          <label htmlFor="search-from">{tc('search.from')}</label>
          <input
            id="search-from"
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="filter">
          <label htmlFor="search-to">{tc('search.to')}</label>
          <input id="search-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tc('search.searching') : tc('search.submit')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {results && (
        <div className="search-results">
          <h3>
            {tc('search.results')}{' '}
            <span className="muted">{tc('search.count', { count: results.total })}</span>
          </h3>
          {results.contacts.length === 0 ? (
            <p>{tc('search.none')}</p>
          ) : (
            <table className="table" data-testid="search-results">
              <thead>
                <tr>
                  <th scope="col">{tc('search.name')}</th>
                  <th scope="col">{tc('search.channel')}</th>
                  <th scope="col">{tc('search.state')}</th>
                  <th scope="col">{tc('search.initiated')}</th>
                  <th scope="col">{tc('search.scheduledAt')}</th>
                  <th scope="col">{tc('search.agent')}</th>
                </tr>
              </thead>
              <tbody>
                {results.contacts.map((c) => (
                  <tr
                    key={c.Id}
                    className={c.Id === selected ? 'selected clickable' : 'clickable'}
                    onClick={() => setSelected(c.Id)}
                  >
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={tc('search.open', { name: nameOf(c) })}
                        onClick={(e) => {
                          e.stopPropagation();
                          setSelected(c.Id);
                        }}
                      >
                        {nameOf(c)}
                      </button>
                    </td>
                    <td>{channelLabel(c.Channel)}</td>
                    <td>{stateLabel(c.State)}</td>
                    <td>{dateTime(c.InitiationTimestamp)}</td>
                    <td>{c.ScheduledTimestamp ? dateTime(c.ScheduledTimestamp) : '—'}</td>
                    <td>{c.AgentId ? (agents.get(c.AgentId) ?? c.AgentId) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {selected && (
        <ContactDetailsView
          key={selected}
          contactId={selected}
          onOpen={setSelected}
          onClose={() => setSelected(undefined)}
          onChanged={() => void search()}
        />
      )}
    </section>
  );
}
