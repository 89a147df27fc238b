import type { ServiceDeps } from '../instances/context.js';
import { instanceService, type CreateInstanceInput } from '../instances/instances.js';
import { hoursOfOperationService } from '../routing/hours.js';
import { queueService } from '../routing/queues.js';
import { routingProfileService } from '../routing/routing-profiles.js';
import { quickConnectService } from '../routing/quick-connects.js';
import { agentStatusService } from '../routing/agent-statuses.js';
import { userService } from '../access/users.js';
import { securityProfileService } from '../access/security-profiles.js';
import { phoneNumberService } from '../channels/phone-numbers.js';
import { flowService } from '../flows/flow-resources.js';
import { taskTemplateService } from '../tasks/templates.js';
import { contactQueryService } from '../contacts/queries.js';

/** Every configuration service of Tsunagi, over one set of dependencies. */
export function createServices(deps: ServiceDeps) {
  const agentStatuses = agentStatusService(deps);
  const instances = instanceService(deps);
  return {
    instances: {
      ...instances,
      /** CreateInstance, and the instance's built-in agent statuses (Available, Offline) with it. */
      async create(input: CreateInstanceInput) {
        const instance = await instances.create(input);
        await agentStatuses.ensureDefaults(instance.Id);
        return instance;
      },
    },
    hours: hoursOfOperationService(deps),
    queues: queueService(deps),
    routingProfiles: routingProfileService(deps),
    quickConnects: quickConnectService(deps),
    agentStatuses,
    users: userService(deps),
    securityProfiles: securityProfileService(deps),
    phoneNumbers: phoneNumberService(deps),
    flows: flowService(deps),
    taskTemplates: taskTemplateService(deps),
    contacts: contactQueryService(deps),
  };
}
export type Services = ReturnType<typeof createServices>;
