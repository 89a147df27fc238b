import { z } from 'zod';
import {
  Tags,
  MaxResults,
  IdOrArn,
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
import type { Queue, QueueRepo, QuickConnect, Repositories } from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';
import { ListFields, namedResource, requireRoom, resourceOps, type Change } from '../instances/resource.js';
import { requireHours } from './hours.js';

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
  ...ListFields,
});
const ListQuickConnectsInput = z.object({
  NextToken: z.string().optional(),
  MaxResults: MaxResults(100).optional(),
});

export type CreateQueueInput = z.input<typeof CreateInput>;

const QUEUE = namedResource<Queue, QueueRepo>({
  what: 'Queue',
  idName: 'QueueId',
  repo: (repos) => repos.queues,
});

export const requireQueue = QUEUE.require;

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
  const queues = resourceOps(deps, QUEUE);

  /** Every update operation: agent queues are refused. */
  const modify = (instanceId: string, queueId: string, change: Change<Queue>) =>
    queues.modify(instanceId, queueId, (q, repos, instance) => {
      if (q.QueueType === 'AGENT') throw invalidParameter('QueueId', 'agent queues cannot be changed');
      return change(q, repos, instance);
    });

  return {
    async create(instanceId: string, input: CreateQueueInput): Promise<Queue> {
      const req = validate(CreateInput, input);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        const hours = await requireHours(repos, instanceId, req.HoursOfOperationId);
        await QUEUE.requireUnusedName(repos, instanceId, req.Name);
        requireRoom('queues', await repos.queues.count(instanceId, 'STANDARD'), limits.queuesPerInstance);
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
          HoursOfOperationId: hours.HoursOfOperationId,
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

    describe: queues.describe,

    async list(instanceId: string, input: z.input<typeof ListInput> = {}): Promise<ListResult<Queue>> {
      return queues.list(instanceId, ListInput, input, (req) => {
        const types = req.QueueTypes?.length ? req.QueueTypes : undefined;
        return {
          scope: `queues:${instanceId}:${(types ?? []).join(',')}`,
          fetch: (page) => store.repos.queues.list(instanceId, page, types),
        };
      });
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
      return modify(instanceId, queueId, (q, repos) => QUEUE.renamed(repos, instanceId, q, req));
    },

    async updateHoursOfOperation(
      instanceId: string,
      queueId: string,
      input: { HoursOfOperationId: unknown },
    ): Promise<Queue> {
      const req = validate(z.object({ HoursOfOperationId: IdOrArn }), input);
      return modify(instanceId, queueId, async (q, repos) => {
        const hours = await requireHours(repos, instanceId, req.HoursOfOperationId);
        return { ...q, HoursOfOperationId: hours.HoursOfOperationId };
      });
    },

    async associateQuickConnects(
      instanceId: string,
      queueId: string,
      input: { QuickConnectIds: unknown },
    ): Promise<void> {
      const req = validate(z.object({ QuickConnectIds }), input);
      await queues.withItem(instanceId, queueId, async (q, repos) => {
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
      await queues.withItem(instanceId, queueId, (q, repos) =>
        repos.queues.removeQuickConnects(instanceId, q.QueueId, req.QuickConnectIds.map(idFromIdOrArn)),
      );
    },

    async listQuickConnects(
      instanceId: string,
      queueId: string,
      input: z.input<typeof ListQuickConnectsInput> = {},
    ): Promise<ListResult<QuickConnect>> {
      const req = validate(ListQuickConnectsInput, input);
      const q = await queues.read(instanceId, queueId);
      return listPage(`queue-qc:${q.QueueId}`, req, 100, (page) =>
        store.repos.quickConnects.listForQueues(instanceId, [q.QueueId], page),
      );
    },

    async delete(instanceId: string, queueId: string): Promise<void> {
      await queues.withItem(instanceId, queueId, async (q, repos) => {
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
