/**
 * The callback-via-task scenario (../shared/seed/scenario.md), configured through the services as an
 * administrator would: hours, queues, the four flows of examples/callback-via-task bound to this instance, the
 * template (T3), a routing profile (S1–S3), security profiles (P1–P3), agents, quick connects and a number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindPlaceholders } from '../../src/flows/placeholders.js';
import type { CrossChannelBehaviorType } from '../../src/store/ports/index.js';
import { repoRoot } from './cli.js';
import type { TestEnv } from './env.js';
import { flowJson } from './flows.js';
import { callbackTemplateRequest } from '../tasks/callback-template.js';

export const NUMBER = '+81312345678';
export const CALLER = '+819012345678';

const example = (file: string) => readFileSync(join(repoRoot, 'examples/callback-via-task', file), 'utf8');

export interface ScenarioOptions {
  /** VOICE's cross-channel behaviour (S2); ROUTE_ANY_CHANNEL by default. */
  voiceCrossChannel?: CrossChannelBehaviorType;
  taskConcurrency?: number;
}

export async function setUpScenario(env: TestEnv, options: ScenarioOptions = {}) {
  const { services, instanceId } = env;
  const hours = await services.hours.create(instanceId, {
    Name: 'Always open',
    TimeZone: 'Asia/Tokyo',
    Config: ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'].map((Day) => ({
      Day: Day as 'MONDAY',
      StartTime: { Hours: 0, Minutes: 0 },
      EndTime: { Hours: 0, Minutes: 0 },
    })),
  });
  const queue = (Name: string) =>
    services.queues.create(instanceId, { Name, HoursOfOperationId: hours.HoursOfOperationId });
  const basicQueue = await queue('BasicQueue');
  const callbackQueue = await queue('CallbackQueue');

  const arns = new Map<string, string>([
    ['queue/BasicQueue', basicQueue.QueueArn],
    ['queue/CallbackQueue', callbackQueue.QueueArn],
  ]);
  const createFlow = async (
    Name: string,
    Type: 'CONTACT_FLOW' | 'CUSTOMER_QUEUE' | 'QUEUE_TRANSFER' | 'AGENT_TRANSFER',
    raw: string,
  ) => {
    const bound = bindPlaceholders(raw, (p) => arns.get(`${p.segment}/${p.name}`));
    if (bound.missing.length > 0) throw new Error(`${Name}: unbound ${JSON.stringify(bound.missing)}`);
    const flow = await services.flows.create(instanceId, { Name, Type, Content: bound.content });
    arns.set(`contact-flow/${Name}`, flow.Arn);
    return flow;
  };
  const f4 = await createFlow('Callback task queue', 'CUSTOMER_QUEUE', example('F4-task-queue.json'));
  const f3 = await createFlow('Callback task', 'CONTACT_FLOW', example('F3-task.json'));
  const template = await services.taskTemplates.create(instanceId, callbackTemplateRequest(f3.Id));
  arns.set('task-template/Callback request', template.Arn);
  const f2 = await createFlow('Callback customer queue', 'CUSTOMER_QUEUE', example('F2-customer-queue.json'));
  const f1 = await createFlow('Callback inbound', 'CONTACT_FLOW', example('F1-inbound.json'));

  const toQueue = flowJson('Transfer', {
    Transfer: { Type: 'TransferContactToQueue', Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' } },
    End: { Type: 'DisconnectParticipant' },
  });
  const queueTransfer = await createFlow('Transfer to queue', 'QUEUE_TRANSFER', toQueue);
  const agentTransfer = await createFlow('Transfer to agent', 'AGENT_TRANSFER', toQueue);
  // X2: a prompt that asks for a key first. Get customer input does not run on the TASK channel (it takes its
  // error branch), so this flow never reaches the transfer for a task.
  const broken = await createFlow(
    'Transfer with a menu',
    'QUEUE_TRANSFER',
    flowJson('Menu', {
      Menu: {
        Type: 'GetParticipantInput',
        Parameters: { Text: 'Press 1 to be transferred.', InputTimeLimitSeconds: '5', StoreInput: 'False' },
        Conditions: [['1', 'Transfer']],
        Errors: { NoMatchingError: 'End', InputTimeLimitExceeded: 'End', NoMatchingCondition: 'End' },
      },
      Transfer: {
        Type: 'TransferContactToQueue',
        Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' },
      },
      End: { Type: 'DisconnectParticipant' },
    }),
  );

  const behaviour = options.voiceCrossChannel ?? 'ROUTE_ANY_CHANNEL';
  const profile = await services.routingProfiles.create(instanceId, {
    Name: 'Callback agents',
    Description: 'Calls and callback tasks',
    DefaultOutboundQueueId: basicQueue.QueueId,
    MediaConcurrencies: [
      { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: behaviour } },
      {
        Channel: 'TASK',
        Concurrency: options.taskConcurrency ?? 2,
        CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' },
      },
    ],
    QueueConfigs: [
      { QueueReference: { QueueId: basicQueue.QueueId, Channel: 'VOICE' }, Priority: 1, Delay: 0 },
      { QueueReference: { QueueId: callbackQueue.QueueId, Channel: 'TASK' }, Priority: 1, Delay: 0 },
    ],
  });
  // agent2 works tasks only: a caller waits while agent2 is free, and their callback task goes to agent2 at once.
  const taskProfile = await services.routingProfiles.create(instanceId, {
    Name: 'Callback task agents',
    Description: 'Callback tasks only',
    DefaultOutboundQueueId: basicQueue.QueueId,
    MediaConcurrencies: [{ Channel: 'TASK', Concurrency: options.taskConcurrency ?? 2 }],
    QueueConfigs: [
      { QueueReference: { QueueId: callbackQueue.QueueId, Channel: 'TASK' }, Priority: 1, Delay: 0 },
    ],
  });
  const sp = (SecurityProfileName: string, Permissions: string[]) =>
    services.securityProfiles.create(instanceId, { SecurityProfileName, Permissions });
  const agentProfile = await sp('Agent', ['BasicAgentAccess']);
  const restricted = await sp('Agent without task creation', [
    'BasicAgentAccess',
    'RestrictTaskCreation.Access',
  ]);
  const supervisorProfile = await sp('Supervisor', [
    'BasicAgentAccess',
    'ContactSearch.View',
    'UpdateContactSchedule.Enabled',
    'StopContact.Enabled',
    'TransferContact.Enabled',
  ]);
  const user = (
    Username: string,
    SecurityProfileIds: string[],
    RoutingProfileId = profile.RoutingProfileId,
  ) =>
    services.users.create(instanceId, {
      Username,
      Password: 'Callback2026',
      SecurityProfileIds,
      RoutingProfileId,
      PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    });
  const agent1 = await user('agent1', [agentProfile.Id]);
  const agent2 = await user('agent2', [agentProfile.Id], taskProfile.RoutingProfileId);
  const agent3 = await user('agent3', [restricted.Id]);
  const supervisor = await user('supervisor', [supervisorProfile.Id]);

  const qc = (
    Name: string,
    QuickConnectConfig: Parameters<typeof services.quickConnects.create>[1]['QuickConnectConfig'],
  ) => services.quickConnects.create(instanceId, { Name, QuickConnectConfig });
  const toCallbackQueue = await qc('Callback queue', {
    QuickConnectType: 'QUEUE',
    QueueConfig: { QueueId: callbackQueue.QueueId, ContactFlowId: queueTransfer.Id },
  });
  const toAgent1 = await qc('agent1', {
    QuickConnectType: 'USER',
    UserConfig: { UserId: agent1.Id, ContactFlowId: agentTransfer.Id },
  });
  const brokenQc = await qc('Callback queue (menu)', {
    QuickConnectType: 'QUEUE',
    QueueConfig: { QueueId: callbackQueue.QueueId, ContactFlowId: broken.Id },
  });
  await services.queues.associateQuickConnects(instanceId, callbackQueue.QueueId, {
    QuickConnectIds: [toCallbackQueue.QuickConnectId, toAgent1.QuickConnectId, brokenQc.QuickConnectId],
  });

  const number = await services.phoneNumbers.claim({ InstanceId: instanceId, PhoneNumber: NUMBER });
  await services.phoneNumbers.associateContactFlow(number.PhoneNumberId, {
    InstanceId: instanceId,
    ContactFlowId: f1.Id,
  });
  const statuses = (await services.agentStatuses.list(instanceId)).items;
  const available = statuses.find((s) => s.Name === 'Available');
  const offline = statuses.find((s) => s.Name === 'Offline');
  if (!available || !offline) throw new Error('the built-in statuses are missing');

  return {
    hours,
    basicQueue,
    callbackQueue,
    template,
    profile,
    taskProfile,
    flows: { f1, f2, f3, f4, queueTransfer, agentTransfer, broken },
    agent1,
    agent2,
    agent3,
    supervisor,
    quickConnects: { toCallbackQueue, toAgent1, broken: brokenQc },
    available: available.Id,
    offline: offline.Id,
  };
}

export type Scenario = Awaited<ReturnType<typeof setUpScenario>>;
