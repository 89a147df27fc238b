import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ContactQuery, ContactTimeField } from '../../ports/index.js';
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

export async function searchContacts(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  instanceId: string,
  query: ContactQuery,
  page: { offset: number; limit: number },
): Promise<{ rows: ContactsTable[]; total: number }> {
  const base = applyContactQuery(
    db.selectFrom('contacts').where('instance_id', '=', instanceId),
    query,
    dialect,
  );
  const sortColumn = SORT_COLUMN[query.sort.field];
  const direction = query.sort.descending ? 'desc' : 'asc';
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy(sortColumn, direction)
      .orderBy('id', direction)
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}
