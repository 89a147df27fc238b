import { idFromIdOrArn } from '../../core/index.js';
import { asNumber, resolveMap } from '../runtime/values.js';
import {
  ERR,
  INBOUND,
  QUEUE,
  TRANSFER,
  defineActions,
  fromResult,
  type ActionContext,
  type Step,
} from '../runtime/spec.js';
import type { FlowEvent, QueueTarget } from '../runtime/protocol.js';
import type { Waiting } from '../runtime/state.js';

const success: Step = { kind: 'success' };

/** The next number in 1..100 from the frame's seed (xorshift32), so runs are repeatable. */
function draw(ctx: ActionContext): number {
  let s = ctx.state.frame.seed >>> 0 || 1;
  s ^= s << 13;
  s >>>= 0;
  s ^= s >>> 17;
  s ^= s << 5;
  s >>>= 0;
  ctx.state.frame.seed = s;
  return (s % 100) + 1;
}

/** QueueId or AgentId of a block, resolved, as ids. */
export function queueTarget(ctx: ActionContext): QueueTarget | undefined {
  const queueId = ctx.single('QueueId');
  if (queueId) return { queueId: idFromIdOrArn(queueId) };
  const agentId = ctx.single('AgentId');
  if (agentId) return { agentId: idFromIdOrArn(agentId) };
  return undefined;
}

/** Resuming after a LoadFlow request: enter the loaded flow (a module for InvokeFlowModule, a flow otherwise). */
function enterFlow(ctx: ActionContext, event: FlowEvent, flowId: string, via: 'transfer' | 'module'): Step {
  if (event.type !== 'result' || !event.result.ok) return { kind: 'error', error: ERR };
  const entry = ctx.library.get(flowId);
  if (!entry || (entry.type === 'MODULE') !== (via === 'module')) return { kind: 'error', error: ERR };
  return { kind: 'enter', flowId, flowType: entry.type, via };
}

const pendingFlow = (wait: Waiting, ctx: ActionContext, param: string): string =>
  wait.kind === 'result' ? idFromIdOrArn(ctx.single(param)) : '';

export const controlActions = defineActions([
  {
    type: 'Loop',
    results: ['ContinueLooping', 'DoneLooping'],
    canFail: false,
    conditions: true,
    run(ctx) {
      const count = asNumber(ctx.single('LoopCount')) ?? 0;
      const key = `${ctx.state.frame.flowId}:${ctx.action.id}`;
      const loops = (ctx.state.contact.Loops ??= {});
      const done = loops[key] ?? 0;
      if (done < count) {
        loops[key] = done + 1;
        return { kind: 'success', result: 'ContinueLooping' };
      }
      delete loops[key];
      return { kind: 'success', result: 'DoneLooping' };
    },
  },
  {
    type: 'DistributeByPercentage',
    canFail: false,
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER],
    conditions: true,
    run: (ctx) => ({ kind: 'success', result: String(draw(ctx)) }),
  },
  {
    type: 'TransferToFlow',
    flowTypes: [...INBOUND, ...TRANSFER],
    terminal: true,
    run(ctx) {
      const flowId = idFromIdOrArn(ctx.single('ContactFlowId'));
      if (!flowId) return { kind: 'error', error: ERR };
      return { kind: 'request', request: { type: 'LoadFlow', flowId, module: false } };
    },
    resume: (ctx, wait, event) => enterFlow(ctx, event, pendingFlow(wait, ctx, 'ContactFlowId'), 'transfer'),
  },
  {
    type: 'InvokeFlowModule',
    run(ctx) {
      const flowId = idFromIdOrArn(ctx.single('FlowModuleId'));
      if (!flowId) return { kind: 'error', error: ERR };
      return { kind: 'request', request: { type: 'LoadFlow', flowId, module: true } };
    },
    resume: (ctx, wait, event) => enterFlow(ctx, event, pendingFlow(wait, ctx, 'FlowModuleId'), 'module'),
  },
  {
    // Ends the module: with no transitions, the run returns to the InvokeFlowModule that called it.
    type: 'EndFlowModuleExecution',
    canFail: false,
    flowTypes: ['MODULE'],
    terminal: true,
    run: () => success,
  },
  {
    type: 'CheckHoursOfOperation',
    results: ['True', 'False'],
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER],
    conditions: true,
    run(ctx) {
      const hours = ctx.single('HoursOfOperationId');
      const queue = ctx.state.contact.Queue;
      if (!hours && !queue) return { kind: 'error', error: ERR };
      return {
        kind: 'request',
        request: {
          type: 'CheckHours',
          ...(hours && { hoursOfOperationId: idFromIdOrArn(hours) }),
          ...(queue && { queue }),
        },
      };
    },
    resume: (_ctx, _wait, event) =>
      event.type === 'result' ? fromResult(event.result) : { kind: 'error', error: ERR },
  },
  {
    type: 'CheckMetricData',
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER],
    errors: ['NoMatchingCondition'],
    conditions: true,
    run(ctx) {
      const metric = ctx.text('MetricType');
      const target = queueTarget(ctx);
      const queue = ctx.state.contact.Queue;
      if (!metric || (!target && !queue)) return { kind: 'error', error: ERR };
      return {
        kind: 'request',
        request: { type: 'QueueMetric', metric, ...(target && { target }), ...(queue && { queue }) },
      };
    },
    resume: (_ctx, _wait, event) =>
      event.type === 'result' ? fromResult(event.result) : { kind: 'error', error: ERR },
  },
  {
    type: 'GetMetricData',
    run(ctx) {
      const target = queueTarget(ctx);
      const queue = ctx.state.contact.Queue;
      if (!target && !queue) return { kind: 'error', error: ERR };
      const channel = ctx.text('QueueChannel');
      return {
        kind: 'request',
        request: {
          type: 'LoadMetrics',
          ...(target && { target }),
          ...(queue && { queue }),
          ...(channel && { channel }),
        },
      };
    },
    resume(ctx, _wait, event) {
      if (event.type !== 'result' || !event.result.ok) return { kind: 'error', error: ERR };
      ctx.state.frame.metrics = event.result.data ?? {};
      return success;
    },
  },
  {
    type: 'InvokeLambdaFunction',
    run(ctx) {
      const functionArn = ctx.template('LambdaFunctionARN');
      if (!functionArn) return { kind: 'error', error: ERR };
      const p = ctx.action.parameters;
      const async = ctx.text('InvocationType') === 'ASYNCHRONOUS';
      const limit = asNumber(p.InvocationTimeLimitSeconds) ?? 3;
      const validation = (p.ResponseValidation ?? {}) as Record<string, unknown>;
      return {
        kind: 'request',
        request: {
          type: 'InvokeLambda',
          functionArn,
          timeoutSeconds: Math.min(Math.max(limit, 1), async ? 60 : 8),
          invocationType: async ? 'ASYNCHRONOUS' : 'SYNCHRONOUS',
          responseType: validation.ResponseType === 'JSON' ? 'JSON' : 'STRING_MAP',
          parameters: resolveMap(p.LambdaInvocationAttributes, ctx.state),
        },
      };
    },
    resume(ctx, _wait, event) {
      if (event.type !== 'result' || !event.result.ok) {
        ctx.state.frame.external = {};
        return { kind: 'error', error: ERR };
      }
      ctx.state.frame.external = event.result.data ?? {};
      return success;
    },
  },
]);
