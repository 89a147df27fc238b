import type { Tags } from './common.js';

export type ContactChannel = 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';

export type ContactInitiationMethod =
  | 'INBOUND'
  | 'OUTBOUND'
  | 'TRANSFER'
  | 'QUEUE_TRANSFER'
  | 'CALLBACK'
  | 'API'
  | 'DISCONNECT'
  | 'FLOW'
  | 'WEBRTC_API';

/** Where a contact is in its life (docs/ENGINE.md). */
export type ContactLifecycle =
  'INITIATED' | 'SCHEDULED' | 'IN_FLOW' | 'QUEUED' | 'OFFERED' | 'CONNECTED' | 'ACW' | 'ENDED' | 'EXPIRED';

export const FINISHED: readonly ContactLifecycle[] = ['ENDED', 'EXPIRED'];

export interface Endpoint {
  Type: string;
  Address: string;
  DisplayName?: string;
}

export interface Reference {
  Type: string;
  Value: string;
}

/** A contact as Tsunagi keeps it: DescribeContact's fields, times in epoch ms, plus its lifecycle and flow state. */
export interface Contact {
  InstanceId: string;
  Id: string;
  Arn: string;
  Channel: ContactChannel;
  InitiationMethod: ContactInitiationMethod;
  State: ContactLifecycle;
  Name?: string;
  Description?: string;
  InitialContactId: string;
  PreviousContactId?: string;
  RelatedContactId?: string;
  /** The inbound flow the contact runs (a task: when it is delivered). */
  ContactFlowId?: string;
  QueueId?: string;
  AgentId?: string;
  InitiationTimestamp: number;
  ScheduledTimestamp?: number;
  EnqueueTimestamp?: number;
  OfferedTimestamp?: number;
  ConnectedToAgentTimestamp?: number;
  AfterContactWorkStartTimestamp?: number;
  AfterContactWorkEndTimestamp?: number;
  DisconnectTimestamp?: number;
  ExpiryTimestamp?: number;
  LastUpdateTimestamp: number;
  QueuePriority?: number;
  QueueTimeAdjustmentSeconds?: number;
  DisconnectReason?: string;
  TaskTemplateId?: string;
  TaskTemplateVersion?: number;
  TransferCount: number;
  RescheduleCount: number;
  CustomerEndpoint?: Endpoint;
  SystemEndpoint?: Endpoint;
  Attributes: Record<string, string>;
  References: Record<string, Reference>;
  SegmentAttributes: Record<string, unknown>;
  Tags: Tags;
  /** The flow the contact runs or waits in, as the interpreter's state (JSON), while it waits. */
  FlowState?: unknown;
  /** The customer queue flow's state while the contact waits in queue. */
  QueueFlowState?: unknown;
}

/** One entry of a contact's timeline. */
export interface ContactEvent {
  ContactId: string;
  Seq: number;
  Timestamp: number;
  Type: string;
  Detail: Record<string, unknown>;
}

/** A contact timestamp searches and sorts by. */
export type ContactTimeField = 'initiation' | 'scheduled' | 'enqueue' | 'connected' | 'disconnect' | 'expiry';

export type MatchType = 'MATCH_ALL' | 'MATCH_ANY' | 'MATCH_EXACT' | 'MATCH_NONE';

/** SearchContacts' criteria, in the store's terms (times in epoch ms, ids resolved). */
export interface ContactQuery {
  timeRange: { field: ContactTimeField; start: number; end: number };
  channels?: ContactChannel[];
  initiationMethods?: ContactInitiationMethod[];
  queueIds?: string[];
  agentIds?: string[];
  states?: ContactLifecycle[];
  name?: { texts: string[]; match: MatchType };
  /** Timestamps that must exist (or not): e.g. no disconnect time = in progress. */
  timestamps?: { field: ContactTimeField; exists: boolean }[];
  /** More time ranges that must all hold (SearchContacts' AdditionalTimeRange). */
  moreRanges?: { field: ContactTimeField; start: number; end: number }[];
  attributes?: { criteria: { key: string; values: string[] }[]; match: 'MATCH_ALL' | 'MATCH_ANY' };
  sort: { field: ContactTimeField | 'initiationMethod' | 'channel'; descending: boolean };
}

