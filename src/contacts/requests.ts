/**
 * How the engine answers what a flow asks (FlowRequest, flows/runtime/protocol.ts) inside a command: queues,
 * hours, metrics, tasks, flows. Lambda calls are not answered here: they run outside the loop (flow-host.ts).
 */
import { ConnectError, idFromIdOrArn } from '../core/index.js';
import type {
  CreateTaskRequest,
  FlowRequest,
  QueueTarget,
  RequestResult,
} from '../flows/runtime/protocol.js';
import type { QueueInfo } from '../flows/runtime/state.js';
import { ERR } from '../flows/runtime/spec.js';
import { hoursOpenAt } from '../routing/open-hours.js';
import type { RoutingChannel } from '../routing/decide.js';
import { createTask } from '../tasks/start-task.js';
import type { Contact, Queue } from '../store/ports/index.js';
import { appendEvent, track, type Tx } from './live.js';
import { metricValue, metricsObject, queueMetrics } from './metrics.js';

const fail = (message: string, error = ERR): RequestResult => ({ ok: false, error, message });

export const queueInfo = (q: Queue): QueueInfo => ({ Id: q.QueueId, Name: q.Name, ARN: q.QueueArn });

/** The queue a block names: a queue (id or ARN) or an agent (their agent queue). */
export async function resolveQueue(tx: Tx, target: QueueTarget): Promise<Queue | undefined> {
  const { repos, live } = tx;
  if (target.queueId) return repos.queues.get(live.instanceId, idFromIdOrArn(target.queueId));
  if (target.agentId) return repos.queues.findAgentQueue(live.instanceId, idFromIdOrArn(target.agentId));
  return undefined;
}

async function queueOf(tx: Tx, target?: QueueTarget, queue?: QueueInfo): Promise<Queue | undefined> {
  if (target && (target.queueId || target.agentId)) return resolveQueue(tx, target);
  return queue ? tx.repos.queues.get(tx.live.instanceId, idFromIdOrArn(queue.Id)) : undefined;
}

/** Whether the contact may enter the queue now: enabled, and below its maximum of contacts (QueueAtCapacity). */
export function admits(tx: Tx, queue: Queue): RequestResult {
  if (queue.Status === 'DISABLED') return fail(`queue ${queue.Name} is disabled`);
  const depth = tx.live.inQueue.get(queue.QueueId)?.size ?? 0;
  if (queue.MaxContacts !== undefined && queue.MaxContacts > 0 && depth >= queue.MaxContacts)
    return fail(`queue ${queue.Name} holds its maximum of ${queue.MaxContacts} contacts`, 'QueueAtCapacity');
  return { ok: true, data: { queue: queueInfo(queue) } };
}

/** The Create task block: a task linked to the contact (C1), with only the attributes the block names (C2). */
async function createTaskFromFlow(tx: Tx, contact: Contact, task: CreateTaskRequest): Promise<RequestResult> {
  const { live } = tx;
  const scheduled =
    task.scheduledTimeEpochSeconds !== undefined
      ? task.scheduledTimeEpochSeconds * 1000
      : task.delaySeconds !== undefined
        ? tx.now + task.delaySeconds * 1000
        : undefined;
  try {
    const { contact: created, timers } = await createTask(
      live.deps,
      tx.repos,
      live.instanceId,
      {
        Name: task.name,
        ...(task.description !== undefined && { Description: task.description }),
        ...(task.contactFlowId && { ContactFlowId: task.contactFlowId }),
        ...(task.taskTemplateId && { TaskTemplateId: task.taskTemplateId }),
        Attributes: task.attributes,
        References: task.references as Record<string, { Type: 'URL'; Value: string }>,
        RelatedContactId: task.linkedContactId || contact.Id,
        ...(scheduled !== undefined && { ScheduledTime: scheduled }),
      },
      { initiationMethod: 'FLOW', inheritAttributes: false, activeTasks: live.counts.activeTasks },
    );
    tx.touched = true;
    track(live, created);
    tx.timersAdded.push(...timers);
    tx.publish({ type: 'contact', contact: created });
    await appendEvent(tx, contact.Id, 'TASK_CREATED', { TaskContactId: created.Id });
    if (created.State === 'INITIATED') tx.deliveries.push(created.Id);
    return { ok: true, data: { contactId: created.Id } };
  } catch (e) {
    if (e instanceof ConnectError) return fail(`${e.code}: ${e.message}`);
    throw e;
  }
}

export async function answerRequest(tx: Tx, contact: Contact, request: FlowRequest): Promise<RequestResult> {
  const { live } = tx;
  switch (request.type) {
    case 'ResolveQueue': {
      const q = await resolveQueue(tx, request.target);
      return q ? { ok: true, data: { queue: queueInfo(q) } } : fail('no such queue or agent');
    }
    case 'Enqueue': {
      const q = await tx.repos.queues.get(live.instanceId, idFromIdOrArn(request.queue.Id));
      return q ? admits(tx, q) : fail(`queue ${request.queue.Id} does not exist`);
    }
    case 'DequeueToQueue': {
      const q = await resolveQueue(tx, request.target);
      return q ? admits(tx, q) : fail('no such queue or agent');
    }
    case 'CheckHours': {
      let hoursId = request.hoursOfOperationId;
      if (!hoursId && request.queue)
        hoursId = (await queueOf(tx, undefined, request.queue))?.HoursOfOperationId;
      if (!hoursId) return fail('the queue has no hours of operation');
      const hours = await tx.repos.hours.get(live.instanceId, hoursId);
      if (!hours) return fail(`hours of operation ${hoursId} do not exist`);
      return { ok: true, value: hoursOpenAt(hours, tx.now) ? 'True' : 'False' };
    }
    case 'QueueMetric':
    case 'LoadMetrics': {
      const q = await queueOf(tx, request.target, request.queue);
      if (!q) return fail('no such queue');
      const channel =
        request.type === 'LoadMetrics' ? (request.channel as RoutingChannel | undefined) : undefined;
      const m = queueMetrics(live, q.QueueId, tx.now, channel);
      if (request.type === 'LoadMetrics') return { ok: true, data: metricsObject(m) };
      const v = metricValue(m, request.metric);
      return v === undefined ? fail(`unknown metric ${request.metric}`) : { ok: true, value: String(v) };
    }
    case 'CreateTask':
      return createTaskFromFlow(tx, contact, request.task);
    case 'CreateCallback':
      return fail('callback contacts are not supported: use a task (Create task block)');
    case 'LoadFlow': {
      const loaded = await live.flows.load(tx.repos, request.flowId);
      return loaded.ok ? { ok: true } : fail(loaded.message);
    }
    case 'InvokeLambda':
      return fail('Lambda calls are answered outside the instance loop');
  }
}
