/** The agent API's shapes (docs/API.md, "Agent API"), as the workspace reads them. Times are epoch ms. */

export type Channel = 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';
export type ContactState =
  'INITIATED' | 'SCHEDULED' | 'IN_FLOW' | 'QUEUED' | 'OFFERED' | 'CONNECTED' | 'ACW' | 'ENDED' | 'EXPIRED';

export interface Reference {
  Type: string;
  Value: string;
}

export interface Contact {
  Id: string;
  Channel: Channel;
  State: ContactState;
  Name?: string;
  Description?: string;
  QueueId?: string;
  /** Not in the API yet: shown when the server sends it. */
  QueueName?: string;
  AgentId?: string;
  InitiationTimestamp: number;
  ScheduledTimestamp?: number;
  EnqueueTimestamp?: number;
  OfferedTimestamp?: number;
  ConnectedToAgentTimestamp?: number;
  TaskTemplateId?: string;
  TaskTemplateVersion?: number;
  CustomerEndpoint?: { Type: string; Address: string };
  Attributes: Record<string, string>;
  References: Record<string, Reference>;
}

export interface User {
  Id: string;
  Username: string;
  FirstName?: string;
  LastName?: string;
}

export interface Session {
  User: User;
  Permissions: string[];
  CsrfToken: string;
  ExpiresAt: number;
}

export interface Agent {
  userId: string;
  statusId?: string;
  statusName?: string;
  routable: boolean;
  missed: boolean;
  contacts: Contact[];
}

export interface Offer {
  contactId: string;
  expiresAt: number;
}

export interface AgentStatus {
  Id: string;
  Name: string;
  Type: string;
  Description?: string;
}

export type FieldType =
  | 'NAME'
  | 'DESCRIPTION'
  | 'SCHEDULED_TIME'
  | 'QUICK_CONNECT'
  | 'URL'
  | 'NUMBER'
  | 'TEXT'
  | 'TEXT_AREA'
  | 'DATE_TIME'
  | 'BOOLEAN'
  | 'SINGLE_SELECT'
  | 'EMAIL'
  | 'SELF_ASSIGN'
  | 'EXPIRY_DURATION';

export interface TemplateField {
  Id: { Name: string };
  Description?: string;
  Type: FieldType;
  SingleSelectOptions?: string[];
}

export interface TaskTemplate {
  Id: string;
  Name: string;
  Description?: string;
  Fields: TemplateField[];
  Constraints: {
    RequiredFields: { Id: { Name: string } }[];
    ReadOnlyFields: { Id: { Name: string } }[];
    InvisibleFields: { Id: { Name: string } }[];
  };
  Defaults: { DefaultFieldValues: { Id: { Name: string }; DefaultValue: string }[] };
  Version: number;
  ContactFlowId?: string;
  Status?: 'ACTIVE' | 'INACTIVE';
}

/** A quick connect the agent may use (GET /api/agent/quick-connects), with rule X2's warnings for tasks. */
export interface QuickConnect {
  Id: string;
  Arn: string;
  Name: string;
  Description?: string;
  QuickConnectType: 'USER' | 'QUEUE' | 'PHONE_NUMBER';
  /** Why a task transferred with it would fail (its flow has a block that fails on tasks); empty when none. */
  TaskWarnings: string[];
}

/** POST /api/agent/tasks (R2, R3): StartTaskContact's meaning, times in epoch ms. */
export interface TaskRequest {
  Name: string;
  Description?: string;
  TaskTemplateId?: string;
  QuickConnectId?: string;
  References?: Record<string, Reference>;
  Attributes?: Record<string, string>;
  /** Epoch ms. */
  ScheduledTime?: number;
  RelatedContactId?: string;
}

export interface TimelineEntry {
  Seq: number;
  Timestamp: number;
  Type: string;
  Detail: Record<string, unknown>;
}

export interface ContactDetails {
  Contact: Contact;
  Timeline?: TimelineEntry[];
  Linked?: Contact[];
  TaskTemplate?: TaskTemplate;
}

/** What the agent's WebSocket sends. */
export type ServerMessage =
  | { type: 'snapshot'; agent: Agent; offers: Offer[] }
  | { type: 'offer'; userId: string; contactId: string; expiresAt: number }
  | { type: 'contact'; contact: Contact }
  | { type: 'agent'; userId: string; statusId?: string; statusName?: string; missed: boolean }
  | { type: 'notice'; userId: string; contactId?: string; message: string }
  | { type: 'signal'; contactId: string; data: unknown }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string };
