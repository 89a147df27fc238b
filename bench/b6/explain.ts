/**
 * The plans of a search's two statements (its page and its count), as the store builds them: SQLite's EXPLAIN
 * QUERY PLAN, PostgreSQL's EXPLAIN (ANALYZE, BUFFERS). For `--explain`, to see why a search is slow.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { toContactQuery, type SearchContactsInput } from '../../src/contacts/queries.js';
import { searchQueries } from '../../src/store/kysely/repos/contact-search.js';
import type { Database } from '../../src/store/kysely/schema.js';

export async function explainSearch(
  db: Kysely<Database>,
  kind: 'sqlite' | 'postgres',
  instanceId: string,
  req: SearchContactsInput,
  title: string,
): Promise<string> {
  const query = toContactQuery(req);
  const limit = (req.MaxResults ?? 100) + 1;
  const q = searchQueries(db, kind, instanceId, query, { offset: 0, limit });
  const lines = [`--- ${title}: ${JSON.stringify(req.SearchCriteria)} over ${spanOf(req)}`];
  for (const [what, builder] of [
    ['page', q.rows],
    ['count', q.count],
  ] as const) {
    const compiled = builder.compile();
    const prefix = kind === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers) ';
    const t = performance.now();
    const plan = await db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]),
    );
    lines.push(`${what} (${(performance.now() - t).toFixed(1)} ms): ${compiled.sql}`);
    for (const row of plan.rows)
      lines.push(
        kind === 'sqlite'
          ? `  ${String(row.id)}<${String(row.parent)} ${String(row.detail)}`
          : `  ${String(row['QUERY PLAN'])}`,
      );
  }
  return lines.join('\n');
}

const spanOf = (req: SearchContactsInput): string =>
  `${((req.TimeRange.EndTime - req.TimeRange.StartTime) / 3_600_000).toFixed(0)} h`;