export interface ContactRepo {
  insert(contact: Contact): Promise<void>;
  /**
   * Writes what can change once a contact exists. Its id, instance, channel, initiation method and time, and the
   * contacts it names (initial, previous, related) stay as inserted.
   */
  update(contact: Contact): Promise<void>;
  get(instanceId: string, id: string): Promise<Contact | undefined>;
  /**
   * The contacts linked to `contactId`: those naming it as their related, previous or initial contact, and those
   * it names so (a call and the task made from it, C1; the segments of a transferred task). Oldest first.
   */
  linked(instanceId: string, contactId: string): Promise<Contact[]>;
  /** Contacts not ENDED or EXPIRED: what the engine's indexes are rebuilt from. */
  listActive(instanceId: string): Promise<Contact[]>;
  /** How many contacts name `previousContactId` as their previous contact (Connect allows 12). */
  countWithPrevious(instanceId: string, previousContactId: string): Promise<number>;
  /** Tasks not finished (the active-task quota counts them). */
  countActiveTasks(instanceId: string): Promise<number>;
  /** Appends to the timeline; the sequence number is the next one of the contact. */
  appendEvent(instanceId: string, event: Omit<ContactEvent, 'Seq'>): Promise<void>;
  /**
   * Appends entries of any contacts, in order: each takes the next sequence number of its contact. `lastSeq`, if
   * given, holds contacts' last numbers already known in this transaction (0: a new contact); it is not read again
   * for them, and is left holding the numbers written.
   */
  appendEvents(
    instanceId: string,
    events: readonly Omit<ContactEvent, 'Seq'>[],
    lastSeq?: Map<string, number>,
  ): Promise<void>;
  events(instanceId: string, contactId: string): Promise<ContactEvent[]>;
  /** Contacts matching `query` (a page of them) and how many match in all. */
  search(
    instanceId: string,
    query: ContactQuery,
    page: { offset: number; limit: number },
  ): Promise<{ items: Contact[]; total: number }>;
}

export type TimerKind = 'deliver' | 'flow' | 'offer' | 'expire' | 'acw';

/** A durable timer: the in-memory heap only wakes the instance loop (docs/ENGINE.md "Timers"). */
export interface Timer {
  Id: string;
  InstanceId: string;
  Kind: TimerKind;
  ContactId?: string;
  AgentId?: string;
  DueAt: number;
  Data: Record<string, unknown>;
}

export interface TimerRepo {
  insert(timer: Timer): Promise<void>;
  /** True when the timer was there (a timer fires once: its command deletes it). */
  delete(instanceId: string, id: string): Promise<boolean>;
  deleteForContact(instanceId: string, contactId: string, kind?: TimerKind): Promise<number>;
  /** Every timer of the instance, soonest first. */
  list(instanceId: string): Promise<Timer[]>;
}

export interface AgentState {
  InstanceId: string;
  UserId: string;
  StatusId: string;
  StatusSince: number;
  /** The status asked for while the agent was busy: applied when their contacts end. */
  NextStatusId?: string;
  /** An offer went unanswered: not routable until the agent changes status. */
  Missed: boolean;
  /** Since when the agent has had no contact (for longest-idle routing). */
  IdleSince?: number;
}

export interface AgentStateRepo {
  put(state: AgentState): Promise<void>;
  get(instanceId: string, userId: string): Promise<AgentState | undefined>;
  list(instanceId: string): Promise<AgentState[]>;
}

/** What a ClientToken returned the first time. */
export interface IdempotencyRecord {
  InstanceId: string;
  Operation: string;
  Token: string;
  RequestHash: string;
  Response: unknown;
  CreatedAt: number;
}

export interface IdempotencyRepo {
  find(instanceId: string, operation: string, token: string): Promise<IdempotencyRecord | undefined>;
  /** False when the token was recorded already (by a concurrent request). */
  insert(record: IdempotencyRecord): Promise<boolean>;
  /** Forgets records created before `before` (tokens are kept 7 days). */
  purge(before: number): Promise<number>;
}
