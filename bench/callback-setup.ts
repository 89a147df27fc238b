/**
 * The callback scenario (../shared/seed/scenario.md) as benchmarks need it, configured through the services as an
 * administrator would (the part of test/support/scenario.ts that B4 uses): hours, a queue for callers and
 * CallbackQueue, the four flows of examples/callback-via-task bound to this instance, the callback template, agent2
 * (tasks only, on CallbackQueue) with a known password, and the number whose flow is F1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Services } from '../src/app/services.js';
import { bindPlaceholders } from '../src/flows/placeholders.js';

export const NUMBER = '+81312345678';
export const CALLER = '+819012345678';
export const AGENT_PASSWORD = 'Callback2026';

const examples = fileURLToPath(new URL('../examples/callback-via-task/', import.meta.url));
const example = (file: string) => readFileSync(join(examples, file), 'utf8');

export async function setUpCallback(services: Services, instanceId: string) {
  const hours = await services.hours.create(instanceId, {
    Name: 'Always open',
    TimeZone: 'Asia/Tokyo',
    Config: (['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const).map(
      (Day) => ({ Day, StartTime: { Hours: 0, Minutes: 0 }, EndTime: { Hours: 0, Minutes: 0 } }),
    ),
  });
  const queue = (Name: string) =>
    services.queues.create(instanceId, { Name, HoursOfOperationId: hours.HoursOfOperationId });
  // The default instance has a BasicQueue of its own (the administrator's): the callers wait in another one.
  const callerQueue = await queue('Callers');
  const callbackQueue = await queue('CallbackQueue');

  const arns = new Map<string, string>([
    ['queue/BasicQueue', callerQueue.QueueArn],
    ['queue/CallbackQueue', callbackQueue.QueueArn],
  ]);
  const createFlow = async (Name: string, Type: 'CONTACT_FLOW' | 'CUSTOMER_QUEUE', file: string) => {
    const bound = bindPlaceholders(example(file), (p) => arns.get(`${p.segment}/${p.name}`));
    if (bound.missing.length > 0) throw new Error(`${Name}: unbound ${JSON.stringify(bound.missing)}`);
    const flow = await services.flows.create(instanceId, { Name, Type, Content: bound.content });
    arns.set(`contact-flow/${Name}`, flow.Arn);
    return flow;
  };
  await createFlow('Callback task queue', 'CUSTOMER_QUEUE', 'F4-task-queue.json');
  const f3 = await createFlow('Callback task', 'CONTACT_FLOW', 'F3-task.json');
  const template = await services.taskTemplates.create(instanceId, {
    Name: 'Callback request',
    Description: 'A caller waiting in queue asked for a callback',
    ContactFlowId: f3.Id,
    Fields: [
      { Id: { Name: 'Task name' }, Type: 'NAME' },
      { Id: { Name: 'Description' }, Type: 'DESCRIPTION' },
      { Id: { Name: 'PhoneNumber' }, Type: 'TEXT', Description: "The caller's phone number" },
    ],
    Constraints: {
      RequiredFields: [{ Id: { Name: 'Task name' } }],
      ReadOnlyFields: [{ Id: { Name: 'Description' } }],
    },
    Defaults: {
      DefaultFieldValues: [
        {
          Id: { Name: 'Description' },
          DefaultValue: 'The customer asked to be called back: call them at the number in PhoneNumber.',
        },
      ],
    },
  });
  arns.set('task-template/Callback request', template.Arn);
  await createFlow('Callback customer queue', 'CUSTOMER_QUEUE', 'F2-customer-queue.json');
  const f1 = await createFlow('Callback inbound', 'CONTACT_FLOW', 'F1-inbound.json');

  // agent2 works tasks only: a caller waits while agent2 is free, and their callback task goes to agent2 at once.
  const taskProfile = await services.routingProfiles.create(instanceId, {
    Name: 'Callback task agents',
    Description: 'Callback tasks only',
    DefaultOutboundQueueId: callerQueue.QueueId,
    MediaConcurrencies: [{ Channel: 'TASK', Concurrency: 2 }],
    QueueConfigs: [
      { QueueReference: { QueueId: callbackQueue.QueueId, Channel: 'TASK' }, Priority: 1, Delay: 0 },
    ],
  });
  const agentProfile = await services.securityProfiles.create(instanceId, {
    SecurityProfileName: 'Agent',
    Permissions: ['BasicAgentAccess'],
  });
  const agent2 = await services.users.create(instanceId, {
    Username: 'agent2',
    Password: AGENT_PASSWORD,
    SecurityProfileIds: [agentProfile.Id],
    RoutingProfileId: taskProfile.RoutingProfileId,
    PhoneConfig: { PhoneType: 'SOFT_PHONE' },
  });

  const number = await services.phoneNumbers.claim({ InstanceId: instanceId, PhoneNumber: NUMBER });
  await services.phoneNumbers.associateContactFlow(number.PhoneNumberId, {
    InstanceId: instanceId,
    ContactFlowId: f1.Id,
  });
  const available = (await services.agentStatuses.list(instanceId)).items.find((s) => s.Name === 'Available');
  if (!available) throw new Error('the built-in status Available is missing');
  return { callerQueue, callbackQueue, agent2Id: agent2.Id, available: available.Id };
}
