import type { Kysely } from 'kysely';

/**
 * Login sessions of the agent API. The primary key is the SHA-256 of the session token, never the token; a session
 * goes with its instance and with its user. Kept in the store so that a restart keeps people logged in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['instance_id', 'user_id']).execute();
  await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();
}
