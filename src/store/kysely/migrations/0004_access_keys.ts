import type { Kysely } from 'kysely';

/**
 * Access keys for SigV4. The id is the primary key on its own (a request names only the key); a key goes with its
 * instance and with its user. The secret is stored sealed by the access service, never in clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_keys')
    .addColumn('access_key_id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_time', 'bigint', (c) => c.notNull())
    .addColumn('last_used_time', 'bigint')
    .execute();
  await db.schema
    .createIndex('access_keys_instance')
    .on('access_keys')
    .columns(['instance_id', 'user_id'])
    .execute();
}
