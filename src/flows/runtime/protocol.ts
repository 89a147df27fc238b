import type { ContactFlowType, FlowDocument, FlowType } from '../model.js';
import type { ContactReference, QueueInfo, RunState, Waiting } from './state.js';

/** What wakes a flow: its start, keys the caller pressed, its timer, or the answer to its request. */
export type FlowEvent =
  | { type: 'start' }
  | { type: 'digits'; digits: string }
  | { type: 'timer' }
  | { type: 'result'; result: RequestResult };

export type RequestResult =
  | { ok: true; value?: string; data?: Record<string, unknown> }
  | { ok: false; error: string; message?: string };

/** A queue or an agent's queue, as a block names it (ids or ARNs, already resolved from paths). */
export interface QueueTarget {
  queueId?: string;
  agentId?: string;
}

/**
 * What a flow asks of the world outside it. The host performs the request and resumes the flow with a
 * `result` event: this is how the interpreter stays a pure function (DESIGN.md "Effects at the edge").
 */
export type FlowRequest =
  | { type: 'ResolveQueue'; target: QueueTarget }
  | { type: 'Enqueue'; queue: QueueInfo; customerQueueFlowId?: string }
  | { type: 'DequeueToQueue'; target: QueueTarget }
  | { type: 'CheckHours'; hoursOfOperationId?: string; queue?: QueueInfo }
  | { type: 'QueueMetric'; metric: string; target?: QueueTarget; queue?: QueueInfo }
  | { type: 'LoadMetrics'; target?: QueueTarget; queue?: QueueInfo; channel?: string }
  | {
      type: 'InvokeLambda';
      functionArn: string;
      timeoutSeconds: number;
      invocationType: 'SYNCHRONOUS' | 'ASYNCHRONOUS';
      responseType: 'STRING_MAP' | 'JSON';
      parameters: Record<string, string>;
    }
  | { type: 'CreateTask'; task: CreateTaskRequest }
  | { type: 'CreateCallback'; callback: CreateCallbackRequest }
  | { type: 'LoadFlow'; flowId: string; module: boolean };

export interface CreateTaskRequest {
  name: string;
  description?: string;
  contactFlowId?: string;
  taskTemplateId?: string;
  attributes: Record<string, string>;
  references: Record<string, ContactReference>;
  /** Exactly one or neither: seconds from now, or an absolute time in epoch seconds. */
  delaySeconds?: number;
  scheduledTimeEpochSeconds?: number;
  /** The contact whose flow created the task (the "link to contact" of the block). */
  linkedContactId: string;
}

export interface CreateCallbackRequest {
  target: QueueTarget;
  queue?: QueueInfo;
  callbackNumber?: string;
  initialCallDelaySeconds?: number;
  maximumConnectionAttempts?: number;
  retryDelaySeconds?: number;
  contactFlowId?: string;
  callerId?: string;
}

/** Things that happened while the flow ran, in order: the trace a builder reads, and what a caller hears. */
export type FlowEffect =
  | { type: 'action'; flowId: string; actionId: string; actionType: string; branch: string; next?: string }
  | { type: 'prompt'; actionId: string; text: string; ssml: boolean; voice?: string; loop?: boolean }
  | { type: 'attributes'; actionId: string; changed: Record<string, string> }
  | { type: 'flow'; flowId: string; flowType: FlowType; via: 'start' | 'transfer' | 'module' | 'return' };

/** How a flow ended. */
export type FlowOutcome =
  | {
      type: 'disconnect';
      actionId?: string;
      reason: 'DisconnectParticipant' | 'EndFlowExecution' | 'FlowEnded';
    }
  /** The flow is done and the contact goes on where it is (customer queue, whisper and hold flows). */
  | { type: 'resume'; actionId?: string }
  | { type: 'queued'; actionId: string; queue: QueueInfo }
  | { type: 'dequeued'; actionId: string; queue: QueueInfo }
  | { type: 'transferToAgent'; actionId: string }
  | { type: 'transferToPhoneNumber'; actionId: string; phoneNumber: string; continueFlow: boolean }
  /** An error with no branch to take: Connect stops the flow. */
  | { type: 'error'; actionId: string; error: string };

export type RunStatus =
  | { kind: 'waiting'; wait: Waiting; timerMs?: number; keepTimer?: boolean }
  | { kind: 'request'; request: FlowRequest; actionId: string }
  | { kind: 'ended'; outcome: FlowOutcome };

export interface RunResult {
  state: RunState;
  effects: FlowEffect[];
  status: RunStatus;
}

/** The flows a run can reach (TransferToFlow, modules), looked up synchronously; the host loads them first. */
export interface FlowLibrary {
  get(flowId: string): { flow: FlowDocument; type: FlowType } | undefined;
}

export interface RunOptions {
  /** Safety net against flows that loop without waiting: a run stops after this many actions. */
  maxActions?: number;
}

export type { ContactFlowType };
