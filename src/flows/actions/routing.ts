import { idFromIdOrArn, isRecord } from '../../core/index.js';
import { asNumber, resolveMap } from '../runtime/values.js';
import {
  ERR,
  INBOUND,
  NOT_CHAT_TASK_EMAIL,
  QUEUE,
  TRANSFER,
  defineActions,
  type ActionContext,
  type Step,
} from '../runtime/spec.js';
import type { CreateTaskRequest } from '../runtime/protocol.js';
import type { ContactReference, QueueInfo } from '../runtime/state.js';
import { queueTarget } from './control.js';

/** The queue a request's answer describes (`data.queue`), if it is one. */
function queueFrom(data: Record<string, unknown> | undefined): QueueInfo | undefined {
  const q = data?.queue;
  return isRecord(q) && typeof q.Id === 'string' ? (q as unknown as QueueInfo) : undefined;
}

/** Connect's maximum delay of a task made by a flow: 6 days. */
export const MAX_TASK_DELAY_SECONDS = 518_400;

const REFERENCE_TYPES = new Set(['URL', 'STRING', 'NUMBER', 'DATE', 'EMAIL']);

/** References as real exports write them ({name: {Value, Type}}) or as the documentation does ({name: {Type: Value}}). */
function references(ctx: ActionContext): Record<string, ContactReference> | undefined {
  const raw = ctx.action.parameters.References;
  const out: Record<string, ContactReference> = {};
  if (raw === undefined) return out;
  if (!isRecord(raw)) return undefined;
  for (const [name, ref] of Object.entries(raw)) {
    if (!isRecord(ref)) return undefined;
    if ('Value' in ref) {
      const type = typeof ref.Type === 'string' ? ref.Type : 'STRING';
      if (!REFERENCE_TYPES.has(type)) return undefined;
      out[name] = { Value: ctx.resolve(ref.Value), Type: type };
      continue;
    }
    const [type, value] = Object.entries(ref)[0] ?? [];
    if (!type || !REFERENCE_TYPES.has(type)) return undefined;
    out[name] = { Value: ctx.resolve(value), Type: type };
  }
  return out;
}

function createTaskRequest(ctx: ActionContext): CreateTaskRequest | undefined {
  const p = ctx.action.parameters;
  const refs = references(ctx);
  if (!refs) return undefined;
  const hasDelay = p.DelaySeconds !== undefined && p.DelaySeconds !== '';
  const hasTime = p.ScheduledTime !== undefined && p.ScheduledTime !== '';
  if (hasDelay && hasTime) return undefined;
  let delaySeconds: number | undefined;
  let scheduledTimeEpochSeconds: number | undefined;
  if (hasDelay) {
    delaySeconds = asNumber(ctx.single('DelaySeconds'));
    if (
      delaySeconds === undefined ||
      !Number.isInteger(delaySeconds) ||
      delaySeconds < 1 ||
      delaySeconds > MAX_TASK_DELAY_SECONDS
    )
      return undefined;
  }
  if (hasTime) {
    const raw = ctx.single('ScheduledTime');
    scheduledTimeEpochSeconds =
      asNumber(raw) ?? (Number.isNaN(Date.parse(raw)) ? undefined : Date.parse(raw) / 1000);
    if (scheduledTimeEpochSeconds === undefined) return undefined;
  }
  const flowId = ctx.single('ContactFlowId');
  const templateId = ctx.text('TaskTemplateId');
  // StartTaskContact needs a flow to run: the block's own, or its template's.
  if (!flowId && !templateId) return undefined;
  const description = p.Description !== undefined ? ctx.template('Description') : undefined;
  return {
    name: ctx.template('Name'),
    ...(description !== undefined && { description }),
    ...(flowId && { contactFlowId: idFromIdOrArn(flowId) }),
    ...(templateId && { taskTemplateId: idFromIdOrArn(templateId) }),
    attributes: resolveMap(p.Attributes, ctx.state),
    references: refs,
    ...(delaySeconds !== undefined && { delaySeconds }),
    ...(scheduledTimeEpochSeconds !== undefined && { scheduledTimeEpochSeconds }),
    linkedContactId: ctx.state.contact.ContactId,
  };
}

const resultError = (): Step => ({ kind: 'error', error: ERR });

