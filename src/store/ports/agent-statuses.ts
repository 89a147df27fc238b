import type { Page, Tags } from './common.js';

/** ROUTABLE ("Available") and OFFLINE ("Offline") are built in; the statuses an administrator creates are CUSTOM. */
export type AgentStatusType = 'ROUTABLE' | 'CUSTOM' | 'OFFLINE';
export type AgentStatusState = 'ENABLED' | 'DISABLED';

/** DescribeAgentStatus's `AgentStatus`. */
export interface AgentStatus {
  InstanceId: string;
  AgentStatusId: string;
  AgentStatusARN: string;
  Name: string;
  Description?: string;
  Type: AgentStatusType;
  /** 1..50; absent when unset (or reset). */
  DisplayOrder?: number;
  State: AgentStatusState;
  Tags: Tags;
  LastModifiedTime: number;
}

export interface AgentStatusRepo {
  insert(s: AgentStatus): Promise<void>;
  update(s: AgentStatus): Promise<void>;
  get(instanceId: string, id: string): Promise<AgentStatus | undefined>;
  findByName(instanceId: string, name: string): Promise<AgentStatus | undefined>;
  /** The first status of the type (how the built-in ROUTABLE and OFFLINE ones are found). */
  findByType(instanceId: string, type: AgentStatusType): Promise<AgentStatus | undefined>;
  /** Ordered by name; `types` narrows to those types. */
  list(instanceId: string, page: Page, types?: AgentStatusType[]): Promise<AgentStatus[]>;
  count(instanceId: string): Promise<number>;
}
