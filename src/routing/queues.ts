import { z } from 'zod';
import {
  Tags,
  MaxResults,
  IdOrArn,
  duplicate,
  idFromIdOrArn,
  inUse,
  invalidParameter,
  limitExceeded,
  listPage,
  notFound,
  resourceArn,
  validate,
  type ListResult,
} from '../core/index.js';
import type { Queue, QuickConnect, Repositories } from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';

const Name = z.string().min(1).max(127);
const Description = z.string().min(1).max(250);
const OutboundCallerConfig = z.object({
  OutboundCallerIdName: z.string().min(1).max(255).optional(),
  OutboundCallerIdNumberId: z.string().min(1).optional(),
  OutboundFlowId: z.string().min(1).max(500).optional(),
});
const QuickConnectIds = z.array(IdOrArn).min(1).max(50);

const CreateInput = z.object({
  Name,
  Description: Description.optional(),
  OutboundCallerConfig: OutboundCallerConfig.optional(),
  HoursOfOperationId: IdOrArn,
  MaxContacts: z.number().int().min(0).optional(),
  QuickConnectIds: QuickConnectIds.optional(),
  Tags: Tags.optional(),
});
const ListInput = z.object({
  QueueTypes: z
    .array(z.enum(['STANDARD', 'AGENT']))
    .max(2)
    .optional(),
  NextToken: z.string().optional(),
  MaxResults: MaxResults(1000).optional(),
});
const ListQuickConnectsInput = z.object({
  NextToken: z.string().optional(),
  MaxResults: MaxResults(100).optional(),
});

export type CreateQueueInput = z.input<typeof CreateInput>;

export async function requireQueue(repos: Repositories, instanceId: string, idOrArn: string): Promise<Queue> {
  const id = idFromIdOrArn(idOrArn);
  const q = await repos.queues.get(instanceId, id);
  if (!q) throw notFound('Queue', id, 'QueueId');
  return q;
}

async function requireQuickConnects(
  repos: Repositories,
  instanceId: string,
  idsOrArns: string[],
): Promise<string[]> {
  const ids = [...new Set(idsOrArns.map(idFromIdOrArn))];
  for (const id of ids)
    if (!(await repos.quickConnects.get(instanceId, id)))
      throw notFound('Quick connect', id, 'QuickConnectId');
  return ids;
}

