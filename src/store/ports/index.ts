/**
 * The store's ports: what the engine asks of persistence, in domain terms. Implemented over Kysely in
 * src/store/kysely for SQLite and PostgreSQL. Engine pieces import these, never the implementation.
 */
import type { InstanceRepo } from './instances.js';
import type { HoursOfOperationRepo } from './hours.js';
import type { QueueRepo } from './queues.js';
import type { RoutingProfileRepo } from './routing-profiles.js';
import type { QuickConnectRepo } from './quick-connects.js';
import type { AgentStatusRepo } from './agent-statuses.js';
import type { UserRepo } from './users.js';
import type { SecurityProfileRepo } from './security-profiles.js';
import type { PhoneNumberRepo } from './phone-numbers.js';
import type { FlowRepo } from './flows.js';
import type { TaskTemplateRepo } from './task-templates.js';
import type { AccessKeyRepo } from './access-keys.js';
import type { SessionRepo } from './sessions.js';
import type { AgentStateRepo, ContactRepo, IdempotencyRepo, TimerRepo } from './contacts.js';

export interface Repositories {
  instances: InstanceRepo;
  hours: HoursOfOperationRepo;
  queues: QueueRepo;
  routingProfiles: RoutingProfileRepo;
  quickConnects: QuickConnectRepo;
  agentStatuses: AgentStatusRepo;
  users: UserRepo;
  securityProfiles: SecurityProfileRepo;
  phoneNumbers: PhoneNumberRepo;
  flows: FlowRepo;
  taskTemplates: TaskTemplateRepo;
  accessKeys: AccessKeyRepo;
  sessions: SessionRepo;
  contacts: ContactRepo;
  timers: TimerRepo;
  agentStates: AgentStateRepo;
  idempotency: IdempotencyRepo;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Repositories outside a transaction: each call commits on its own. */
  readonly repos: Repositories;
  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * A number that grows after every write to configuration (every table but contacts, timers, agent states,
   * sessions and idempotency) made through this store, at the write and again at its transaction's commit.
   * Caches of configuration (who a key or user is, what they may do) keep it beside what they read and read
   * again when it has moved.
   */
  configurationGeneration(): number;
  close(): Promise<void>;
}

export type * from './common.js';
export type * from './instances.js';
export type * from './hours.js';
export type * from './queues.js';
export type * from './routing-profiles.js';
export type * from './quick-connects.js';
export type * from './agent-statuses.js';
export type * from './users.js';
export type * from './security-profiles.js';
export type * from './phone-numbers.js';
export type * from './flows.js';
export type * from './task-templates.js';
export type * from './access-keys.js';
export type * from './sessions.js';
export type * from './contacts.js';
export { FINISHED } from './contacts.js';
