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

/** Method names of repositories that only read; any other method counts as a write. */
const READS = /^(get|list|find|count|search|events|credentials|usedBy|exists|routingProfileExists)/;

/** The repository, telling `changed` after each of its writes (done or failed: a failure may have written). */
function notifying<R extends object>(repo: R, changed: () => void): R {
  return new Proxy(repo, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || READS.test(prop)) return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          changed();
        }
      };
    },
  });
}

/**
 * The repositories over `db`. `configurationChanged` is told of every write to configuration (not contacts or
 * engine state), for Store.configurationGeneration.
 */
export function createRepositories(
  db: Kysely<Database>,
  arns: ArnContext,
  dialect: 'sqlite' | 'postgres',
  configurationChanged: () => void = () => undefined,
): Repositories {
  const config = createConfigurationRepositories(db, arns);
  for (const key of Object.keys(config) as (keyof typeof config)[])
    (config as Record<string, object>)[key] = notifying(config[key], configurationChanged);
  return {
    ...config,
    sessions: createSessionRepo(db),
    contacts: createContactRepo(db, arns, dialect),
    timers: createTimerRepo(db),
    agentStates: createAgentStateRepo(db),
    idempotency: createIdempotencyRepo(db),
  };
}

function createConfigurationRepositories(db: Kysely<Database>, arns: ArnContext) {
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
  };
}
