import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/kysely/schema.js';
import type { TestEnv } from './env.js';

/** Helpers of the user and login suites. */
export const PASSWORD = 'Callback2026';

export const dbOf = (env: TestEnv) => (env.store as unknown as { db: Kysely<Database> }).db;

/** A routing profile row (another piece owns the service): hours → queue through the services, then the row. */
export async function routingProfile(env: TestEnv, name: string): Promise<string> {
  const { services, instanceId } = env;
  const h = await services.hours.create(instanceId, {
    Name: `${name} hours`,
    TimeZone: 'Asia/Tokyo',
    Config: [],
  });
  const q = await services.queues.create(instanceId, {
    Name: `${name} queue`,
    HoursOfOperationId: h.HoursOfOperationId,
  });
  const id = `rp-${instanceId.slice(-4)}-${name.toLowerCase().replace(/\W+/g, '-')}`;
  await dbOf(env)
    .insertInto('routing_profiles')
    .values({
      id,
      instance_id: instanceId,
      name,
      description: name,
      default_outbound_queue_id: q.QueueId,
      media_concurrencies_json: JSON.stringify([{ Channel: 'VOICE', Concurrency: 1 }]),
      agent_availability_timer: null,
      is_default: 0,
      tags_json: '{}',
      last_modified_time: env.clock.now(),
    })
    .execute();
  return id;
}

export async function setup(env: TestEnv) {
  const { services, instanceId } = env;
  const agents = await services.securityProfiles.create(instanceId, {
    SecurityProfileName: 'Agents',
    Permissions: ['BasicAgentAccess', 'TransferDestinations.View'],
  });
  const supervisors = await services.securityProfiles.create(instanceId, {
    SecurityProfileName: 'Supervisors',
    Permissions: ['ContactSearch.View', 'UpdateContactSchedule.Enabled', 'BasicAgentAccess'],
  });
  const routingProfileId = await routingProfile(env, 'Callback agents');
  const base = {
    Username: 'yamada',
    Password: PASSWORD,
    SecurityProfileIds: [agents.Id],
    RoutingProfileId: routingProfileId,
  };
  return { agents, supervisors, routingProfileId, base };
}

export const agentQueues = async (env: TestEnv) =>
  (await env.services.queues.list(env.instanceId, { QueueTypes: ['AGENT'] })).items;
