import { z } from 'zod';
import {
  E164,
  IdOrArn,
  Tags,
  idFromIdOrArn,
  invalidParameter,
  notFound,
  resourceArn,
  validate,
  type ListResult,
} from '../core/index.js';
import type {
  QuickConnect,
  QuickConnectConfig,
  QuickConnectRepo,
  QuickConnectType,
  Repositories,
} from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';
import {
  ListFields,
  descriptionMember,
  namedResource,
  requireRoom,
  resourceOps,
  typeFilter,
  type ResourceSummary,
} from '../instances/resource.js';
import { requireQueue } from './queues.js';
import { channelFailures } from '../flows/lint.js';
import { readFlowDocument } from '../flows/model.js';

const Name = z.string().min(1).max(127);
const FlowId = z.string().min(1).max(500);
const Type = z.enum(['USER', 'QUEUE', 'PHONE_NUMBER', 'FLOW']);
const Config = z.object({
  QuickConnectType: Type,
  UserConfig: z.object({ UserId: IdOrArn, ContactFlowId: FlowId }).optional(),
  QueueConfig: z.object({ QueueId: IdOrArn, ContactFlowId: FlowId }).optional(),
  PhoneConfig: z.object({ PhoneNumber: E164 }).optional(),
  FlowConfig: z.object({ ContactFlowId: FlowId }).optional(),
});
type ConfigInput = z.output<typeof Config>;

const CreateInput = z.object({
  Name,
  Description: z.string().min(1).max(250).optional(),
  QuickConnectConfig: Config,
  Tags: Tags.optional(),
});
const ListInput = z.object({
  QuickConnectTypes: z.array(Type).max(4).optional(),
  ...ListFields,
});

export type CreateQuickConnectInput = z.input<typeof CreateInput>;
export type QuickConnectSummary = ResourceSummary & { QuickConnectType: QuickConnectType };

/** ListQuickConnects' (and ListQueueQuickConnects') `QuickConnectSummary`. */
export const quickConnectSummary = (qc: QuickConnect): QuickConnectSummary => ({
  Id: qc.QuickConnectId,
  Arn: qc.QuickConnectARN,
  Name: qc.Name,
  QuickConnectType: qc.QuickConnectConfig.QuickConnectType,
  LastModifiedTime: qc.LastModifiedTime,
});

/** The config member each type needs, and the flow type its ContactFlowId must have. */
const MEMBER = {
  USER: 'UserConfig',
  QUEUE: 'QueueConfig',
  PHONE_NUMBER: 'PhoneConfig',
  FLOW: 'FlowConfig',
} as const satisfies Record<QuickConnectType, keyof ConfigInput>;
const FLOW_TYPE = { USER: 'AGENT_TRANSFER', QUEUE: 'QUEUE_TRANSFER', FLOW: 'CONTACT_FLOW' } as const;

const QUICK_CONNECT = namedResource<QuickConnect, QuickConnectRepo>({
  what: 'Quick connect',
  idName: 'QuickConnectId',
  repo: (repos) => repos.quickConnects,
});

/** The flow exists and has the type the quick connect type needs; returns its id. */
async function requireFlow(
  repos: Repositories,
  instanceId: string,
  idOrArn: string,
  qcType: keyof typeof FLOW_TYPE,
): Promise<string> {
  const id = idFromIdOrArn(idOrArn);
  const found = await repos.quickConnects.flowType(instanceId, id);
  if (found === undefined) throw notFound('Flow', id, 'ContactFlowId');
  const expected = FLOW_TYPE[qcType];
  if (found !== expected)
    throw invalidParameter(
      `QuickConnectConfig.${MEMBER[qcType]}.ContactFlowId`,
      `flow ${id} is of type ${found}; a ${qcType} quick connect needs a flow of type ${expected}`,
    );
  return id;
}

/**
 * Exactly the config member matching QuickConnectType, and what it names exists: the user, the (STANDARD)
 * queue, the flow of the right type. Ids given as ARNs are kept as ids.
 */
async function checkConfig(
  repos: Repositories,
  instanceId: string,
  c: ConfigInput,
): Promise<QuickConnectConfig> {
  const type = c.QuickConnectType;
  const member = MEMBER[type];
  for (const other of Object.values(MEMBER))
    if (other !== member && c[other] !== undefined)
      throw invalidParameter(`QuickConnectConfig.${other}`, `is not allowed for QuickConnectType ${type}`);
  const missing = () =>
    invalidParameter(`QuickConnectConfig.${member}`, `is required for QuickConnectType ${type}`);
  switch (type) {
    case 'USER': {
      if (!c.UserConfig) throw missing();
      const userId = idFromIdOrArn(c.UserConfig.UserId);
      if (!(await repos.quickConnects.userExists(instanceId, userId)))
        throw notFound('User', userId, 'UserId');
      const flowId = await requireFlow(repos, instanceId, c.UserConfig.ContactFlowId, type);
      return { QuickConnectType: type, UserConfig: { UserId: userId, ContactFlowId: flowId } };
    }
    case 'QUEUE': {
      if (!c.QueueConfig) throw missing();
      const queue = await requireQueue(repos, instanceId, c.QueueConfig.QueueId);
      if (queue.QueueType !== 'STANDARD')
        throw invalidParameter(
          'QuickConnectConfig.QueueConfig.QueueId',
          `queue ${queue.QueueId} is an agent queue; use a USER quick connect`,
        );
      const flowId = await requireFlow(repos, instanceId, c.QueueConfig.ContactFlowId, type);
      return { QuickConnectType: type, QueueConfig: { QueueId: queue.QueueId, ContactFlowId: flowId } };
    }
    case 'FLOW': {
      if (!c.FlowConfig) throw missing();
      const flowId = await requireFlow(repos, instanceId, c.FlowConfig.ContactFlowId, type);
      return { QuickConnectType: type, FlowConfig: { ContactFlowId: flowId } };
    }
    case 'PHONE_NUMBER':
      if (!c.PhoneConfig) throw missing();
      return { QuickConnectType: type, PhoneConfig: { PhoneNumber: c.PhoneConfig.PhoneNumber } };
  }
}

