import type { Kysely, CreateTableBuilder } from 'kysely';

/** Columns every instance-scoped configuration resource has. */
function resource<T extends string>(t: CreateTableBuilder<T, never>) {
  return t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'));
}

function stamped<T extends string, C extends string>(t: CreateTableBuilder<T, C>) {
  return t
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('last_modified_time', 'bigint', (c) => c.notNull());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('arn', 'text', (c) => c.notNull())
    .addColumn('alias', 'text', (c) => c.notNull().unique())
    .addColumn('identity_management_type', 'text', (c) => c.notNull())
    .addColumn('inbound_calls_enabled', 'integer', (c) => c.notNull())
    .addColumn('outbound_calls_enabled', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_time', 'bigint', (c) => c.notNull())
    .addColumn('attributes_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await stamped(
    resource(db.schema.createTable('hours_of_operations'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('config_json', 'text', (c) => c.notNull()),
  )
    .addUniqueConstraint('hours_of_operations_name', ['instance_id', 'name'])
    .execute();

  await stamped(
    resource(db.schema.createTable('queues'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('queue_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('hours_of_operation_id', 'text', (c) => c.references('hours_of_operations.id'))
      .addColumn('max_contacts', 'integer')
      .addColumn('outbound_caller_config_json', 'text')
      .addColumn('user_id', 'text'),
  )
    .addUniqueConstraint('queues_name', ['instance_id', 'queue_type', 'name'])
    .execute();

  await stamped(
    resource(db.schema.createTable('routing_profiles'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('default_outbound_queue_id', 'text', (c) => c.notNull().references('queues.id'))
      .addColumn('media_concurrencies_json', 'text', (c) => c.notNull())
      .addColumn('agent_availability_timer', 'text')
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0)),
  )
    .addUniqueConstraint('routing_profiles_name', ['instance_id', 'name'])
    .execute();

  await db.schema
    .createTable('routing_profile_queues')
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('routing_profile_id', 'text', (c) =>
      c.notNull().references('routing_profiles.id').onDelete('cascade'),
    )
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('delay', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('routing_profile_queues_pk', ['routing_profile_id', 'queue_id', 'channel'])
    .execute();
  await db.schema
    .createIndex('routing_profile_queues_queue')
    .on('routing_profile_queues')
    .column('queue_id')
    .execute();

  await stamped(
    resource(db.schema.createTable('security_profiles'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('permissions_json', 'text', (c) => c.notNull()),
  )
    .addUniqueConstraint('security_profiles_name', ['instance_id', 'name'])
    .execute();

  await stamped(
    resource(db.schema.createTable('users'))
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('identity_info_json', 'text')
      .addColumn('phone_config_json', 'text')
      .addColumn('channel_configs_json', 'text')
      .addColumn('routing_profile_id', 'text', (c) => c.notNull().references('routing_profiles.id'))
      .addColumn('hierarchy_group_id', 'text'),
  )
    .addUniqueConstraint('users_username', ['instance_id', 'username'])
    .execute();

  await db.schema
    .createTable('user_security_profiles')
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('security_profile_id', 'text', (c) => c.notNull().references('security_profiles.id'))
    .addPrimaryKeyConstraint('user_security_profiles_pk', ['user_id', 'security_profile_id'])
    .execute();
  await db.schema
    .createIndex('user_security_profiles_profile')
    .on('user_security_profiles')
    .column('security_profile_id')
    .execute();

  await stamped(
    resource(db.schema.createTable('agent_statuses'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('display_order', 'integer'),
  )
    .addUniqueConstraint('agent_statuses_name', ['instance_id', 'name'])
    .execute();

  await stamped(
    resource(db.schema.createTable('quick_connects'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.references('users.id'))
      .addColumn('queue_id', 'text', (c) => c.references('queues.id'))
      .addColumn('contact_flow_id', 'text')
      .addColumn('phone_number', 'text'),
  )
    .addUniqueConstraint('quick_connects_name', ['instance_id', 'name'])
    .execute();

  await db.schema
    .createTable('queue_quick_connects')
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id').onDelete('cascade'))
    .addColumn('quick_connect_id', 'text', (c) =>
      c.notNull().references('quick_connects.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('queue_quick_connects_pk', ['queue_id', 'quick_connect_id'])
    .execute();

  await stamped(
    resource(db.schema.createTable('flows'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('content_sha256', 'text', (c) => c.notNull())
      .addColumn('saved_content', 'text')
      .addColumn('saved_content_sha256', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull()),
  )
    .addUniqueConstraint('flows_name', ['instance_id', 'name'])
    .execute();

  await stamped(
    resource(db.schema.createTable('phone_numbers'))
      .addColumn('phone_number', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('country_code', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('contact_flow_id', 'text', (c) => c.references('flows.id'))
      .addColumn('status', 'text', (c) => c.notNull()),
  ).execute();

  await stamped(
    resource(db.schema.createTable('task_templates'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('contact_flow_id', 'text', (c) => c.references('flows.id'))
      .addColumn('self_assign_flow_id', 'text', (c) => c.references('flows.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('fields_json', 'text', (c) => c.notNull())
      .addColumn('constraints_json', 'text', (c) => c.notNull())
      .addColumn('defaults_json', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_time', 'bigint', (c) => c.notNull()),
  )
    .addUniqueConstraint('task_templates_name', ['instance_id', 'name'])
    .execute();

  await db.schema
    .createTable('task_template_versions')
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('task_template_id', 'text', (c) =>
      c.notNull().references('task_templates.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('created_time', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_template_versions_pk', ['task_template_id', 'version'])
    .execute();

  for (const table of [
    'hours_of_operations',
    'queues',
    'routing_profiles',
    'security_profiles',
    'users',
    'agent_statuses',
    'quick_connects',
    'phone_numbers',
    'flows',
    'task_templates',
  ])
    await db.schema.createIndex(`${table}_instance`).on(table).column('instance_id').execute();
}
