import type { Kysely } from 'kysely';

/** Contacts, their event timelines, timers, agents' live state, and idempotency records. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('initiation_method', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('initial_contact_id', 'text', (c) => c.notNull())
    .addColumn('previous_contact_id', 'text')
    .addColumn('related_contact_id', 'text')
    .addColumn('contact_flow_id', 'text')
    .addColumn('queue_id', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('initiation_ts', 'bigint', (c) => c.notNull())
    .addColumn('scheduled_ts', 'bigint')
    .addColumn('enqueue_ts', 'bigint')
    .addColumn('offered_ts', 'bigint')
    .addColumn('connected_ts', 'bigint')
    .addColumn('acw_start_ts', 'bigint')
    .addColumn('acw_end_ts', 'bigint')
    .addColumn('disconnect_ts', 'bigint')
    .addColumn('expiry_ts', 'bigint')
    .addColumn('last_update_ts', 'bigint', (c) => c.notNull())
    .addColumn('queue_priority', 'integer')
    .addColumn('queue_time_adjustment', 'integer')
    .addColumn('disconnect_reason', 'text')
    .addColumn('task_template_id', 'text')
    .addColumn('task_template_version', 'integer')
    .addColumn('transfer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reschedule_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('customer_endpoint_json', 'text')
    .addColumn('system_endpoint_json', 'text')
    .addColumn('attributes_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('references_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('segment_attributes_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('flow_state_json', 'text')
    .addColumn('queue_flow_state_json', 'text')
    .execute();
  for (const [name, columns] of [
    ['contacts_initiation', ['instance_id', 'initiation_ts']],
    ['contacts_scheduled', ['instance_id', 'scheduled_ts']],
    ['contacts_disconnect', ['instance_id', 'disconnect_ts']],
    ['contacts_connected', ['instance_id', 'connected_ts']],
    ['contacts_state', ['instance_id', 'state']],
    ['contacts_queue', ['instance_id', 'queue_id', 'state']],
    ['contacts_agent', ['instance_id', 'agent_id', 'state']],
    ['contacts_previous', ['instance_id', 'previous_contact_id']],
    ['contacts_initial', ['instance_id', 'initial_contact_id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('contacts')
      .columns([...columns])
      .execute();

  await db.schema
    .createTable('contact_events')
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addPrimaryKeyConstraint('contact_events_pk', ['contact_id', 'seq'])
    .execute();

  await db.schema
    .createTable('timers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('timers_due').on('timers').columns(['instance_id', 'due_at']).execute();
  await db.schema.createIndex('timers_contact').on('timers').columns(['contact_id']).execute();

  await db.schema
    .createTable('agent_states')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    .addColumn('status_id', 'text', (c) => c.notNull())
    .addColumn('status_since', 'bigint', (c) => c.notNull())
    .addColumn('next_status_id', 'text')
    .addColumn('missed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('idle_since', 'bigint')
    .execute();
  await db.schema.createIndex('agent_states_instance').on('agent_states').column('instance_id').execute();

  await db.schema
    .createTable('idempotency')
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_pk', ['instance_id', 'operation', 'token'])
    .execute();
}
