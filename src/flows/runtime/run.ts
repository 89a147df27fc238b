import type { FlowAction, FlowDocument, FlowType } from '../model.js';
import { ACTIONS } from '../actions/index.js';
import { firstMatch } from './conditions.js';
import type {
  FlowEffect,
  FlowEvent,
  FlowLibrary,
  FlowOutcome,
  RunOptions,
  RunResult,
  RunStatus,
} from './protocol.js';
import { ERR, makeContext, type Step } from './spec.js';
import type { RunState } from './state.js';

const DEFAULT_MAX_ACTIONS = 10_000;

/** Flow types whose contact is disconnected when the flow ends without handing it on. */
const DISCONNECT_ON_END: ReadonlySet<FlowType> = new Set([
  'CONTACT_FLOW',
  'CAMPAIGN',
  'AGENT_TRANSFER',
  'QUEUE_TRANSFER',
]);

function fellOff(state: RunState, actionId: string | undefined): FlowOutcome {
  return DISCONNECT_ON_END.has(state.frame.flowType)
    ? { type: 'disconnect', ...(actionId !== undefined && { actionId }), reason: 'FlowEnded' }
    : { type: 'resume', ...(actionId !== undefined && { actionId }) };
}

interface Transition {
  next?: string;
  branch: string;
  /** An error with no branch at all. */
  unhandled?: string;
}

function errorBranch(action: FlowAction, error: string): Transition {
  const errors = action.transitions.errors;
  const direct = errors.get(error);
  if (direct !== undefined) return { next: direct || undefined, branch: `Error: ${error}` };
  const fallback = errors.get(ERR);
  if (fallback !== undefined)
    return { next: fallback || undefined, branch: `Error: ${error} (NoMatchingError branch)` };
  return { branch: `Error: ${error} (no branch)`, unhandled: error };
}

/** Where a finished action leads (reference §1.2). */
function follow(
  action: FlowAction,
  step: Step & { kind: 'success' | 'error' },
  useConditions: boolean,
): Transition {
  if (step.kind === 'error') return errorBranch(action, step.error);
  const t = action.transitions;
  if (step.result !== undefined && (useConditions || t.conditions.length > 0) && t.conditions.length > 0) {
    const match = firstMatch(t.conditions, step.result);
    if (match)
      return { next: match.next || undefined, branch: `${match.operator} ${match.operands.join(',')}` };
    return errorBranch(action, 'NoMatchingCondition');
  }
  if (step.result !== undefined && useConditions && t.conditions.length === 0 && t.next === undefined)
    return errorBranch(action, 'NoMatchingCondition');
  return { next: t.next, branch: step.result !== undefined ? `Success (${step.result})` : 'Success' };
}

class Run {
  readonly effects: FlowEffect[] = [];
  private actions = 0;

  constructor(
    readonly state: RunState,
    private readonly library: FlowLibrary,
    private readonly maxActions: number,
  ) {}

  flow(): FlowDocument {
    const entry = this.library.get(this.state.frame.flowId);
    if (!entry) throw new Error(`flow ${this.state.frame.flowId} is not loaded`);
    return entry.flow;
  }

  /** Runs the action, applying the channel and flow-type rules first. */
  execute(action: FlowAction): Step {
    const spec = ACTIONS.get(action.type);
    if (!spec) return { kind: 'error', error: ERR };
    if (spec.flowTypes && !spec.flowTypes.includes(this.state.frame.flowType))
      return { kind: 'error', error: ERR };
    const rule = spec.channels?.[this.state.contact.Channel];
    if (rule === 'noop') return { kind: 'success' };
    if (rule) return { kind: 'error', error: rule.error };
    return spec.run(makeContext(this.state, action, this.effects, this.library));
  }

  resume(action: FlowAction, event: FlowEvent): Step {
    const wait = this.state.frame.wait;
    const spec = ACTIONS.get(action.type);
    if (!wait || !spec?.resume) return { kind: 'error', error: ERR };
    return spec.resume(makeContext(this.state, action, this.effects, this.library), wait, event);
  }

