/**
 * StartTaskContact's meaning (and the Create task block's, and the workspace's Create task), as one function that
 * checks a request against the instance and records the new task: the contact row, its first timeline events, and
 * its timers (delivery when scheduled, expiry). Delivering the task (starting its flow) is the engine's.
 */
import { z } from 'zod';
import {
  ATTRIBUTE_KEY,
  ConnectError,
  MAX_ATTRIBUTE_BYTES,
  attributeBytes,
  IdOrArn,
  idFromIdOrArn,
  invalidParameter,
  invalidRequest,
  notFound,
  resourceArn,
  validate,
} from '../core/index.js';
import type { Contact, Repositories, Timer } from '../store/ports/index.js';
import type { ServiceDeps } from '../instances/context.js';
import { resolveTaskValues } from './task-values.js';

const REFERENCE_TYPES = ['URL', 'NUMBER', 'STRING', 'DATE', 'EMAIL'] as const;

const Reference = z.object({ Type: z.enum(REFERENCE_TYPES), Value: z.string().max(4096) });

export const StartTaskInput = z.object({
  Name: z.string().max(1024).optional(),
  Description: z.string().max(4096).optional(),
  ContactFlowId: IdOrArn.optional(),
  QuickConnectId: IdOrArn.optional(),
  TaskTemplateId: IdOrArn.optional(),
  PreviousContactId: z.string().min(1).max(256).optional(),
  RelatedContactId: z.string().min(1).max(256).optional(),
  Attributes: z
    .record(
      z.string().min(1).max(32767).regex(ATTRIBUTE_KEY, 'attribute keys use letters, digits, - and _'),
      z.string().max(32767),
    )
    .optional(),
  References: z.record(z.string().min(1).max(4096), Reference).optional(),
  /** Epoch ms (the API turns Connect's epoch seconds into ms). */
  ScheduledTime: z.number().finite().optional(),
  /** connect:ContactExpiry → ValueMap.ExpiryDuration.ValueInteger, in minutes. */
  ExpiryMinutes: z.number().int().min(1).optional(),
});
export type StartTaskInput = z.input<typeof StartTaskInput>;

export interface TaskOrigin {
  /** API for StartTaskContact; FLOW for the Create task block; TRANSFER for a transfer. */
  initiationMethod: Contact['InitiationMethod'];
  /** The agent who made it in the workspace (recorded as segment attribute connect:CreatedByUser). */
  createdByUserArn?: string;
  /**
   * Whether a RelatedContactId or PreviousContactId copies that contact's attributes (StartTaskContact: yes). The
   * Create task block passes only the attributes it names (rule C2).
   */
  inheritAttributes?: boolean;
  /** The instance's active tasks, when the caller keeps the count (the engine does); else the store counts them. */
  activeTasks?: number;
}

/**
 * Where a task made with a quick connect goes: the quick connect's flow, run with the quick connect's queue (a
 * user's: that agent's own queue) as its working queue, so that Transfer to queue there needs no queue of its own.
 */
async function targetOfQuickConnect(
  repos: Repositories,
  instanceId: string,
  idOrArn: string,
): Promise<{ flow: string; queueId?: string }> {
  const id = idFromIdOrArn(idOrArn);
  const qc = await repos.quickConnects.get(instanceId, id);
  if (!qc) throw notFound('Quick connect', id, 'QuickConnectId');
  const config = qc.QuickConnectConfig;
  const flow =
    config.UserConfig?.ContactFlowId ?? config.QueueConfig?.ContactFlowId ?? config.FlowConfig?.ContactFlowId;
  if (!flow)
    throw invalidParameter(
      'QuickConnectId',
      `quick connect ${id} is a ${config.QuickConnectType} quick connect: tasks go to a user or a queue`,
    );
  const queueId = config.UserConfig
    ? (await repos.queues.findAgentQueue(instanceId, config.UserConfig.UserId))?.QueueId
    : config.QueueConfig?.QueueId;
  return { flow, ...(queueId && { queueId }) };
}

