import type { Page, Tags } from './common.js';

export interface OutboundCallerConfig {
  OutboundCallerIdName?: string;
  OutboundCallerIdNumberId?: string;
  OutboundFlowId?: string;
}

export interface Queue {
  InstanceId: string;
  QueueId: string;
  QueueArn: string;
  Name: string;
  Description?: string;
  QueueType: 'STANDARD' | 'AGENT';
  Status: 'ENABLED' | 'DISABLED';
  HoursOfOperationId?: string;
  /** Absent: no queue-specific cap. */
  MaxContacts?: number;
  OutboundCallerConfig?: OutboundCallerConfig;
  /** For an AGENT queue, the user it belongs to. */
  UserId?: string;
  Tags: Tags;
  LastModifiedTime: number;
}

export interface QueueRepo {
  insert(q: Queue): Promise<void>;
  update(q: Queue): Promise<void>;
  get(instanceId: string, id: string): Promise<Queue | undefined>;
  findByName(instanceId: string, name: string): Promise<Queue | undefined>;
  findAgentQueue(instanceId: string, userId: string): Promise<Queue | undefined>;
  list(instanceId: string, page: Page, types?: Queue['QueueType'][]): Promise<Queue[]>;
  count(instanceId: string, type: Queue['QueueType']): Promise<number>;
  delete(instanceId: string, id: string): Promise<boolean>;
  quickConnectIds(instanceId: string, queueId: string): Promise<string[]>;
  /** Adds associations; ones already there are kept. */
  addQuickConnects(instanceId: string, queueId: string, quickConnectIds: string[]): Promise<void>;
  removeQuickConnects(instanceId: string, queueId: string, quickConnectIds: string[]): Promise<void>;
  /** Routing profiles that serve the queue, and the ones that use it as default outbound queue. */
  usedByRoutingProfiles(instanceId: string, queueId: string): Promise<string[]>;
  /** Quick connects of type QUEUE that point at it. */
  usedByQuickConnects(instanceId: string, queueId: string): Promise<string[]>;
}
