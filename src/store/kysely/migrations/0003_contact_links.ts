import type { Kysely } from 'kysely';

/** Contacts linked to a contact by RelatedContactId (a task made by the Create task block, rule C1). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('contacts_related')
    .on('contacts')
    .columns(['instance_id', 'related_contact_id'])
    .execute();
}
