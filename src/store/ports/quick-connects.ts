import type { Page, Tags } from './common.js';

export type QuickConnectType = 'USER' | 'QUEUE' | 'PHONE_NUMBER' | 'FLOW';

export interface QuickConnectConfig {
  QuickConnectType: QuickConnectType;
  UserConfig?: { UserId: string; ContactFlowId: string };
  QueueConfig?: { QueueId: string; ContactFlowId: string };
  PhoneConfig?: { PhoneNumber: string };
  FlowConfig?: { ContactFlowId: string };
}

export interface QuickConnect {
  InstanceId: string;
  QuickConnectId: string;
  QuickConnectARN: string;
  Name: string;
  Description?: string;
  QuickConnectConfig: QuickConnectConfig;
  Tags: Tags;
  LastModifiedTime: number;
}

export interface QuickConnectRepo {
  insert(qc: QuickConnect): Promise<void>;
  update(qc: QuickConnect): Promise<void>;
  get(instanceId: string, id: string): Promise<QuickConnect | undefined>;
  findByName(instanceId: string, name: string): Promise<QuickConnect | undefined>;
  list(instanceId: string, page: Page, types?: QuickConnectType[]): Promise<QuickConnect[]>;
  /** The quick connects associated with any of the queues (what an agent of those queues may use). */
  listForQueues(
    instanceId: string,
    queueIds: string[],
    page: Page,
    types?: QuickConnectType[],
  ): Promise<QuickConnect[]>;
  count(instanceId: string): Promise<number>;
  /** Deletes the quick connect and its queue associations. */
  delete(instanceId: string, id: string): Promise<boolean>;
  /** Whether the user exists (users belong to another piece; this is the look-up quick connects need). */
  userExists(instanceId: string, userId: string): Promise<boolean>;
  /** The type of the flow (MODULE for a flow module), or undefined when there is no such flow. */
  flowType(instanceId: string, flowId: string): Promise<string | undefined>;
}