/** Quick connects: Create/Describe/List/UpdateConfig/UpdateName/Delete. */
export function quickConnectService(deps: ServiceDeps) {
  const { store, clock, ids, arns, limits } = deps;
  const quickConnects = resourceOps(deps, QUICK_CONNECT);

  return {
    async create(instanceId: string, input: CreateQuickConnectInput): Promise<QuickConnect> {
      const req = validate(CreateInput, input);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        await QUICK_CONNECT.requireUnusedName(repos, instanceId, req.Name);
        requireRoom(
          'quick connects',
          await repos.quickConnects.count(instanceId),
          limits.quickConnectsPerInstance,
        );
        const config = await checkConfig(repos, instanceId, req.QuickConnectConfig);
        const id = ids.next();
        const qc: QuickConnect = {
          InstanceId: instanceId,
          QuickConnectId: id,
          QuickConnectARN: resourceArn(arns, instanceId, 'quick-connect', id),
          Name: req.Name,
          ...(req.Description !== undefined && { Description: req.Description }),
          QuickConnectConfig: config,
          Tags: req.Tags ?? {},
          LastModifiedTime: clock.now(),
        };
        await repos.quickConnects.insert(qc);
        return qc;
      });
    },

    describe: quickConnects.describe,

    /**
     * Rule X2's warning: the blocks of the quick connect's flow that fail on the TASK channel, in words. A task
     * transferred with this quick connect would stay with its agent. Empty when tasks can use it.
     */
    async taskWarnings(instanceId: string, quickConnectId: string): Promise<string[]> {
      const qc = await quickConnects.describe(instanceId, quickConnectId);
      const c = qc.QuickConnectConfig;
      const flowId = c.UserConfig?.ContactFlowId ?? c.QueueConfig?.ContactFlowId;
      if (!flowId) return [];
      const flow = await store.repos.flows.get(instanceId, flowId);
      const doc = flow && readFlowDocument(flow.Content).flow;
      if (!flow || !doc) return [`its flow ${flowId} cannot be read`];
      return channelFailures(doc, 'TASK').map(
        (f) =>
          `flow ${flow.Name}: block ${f.actionId} (${f.actionType}) takes its error branch on tasks, so transferring a task with this quick connect fails`,
      );
    },

    async list(
      instanceId: string,
      input: z.input<typeof ListInput> = {},
    ): Promise<ListResult<QuickConnectSummary>> {
      return quickConnects.list(instanceId, ListInput, input, (req) => {
        const { types, key } = typeFilter(req.QuickConnectTypes);
        return {
          scope: `quick-connects:${instanceId}:${key}`,
          fetch: async (page) =>
            (await store.repos.quickConnects.list(instanceId, page, types)).map(quickConnectSummary),
        };
      });
    },

    /** Replaces the config; the type may change. Queue associations are kept. */
    async updateConfig(
      instanceId: string,
      quickConnectId: string,
      input: { QuickConnectConfig: unknown },
    ): Promise<QuickConnect> {
      const req = validate(z.object({ QuickConnectConfig: Config }), input);
      return quickConnects.modify(instanceId, quickConnectId, async (qc, repos) => ({
        ...qc,
        QuickConnectConfig: await checkConfig(repos, instanceId, req.QuickConnectConfig),
      }));
    },

    /** An empty Description removes it (UpdateQuickConnectDescription is 0..250). */
    async updateName(
      instanceId: string,
      quickConnectId: string,
      input: { Name?: unknown; Description?: unknown },
    ): Promise<QuickConnect> {
      const req = validate(
        z.object({ Name: Name.optional(), Description: z.string().max(250).optional() }),
        input,
      );
      return quickConnects.modify(instanceId, quickConnectId, async ({ Description: old, ...qc }, repos) => ({
        ...(await QUICK_CONNECT.renamed(repos, instanceId, qc, { Name: req.Name })),
        ...descriptionMember(req.Description ?? old),
      }));
    },

    /** Removes the quick connect from the queues it was associated with. */
    async delete(instanceId: string, quickConnectId: string): Promise<void> {
      await quickConnects.withItem(instanceId, quickConnectId, (qc, repos) =>
        repos.quickConnects.delete(instanceId, qc.QuickConnectId),
      );
    },
  };
}
export type QuickConnectService = ReturnType<typeof quickConnectService>;
