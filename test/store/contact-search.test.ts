import { expect, it } from 'vitest';
import type { Contact, ContactQuery } from '../../src/store/ports/index.js';
import { describeStores, type TestEnv } from '../support/env.js';

const H = 3_600_000;
function contact(env: TestEnv, id: string, at: number, extra: Partial<Contact> = {}): Contact {
  return {
    InstanceId: env.instanceId,
    Id: id,
    Arn: '',
    Channel: 'TASK',
    InitiationMethod: 'API',
    State: 'QUEUED',
    Name: `Task ${id}`,
    InitialContactId: id,
    InitiationTimestamp: at,
    LastUpdateTimestamp: at,
    TransferCount: 0,
    RescheduleCount: 0,
    Attributes: {},
    References: {},
    SegmentAttributes: {},
    Tags: {},
    ...extra,
  };
}

async function seed(env: TestEnv) {
  const t0 = env.clock.now();
  const all = [
    contact(env, 'a', t0, {
      Name: 'Callback for Sato',
      State: 'SCHEDULED',
      ScheduledTimestamp: t0 + 5 * H,
      Attributes: { tier: 'gold', region: 'kanto' },
    }),
    contact(env, 'b', t0 + 1 * H, {
      Name: 'Callback for Suzuki',
      QueueId: 'q-callback',
      Attributes: { tier: 'silver' },
    }),
    contact(env, 'c', t0 + 2 * H, {
      Channel: 'VOICE',
      InitiationMethod: 'INBOUND',
      Name: undefined,
      State: 'ENDED',
      DisconnectTimestamp: t0 + 3 * H,
      QueueId: 'q-basic',
      AgentId: 'u-1',
      ConnectedToAgentTimestamp: t0 + 2.5 * H,
    }),
    contact(env, 'd', t0 + 4 * H, {
      Name: 'Refund 100%_off',
      State: 'CONNECTED',
      AgentId: 'u-2',
      QueueId: 'q-callback',
      ConnectedToAgentTimestamp: t0 + 4.5 * H,
    }),
  ];
  for (const c of all) await env.store.repos.contacts.insert(c);
  return t0;
}

