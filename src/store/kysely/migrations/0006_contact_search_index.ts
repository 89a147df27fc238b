import type { Kysely } from 'kysely';

/**
 * SearchContacts by queue, channel and state over an initiation-time range (B6): one index whose equality columns
 * come first and whose last columns are the search's order (initiation time, then id), so that each combination of
 * queue, channel and state reads its page in order and the count reads the index alone. It replaces
 * `contacts_queue` (instance, queue, state), whose only reader was the search: the number of indexes a contact's
 * insert and update keep up stays the same.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('contacts_queue').execute();
  await db.schema
    .createIndex('contacts_queue_search')
    .on('contacts')
    .columns(['instance_id', 'queue_id', 'channel', 'state', 'initiation_ts', 'id'])
    .execute();
}
