import type { Page, Tags } from './common.js';

/** Amazon Connect's flow types (`ContactFlowType`). */
export type ContactFlowType =
  | 'CONTACT_FLOW'
  | 'CUSTOMER_QUEUE'
  | 'CUSTOMER_HOLD'
  | 'CUSTOMER_WHISPER'
  | 'AGENT_HOLD'
  | 'AGENT_WHISPER'
  | 'OUTBOUND_WHISPER'
  | 'AGENT_TRANSFER'
  | 'QUEUE_TRANSFER'
  | 'CAMPAIGN';

/** Flows and flow modules share one table; a module's type is MODULE. */
export type StoredFlowType = ContactFlowType | 'MODULE';
export type ContactFlowStatus = 'PUBLISHED' | 'SAVED';
export type ContactFlowState = 'ACTIVE' | 'ARCHIVED';

/**
 * A flow or a flow module as Tsunagi keeps it. A flow has one current content and, once published, maybe a
 * draft saved after its last publication:
 * - `Content` is the published content, or for a flow that was never published, its saved content
 *   (`Status` tells which). Described by its plain id.
 * - `SavedContent` is content saved with the `:$SAVED` alias after the flow was published and not published
 *   since. Described by `<id>:$SAVED`; publishing (a content update without the alias) discards it.
 * Every content is kept byte-for-byte as given; its hash is the hex SHA-256 of its UTF-8 bytes.
 */
export interface Flow {
  InstanceId: string;
  Id: string;
  Arn: string;
  Name: string;
  Type: StoredFlowType;
  Description?: string;
  Content: string;
  FlowContentSha256: string;
  Status: ContactFlowStatus;
  State: ContactFlowState;
  SavedContent?: string;
  SavedContentSha256?: string;
  /** 1 at creation, one more at each content update. */
  Version: number;
  Tags: Tags;
  LastModifiedTime: number;
}

/** What a listing reads of a flow: everything but its content. */
export type FlowSummary = Pick<Flow, 'InstanceId' | 'Id' | 'Arn' | 'Name' | 'Type' | 'Status' | 'State'>;

/** DescribeContactFlow's `ContactFlow`. */
export interface ContactFlow {
  Arn: string;
  Id: string;
  Name: string;
  Type: ContactFlowType;
  State: ContactFlowState;
  Status: ContactFlowStatus;
  Description?: string;
  Content: string;
  Tags: Tags;
  FlowContentSha256: string;
  Version: number;
  LastModifiedTime: number;
  LastModifiedRegion: string;
}

/** ListContactFlows' item. */
export interface ContactFlowSummary {
  Id: string;
  Arn: string;
  Name: string;
  ContactFlowType: ContactFlowType;
  ContactFlowState: ContactFlowState;
  ContactFlowStatus: ContactFlowStatus;
}

/** DescribeContactFlowModule's `ContactFlowModule`. */
export interface ContactFlowModule {
  Arn: string;
  Id: string;
  Name: string;
  Content: string;
  Description?: string;
  State: ContactFlowState;
  Status: ContactFlowStatus;
  Tags: Tags;
  FlowModuleContentSha256: string;
  Version: number;
}

/** ListContactFlowModules' item. */
export interface ContactFlowModuleSummary {
  Id: string;
  Arn: string;
  Name: string;
  State: ContactFlowState;
}

export interface FlowFilter {
  /** Modules (type MODULE) or flows (every other type). */
  modules: boolean;
  /** Flows of these types only (none: every type). */
  types?: ContactFlowType[];
  state?: ContactFlowState;
}

/** A resource of the instance that names a flow. */
export interface FlowUser {
  kind: 'phone number' | 'quick connect' | 'task template';
  id: string;
}

export interface FlowRepo {
  insert(flow: Flow): Promise<void>;
  update(flow: Flow): Promise<void>;
  /** A flow or a module of the instance. */
  get(instanceId: string, id: string): Promise<Flow | undefined>;
  /** Names are unique across the flows and modules of an instance. */
  findByName(instanceId: string, name: string): Promise<Flow | undefined>;
  list(instanceId: string, page: Page, filter: FlowFilter): Promise<FlowSummary[]>;
  /** How many modules (`modules`) or flows the instance has. */
  count(instanceId: string, modules: boolean): Promise<number>;
  delete(instanceId: string, id: string): Promise<boolean>;
  /** The phone numbers, quick connects and task templates that name the flow. */
  usedBy(instanceId: string, id: string): Promise<FlowUser[]>;
}
