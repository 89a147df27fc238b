import type { Kysely } from 'kysely';
import type { ArnContext } from '../../core/index.js';
import type { Repositories } from '../ports/index.js';
import type { Database } from './schema.js';
import { createInstanceRepo } from './repos/instances.js';
import { createHoursRepo } from './repos/hours.js';
import { createQueueRepo } from './repos/queues.js';
import { createRoutingProfileRepo } from './repos/routing-profiles.js';
import { createQuickConnectRepo } from './repos/quick-connects.js';
import { createAgentStatusRepo } from './repos/agent-statuses.js';
import { createUserRepo } from './repos/users.js';
import { createSecurityProfileRepo } from './repos/security-profiles.js';
import { createPhoneNumberRepo } from './repos/phone-numbers.js';
import { createFlowRepo } from './repos/flows.js';
import { createTaskTemplateRepo } from './repos/task-templates.js';
import { createAccessKeyRepo } from './repos/access-keys.js';
import { createSessionRepo } from './repos/sessions.js';
import { createContactRepo } from './repos/contacts.js';
import { createAgentStateRepo, createIdempotencyRepo, createTimerRepo } from './repos/engine-state.js';

export function createRepositories(
  db: Kysely<Database>,
  arns: ArnContext,
  dialect: 'sqlite' | 'postgres',
): Repositories {
  return {
    instances: createInstanceRepo(db),
    hours: createHoursRepo(db, arns),
    queues: createQueueRepo(db, arns),
    routingProfiles: createRoutingProfileRepo(db, arns),
    quickConnects: createQuickConnectRepo(db, arns),
    agentStatuses: createAgentStatusRepo(db, arns),
    users: createUserRepo(db, arns),
    securityProfiles: createSecurityProfileRepo(db, arns),
    phoneNumbers: createPhoneNumberRepo(db, arns),
    flows: createFlowRepo(db, arns),
    taskTemplates: createTaskTemplateRepo(db, arns),
    accessKeys: createAccessKeyRepo(db),
    sessions: createSessionRepo(db),
    contacts: createContactRepo(db, arns, dialect),
    timers: createTimerRepo(db),
    agentStates: createAgentStateRepo(db),
    idempotency: createIdempotencyRepo(db),
  };
}