describeStores('contact search', (env) => {
  const search = (
    q: Partial<ContactQuery> & Pick<ContactQuery, 'timeRange'>,
    page = { offset: 0, limit: 100 },
  ) =>
    env().store.repos.contacts.search(
      env().instanceId,
      { sort: { field: 'initiation', descending: false }, ...q },
      page,
    );
  const ids = (r: { items: Contact[] }) => r.items.map((c) => c.Id);

  it('filters by a time range on any timestamp, channel, initiation method, queue, agent and state (R1)', async () => {
    const t0 = await seed(env());
    const day = { field: 'initiation' as const, start: t0, end: t0 + 24 * H };
    expect(ids(await search({ timeRange: day }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(await search({ timeRange: { ...day, end: t0 + 1 * H } }))).toEqual(['a', 'b']);
    expect(ids(await search({ timeRange: { field: 'scheduled', start: t0, end: t0 + 6 * H } }))).toEqual([
      'a',
    ]);
    expect(ids(await search({ timeRange: { field: 'connected', start: t0, end: t0 + 3 * H } }))).toEqual([
      'c',
    ]);
    expect(
      ids(await search({ timeRange: day, channels: ['TASK'], states: ['SCHEDULED', 'QUEUED', 'CONNECTED'] })),
    ).toEqual(['a', 'b', 'd']);
    expect(ids(await search({ timeRange: day, initiationMethods: ['INBOUND'] }))).toEqual(['c']);
    expect(ids(await search({ timeRange: day, queueIds: ['q-callback'] }))).toEqual(['b', 'd']);
    expect(ids(await search({ timeRange: day, agentIds: ['u-2'] }))).toEqual(['d']);
    expect(
      ids(await search({ timeRange: day, timestamps: [{ field: 'disconnect', exists: false }] })),
    ).toEqual(['a', 'b', 'd']);
  });

  it('matches names as SearchContacts does, literally (% and _ are text)', async () => {
    const t0 = await seed(env());
    const day = { field: 'initiation' as const, start: t0, end: t0 + 24 * H };
    expect(
      ids(await search({ timeRange: day, name: { texts: ['callback', 'sato'], match: 'MATCH_ALL' } })),
    ).toEqual(['a']);
    expect(
      ids(await search({ timeRange: day, name: { texts: ['sato', 'suzuki'], match: 'MATCH_ANY' } })),
    ).toEqual(['a', 'b']);
    expect(
      ids(await search({ timeRange: day, name: { texts: ['Callback for Suzuki'], match: 'MATCH_EXACT' } })),
    ).toEqual(['b']);
    expect(ids(await search({ timeRange: day, name: { texts: ['callback'], match: 'MATCH_NONE' } }))).toEqual(
      ['c', 'd'],
    );
    expect(ids(await search({ timeRange: day, name: { texts: ['100%_'], match: 'MATCH_ANY' } }))).toEqual([
      'd',
    ]);
    expect(ids(await search({ timeRange: day, name: { texts: ['0%o'], match: 'MATCH_ANY' } }))).toEqual([]);
  });

  it('matches searchable attributes, all or any', async () => {
    const t0 = await seed(env());
    const day = { field: 'initiation' as const, start: t0, end: t0 + 24 * H };
    const gold = { key: 'tier', values: ['gold'] };
    expect(
      ids(await search({ timeRange: day, attributes: { criteria: [gold], match: 'MATCH_ALL' } })),
    ).toEqual(['a']);
    expect(
      ids(
        await search({
          timeRange: day,
          attributes: { criteria: [{ key: 'tier', values: ['gold', 'silver'] }], match: 'MATCH_ALL' },
        }),
      ),
    ).toEqual(['a', 'b']);
    expect(
      ids(
        await search({
          timeRange: day,
          attributes: { criteria: [gold, { key: 'region', values: ['kansai'] }], match: 'MATCH_ALL' },
        }),
      ),
    ).toEqual([]);
    expect(
      ids(
        await search({
          timeRange: day,
          attributes: { criteria: [gold, { key: 'tier', values: ['silver'] }], match: 'MATCH_ANY' },
        }),
      ),
    ).toEqual(['a', 'b']);
  });

  it('sorts and pages, and counts every match', async () => {
    const t0 = await seed(env());
    const day = { field: 'initiation' as const, start: t0, end: t0 + 24 * H };
    const first = await search(
      { timeRange: day, sort: { field: 'initiation', descending: true } },
      { offset: 0, limit: 3 },
    );
    expect(ids(first)).toEqual(['d', 'c', 'b']);
    expect(first.total).toBe(4);
    const rest = await search(
      { timeRange: day, sort: { field: 'initiation', descending: true } },
      { offset: 3, limit: 3 },
    );
    expect(ids(rest)).toEqual(['a']);
    expect(ids(await search({ timeRange: day, sort: { field: 'channel', descending: false } }))).toEqual([
      'a',
      'b',
      'd',
      'c',
    ]);
  });

  it('pages a search naming queues, channels and states exactly as a plain sort would, both ways', async () => {
    const e = env();
    const t0 = e.clock.now();
    const queues = ['q-1', 'q-2', 'q-3'];
    const channels = ['TASK', 'VOICE', 'CHAT'] as const;
    const states = ['QUEUED', 'ENDED', 'CONNECTED'] as const;
    const all: Contact[] = [];
    for (let i = 0; i < 90; i++) {
      // Every fourth one shares its time with the one before: the id decides between them.
      const at = t0 + Math.floor(i - (i % 4 === 3 ? 1 : 0)) * 60_000;
      const c = contact(e, `c-${String((i * 37) % 90).padStart(2, '0')}`, at, {
        QueueId: queues[i % 3],
        Channel: channels[Math.floor(i / 3) % 3],
        State: states[Math.floor(i / 9) % 3],
      });
      all.push(c);
      await e.store.repos.contacts.insert(c);
    }
    const timeRange = { field: 'initiation' as const, start: t0 + 5 * 60_000, end: t0 + 80 * 60_000 };
    const filter = {
      queueIds: ['q-1', 'q-3'],
      channels: ['TASK', 'VOICE'] as ('TASK' | 'VOICE')[],
      states: ['QUEUED', 'ENDED'] as ('QUEUED' | 'ENDED')[],
    };
    const matching = all.filter(
      (c) =>
        c.InitiationTimestamp >= timeRange.start &&
        c.InitiationTimestamp <= timeRange.end &&
        filter.queueIds.includes(c.QueueId ?? '') &&
        (filter.channels as string[]).includes(c.Channel) &&
        (filter.states as string[]).includes(c.State),
    );
    expect(matching.length).toBeGreaterThan(10);
    for (const descending of [false, true]) {
      const expected = [...matching]
        .sort((a, b) => a.InitiationTimestamp - b.InitiationTimestamp || (a.Id < b.Id ? -1 : 1))
        .map((c) => c.Id);
      if (descending) expected.reverse();
      const got: string[] = [];
      for (let offset = 0; offset < expected.length + 7; offset += 7) {
        const page = await search(
          { timeRange, ...filter, sort: { field: 'initiation', descending } },
          { offset, limit: 7 },
        );
        expect(page.total).toBe(expected.length);
        got.push(...ids(page));
      }
      expect(got).toEqual(expected);
    }
  });
});
