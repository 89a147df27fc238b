/**
 * The callback-via-task scenario (../shared/seed/scenario.md) configured entirely through the AWS SDK, as a user
 * scripting Tsunagi would: hours, BasicQueue and CallbackQueue, the four flows of examples/callback-via-task
 * bound to this instance by name (bindPlaceholders over the ARNs the SDK returned), the template (T3), the
 * routing profiles (S1–S3: TASK with ROUTE_ANY_CHANNEL, both queues), security profiles (P1–P3), users
 * agent1/agent2/supervisor, quick connects (X1) and the phone number claimed and bound to F1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AssociatePhoneNumberContactFlowCommand,
  AssociateQueueQuickConnectsCommand,
  ClaimPhoneNumberCommand,
  CreateContactFlowCommand,
  CreateHoursOfOperationCommand,
  CreateQueueCommand,
  CreateQuickConnectCommand,
  CreateRoutingProfileCommand,
  CreateSecurityProfileCommand,
  CreateTaskTemplateCommand,
  CreateUserCommand,
  ListAgentStatusesCommand,
  paginateListQueues,
  type ConnectClient,
  type ContactFlowType,
  type QuickConnectConfig,
} from '@aws-sdk/client-connect';
import { bindPlaceholders } from '../../../src/flows/placeholders.js';
import { repoRoot } from '../../support/cli.js';
import { flowJson } from '../../support/flows.js';
import { callbackTemplateRequest } from '../../tasks/callback-template.js';

export const NUMBER = '+81312345678';
export const PASSWORD = 'Callback2026';

const example = (file: string) => readFileSync(join(repoRoot, 'examples/callback-via-task', file), 'utf8');

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

/** Throws when the SDK answered without the member a later step needs. */
function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the API answered without ${what}`);
  return value;
}

export async function setUpScenarioViaSdk(client: ConnectClient, InstanceId: string) {
  const hours = await client.send(
    new CreateHoursOfOperationCommand({
      InstanceId,
      Name: 'Always open',
      TimeZone: 'Asia/Tokyo',
      Config: DAYS.map((Day) => ({
        Day,
        StartTime: { Hours: 0, Minutes: 0 },
        EndTime: { Hours: 0, Minutes: 0 },
      })),
    }),
  );
  const HoursOfOperationId = need(hours.HoursOfOperationId, 'HoursOfOperationId');
  const queue = async (Name: string) => {
    const q = await client.send(new CreateQueueCommand({ InstanceId, Name, HoursOfOperationId }));
    return { QueueId: need(q.QueueId, 'QueueId'), QueueArn: need(q.QueueArn, 'QueueArn') };
  };
  // A new instance has its BasicQueue already (as in Amazon Connect): find it by name, create it when absent.
  let basicQueue: { QueueId: string; QueueArn: string } | undefined;
  for await (const page of paginateListQueues({ client }, { InstanceId, QueueTypes: ['STANDARD'] }))
    for (const q of page.QueueSummaryList ?? [])
      if (q.Name === 'BasicQueue' && q.Id && q.Arn) basicQueue = { QueueId: q.Id, QueueArn: q.Arn };
  basicQueue ??= await queue('BasicQueue');
  const callbackQueue = await queue('CallbackQueue');

  const arns = new Map<string, string>([
    ['queue/BasicQueue', basicQueue.QueueArn],
    ['queue/CallbackQueue', callbackQueue.QueueArn],
  ]);
  const createFlow = async (Name: string, Type: ContactFlowType, raw: string) => {
    const bound = bindPlaceholders(raw, (p) => arns.get(`${p.segment}/${p.name}`));
    if (bound.missing.length > 0) throw new Error(`${Name}: unbound ${JSON.stringify(bound.missing)}`);
    const f = await client.send(
      new CreateContactFlowCommand({ InstanceId, Name, Type, Content: bound.content }),
    );
    const flow = {
      Id: need(f.ContactFlowId, 'ContactFlowId'),
      Arn: need(f.ContactFlowArn, 'ContactFlowArn'),
    };
    arns.set(`contact-flow/${Name}`, flow.Arn);
    return flow;
  };
  const f4 = await createFlow('Callback task queue', 'CUSTOMER_QUEUE', example('F4-task-queue.json'));
  const f3 = await createFlow('Callback task', 'CONTACT_FLOW', example('F3-task.json'));
  const t = await client.send(
    new CreateTaskTemplateCommand({ InstanceId, ...callbackTemplateRequest(f3.Id) }),
  );
  const template = { Id: need(t.Id, 'template Id'), Arn: need(t.Arn, 'template Arn') };
  arns.set('task-template/Callback request', template.Arn);
  const f2 = await createFlow('Callback customer queue', 'CUSTOMER_QUEUE', example('F2-customer-queue.json'));
  const f1 = await createFlow('Callback inbound', 'CONTACT_FLOW', example('F1-inbound.json'));
  const toQueue = flowJson('Transfer', {
    Transfer: { Type: 'TransferContactToQueue', Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' } },
    End: { Type: 'DisconnectParticipant' },
  });
  const queueTransfer = await createFlow('Transfer to queue', 'QUEUE_TRANSFER', toQueue);
  const agentTransfer = await createFlow('Transfer to agent', 'AGENT_TRANSFER', toQueue);

  const routingProfile = async (
    Name: string,
    MediaConcurrencies: {
      Channel: 'VOICE' | 'TASK';
      Concurrency: number;
      CrossChannelBehavior?: { BehaviorType: 'ROUTE_ANY_CHANNEL' };
    }[],
    queues: { QueueId: string; Channel: 'VOICE' | 'TASK' }[],
  ) => {
    const rp = await client.send(
      new CreateRoutingProfileCommand({
        InstanceId,
        Name,
        Description: Name,
        DefaultOutboundQueueId: basicQueue.QueueId,
        MediaConcurrencies,
        QueueConfigs: queues.map((QueueReference) => ({ QueueReference, Priority: 1, Delay: 0 })),
      }),
    );
    return {
      RoutingProfileId: need(rp.RoutingProfileId, 'RoutingProfileId'),
      RoutingProfileArn: need(rp.RoutingProfileArn, 'RoutingProfileArn'),
    };
  };
  const anyChannel = { BehaviorType: 'ROUTE_ANY_CHANNEL' } as const;
  // S1–S3: VOICE (1) beside TASK (2), both allowing the other channel; BasicQueue for calls, CallbackQueue for tasks.
  const profile = await routingProfile(
    'Callback agents',
    [
      { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: anyChannel },
      { Channel: 'TASK', Concurrency: 2, CrossChannelBehavior: anyChannel },
    ],
    [
      { QueueId: basicQueue.QueueId, Channel: 'VOICE' },
      { QueueId: callbackQueue.QueueId, Channel: 'TASK' },
    ],
  );
  // agent2 works tasks only.
  const taskProfile = await routingProfile(
    'Callback task agents',
    [{ Channel: 'TASK', Concurrency: 2, CrossChannelBehavior: anyChannel }],
    [{ QueueId: callbackQueue.QueueId, Channel: 'TASK' }],
  );

  const securityProfile = async (SecurityProfileName: string, Permissions: string[]) => {
    const sp = await client.send(
      new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName, Permissions }),
    );
    return need(sp.SecurityProfileId, 'SecurityProfileId');
  };
  const agentProfile = await securityProfile('Agent', ['BasicAgentAccess']);
  const supervisorProfile = await securityProfile('Supervisor', [
    'BasicAgentAccess',
    'ContactSearch.View',
    'UpdateContactSchedule.Enabled',
    'StopContact.Enabled',
    'TransferContact.Enabled',
  ]);
  const user = async (Username: string, SecurityProfileIds: string[], RoutingProfileId: string) => {
    const u = await client.send(
      new CreateUserCommand({
        InstanceId,
        Username,
        Password: PASSWORD,
        SecurityProfileIds,
        RoutingProfileId,
        PhoneConfig: { PhoneType: 'SOFT_PHONE' },
        IdentityInfo: { FirstName: Username, LastName: 'Tsunagi' },
      }),
    );
    return { Id: need(u.UserId, 'UserId'), Arn: need(u.UserArn, 'UserArn') };
  };
  const agent1 = await user('agent1', [agentProfile], profile.RoutingProfileId);
  const agent2 = await user('agent2', [agentProfile], taskProfile.RoutingProfileId);
  const supervisor = await user('supervisor', [supervisorProfile], profile.RoutingProfileId);

  const quickConnect = async (Name: string, QuickConnectConfig: QuickConnectConfig) => {
    const qc = await client.send(new CreateQuickConnectCommand({ InstanceId, Name, QuickConnectConfig }));
    return need(qc.QuickConnectId, 'QuickConnectId');
  };
  const toCallbackQueue = await quickConnect('Callback queue', {
    QuickConnectType: 'QUEUE',
    QueueConfig: { QueueId: callbackQueue.QueueId, ContactFlowId: queueTransfer.Id },
  });
  const toAgent1 = await quickConnect('agent1', {
    QuickConnectType: 'USER',
    UserConfig: { UserId: agent1.Id, ContactFlowId: agentTransfer.Id },
  });
  await client.send(
    new AssociateQueueQuickConnectsCommand({
      InstanceId,
      QueueId: callbackQueue.QueueId,
      QuickConnectIds: [toCallbackQueue, toAgent1],
    }),
  );

  const claimed = await client.send(new ClaimPhoneNumberCommand({ InstanceId, PhoneNumber: NUMBER }));
  const PhoneNumberId = need(claimed.PhoneNumberId, 'PhoneNumberId');
  await client.send(
    new AssociatePhoneNumberContactFlowCommand({ PhoneNumberId, InstanceId, ContactFlowId: f1.Id }),
  );

  const statuses =
    (await client.send(new ListAgentStatusesCommand({ InstanceId }))).AgentStatusSummaryList ?? [];
  const statusId = (name: string) => need(statuses.find((s) => s.Name === name)?.Id, `the ${name} status`);

  return {
    hoursId: HoursOfOperationId,
    basicQueue,
    callbackQueue,
    template,
    flows: { f1, f2, f3, f4, queueTransfer, agentTransfer },
    profile,
    taskProfile,
    securityProfiles: { agent: agentProfile, supervisor: supervisorProfile },
    agent1,
    agent2,
    supervisor,
    quickConnects: { toCallbackQueue, toAgent1 },
    phoneNumberId: PhoneNumberId,
    available: statusId('Available'),
    offline: statusId('Offline'),
  };
}

export type SdkScenario = Awaited<ReturnType<typeof setUpScenarioViaSdk>>;
