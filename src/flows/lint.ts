import { specOf, supportOf } from './catalog.js';
import { flowContentProblems, isOpenTarget, type ContentProblem } from './content.js';
import { CHANNELS, readFlowDocument, targetsOf, type FlowDocument, type FlowType } from './model.js';

export interface LintFinding {
  actionId?: string;
  code: string;
  message: string;
}

export interface LintReport {
  actions: number;
  errors: LintFinding[];
  warnings: LintFinding[];
  /** The flow type the checks used (from the caller, the wrapper, or Metadata). */
  flowType?: FlowType;
}

/** Looks up resources a flow names; answers which of them do not exist. */
export interface ReferenceChecker {
  missing(
    refs: { kind: 'queue' | 'flow' | 'task-template' | 'hours-of-operation' | 'user'; id: string }[],
  ): Promise<Set<string>>;
}

/** Actions reachable from StartAction by any transition. */
export function reachable(flow: FlowDocument): Set<string> {
  const seen = new Set<string>();
  const pending = flow.actions.has(flow.startAction) ? [flow.startAction] : [];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const action = flow.actions.get(id);
    if (action) for (const t of targetsOf(action)) if (flow.actions.has(t) && !seen.has(t)) pending.push(t);
  }
  return seen;
}

/**
 * Checks a flow as Connect's editor would before publishing, plus what Tsunagi can tell about running it:
 * unknown types, blocks not allowed in the flow type, blocks that take their error branch on a channel,
 * transitions to missing actions, unreachable actions, and error branches the flow lacks.
 */
export function lintFlow(
  flow: FlowDocument,
  flowType: FlowType | undefined,
  structure: ContentProblem[] = [],
): LintReport {
  const errors: LintFinding[] = structure.map((p) => ({
    ...(p.actionId && { actionId: p.actionId }),
    code: p.code,
    message: p.message,
  }));
  const warnings: LintFinding[] = [];
  if (flow.startAction === '')
    warnings.push({ code: 'EMPTY_START_ACTION', message: 'StartAction is empty: the flow does nothing' });
  const type = flowType ?? flow.metadataType;
  if (!type)
    warnings.push({
      code: 'UNKNOWN_FLOW_TYPE',
      message: 'no flow type given and none in Metadata: flow-type checks skipped',
    });
  const live = reachable(flow);
  for (const action of flow.actions.values()) {
    const at = { actionId: action.id };
    const support = supportOf(action.type);
    if (support === 'unknown')
      warnings.push({
        ...at,
        code: 'UNKNOWN_ACTION_TYPE',
        message: `${action.type} is not an action type Tsunagi knows; at run time it takes its error branch`,
      });
    else if (support === 'known-not-run')
      warnings.push({
        ...at,
        code: 'NOT_SUPPORTED',
        message: `Tsunagi does not run ${action.type} yet; at run time it takes its error branch`,
      });
    const spec = specOf(action.type);
    if (spec && type && spec.flowTypes && !spec.flowTypes.includes(type))
      errors.push({
        ...at,
        code: 'NOT_ALLOWED_IN_FLOW_TYPE',
        message: `${action.type} cannot be used in a ${type} flow`,
      });
    if (spec?.channels) {
      const failing = CHANNELS.filter((c) => {
        const rule = spec.channels?.[c];
        return rule !== undefined && rule !== 'noop';
      });
      if (failing.length > 0)
        warnings.push({
          ...at,
          code: 'CHANNEL_UNSUPPORTED',
          message: `${action.type} takes its error branch on ${failing.join(', ')}`,
        });
    }
    for (const target of targetsOf(action))
      if (isOpenTarget(target))
        warnings.push({
          ...at,
          code: 'RESERVED_TARGET',
          message: `a transition goes to '${target}': the flow ends there`,
        });
    if (!live.has(action.id))
      warnings.push({
        ...at,
        code: 'UNREACHABLE',
        message: `${action.id} (${action.type}) can never run: no path leads to it`,
      });
    if (spec && !spec.terminal && spec.canFail !== false && !action.transitions.errors.has('NoMatchingError'))
      warnings.push({
        ...at,
        code: 'MISSING_ERROR_BRANCH',
        message: `${action.type} has no NoMatchingError branch: if it fails, the flow stops`,
      });
    const covered = spec?.results?.every((r) =>
      action.transitions.conditions.some((c) => c.operator === 'Equals' && c.operands.includes(r)),
    );
    if (
      spec?.conditions &&
      !covered &&
      action.transitions.conditions.length > 0 &&
      !action.transitions.errors.has('NoMatchingCondition') &&
      !action.transitions.errors.has('NoMatchingError')
    )
      warnings.push({
        ...at,
        code: 'MISSING_DEFAULT_BRANCH',
        message: `${action.type} has no NoMatchingCondition branch: a result that matches no condition stops the flow`,
      });
  }
  return { actions: flow.actions.size, errors, warnings, ...(type && { flowType: type }) };
}

/** Lints flow text (bare or already unwrapped content): the structure a published flow needs, then the rest. */
export function lintFlowText(content: string, flowType?: FlowType): LintReport {
  const structure = flowContentProblems(content, 'PUBLISHED');
  const { flow } = readFlowDocument(content);
  if (!flow)
    return { actions: 0, errors: structure.map((p) => ({ code: p.code, message: p.message })), warnings: [] };
  return lintFlow(flow, flowType, structure);
}

/** A reachable block that takes its error branch on a channel (rule X2: transfer flows used for tasks). */
export interface ChannelFailure {
  actionId: string;
  actionType: string;
}

/** The reachable blocks of `flow` that do not run on `channel` (they take their error branch there). */
export function channelFailures(flow: FlowDocument, channel: (typeof CHANNELS)[number]): ChannelFailure[] {
  const live = reachable(flow);
  const out: ChannelFailure[] = [];
  for (const action of flow.actions.values()) {
    const rule = specOf(action.type)?.channels?.[channel];
    if (live.has(action.id) && rule !== undefined && rule !== 'noop')
      out.push({ actionId: action.id, actionType: action.type });
  }
  return out;
}
