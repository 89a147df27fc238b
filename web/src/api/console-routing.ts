/**
 * The console's queues, routing profiles and quick connects: Connect operations by name (docs/API.md, "Console
 * API"), with their input and output members, and rule X2's warning (GetQuickConnectTaskWarnings).
 */
import { consoleCall, listAll } from './console.js';

export type RoutingChannel = 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';
export const ROUTING_CHANNELS: readonly RoutingChannel[] = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];
export type BehaviorType = 'ROUTE_CURRENT_CHANNEL_ONLY' | 'ROUTE_ANY_CHANNEL';
export type QuickConnectType = 'USER' | 'QUEUE' | 'PHONE_NUMBER' | 'FLOW';
export type QueueStatus = 'ENABLED' | 'DISABLED';

export interface Summary {
  Id: string;
  Arn: string;
  Name: string;
}

export interface Queue {
  QueueId: string;
  QueueArn: string;
  Name: string;
  Description?: string;
  Status: QueueStatus;
  HoursOfOperationId?: string;
  MaxContacts?: number;
  OutboundCallerConfig?: { OutboundCallerIdName?: string; OutboundCallerIdNumberId?: string };
}

export interface QueueInput {
  Name: string;
  Description?: string;
  HoursOfOperationId: string;
  MaxContacts?: number;
  OutboundCallerConfig?: { OutboundCallerIdName?: string; OutboundCallerIdNumberId?: string };
}

export interface QuickConnectSummary extends Summary {
  QuickConnectType: QuickConnectType;
}

export interface QuickConnectConfig {
  QuickConnectType: QuickConnectType;
  UserConfig?: { UserId: string; ContactFlowId: string };
  QueueConfig?: { QueueId: string; ContactFlowId: string };
  PhoneConfig?: { PhoneNumber: string };
  FlowConfig?: { ContactFlowId: string };
}

export interface QuickConnect {
  QuickConnectId: string;
  Name: string;
  Description?: string;
  QuickConnectConfig: QuickConnectConfig;
}

export interface MediaConcurrency {
  Channel: RoutingChannel;
  Concurrency: number;
  CrossChannelBehavior?: { BehaviorType: BehaviorType };
}

export interface QueueConfig {
  QueueReference: { QueueId: string; Channel: RoutingChannel };
  Priority: number;
  Delay: number;
}

export interface RoutingProfile {
  RoutingProfileId: string;
  Name: string;
  Description: string;
  DefaultOutboundQueueId: string;
  MediaConcurrencies: MediaConcurrency[];
  NumberOfAssociatedQueues: number;
  NumberOfAssociatedUsers: number;
}

export interface RoutingProfileInput {
  Name: string;
  Description: string;
  DefaultOutboundQueueId: string;
  MediaConcurrencies: MediaConcurrency[];
  QueueConfigs?: QueueConfig[];
}

export interface QueueConfigSummary {
  QueueId: string;
  QueueName: string;
  Channel: RoutingChannel;
  Priority: number;
  Delay: number;
}

export interface PhoneNumberSummary {
  PhoneNumberId: string;
  PhoneNumber: string;
}

export const routingApi = {
  hours: () => listAll<Summary>('ListHoursOfOperations', 'HoursOfOperationSummaryList'),
  phoneNumbers: () => listAll<PhoneNumberSummary>('ListPhoneNumbersV2', 'ListPhoneNumbersSummaryList'),
  users: () => listAll<{ Id: string; Username: string }>('ListUsers', 'UserSummaryList'),
  flows: (ContactFlowTypes?: string[]) =>
    listAll<Summary & { ContactFlowType?: string }>('ListContactFlows', 'ContactFlowSummaryList', {
      ...(ContactFlowTypes && { ContactFlowTypes }),
    }),

  queues: () => listAll<Summary>('ListQueues', 'QueueSummaryList', { QueueTypes: ['STANDARD'] }),
  queue: async (QueueId: string) => (await consoleCall<{ Queue: Queue }>('DescribeQueue', { QueueId })).Queue,
  createQueue: (input: QueueInput) =>
    consoleCall<{ QueueId: string; QueueArn: string }>('CreateQueue', { ...input }),
  updateQueueStatus: (QueueId: string, Status: QueueStatus) =>
    consoleCall('UpdateQueueStatus', { QueueId, Status }),
  /** MaxContacts left out: no cap of the queue's own. */
  updateQueueMaxContacts: (QueueId: string, MaxContacts: number | undefined) =>
    consoleCall('UpdateQueueMaxContacts', { QueueId, ...(MaxContacts !== undefined && { MaxContacts }) }),
  queueQuickConnects: (QueueId: string) =>
    listAll<QuickConnectSummary>('ListQueueQuickConnects', 'QuickConnectSummaryList', { QueueId }),
  associateQuickConnects: (QueueId: string, QuickConnectIds: string[]) =>
    consoleCall('AssociateQueueQuickConnects', { QueueId, QuickConnectIds }),
  disassociateQuickConnects: (QueueId: string, QuickConnectIds: string[]) =>
    consoleCall('DisassociateQueueQuickConnects', { QueueId, QuickConnectIds }),

  routingProfiles: () => listAll<Summary>('ListRoutingProfiles', 'RoutingProfileSummaryList'),
  routingProfile: async (RoutingProfileId: string) =>
    (await consoleCall<{ RoutingProfile: RoutingProfile }>('DescribeRoutingProfile', { RoutingProfileId }))
      .RoutingProfile,
  createRoutingProfile: (input: RoutingProfileInput) =>
    consoleCall<{ RoutingProfileId: string }>('CreateRoutingProfile', { ...input }),
  profileQueues: (RoutingProfileId: string) =>
    listAll<QueueConfigSummary>('ListRoutingProfileQueues', 'RoutingProfileQueueConfigSummaryList', {
      RoutingProfileId,
    }),
  associateProfileQueues: (RoutingProfileId: string, QueueConfigs: QueueConfig[]) =>
    consoleCall('AssociateRoutingProfileQueues', { RoutingProfileId, QueueConfigs }),
  updateProfileQueues: (RoutingProfileId: string, QueueConfigs: QueueConfig[]) =>
    consoleCall('UpdateRoutingProfileQueues', { RoutingProfileId, QueueConfigs }),
  updateConcurrency: (RoutingProfileId: string, MediaConcurrencies: MediaConcurrency[]) =>
    consoleCall('UpdateRoutingProfileConcurrency', { RoutingProfileId, MediaConcurrencies }),

  quickConnects: () => listAll<QuickConnectSummary>('ListQuickConnects', 'QuickConnectSummaryList'),
  quickConnect: async (QuickConnectId: string) =>
    (await consoleCall<{ QuickConnect: QuickConnect }>('DescribeQuickConnect', { QuickConnectId }))
      .QuickConnect,
  createQuickConnect: (input: {
    Name: string;
    Description?: string;
    QuickConnectConfig: QuickConnectConfig;
  }) => consoleCall<{ QuickConnectId: string }>('CreateQuickConnect', { ...input }),
  deleteQuickConnect: (QuickConnectId: string) => consoleCall('DeleteQuickConnect', { QuickConnectId }),
  /** Rule X2: why a task transferred with this quick connect would fail (empty when it would not). */
  taskWarnings: async (QuickConnectId: string) =>
    (await consoleCall<{ TaskWarnings: string[] }>('GetQuickConnectTaskWarnings', { QuickConnectId }))
      .TaskWarnings,
};
