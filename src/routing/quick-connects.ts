import { z } from 'zod';
import {
  E164,
  IdOrArn,
  MaxResults,
  Tags,
  duplicate,
  idFromIdOrArn,
  invalidParameter,
  limitExceeded,
  listPage,
  notFound,
  resourceArn,
  validate,
  type ListResult,
} from '../core/index.js';
import type {
  QuickConnect,
  QuickConnectConfig,
  QuickConnectType,
  Repositories,
} from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';

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
  NextToken: z.string().optional(),
  MaxResults: MaxResults(1000).optional(),
});

export type CreateQuickConnectInput = z.input<typeof CreateInput>;
export type QuickConnectSummary = {
  Id: string;
  Arn: string;
  Name: string;
  QuickConnectType: QuickConnectType;
  LastModifiedTime: number;
};

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

async function requireQuickConnect(
  repos: Repositories,
  instanceId: string,
  idOrArn: string,
): Promise<QuickConnect> {
  const id = idFromIdOrArn(idOrArn);
  const qc = await repos.quickConnects.get(instanceId, id);
  if (!qc) throw notFound('Quick connect', id, 'QuickConnectId');
  return qc;
}

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
      const queueId = idFromIdOrArn(c.QueueConfig.QueueId);
      const queue = await repos.queues.get(instanceId, queueId);
      if (!queue) throw notFound('Queue', queueId, 'QueueId');
      if (queue.QueueType !== 'STANDARD')
        throw invalidParameter(
          'QuickConnectConfig.QueueConfig.QueueId',
          `queue ${queueId} is an agent queue; use a USER quick connect`,
        );
      const flowId = await requireFlow(repos, instanceId, c.QueueConfig.ContactFlowId, type);
      return { QuickConnectType: type, QueueConfig: { QueueId: queueId, ContactFlowId: flowId } };
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

  /** Loads the quick connect, applies `change`, stamps and saves it: the shape of every update operation. */
  const modify = (
    instanceId: string,
    quickConnectId: string,
    change: (qc: QuickConnect, repos: Repositories) => Promise<QuickConnect>,
  ) =>
    store.transaction(async (repos) => {
      await requireInstance(repos, instanceId);
      const current = await requireQuickConnect(repos, instanceId, quickConnectId);
      const next = { ...(await change(current, repos)), LastModifiedTime: clock.now() };
      await repos.quickConnects.update(next);
      return next;
    });

  return {
    async create(instanceId: string, input: CreateQuickConnectInput): Promise<QuickConnect> {
      const req = validate(CreateInput, input);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        if (await repos.quickConnects.findByName(instanceId, req.Name))
          throw duplicate('Quick connect', req.Name);
        if ((await repos.quickConnects.count(instanceId)) >= limits.quickConnectsPerInstance)
          throw limitExceeded(
            `an instance may have at most ${limits.quickConnectsPerInstance} quick connects`,
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

    async describe(instanceId: string, quickConnectId: string): Promise<QuickConnect> {
      validate(IdOrArn, quickConnectId);
      await requireInstance(store.repos, instanceId);
      return requireQuickConnect(store.repos, instanceId, quickConnectId);
    },

    async list(
      instanceId: string,
      input: z.input<typeof ListInput> = {},
    ): Promise<ListResult<QuickConnectSummary>> {
      const req = validate(ListInput, input);
      await requireInstance(store.repos, instanceId);
      const types = req.QuickConnectTypes?.length ? [...new Set(req.QuickConnectTypes)].sort() : undefined;
      return listPage(`quick-connects:${instanceId}:${(types ?? []).join(',')}`, req, 100, async (page) =>
        (await store.repos.quickConnects.list(instanceId, page, types)).map(quickConnectSummary),
      );
    },

    /** Replaces the config; the type may change. Queue associations are kept. */
    async updateConfig(
      instanceId: string,
      quickConnectId: string,
      input: { QuickConnectConfig: unknown },
    ): Promise<QuickConnect> {
      const req = validate(z.object({ QuickConnectConfig: Config }), input);
      return modify(instanceId, quickConnectId, async (qc, repos) => ({
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
      return modify(instanceId, quickConnectId, async ({ Description: old, ...qc }, repos) => {
        if (
          req.Name !== undefined &&
          req.Name !== qc.Name &&
          (await repos.quickConnects.findByName(instanceId, req.Name))
        )
          throw duplicate('Quick connect', req.Name);
        const description = req.Description ?? old;
        return {
          ...qc,
          ...(req.Name !== undefined && { Name: req.Name }),
          ...(description !== undefined && description !== '' && { Description: description }),
        };
      });
    },

    /** Removes the quick connect from the queues it was associated with. */
    async delete(instanceId: string, quickConnectId: string): Promise<void> {
      await store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        const qc = await requireQuickConnect(repos, instanceId, quickConnectId);
        await repos.quickConnects.delete(instanceId, qc.QuickConnectId);
      });
    },
  };
}
export type QuickConnectService = ReturnType<typeof quickConnectService>;
