/**
 * The tables, as Kysely sees them. One schema for SQLite and PostgreSQL: ids are text, times are epoch
 * milliseconds (bigint), nested Connect structures are JSON text (`*_json`), booleans are 0/1 integers.
 */
export interface InstancesTable {
  id: string;
  arn: string;
  alias: string;
  identity_management_type: string;
  inbound_calls_enabled: number;
  outbound_calls_enabled: number;
  status: string;
  created_time: number;
  /** Instance attributes other than inbound and outbound calls (UpdateInstanceAttribute). */
  attributes_json: string;
  tags_json: string;
}

export interface HoursOfOperationsTable {
  id: string;
  instance_id: string;
  name: string;
  description: string | null;
  time_zone: string;
  config_json: string;
  tags_json: string;
  last_modified_time: number;
}

export interface QueuesTable {
  id: string;
  instance_id: string;
  name: string;
  description: string | null;
  queue_type: string;
  status: string;
  hours_of_operation_id: string | null;
  max_contacts: number | null;
  outbound_caller_config_json: string | null;
  /** For AGENT queues: the user whose queue it is. */
  user_id: string | null;
  tags_json: string;
  last_modified_time: number;
}

export interface QueueQuickConnectsTable {
  instance_id: string;
  queue_id: string;
  quick_connect_id: string;
}

export interface RoutingProfilesTable {
  id: string;
  instance_id: string;
  name: string;
  description: string;
  default_outbound_queue_id: string;
  media_concurrencies_json: string;
  agent_availability_timer: string | null;
  is_default: number;
  tags_json: string;
  last_modified_time: number;
}

export interface RoutingProfileQueuesTable {
  instance_id: string;
  routing_profile_id: string;
  queue_id: string;
  channel: string;
  priority: number;
  delay: number;
}

export interface SecurityProfilesTable {
  id: string;
  instance_id: string;
  name: string;
  description: string | null;
  permissions_json: string;
  tags_json: string;
  last_modified_time: number;
}

export interface UsersTable {
  id: string;
  instance_id: string;
  username: string;
  password_hash: string | null;
  identity_info_json: string | null;
  phone_config_json: string | null;
  /** Per-channel settings (AutoAcceptConfigs, AfterContactWorkConfigs, ...) as one JSON object. */
  channel_configs_json: string | null;
  routing_profile_id: string;
  hierarchy_group_id: string | null;
  tags_json: string;
  last_modified_time: number;
}

export interface UserSecurityProfilesTable {
  instance_id: string;
  user_id: string;
  security_profile_id: string;
}

export interface AgentStatusesTable {
  id: string;
  instance_id: string;
  name: string;
  description: string | null;
  type: string;
  state: string;
  display_order: number | null;
  tags_json: string;
  last_modified_time: number;
}

export interface QuickConnectsTable {
  id: string;
  instance_id: string;
  name: string;
  description: string | null;
  type: string;
  user_id: string | null;
  queue_id: string | null;
  contact_flow_id: string | null;
  phone_number: string | null;
  tags_json: string;
  last_modified_time: number;
}

export interface PhoneNumbersTable {
  id: string;
  instance_id: string;
  phone_number: string;
  type: string;
  country_code: string;
  description: string | null;
  contact_flow_id: string | null;
  status: string;
  tags_json: string;
  last_modified_time: number;
}

export interface FlowsTable {
  id: string;
  instance_id: string;
  name: string;
  /** CONTACT_FLOW, CUSTOMER_QUEUE, ... or MODULE for flow modules. */
  type: string;
  description: string | null;
  /** Kept byte-for-byte as given. */
  content: string;
  content_sha256: string;
  /** Content saved with `:$SAVED` after the flow was published, not published yet (kept byte-for-byte). */
  saved_content: string | null;
  saved_content_sha256: string | null;
  status: string;
  state: string;
  version: number;
  tags_json: string;
  last_modified_time: number;
}