/**
 * Checks `input` and records the task inside the caller's transaction (`repos`). Returns the contact: SCHEDULED with
 * a delivery timer when ScheduledTime is in the future, else INITIATED (the engine starts its flow at once).
 */
export async function createTask(
  deps: ServiceDeps,
  repos: Repositories,
  instanceId: string,
  raw: StartTaskInput,
  origin: TaskOrigin,
): Promise<{ contact: Contact; timers: Timer[] }> {
  const input = validate(StartTaskInput, raw);
  const { clock, ids, arns, limits } = deps;
  const now = clock.now();
  const ways = [input.ContactFlowId, input.QuickConnectId, input.TaskTemplateId].filter(
    (x) => x !== undefined,
  );
  if (ways.length > 1 && !(ways.length === 2 && input.TaskTemplateId && input.ContactFlowId))
    throw invalidRequest('give only one of ContactFlowId, QuickConnectId and TaskTemplateId');
  if (ways.length === 0) throw invalidRequest('give one of ContactFlowId, QuickConnectId and TaskTemplateId');
  if (input.PreviousContactId && input.RelatedContactId)
    throw invalidRequest('give PreviousContactId or RelatedContactId, not both');

  // The template decides the fields (T4-T7); its flow is the task's unless the request names one (Create task block).
  let template: Awaited<ReturnType<Repositories['taskTemplates']['get']>>;
  let values: ReturnType<typeof resolveTaskValues> | undefined;
  if (input.TaskTemplateId) {
    const id = idFromIdOrArn(input.TaskTemplateId);
    template = await repos.taskTemplates.get(instanceId, id);
    if (!template) throw notFound('Task template', id, 'TaskTemplateId');
    values = resolveTaskValues(template, {
      ...(input.Name !== undefined && { Name: input.Name }),
      ...(input.Description !== undefined && { Description: input.Description }),
      ...(input.ScheduledTime !== undefined && { ScheduledTime: input.ScheduledTime }),
      ...(input.QuickConnectId !== undefined && { QuickConnectId: input.QuickConnectId }),
      ...(input.References && { References: input.References }),
    });
  }
  const quickConnect = input.QuickConnectId ?? values?.QuickConnectId;
  const target =
    input.ContactFlowId === undefined && values?.ContactFlowId === undefined && quickConnect
      ? await targetOfQuickConnect(repos, instanceId, quickConnect)
      : undefined;
  const flowRef = input.ContactFlowId ?? values?.ContactFlowId ?? target?.flow;
  if (!flowRef) throw invalidRequest('the task template has no flow: give ContactFlowId or a quick connect');
  const flowId = idFromIdOrArn(flowRef);
  const flow = await repos.flows.get(instanceId, flowId);
  if (!flow || flow.Type === 'MODULE') throw notFound('Contact flow', flowId, 'ContactFlowId');

  const name = values?.Name ?? input.Name;
  if (!name) throw invalidParameter('Name', 'a task needs a name');
  const attributes = input.Attributes ?? {};
  if (attributeBytes(attributes) > MAX_ATTRIBUTE_BYTES)
    throw invalidParameter(
      'Attributes',
      `all attributes together may hold at most ${MAX_ATTRIBUTE_BYTES} bytes`,
    );

  for (const [field, id] of [
    ['PreviousContactId', input.PreviousContactId],
    ['RelatedContactId', input.RelatedContactId],
  ] as const)
    if (id && !(await repos.contacts.get(instanceId, id))) throw notFound('Contact', id, field);
  if (
    input.PreviousContactId &&
    (await repos.contacts.countWithPrevious(instanceId, input.PreviousContactId)) >=
      limits.linkedTasksPerContact
  )
    throw new ConnectError(
      'ServiceQuotaExceededException',
      `at most ${limits.linkedTasksPerContact} tasks may share one previous contact`,
      {
        ids: { PreviousContactId: input.PreviousContactId },
      },
    );
  if (
    (origin.activeTasks ?? (await repos.contacts.countActiveTasks(instanceId))) >=
    limits.activeTasksPerInstance
  )
    throw new ConnectError(
      'ServiceQuotaExceededException',
      `an instance may have at most ${limits.activeTasksPerInstance} active tasks`,
    );

  const scheduled = values?.ScheduledTime ?? input.ScheduledTime;
  if (scheduled !== undefined) {
    if (scheduled < now) throw invalidParameter('ScheduledTime', 'is in the past');
    if (scheduled > now + limits.scheduleHorizonMs)
      throw invalidParameter(
        'ScheduledTime',
        `may be at most ${Math.round(limits.scheduleHorizonMs / 86_400_000)} days ahead`,
      );
  }
  const expiryMinutes = input.ExpiryMinutes ?? values?.ExpiryDurationMinutes;
  const expiryMs = expiryMinutes !== undefined ? expiryMinutes * 60_000 : limits.taskExpiryMs;

  // Linked contacts: a RelatedContactId copies the related contact's attributes once (the request's win).
  const related = input.RelatedContactId
    ? await repos.contacts.get(instanceId, input.RelatedContactId)
    : undefined;
  const previous = input.PreviousContactId
    ? await repos.contacts.get(instanceId, input.PreviousContactId)
    : undefined;
  const id = ids.next();
  const isScheduled = scheduled !== undefined && scheduled > now;
  const description = values?.Description ?? input.Description;
  const contact: Contact = {
    InstanceId: instanceId,
    Id: id,
    Arn: resourceArn(arns, instanceId, 'contact', id),
    Channel: 'TASK',
    InitiationMethod: origin.initiationMethod,
    State: isScheduled ? 'SCHEDULED' : 'INITIATED',
    Name: name,
    ...(description !== undefined && { Description: description }),
    InitialContactId: previous?.InitialContactId ?? id,
    ...(input.PreviousContactId && { PreviousContactId: input.PreviousContactId }),
    ...(input.RelatedContactId && { RelatedContactId: input.RelatedContactId }),
    ...(target?.queueId && { QueueId: target.queueId }),
    InitiationTimestamp: now,
    ...(scheduled !== undefined && { ScheduledTimestamp: scheduled }),
    ExpiryTimestamp: now + expiryMs,
    LastUpdateTimestamp: now,
    ...(template &&
      values && { TaskTemplateId: template.Id, TaskTemplateVersion: values.TaskTemplateVersion }),
    TransferCount: 0,
    RescheduleCount: 0,
    Attributes: {
      ...(origin.inheritAttributes === false ? {} : (related?.Attributes ?? previous?.Attributes ?? {})),
      ...attributes,
    },
    References: values ? { ...(input.References ?? {}), ...values.References } : (input.References ?? {}),
    SegmentAttributes: origin.createdByUserArn
      ? { 'connect:CreatedByUser': { ValueString: origin.createdByUserArn } }
      : {},
    Tags: {},
    ContactFlowId: flowId,
  };
  await repos.contacts.insert(contact);
  await repos.contacts.appendEvent(instanceId, {
    ContactId: id,
    Timestamp: now,
    Type: 'INITIATED',
    Detail: {
      InitiationMethod: origin.initiationMethod,
      ContactFlowId: flowId,
      ...(template && { TaskTemplateId: template.Id }),
    },
  });
  const timers: Timer[] = [
    {
      Id: ids.next(),
      InstanceId: instanceId,
      Kind: 'expire',
      ContactId: id,
      DueAt: now + expiryMs,
      Data: {},
    },
  ];
  if (isScheduled) {
    await repos.contacts.appendEvent(instanceId, {
      ContactId: id,
      Timestamp: now,
      Type: 'SCHEDULED',
      Detail: { ScheduledTimestamp: scheduled },
    });
    timers.push({
      Id: ids.next(),
      InstanceId: instanceId,
      Kind: 'deliver',
      ContactId: id,
      DueAt: scheduled,
      Data: { ContactFlowId: flowId },
    });
  }
  for (const t of timers) await repos.timers.insert(t);
  return { contact, timers };
}
