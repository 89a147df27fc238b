import type { Channel, FlowAction, FlowType } from '../model.js';
import type {
  FlowEffect,
  FlowEvent,
  FlowLibrary,
  FlowOutcome,
  FlowRequest,
  RequestResult,
} from './protocol.js';
import type { RunState, Waiting } from './state.js';
import { resolveSingle, resolveTemplate } from './values.js';

/** What an action did: the run loop turns it into the next action, a wait, a request or an ending. */
export type Step =
  | { kind: 'success'; result?: string }
  | { kind: 'error'; error: string }
  | { kind: 'wait'; wait: Waiting; timerMs?: number; keepTimer?: boolean }
  | { kind: 'request'; request: FlowRequest }
  | { kind: 'end'; outcome: FlowOutcome }
  /** Continue at the start of another flow (TransferToFlow, InvokeFlowModule): the run loop switches the frame. */
  | { kind: 'enter'; flowId: string; flowType: FlowType; via: 'transfer' | 'module' };

export interface ActionContext {
  /** The run's working copy: actions change it in place. */
  state: RunState;
  action: FlowAction;
  effects: FlowEffect[];
  library: FlowLibrary;
  /** A parameter as text ('' when absent). */
  text(name: string): string;
  /** A parameter that is a literal or a single JSONPath, resolved. */
  single(name: string): string;
  /** A parameter with embedded JSONPaths, resolved. */
  template(name: string): string;
  /** Any value with embedded JSONPaths (e.g. one member of a parameter), resolved. */
  resolve(value: unknown): string;
}

export const ERR = 'NoMatchingError';

export type ChannelRule = { error: string } | 'noop';

export interface ActionSpec {
  type: string;
  /** Flow types it may appear in; absent means all. */
  flowTypes?: readonly FlowType[];
  /** Channels it cannot run on, and what happens there instead (Connect's "No - Error branch"). */
  channels?: Partial<Record<Channel, ChannelRule>>;
  /** Error types it can take, beyond NoMatchingError. */
  errors?: readonly string[];
  /** Whether a result is matched against Conditions (NoMatchingCondition when none holds). */
  conditions?: boolean;
  /** Every result it can give, where that is a closed set (conditions covering them all need no default). */
  results?: readonly string[];
  /** Whether it ends the flow whenever it succeeds (no Transitions expected). */
  terminal?: boolean;
  /** False for the few actions that never take NoMatchingError (Compare, Loop, Disconnect, ...). */
  canFail?: boolean;
  /** Run it: `ctx.state` may be changed in place. */
  run(ctx: ActionContext): Step;
  /** Called when the frame waited at this action and `event` arrived. */
  resume?(ctx: ActionContext, wait: Waiting, event: FlowEvent): Step;
}

export function defineActions(specs: ActionSpec[]): ActionSpec[] {
  return specs;
}

/** A request's answer as a step: success with its value, or the error it names (NoMatchingError by default). */
export function fromResult(result: RequestResult): Step {
  return result.ok
    ? { kind: 'success', ...(result.value !== undefined && { result: result.value }) }
    : { kind: 'error', error: result.error || ERR };
}

class Context implements ActionContext {
  constructor(
    readonly state: RunState,
    readonly action: FlowAction,
    readonly effects: FlowEffect[],
    readonly library: FlowLibrary,
  ) {}

  text(name: string): string {
    const v = this.action.parameters[name];
    return v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  }

  single(name: string): string {
    return resolveSingle(this.action.parameters[name], this.state);
  }

  template(name: string): string {
    return resolveTemplate(this.action.parameters[name], this.state);
  }

  resolve(value: unknown): string {
    return resolveTemplate(value, this.state);
  }
}

export function makeContext(
  state: RunState,
  action: FlowAction,
  effects: FlowEffect[],
  library: FlowLibrary,
): ActionContext {
  return new Context(state, action, effects, library);
}

/** Flow-type groups of the reference's allowed-action matrix. */
export const INBOUND: readonly FlowType[] = ['CONTACT_FLOW', 'CAMPAIGN', 'MODULE'];
export const QUEUE: readonly FlowType[] = ['CUSTOMER_QUEUE'];
export const TRANSFER: readonly FlowType[] = ['AGENT_TRANSFER', 'QUEUE_TRANSFER'];
export const WHISPER: readonly FlowType[] = ['CUSTOMER_WHISPER', 'AGENT_WHISPER', 'OUTBOUND_WHISPER'];
export const HOLD: readonly FlowType[] = ['CUSTOMER_HOLD', 'AGENT_HOLD'];
export const NOT_CHAT_TASK_EMAIL = (error = ERR): Partial<Record<Channel, ChannelRule>> => ({
  CHAT: { error },
  TASK: { error },
  EMAIL: { error },
});
