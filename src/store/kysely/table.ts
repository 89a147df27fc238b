import type { Kysely } from 'kysely';
import { ConnectError } from '../../core/index.js';
import type { Database } from './schema.js';

/** Any instance-scoped table whose rows carry `id` and `instance_id`. */
export type ResourceTableName = {
  [K in keyof Database]: Database[K] extends { id: string; instance_id: string } ? K : never;
}[keyof Database];

export interface RowMap<Row, T> {
  toRow(item: T): Row;
  fromRow(row: Row): T;
}

type Loose = Kysely<Record<string, Record<string, unknown>>>;

/** True when the database refused a write because of a unique index (SQLite or PostgreSQL). */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True when the database refused a write or delete because of a foreign key. */
export function isForeignKeyViolation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * The create/read/update/delete/list that every configuration table shares, written once. Each repository
 * gives its row mapping and adds what is its own (associations, look-ups by other columns).
 */
export class ResourceTable<K extends ResourceTableName, T> {
  private readonly loose: Loose;
  private readonly name: string;

  constructor(
    db: Kysely<Database>,
    table: K,
    private readonly map: RowMap<Database[K], T>,
    /** How a list is ordered (then by id), e.g. 'name'. */
    private readonly orderColumn: keyof Database[K] & string,
    /** What a unique-index refusal means for this table. */
    private readonly duplicateMessage: (item: T) => string,
  ) {
    this.loose = db as unknown as Loose;
    this.name = table;
  }

  async insert(item: T): Promise<void> {
    try {
      await this.loose
        .insertInto(this.name)
        .values(this.map.toRow(item) as unknown as Record<string, unknown>)
        .execute();
    } catch (e) {
      if (isUniqueViolation(e))
        throw new ConnectError('DuplicateResourceException', this.duplicateMessage(item));
      throw e;
    }
  }

  async update(item: T): Promise<void> {
    const row = this.map.toRow(item) as unknown as Record<string, unknown>;
    try {
      await this.loose
        .updateTable(this.name)
        .set(row)
        .where('id', '=', row.id)
        .where('instance_id', '=', row.instance_id)
        .execute();
    } catch (e) {
      if (isUniqueViolation(e))
        throw new ConnectError('DuplicateResourceException', this.duplicateMessage(item));
      throw e;
    }
  }

  async get(instanceId: string, id: string): Promise<T | undefined> {
    const row = await this.loose
      .selectFrom(this.name)
      .selectAll()
      .where('instance_id', '=', instanceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? this.map.fromRow(row as unknown as Database[K]) : undefined;
  }

  /** The first row whose `column` equals `value` in the instance. */
  async findBy(
    instanceId: string,
    column: keyof Database[K] & string,
    value: unknown,
  ): Promise<T | undefined> {
    const col: string = column;
    const row = await this.loose
      .selectFrom(this.name)
      .selectAll()
      .where('instance_id', '=', instanceId)
      .where(col, '=', value as string)
      .executeTakeFirst();
    return row ? this.map.fromRow(row as unknown as Database[K]) : undefined;
  }

  /** Rows of the instance in a stable order; `filter` narrows by column equality (a list means any of). */
  async list(
    instanceId: string,
    page: { offset: number; limit: number },
    filter: Partial<Record<keyof Database[K] & string, unknown>> = {},
  ): Promise<T[]> {
    let q = this.loose.selectFrom(this.name).selectAll().where('instance_id', '=', instanceId);
    for (const [column, value] of Object.entries(filter)) {
      if (value === undefined) continue;
      q = Array.isArray(value) ? q.where(column, 'in', value) : q.where(column, '=', value as string);
    }
    const rows = await q
      .orderBy(this.orderColumn)
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return rows.map((r) => this.map.fromRow(r as unknown as Database[K]));
  }

  async count(instanceId: string): Promise<number> {
    const row = await this.loose
      .selectFrom(this.name)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('instance_id', '=', instanceId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async delete(instanceId: string, id: string): Promise<boolean> {
    const result = await this.loose
      .deleteFrom(this.name)
      .where('instance_id', '=', instanceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

export const json = {
  write: (value: unknown): string => JSON.stringify(value ?? null),
  read: <V>(text: string | null | undefined, fallback: V): V => (text ? (JSON.parse(text) as V) : fallback),
};

/** Drops undefined members so that objects read back equal what was written. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/**
 * `items` cut into chunks for statements over a list: a statement has one text per list length, so lengths are
 * kept to a few: up to `exact` items go in one chunk of their own length, more in chunks of powers of two, largest
 * first, none above `max` (300 → 128, 128, 32, 12). A store then keeps a handful of texts prepared for any length,
 * and never runs more than a few statements for one list.
 */
export function listChunks<T>(items: readonly T[], max = 128, exact = 16): T[][] {
  const chunks: T[][] = [];
  let size = max;
  for (let at = 0; at < items.length;) {
    const left = items.length - at;
    if (left <= exact) {
      chunks.push(items.slice(at));
      break;
    }
    while (size > left) size >>= 1;
    chunks.push(items.slice(at, at + size));
    at += size;
  }
  return chunks;
}