export const routingActions = defineActions([
  {
    type: 'UpdateContactTargetQueue',
    flowTypes: [...INBOUND, ...TRANSFER],
    run(ctx) {
      const target = queueTarget(ctx);
      if (!target) return { kind: 'error', error: ERR };
      return { kind: 'request', request: { type: 'ResolveQueue', target } };
    },
    resume(ctx, _wait, event) {
      if (event.type !== 'result' || !event.result.ok)
        return event.type === 'result' && !event.result.ok
          ? { kind: 'error', error: event.result.error || ERR }
          : resultError();
      const queue = queueFrom(event.result.data);
      if (!queue) return resultError();
      const target = queueTarget(ctx);
      ctx.state.contact.TargetQueue = target ?? { queueId: queue.Id };
      ctx.state.contact.Queue = queue;
      return { kind: 'success' };
    },
  },
  {
    type: 'TransferContactToQueue',
    flowTypes: [...INBOUND, ...TRANSFER],
    errors: ['QueueAtCapacity'],
    terminal: true,
    run(ctx) {
      const queue = ctx.state.contact.Queue;
      if (!ctx.state.contact.TargetQueue || !queue) return { kind: 'error', error: ERR };
      const hook = ctx.state.contact.EventHooks.CustomerQueue;
      return {
        kind: 'request',
        request: { type: 'Enqueue', queue, ...(hook && { customerQueueFlowId: hook }) },
      };
    },
    resume(ctx, _wait, event) {
      if (event.type !== 'result') return resultError();
      if (!event.result.ok) return { kind: 'error', error: event.result.error || ERR };
      const queue = queueFrom(event.result.data) ?? ctx.state.contact.Queue;
      if (!queue) return resultError();
      return { kind: 'end', outcome: { type: 'queued', actionId: ctx.action.id, queue } };
    },
  },
  {
    type: 'DequeueContactAndTransferToQueue',
    flowTypes: QUEUE,
    errors: ['QueueAtCapacity'],
    terminal: true,
    run(ctx) {
      const target = queueTarget(ctx);
      if (!target) return { kind: 'error', error: ERR };
      return { kind: 'request', request: { type: 'DequeueToQueue', target } };
    },
    resume(ctx, _wait, event) {
      if (event.type !== 'result') return resultError();
      if (!event.result.ok) return { kind: 'error', error: event.result.error || ERR };
      const queue = queueFrom(event.result.data);
      if (!queue) return resultError();
      return { kind: 'end', outcome: { type: 'dequeued', actionId: ctx.action.id, queue } };
    },
  },
  {
    type: 'TransferContactToAgent',
    flowTypes: TRANSFER,
    channels: NOT_CHAT_TASK_EMAIL(),
    terminal: true,
    run: (ctx) => ({ kind: 'end', outcome: { type: 'transferToAgent', actionId: ctx.action.id } }),
  },
  {
    type: 'CreateCallbackContact',
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER],
    run(ctx) {
      const p = ctx.action.parameters;
      const target = queueTarget(ctx) ?? ctx.state.contact.TargetQueue;
      const queue = ctx.state.contact.Queue;
      if (!target && !queue) return { kind: 'error', error: ERR };
      const num = (k: string) => asNumber(ctx.single(k));
      const callbackNumber = ctx.state.contact.CallbackNumber ?? ctx.state.contact.CustomerEndpoint?.Address;
      const initial = num('InitialCallDelaySeconds');
      const attempts = num('MaximumConnectionAttempts');
      const retry = num('RetryDelaySeconds');
      const flowId = ctx.single('ContactFlowId');
      const callerId = p.CallerId !== undefined ? ctx.resolve(p.CallerId) : undefined;
      return {
        kind: 'request',
        request: {
          type: 'CreateCallback',
          callback: {
            target: target ?? {},
            ...(queue && { queue }),
            ...(callbackNumber && { callbackNumber }),
            ...(initial !== undefined && { initialCallDelaySeconds: initial }),
            ...(attempts !== undefined && { maximumConnectionAttempts: attempts }),
            ...(retry !== undefined && { retryDelaySeconds: retry }),
            ...(flowId && { contactFlowId: idFromIdOrArn(flowId) }),
            ...(callerId && { callerId }),
          },
        },
      };
    },
    resume: (_ctx, _wait, event) =>
      event.type === 'result' && event.result.ok ? { kind: 'success' } : resultError(),
  },
  {
    type: 'CreateTask',
    run(ctx) {
      const task = createTaskRequest(ctx);
      if (!task) return { kind: 'error', error: ERR };
      return { kind: 'request', request: { type: 'CreateTask', task } };
    },
    resume(ctx, _wait, event) {
      if (event.type !== 'result' || !event.result.ok) return resultError();
      const id = event.result.data?.contactId;
      if (typeof id === 'string') ctx.state.frame.taskContactId = id;
      return { kind: 'success' };
    },
  },
]);
