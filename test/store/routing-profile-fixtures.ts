/** Shared setup of the routing profile suites: queues, an agent on a profile, queue configs, rules S1 and S2. */
import type { Services } from '../../src/app/services.js';
import type { TestEnv } from '../support/env.js';
import { PASSWORD } from '../support/users.js';

export type CreateInput = Parameters<Services['routingProfiles']['create']>[1];
export type QueueConfig = NonNullable<CreateInput['QueueConfigs']>[number];
export type Channel = QueueConfig['QueueReference']['Channel'];

// rule S1: TASK next to VOICE; rule S2: VOICE lets other channels in while the agent is on a call.
export const S1_S2: CreateInput['MediaConcurrencies'] = [
  { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
  { Channel: 'TASK', Concurrency: 3 },
];

export const config = (QueueId: string, Channel: Channel, Priority = 1, Delay = 0): QueueConfig => ({
  QueueReference: { QueueId, Channel },
  Priority,
  Delay,
});

export async function queues(env: TestEnv, ...names: string[]) {
  const { services, instanceId } = env;
  const h = await services.hours.create(instanceId, {
    Name: 'Office hours',
    TimeZone: 'Asia/Tokyo',
    Config: [],
  });
  const out = [];
  for (const Name of names)
    out.push(await services.queues.create(instanceId, { Name, HoursOfOperationId: h.HoursOfOperationId }));
  return out;
}

export async function agent(env: TestEnv, RoutingProfileId: string, Username = 'yamada') {
  const { services, instanceId } = env;
  const sp =
    (await services.securityProfiles.list(instanceId)).items[0] ??
    (await services.securityProfiles.create(instanceId, {
      SecurityProfileName: 'Agents',
      Permissions: ['BasicAgentAccess'],
    }));
  return services.users.create(instanceId, {
    Username,
    Password: PASSWORD,
    SecurityProfileIds: [sp.Id],
    RoutingProfileId,
  });
}