export interface TaskTemplatesTable {
  id: string;
  instance_id: string;
  name: string;
  description: string | null;
  contact_flow_id: string | null;
  self_assign_flow_id: string | null;
  status: string;
  fields_json: string;
  constraints_json: string;
  defaults_json: string;
  version: number;
  tags_json: string;
  created_time: number;
  last_modified_time: number;
}

/** Every version a template had, so a task can show the fields it was made with. */
export interface TaskTemplateVersionsTable {
  instance_id: string;
  task_template_id: string;
  version: number;
  body_json: string;
  created_time: number;
}

export interface Database extends EngineTables {
  instances: InstancesTable;
  hours_of_operations: HoursOfOperationsTable;
  queues: QueuesTable;
  queue_quick_connects: QueueQuickConnectsTable;
  routing_profiles: RoutingProfilesTable;
  routing_profile_queues: RoutingProfileQueuesTable;
  security_profiles: SecurityProfilesTable;
  users: UsersTable;
  user_security_profiles: UserSecurityProfilesTable;
  agent_statuses: AgentStatusesTable;
  quick_connects: QuickConnectsTable;
  phone_numbers: PhoneNumbersTable;
  flows: FlowsTable;
  task_templates: TaskTemplatesTable;
  task_template_versions: TaskTemplateVersionsTable;
  access_keys: AccessKeysTable;
  sessions: SessionsTable;
}

/** Login sessions of the agent API (migration 0005): `id` is the SHA-256 of the token, never the token. */
export interface SessionsTable {
  id: string;
  instance_id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

/** SigV4 access keys (migration 0004); the secret is sealed by the access service. */
export interface AccessKeysTable {
  access_key_id: string;
  instance_id: string;
  user_id: string;
  secret_ciphertext: string;
  description: string | null;
  status: string;
  created_time: number;
  last_used_time: number | null;
}

export interface ContactsTable {
  id: string;
  instance_id: string;
  channel: string;
  initiation_method: string;
  state: string;
  name: string | null;
  description: string | null;
  initial_contact_id: string;
  previous_contact_id: string | null;
  related_contact_id: string | null;
  contact_flow_id: string | null;
  queue_id: string | null;
  agent_id: string | null;
  initiation_ts: number;
  scheduled_ts: number | null;
  enqueue_ts: number | null;
  offered_ts: number | null;
  connected_ts: number | null;
  acw_start_ts: number | null;
  acw_end_ts: number | null;
  disconnect_ts: number | null;
  expiry_ts: number | null;
  last_update_ts: number;
  queue_priority: number | null;
  queue_time_adjustment: number | null;
  disconnect_reason: string | null;
  task_template_id: string | null;
  task_template_version: number | null;
  transfer_count: number;
  reschedule_count: number;
  customer_endpoint_json: string | null;
  system_endpoint_json: string | null;
  attributes_json: string;
  references_json: string;
  segment_attributes_json: string;
  tags_json: string;
  flow_state_json: string | null;
  queue_flow_state_json: string | null;
}

export interface ContactEventsTable {
  contact_id: string;
  seq: number;
  ts: number;
  type: string;
  detail_json: string;
}

export interface TimersTable {
  id: string;
  instance_id: string;
  kind: string;
  contact_id: string | null;
  agent_id: string | null;
  due_at: number;
  data_json: string;
}

export interface AgentStatesTable {
  user_id: string;
  instance_id: string;
  status_id: string;
  status_since: number;
  next_status_id: string | null;
  missed: number;
  idle_since: number | null;
}

export interface IdempotencyTable {
  instance_id: string;
  operation: string;
  token: string;
  request_hash: string;
  response_json: string;
  created_at: number;
}

/** The tables of the engine's live state (migration 0002). */
export interface EngineTables {
  contacts: ContactsTable;
  contact_events: ContactEventsTable;
  timers: TimersTable;
  agent_states: AgentStatesTable;
  idempotency: IdempotencyTable;
}
