/**
 * Fills the contacts table fast, with rows exactly as the store writes them (the contacts repository's own
 * `toRow`), through the store's query builder and connection, many rows per statement and many statements per
 * transaction; each statement's rows are made just before it runs and dropped after. The statement text is made
 * once, not compiled per batch: SQLite gets a multi-row INSERT (its prepared statement is kept by the store),
 * PostgreSQL an INSERT ... SELECT FROM json_populate_recordset() of the rows as one JSON text (one parameter
 * whatever the row count; the server casts each value to its column's type). On PostgreSQL two transactions run at
 * once (the server keeps the indexes up on one core while the client makes the next rows on the other). SQLite's
 * page cache is made larger while it fills (with the store's 2 MB, pages of every index are written out and read
 * back many times over) and put back after, so that searches run with the store's own setting.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { ContactsTable, Database } from '../../src/store/kysely/schema.js';
import { toRow } from '../../src/store/kysely/repos/contacts.js';
import type { Contact } from '../../src/store/ports/index.js';

export interface FillOptions {
  kind: 'sqlite' | 'postgres';
  /** Rows per INSERT statement (SQLite allows 32,766 parameters, a row has 41; PostgreSQL's one JSON text, any). */
  rowsPerStatement: number;
  rowsPerTransaction: number;
  /** Called after each transaction with the rows written so far. */
  progress?: (written: number) => void;
}

type Column = keyof ContactsTable;

function statements(kind: 'sqlite' | 'postgres', columns: Column[]) {
  if (kind === 'postgres') {
    const text = `insert into "contacts" select * from json_populate_recordset(null::"contacts", $1::json)`;
    return (rows: ContactsTable[]): CompiledQuery => CompiledQuery.raw(text, [JSON.stringify(rows)]);
  }
  const names = columns.map((c) => `"${c}"`).join(', ');
  const row = `(${columns.map(() => '?').join(', ')})`;
  const texts = new Map<number, string>();
  return (rows: ContactsTable[]): CompiledQuery => {
    let text = texts.get(rows.length);
    if (!text) {
      text = `insert into "contacts" (${names}) values ${Array(rows.length).fill(row).join(', ')}`;
      texts.set(rows.length, text);
    }
    return CompiledQuery.raw(
      text,
      rows.flatMap((r) => columns.map((c) => r[c])),
    );
  };
}

export async function fillContacts(
  db: Kysely<Database>,
  next: (count: number) => Contact[],
  count: number,
  o: FillOptions,
): Promise<void> {
  const cache =
    o.kind === 'sqlite'
      ? (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size
      : undefined;
  if (cache !== undefined) await sql`pragma cache_size = -262144`.execute(db);
  try {
    await fill(db, next, count, o);
  } finally {
    if (cache !== undefined) await sql.raw(`pragma cache_size = ${cache}`).execute(db);
  }
}

async function fill(
  db: Kysely<Database>,
  next: (count: number) => Contact[],
  count: number,
  o: FillOptions,
): Promise<void> {
  let statement: ((rows: ContactsTable[]) => CompiledQuery) | undefined;
  let written = 0;
  // Each statement's rows are made just before it runs: a transaction may be far larger than what is held.
  const transaction = async (size: number): Promise<void> => {
    await db.transaction().execute(async (trx) => {
      for (let done = 0; done < size; done += o.rowsPerStatement) {
        const rows = next(Math.min(o.rowsPerStatement, size - done)).map(toRow);
        statement ??= statements(o.kind, Object.keys(rows[0] as ContactsTable) as Column[]);
        await trx.executeQuery(statement(rows));
      }
    });
    written += size;
    o.progress?.(written);
  };
  const parallel = o.kind === 'postgres' ? 2 : 1;
  let planned = 0;
  const lane = async (): Promise<void> => {
    while (planned < count) {
      const size = Math.min(o.rowsPerTransaction, count - planned);
      planned += size;
      await transaction(size);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
}
