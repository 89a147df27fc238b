import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ContactChannel, ContactLifecycle, ContactQuery, ContactTimeField } from '../../ports/index.js';
import type { ContactsTable, Database } from '../schema.js';

type Q = SelectQueryBuilder<Database, 'contacts', object>;
type E = ExpressionBuilder<Database, 'contacts'>;

const TIME_COLUMN: Record<ContactTimeField, keyof ContactsTable> = {
  initiation: 'initiation_ts',
  scheduled: 'scheduled_ts',
  enqueue: 'enqueue_ts',
  connected: 'connected_ts',
  disconnect: 'disconnect_ts',
  expiry: 'expiry_ts',
};

const SORT_COLUMN = {
  ...TIME_COLUMN,
  initiationMethod: 'initiation_method',
  channel: 'channel',
} as const;

/** `lower(name) like %text%`, with LIKE's own characters escaped. */
function nameContains(eb: E, text: string) {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`lower(coalesce(${eb.ref('name')}, '')) like ${`%${escaped}%`} escape '\\'`;
}

/** One attribute's value, read from the JSON text on either database. */
function attribute(dialect: 'sqlite' | 'postgres', key: string) {
  return dialect === 'postgres'
    ? sql<string>`(attributes_json::jsonb ->> ${key})`
    : sql<string>`json_extract(attributes_json, ${`$."${key.replace(/"/g, '""')}"`})`;
}

/** Applies SearchContacts' criteria to a query over contacts. */
export function applyContactQuery(q: Q, query: ContactQuery, dialect: 'sqlite' | 'postgres'): Q {
  const range = TIME_COLUMN[query.timeRange.field];
  q = q.where(range, '>=', query.timeRange.start).where(range, '<=', query.timeRange.end);
  if (query.channels?.length) q = q.where('channel', 'in', query.channels);
  if (query.initiationMethods?.length) q = q.where('initiation_method', 'in', query.initiationMethods);
  if (query.queueIds?.length) q = q.where('queue_id', 'in', query.queueIds);
  if (query.agentIds?.length) q = q.where('agent_id', 'in', query.agentIds);
  if (query.states?.length) q = q.where('state', 'in', query.states);
  for (const r of query.moreRanges ?? [])
    q = q.where(TIME_COLUMN[r.field], '>=', r.start).where(TIME_COLUMN[r.field], '<=', r.end);
  for (const t of query.timestamps ?? []) q = q.where(TIME_COLUMN[t.field], t.exists ? 'is not' : 'is', null);
  const name = query.name;
  if (name?.texts.length) {
    const texts = name.texts;
    q = q.where((eb) => {
      switch (name.match) {
        case 'MATCH_ALL':
          return eb.and(texts.map((t) => nameContains(eb, t)));
        case 'MATCH_ANY':
          return eb.or(texts.map((t) => nameContains(eb, t)));
        case 'MATCH_EXACT':
          return eb('name', 'in', texts);
        case 'MATCH_NONE':
          return eb.not(eb.or(texts.map((t) => nameContains(eb, t))));
      }
    });
  }
  const attrs = query.attributes;
  if (attrs?.criteria.length)
    q = q.where((eb) => {
      const each = attrs.criteria.map((c) =>
        c.values.length
          ? eb(attribute(dialect, c.key), 'in', c.values)
          : eb(attribute(dialect, c.key), 'is not', null),
      );
      return attrs.match === 'MATCH_ANY' ? eb.or(each) : eb.and(each);
    });
  return q;
}

/** At most this many (queue, channel, state) combinations are read as ordered streams; more take the plain query. */
const MAX_STREAMS = 64;

type Stream = [queueId: string, channel: ContactChannel, state: ContactLifecycle];

/**
 * The (queue, channel, state) combinations of a search that names queues, channels and states and is ranged and
 * sorted on initiation time; undefined for any other search.
 */
function streamsOf(query: ContactQuery): Stream[] | undefined {
  const { queueIds, channels, states } = query;
  if (!queueIds?.length || !channels?.length || !states?.length) return undefined;
  if (query.sort.field !== 'initiation' || query.timeRange.field !== 'initiation') return undefined;
  const [qs, cs, ss] = [[...new Set(queueIds)], [...new Set(channels)], [...new Set(states)]];
  if (qs.length * cs.length * ss.length > MAX_STREAMS) return undefined;
  return qs.flatMap((q) => cs.flatMap((c) => ss.map((st): Stream => [q, c, st])));
}

/**
 * The two statements of a search: a page of rows and the count of every match (the benchmark explains them).
 *
 * A search by queues, channels and states over an initiation-time range, newest or oldest first, reads the page as
 * a merge: for each combination of one queue, one channel and one state, the index `contacts_queue_search` gives
 * its matches already in order, so each stream stops after `offset + limit` entries of the index; the streams are
 * merged, the page cut from them, and only the page's rows are read from the table. The plain query would either
 * sort every match (slow when there are many) or walk the time index until the page is full (slow when there are
 * few), and neither database knows beforehand which. The count reads the same index alone.
 */
export function searchQueries(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  instanceId: string,
  query: ContactQuery,
  page: { offset: number; limit: number },
) {
  const inInstance = () => db.selectFrom('contacts').where('instance_id', '=', instanceId);
  const base = applyContactQuery(inInstance(), query, dialect);
  const sortColumn = SORT_COLUMN[query.sort.field];
  const direction = query.sort.descending ? 'desc' : 'asc';
  const count = base.select((eb) => eb.fn.countAll().as('n'));
  const streams = streamsOf(query)?.map(([queueId, channel, state]) => {
    const one: ContactQuery = { ...query, queueIds: [queueId], channels: [channel], states: [state] };
    const ordered = applyContactQuery(inInstance(), one, dialect)
      .select(['id', 'initiation_ts'])
      .orderBy('initiation_ts', direction)
      .orderBy('id', direction)
      .limit(page.offset + page.limit);
    return db.selectFrom(ordered.as('s')).select(['s.id', 's.initiation_ts']);
  });
  if (streams?.[0]) {
    const merged = streams.slice(1).reduce((all, s) => all.unionAll(s), streams[0]);
    const pageIds = db
      .selectFrom(merged.as('m'))
      .select('m.id')
      .orderBy('m.initiation_ts', direction)
      .orderBy('m.id', direction)
      .offset(page.offset)
      .limit(page.limit);
    // By id alone (the ids are the instance's): with the instance in the filter, SQLite may walk the instance's
    // time index for the order rather than look up the page's rows.
    const rows = db
      .selectFrom('contacts')
      .selectAll()
      .where('id', 'in', pageIds)
      .orderBy('initiation_ts', direction)
      .orderBy('id', direction);
    return { rows, count };
  }
  return {
    rows: base
      .selectAll()
      .orderBy(sortColumn, direction)
      .orderBy('id', direction)
      .offset(page.offset)
      .limit(page.limit),
    count,
  };
}

export async function searchContacts(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  instanceId: string,
  query: ContactQuery,
  page: { offset: number; limit: number },
): Promise<{ rows: ContactsTable[]; total: number }> {
  const q = searchQueries(db, dialect, instanceId, query, page);
  const [rows, count] = await Promise.all([q.rows.execute(), q.count.executeTakeFirst()]);
  return { rows, total: Number(count?.n ?? 0) };
}