/** Queues: create, describe, list, status, capacity, name, hours, quick connects, delete. */
export function queueService(deps: ServiceDeps) {
  const { store, clock, ids, arns, limits } = deps;

  /** Loads the queue, applies `change`, stamps and saves it: the shape of every update operation. */
  const modify = (
    instanceId: string,
    queueId: string,
    change: (q: Queue, repos: Repositories) => Promise<Queue> | Queue,
  ) =>
    store.transaction(async (repos) => {
      await requireInstance(repos, instanceId);
      const current = await requireQueue(repos, instanceId, queueId);
      if (current.QueueType === 'AGENT') throw invalidParameter('QueueId', 'agent queues cannot be changed');
      const next = { ...(await change(current, repos)), LastModifiedTime: clock.now() };
      await repos.queues.update(next);
      return next;
    });

  return {
    async create(instanceId: string, input: CreateQueueInput): Promise<Queue> {
      const req = validate(CreateInput, input);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        const hoursId = idFromIdOrArn(req.HoursOfOperationId);
        if (!(await repos.hours.get(instanceId, hoursId)))
          throw notFound('Hours of operation', hoursId, 'HoursOfOperationId');
        if (await repos.queues.findByName(instanceId, req.Name)) throw duplicate('Queue', req.Name);
        if ((await repos.queues.count(instanceId, 'STANDARD')) >= limits.queuesPerInstance)
          throw limitExceeded(`an instance may have at most ${limits.queuesPerInstance} queues`);
        const qcIds = req.QuickConnectIds
          ? await requireQuickConnects(repos, instanceId, req.QuickConnectIds)
          : [];
        const id = ids.next();
        const queue: Queue = {
          InstanceId: instanceId,
          QueueId: id,
          QueueArn: resourceArn(arns, instanceId, 'queue', id),
          Name: req.Name,
          ...(req.Description !== undefined && { Description: req.Description }),
          QueueType: 'STANDARD',
          Status: 'ENABLED',
          HoursOfOperationId: hoursId,
          ...(req.MaxContacts !== undefined && { MaxContacts: req.MaxContacts }),
          ...(req.OutboundCallerConfig && { OutboundCallerConfig: req.OutboundCallerConfig }),
          Tags: req.Tags ?? {},
          LastModifiedTime: clock.now(),
        };
        await repos.queues.insert(queue);
        await repos.queues.addQuickConnects(instanceId, id, qcIds);
        return queue;
      });
    },

    async describe(instanceId: string, queueId: string): Promise<Queue> {
      validate(IdOrArn, queueId);
      await requireInstance(store.repos, instanceId);
      return requireQueue(store.repos, instanceId, queueId);
    },

    async list(instanceId: string, input: z.input<typeof ListInput> = {}): Promise<ListResult<Queue>> {
      const req = validate(ListInput, input);
      await requireInstance(store.repos, instanceId);
      const types = req.QueueTypes?.length ? req.QueueTypes : undefined;
      return listPage(`queues:${instanceId}:${(types ?? []).join(',')}`, req, 100, (page) =>
        store.repos.queues.list(instanceId, page, types),
      );
    },

    async updateStatus(instanceId: string, queueId: string, input: { Status: unknown }): Promise<Queue> {
      const { Status } = validate(z.object({ Status: z.enum(['ENABLED', 'DISABLED']) }), input);
      return modify(instanceId, queueId, (q) => ({ ...q, Status }));
    },

    async updateMaxContacts(
      instanceId: string,
      queueId: string,
      input: { MaxContacts?: unknown },
    ): Promise<Queue> {
      const { MaxContacts } = validate(z.object({ MaxContacts: z.number().int().min(0).optional() }), input);
      return modify(instanceId, queueId, ({ MaxContacts: _old, ...q }) =>
        MaxContacts === undefined ? q : { ...q, MaxContacts },
      );
    },

    async updateName(
      instanceId: string,
      queueId: string,
      input: { Name?: unknown; Description?: unknown },
    ): Promise<Queue> {
      const req = validate(z.object({ Name: Name.optional(), Description: Description.optional() }), input);
      return modify(instanceId, queueId, async (q, repos) => {
        if (
          req.Name !== undefined &&
          req.Name !== q.Name &&
          (await repos.queues.findByName(instanceId, req.Name))
        )
          throw duplicate('Queue', req.Name);
        return {
          ...q,
          ...(req.Name !== undefined && { Name: req.Name }),
          ...(req.Description !== undefined && { Description: req.Description }),
        };
      });
    },

    async updateHoursOfOperation(
      instanceId: string,
      queueId: string,
      input: { HoursOfOperationId: unknown },
    ): Promise<Queue> {
      const req = validate(z.object({ HoursOfOperationId: IdOrArn }), input);
      return modify(instanceId, queueId, async (q, repos) => {
        const hoursId = idFromIdOrArn(req.HoursOfOperationId);
        if (!(await repos.hours.get(instanceId, hoursId)))
          throw notFound('Hours of operation', hoursId, 'HoursOfOperationId');
        return { ...q, HoursOfOperationId: hoursId };
      });
    },

    async associateQuickConnects(
      instanceId: string,
      queueId: string,
      input: { QuickConnectIds: unknown },
    ): Promise<void> {
      const req = validate(z.object({ QuickConnectIds }), input);
      await store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        const q = await requireQueue(repos, instanceId, queueId);
        const qcIds = await requireQuickConnects(repos, instanceId, req.QuickConnectIds);
        const existing = new Set(await repos.queues.quickConnectIds(instanceId, q.QueueId));
        const total = new Set([...existing, ...qcIds]).size;
        if (total > limits.quickConnectsPerQueue)
          throw limitExceeded(`a queue may have at most ${limits.quickConnectsPerQueue} quick connects`);
        await repos.queues.addQuickConnects(instanceId, q.QueueId, qcIds);
      });
    },

    async disassociateQuickConnects(
      instanceId: string,
      queueId: string,
      input: { QuickConnectIds: unknown },
    ): Promise<void> {
      const req = validate(z.object({ QuickConnectIds }), input);
      await store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        const q = await requireQueue(repos, instanceId, queueId);
        await repos.queues.removeQuickConnects(instanceId, q.QueueId, req.QuickConnectIds.map(idFromIdOrArn));
      });
    },

    async listQuickConnects(
      instanceId: string,
      queueId: string,
      input: z.input<typeof ListQuickConnectsInput> = {},
    ): Promise<ListResult<QuickConnect>> {
      const req = validate(ListQuickConnectsInput, input);
      await requireInstance(store.repos, instanceId);
      const q = await requireQueue(store.repos, instanceId, queueId);
      return listPage(`queue-qc:${q.QueueId}`, req, 100, (page) =>
        store.repos.quickConnects.listForQueues(instanceId, [q.QueueId], page),
      );
    },

    async delete(instanceId: string, queueId: string): Promise<void> {
      await store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        const q = await requireQueue(repos, instanceId, queueId);
        if (q.QueueType === 'AGENT')
          throw invalidParameter('QueueId', 'agent queues are deleted with their user');
        const profiles = await repos.queues.usedByRoutingProfiles(instanceId, q.QueueId);
        if (profiles.length > 0) throw inUse('Queue', q.QueueId, `routing profile ${profiles.join(', ')}`);
        const qcs = await repos.queues.usedByQuickConnects(instanceId, q.QueueId);
        if (qcs.length > 0) throw inUse('Queue', q.QueueId, `quick connect ${qcs.join(', ')}`);
        await repos.queues.delete(instanceId, q.QueueId);
      });
    },
  };
}
export type QueueService = ReturnType<typeof queueService>;