  /** Drives the flow from `action`'s outcome `step` until it waits, asks, or ends. */
  loop(action: FlowAction, step: Step): RunStatus {
    for (;;) {
      const frame = this.state.frame;
      const record = (branch: string, next?: string) => {
        const effect: FlowEffect = {
          type: 'action',
          flowId: frame.flowId,
          actionId: action.id,
          actionType: action.type,
          branch,
        };
        if (next !== undefined) effect.next = next;
        this.effects.push(effect);
      };
      let nextId: string | undefined;
      switch (step.kind) {
        case 'wait':
          frame.at = action.id;
          frame.wait = step.wait;
          return {
            kind: 'waiting',
            wait: step.wait,
            ...(step.timerMs !== undefined && { timerMs: step.timerMs }),
            ...(step.keepTimer && { keepTimer: true }),
          };
        case 'request':
          frame.at = action.id;
          frame.wait = { kind: 'result', actionId: action.id, request: step.request.type };
          return { kind: 'request', request: step.request, actionId: action.id };
        case 'end':
          record('End');
          delete frame.wait;
          return { kind: 'ended', outcome: step.outcome };
        case 'enter': {
          delete frame.wait;
          const entered = this.library.get(step.flowId);
          if (!entered) return { kind: 'ended', outcome: { type: 'error', actionId: action.id, error: ERR } };
          record('Success', entered.flow.startAction);
          if (step.via === 'module')
            frame.modules.push({
              flowId: frame.flowId,
              flowType: frame.flowType,
              actionId: action.id,
              flowAttributes: frame.flowAttributes,
            });
          frame.flowId = step.flowId;
          frame.flowType = step.flowType;
          frame.flowAttributes = {};
          this.effects.push({ type: 'flow', flowId: step.flowId, flowType: step.flowType, via: step.via });
          nextId = entered.flow.startAction;
          break;
        }
        default: {
          delete frame.wait;
          const spec = ACTIONS.get(action.type);
          const t = follow(action, step, spec?.conditions ?? false);
          record(t.branch, t.next);
          if (t.unhandled !== undefined) {
            const returned = this.returnFromModule(action, 'error');
            if (returned) {
              ({ action, step } = returned);
              continue;
            }
            return { kind: 'ended', outcome: { type: 'error', actionId: action.id, error: t.unhandled } };
          }
          nextId = t.next;
        }
      }
      if (nextId === undefined) {
        const returned = this.returnFromModule(action, 'success');
        if (returned) {
          ({ action, step } = returned);
          continue;
        }
        return { kind: 'ended', outcome: fellOff(this.state, action.id) };
      }
      const next = this.flow().actions.get(nextId);
      if (!next)
        return {
          kind: 'ended',
          outcome: { type: 'error', actionId: action.id, error: `MissingAction:${nextId}` },
        };
      if (++this.actions > this.maxActions)
        return { kind: 'ended', outcome: { type: 'error', actionId: next.id, error: 'ActionLimitExceeded' } };
      frame.at = next.id;
      action = next;
      step = this.execute(next);
    }
  }

  /** Leaving a module (by falling off its end or an unhandled error) returns to the InvokeFlowModule. */
  returnFromModule(
    _from: FlowAction,
    how: 'success' | 'error',
  ): { action: FlowAction; step: Step } | undefined {
    const frame = this.state.frame;
    const ret = frame.modules.pop();
    if (!ret) return undefined;
    frame.flowId = ret.flowId;
    frame.flowType = ret.flowType;
    frame.flowAttributes = ret.flowAttributes;
    this.effects.push({ type: 'flow', flowId: ret.flowId, flowType: ret.flowType, via: 'return' });
    const caller = this.flow().actions.get(ret.actionId);
    if (!caller) return undefined;
    return { action: caller, step: how === 'success' ? { kind: 'success' } : { kind: 'error', error: ERR } };
  }
}

/**
 * The interpreter's pure step (DESIGN.md "Effects at the edge"): from a contact's flow state and an event to
 * the new state, what happened, and what the flow now waits for. `state` is not changed.
 */
export function runFlow(
  library: FlowLibrary,
  state: RunState,
  event: FlowEvent,
  options: RunOptions = {},
): RunResult {
  const run = new Run(structuredClone(state), library, options.maxActions ?? DEFAULT_MAX_ACTIONS);
  const frame = run.state.frame;
  let status: RunStatus;
  if (event.type === 'start') {
    const flow = run.flow();
    run.effects.push({ type: 'flow', flowId: frame.flowId, flowType: frame.flowType, via: 'start' });
    const first = flow.actions.get(flow.startAction);
    if (!first)
      status = {
        kind: 'ended',
        outcome: { type: 'error', actionId: flow.startAction, error: 'MissingStartAction' },
      };
    else {
      frame.at = first.id;
      status = run.loop(first, run.execute(first));
    }
  } else {
    const at = frame.wait ? run.flow().actions.get(frame.wait.actionId) : undefined;
    if (!at) throw new Error(`the flow is not waiting for ${event.type}`);
    status = run.loop(at, run.resume(at, event));
  }
  return { state: run.state, effects: run.effects, status };
}

export type { FlowType };
