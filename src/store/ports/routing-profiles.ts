import type { Page, Tags } from './common.js';

export type RoutingChannel = 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';
export type CrossChannelBehaviorType = 'ROUTE_CURRENT_CHANNEL_ONLY' | 'ROUTE_ANY_CHANNEL';
export type AgentAvailabilityTimer = 'TIME_SINCE_LAST_ACTIVITY' | 'TIME_SINCE_LAST_INBOUND';

/**
 * One channel the profile handles (rules S1, S2). `CrossChannelBehavior` is always stored: absent in a request,
 * it is ROUTE_CURRENT_CHANNEL_ONLY.
 */
export interface MediaConcurrency {
  Channel: RoutingChannel;
  Concurrency: number;
  CrossChannelBehavior: { BehaviorType: CrossChannelBehaviorType };
}

/** What is stored of a routing profile. */
export interface RoutingProfileRecord {
  InstanceId: string;
  RoutingProfileId: string;
  RoutingProfileArn: string;
  Name: string;
  Description: string;
  /** One entry per channel, in the order given. */
  MediaConcurrencies: MediaConcurrency[];
  DefaultOutboundQueueId: string;
  AgentAvailabilityTimer?: AgentAvailabilityTimer;
  IsDefault: boolean;
  Tags: Tags;
  LastModifiedTime: number;
}

/** DescribeRoutingProfile's `RoutingProfile`: the record and what is counted from its associations. */
export interface RoutingProfile extends RoutingProfileRecord {
  /** The distinct queues served (`AssociatedQueueIds.length`; a queue on VOICE and TASK counts once). */
  NumberOfAssociatedQueues: number;
  NumberOfAssociatedUsers: number;
  /** The distinct queues served, sorted. */
  AssociatedQueueIds: string[];
}

/** One (queue, channel) pair of a profile (rule S3). */
export interface RoutingProfileQueueReference {
  QueueId: string;
  Channel: RoutingChannel;
}

export interface RoutingProfileQueueConfig extends RoutingProfileQueueReference {
  /** 1 is served first. */
  Priority: number;
  /** Seconds a contact waits before this queue is considered. */
  Delay: number;
}

/** ListRoutingProfileQueues' `RoutingProfileQueueConfigSummary`. */
export interface RoutingProfileQueueConfigSummary extends RoutingProfileQueueConfig {
  QueueArn: string;
  QueueName: string;
}

export interface RoutingProfileRepo {
  insert(rp: RoutingProfileRecord): Promise<void>;
  update(rp: RoutingProfileRecord): Promise<void>;
  get(instanceId: string, id: string): Promise<RoutingProfile | undefined>;
  findByName(instanceId: string, name: string): Promise<RoutingProfileRecord | undefined>;
  /** Ordered by name. */
  list(instanceId: string, page: Page): Promise<RoutingProfileRecord[]>;
  count(instanceId: string): Promise<number>;
  /** Deletes the profile and its queue configs. */
  delete(instanceId: string, id: string): Promise<boolean>;
  /** Every queue config of the profile, ordered by queue id then channel (what routing reads). */
  queueConfigs(instanceId: string, routingProfileId: string): Promise<RoutingProfileQueueConfig[]>;
  /** A page of the profile's queue configs with their queue's name and ARN, ordered by queue name. */
  listQueueConfigs(
    instanceId: string,
    routingProfileId: string,
    page: Page,
  ): Promise<RoutingProfileQueueConfigSummary[]>;
  addQueueConfigs(
    instanceId: string,
    routingProfileId: string,
    configs: RoutingProfileQueueConfig[],
  ): Promise<void>;
  /** Sets Priority and Delay of pairs already there. */
  updateQueueConfigs(
    instanceId: string,
    routingProfileId: string,
    configs: RoutingProfileQueueConfig[],
  ): Promise<void>;
  removeQueueConfigs(
    instanceId: string,
    routingProfileId: string,
    refs: RoutingProfileQueueReference[],
  ): Promise<void>;
  /** The users whose routing profile it is, sorted (at most `limit`). */
  usedByUsers(instanceId: string, routingProfileId: string, limit: number): Promise<string[]>;
}
