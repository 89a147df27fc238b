import type { Channel, FlowType } from '../model.js';

/** A task reference as flows see it: `$.References.<name>.Value` / `.Type`. */
export interface ContactReference {
  Value: string;
  Type: string;
}

export interface QueueInfo {
  Id: string;
  Name?: string;
  ARN?: string;
  OutboundCallerId?: { Address?: string; Type?: string };
}

/** What a flow can read and change of its contact. Plain JSON: persisted while a flow waits. */
export interface ContactState {
  ContactId: string;
  InitialContactId: string;
  PreviousContactId?: string;
  RelatedContactId?: string;
  Channel: Channel;
  InitiationMethod: string;
  InstanceARN?: string;
  CustomerEndpoint?: { Address: string; Type: string };
  SystemEndpoint?: { Address: string; Type: string };
  Name?: string;
  Description?: string;
  References: Record<string, ContactReference>;
  Attributes: Record<string, string>;
  /** The queue the contact waits in, or the working queue a flow set. */
  Queue?: QueueInfo;
  /** Set by UpdateContactTargetQueue: a queue or an agent's queue. */
  TargetQueue?: { queueId?: string; agentId?: string };
  /** Hook name → flow id (UpdateContactEventHooks). */
  EventHooks: Record<string, string>;
  CallbackNumber?: string;
  LanguageCode?: string;
  CustomerId?: string;
  TextToSpeechVoice?: string;
  TextToSpeechEngine?: string;
  TextToSpeechStyle?: string;
  FlowLogging?: boolean;
  RecordingBehavior?: unknown;
  AnalyticsBehavior?: unknown;
  MediaStreaming?: boolean;
  QueuePriority?: number;
  QueueTimeAdjustmentSeconds?: number;
  Tags: Record<string, string>;
  Agent?: { UserName?: string; FirstName?: string; LastName?: string; ARN?: string };
  /** Loop counters, per flow and action identifier: they belong to the contact and survive re-entries of a flow. */
  Loops?: Record<string, number>;
  /** Values read by paths Tsunagi does not model (e.g. `$.Media`, `$.Customer`), as given by the host. */
  Extra?: Record<string, unknown>;
}

/** What the frame waits for. */
export type Waiting =
  | { kind: 'input'; actionId: string; digits: string; stored: boolean }
  | { kind: 'interrupt'; actionId: string }
  | { kind: 'forever'; actionId: string }
  | { kind: 'wait'; actionId: string }
  | { kind: 'result'; actionId: string; request: string };

export interface ModuleReturn {
  flowId: string;
  flowType: FlowType;
  /** The InvokeFlowModule action to continue from in the caller. */
  actionId: string;
  flowAttributes: Record<string, string>;
}

/** One flow running on one contact. Plain JSON: persisted while it waits. */
export interface FrameState {
  flowId: string;
  flowType: FlowType;
  /** The action the frame is at (executing or waiting). */
  at?: string;
  flowAttributes: Record<string, string>;
  external: Record<string, unknown>;
  storedCustomerInput?: string;
  metrics?: Record<string, unknown>;
  lex?: Record<string, unknown>;
  views?: Record<string, unknown>;
  taskContactId?: string;
  /** Callers of the running flow module, innermost last. */
  modules: ModuleReturn[];
  wait?: Waiting;
  /** Seed for DistributeByPercentage; advances on each draw. */
  seed: number;
}

export interface RunState {
  contact: ContactState;
  frame: FrameState;
}

export function newFrame(flowId: string, flowType: FlowType, seed = 1): FrameState {
  return {
    flowId,
    flowType,
    flowAttributes: {},
    external: {},
    modules: [],
    seed: seed >>> 0 || 1,
  };
}

export function newContact(
  init: Pick<ContactState, 'ContactId' | 'Channel' | 'InitiationMethod'> & Partial<ContactState>,
): ContactState {
  return {
    InitialContactId: init.ContactId,
    References: {},
    Attributes: {},
    EventHooks: {},
    Tags: {},
    ...init,
  };
}
