import { z } from 'zod';
import {
  Tags,
  invalidParameter,
  isConnectError,
  resourceArn,
  validate,
  type ListResult,
} from '../core/index.js';
import type { AgentStatus, AgentStatusRepo, AgentStatusType, Repositories } from '../store/ports/index.js';
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

const Name = z.string().min(1).max(127);
const State = z.enum(['ENABLED', 'DISABLED']);
const DisplayOrder = z.number().int().min(1).max(50);
const Type = z.enum(['ROUTABLE', 'CUSTOM', 'OFFLINE']);

const CreateInput = z.object({
  Name,
  Description: z.string().min(1).max(250).optional(),
  State,
  DisplayOrder: DisplayOrder.optional(),
  /** Not in CreateAgentStatus: named here so that asking for a built-in type is refused, not ignored. */
  Type: z
    .literal('CUSTOM', {
      error: 'only CUSTOM agent statuses can be created; ROUTABLE and OFFLINE are built in',
    })
    .optional(),
  Tags: Tags.optional(),
});
const UpdateInput = z.object({
  Name: Name.optional(),
  /** An empty Description removes it (UpdateAgentStatusDescription is 0..250). */
  Description: z.string().max(250).optional(),
  State: State.optional(),
  DisplayOrder: DisplayOrder.optional(),
  ResetOrderNumber: z.boolean().optional(),
});
const ListInput = z.object({
  AgentStatusTypes: z.array(Type).max(3).optional(),
  ...ListFields,
});

export type CreateAgentStatusInput = z.input<typeof CreateInput>;
export type UpdateAgentStatusInput = z.input<typeof UpdateInput>;
export type AgentStatusSummary = ResourceSummary & Pick<AgentStatus, 'Type'>;

/** The statuses every instance has, as Connect names them. */
export const BUILT_IN_AGENT_STATUSES: readonly { Type: Exclude<AgentStatusType, 'CUSTOM'>; Name: string }[] =
  [
    { Type: 'ROUTABLE', Name: 'Available' },
    { Type: 'OFFLINE', Name: 'Offline' },
  ];

const AGENT_STATUS = namedResource<AgentStatus, AgentStatusRepo>({
  what: 'Agent status',
  idName: 'AgentStatusId',
  repo: (repos) => repos.agentStatuses,
});

/**
 * Agent statuses: Create/Describe/List/Update (Connect has no delete: a DISABLED status stays listed), and
 * `ensureDefaults`, which gives an instance its built-in "Available" (ROUTABLE) and "Offline" (OFFLINE).
 */
export function agentStatusService(deps: ServiceDeps) {
  const { store, clock, ids, arns, limits } = deps;
  const statuses = resourceOps(deps, AGENT_STATUS);

  const newStatus = (
    instanceId: string,
    fields: Pick<AgentStatus, 'Name' | 'Type' | 'State' | 'Tags'> & Partial<AgentStatus>,
  ): AgentStatus => {
    const id = ids.next();
    return {
      ...fields,
      InstanceId: instanceId,
      AgentStatusId: id,
      AgentStatusARN: resourceArn(arns, instanceId, 'agent-status', id),
      LastModifiedTime: clock.now(),
    };
  };

  /** Creates the built-in statuses that are missing (found by type, so a renamed one is kept). */
  const ensureBuiltIns = async (repos: Repositories, instanceId: string): Promise<AgentStatus[]> => {
    const out: AgentStatus[] = [];
    for (const b of BUILT_IN_AGENT_STATUSES) {
      let s = await repos.agentStatuses.findByType(instanceId, b.Type);
      if (!s) {
        s = newStatus(instanceId, { ...b, State: 'ENABLED', Tags: {} });
        await repos.agentStatuses.insert(s);
      }
      out.push(s);
    }
    return out;
  };

  return {
    /** Idempotent; returns the built-in statuses. Two racing calls: the loser reads what the winner made. */
    async ensureDefaults(instanceId: string): Promise<AgentStatus[]> {
      const run = () =>
        store.transaction(async (repos) => {
          await requireInstance(repos, instanceId);
          return ensureBuiltIns(repos, instanceId);
        });
      try {
        return await run();
      } catch (e) {
        if (isConnectError(e) && e.code === 'DuplicateResourceException') return run();
        throw e;
      }
    },

    /** The built-in statuses are made first if missing, so their names are always theirs. */
    async create(instanceId: string, input: CreateAgentStatusInput): Promise<AgentStatus> {
      const req = validate(CreateInput, input);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        await ensureBuiltIns(repos, instanceId);
        await AGENT_STATUS.requireUnusedName(repos, instanceId, req.Name);
        requireRoom(
          'agent statuses',
          await repos.agentStatuses.count(instanceId),
          limits.agentStatusesPerInstance,
        );
        const s = newStatus(instanceId, {
          Name: req.Name,
          ...(req.Description !== undefined && { Description: req.Description }),
          Type: 'CUSTOM',
          State: req.State,
          ...(req.DisplayOrder !== undefined && { DisplayOrder: req.DisplayOrder }),
          Tags: req.Tags ?? {},
        });
        await repos.agentStatuses.insert(s);
        return s;
      });
    },

    describe: statuses.describe,

    async list(
      instanceId: string,
      input: z.input<typeof ListInput> = {},
    ): Promise<ListResult<AgentStatusSummary>> {
      return statuses.list(instanceId, ListInput, input, (req) => {
        const { types, key } = typeFilter(req.AgentStatusTypes);
        return {
          scope: `agent-statuses:${instanceId}:${key}`,
          fetch: async (page) =>
            (await store.repos.agentStatuses.list(instanceId, page, types)).map((s) => ({
              Id: s.AgentStatusId,
              Arn: s.AgentStatusARN,
              Name: s.Name,
              Type: s.Type,
              LastModifiedTime: s.LastModifiedTime,
            })),
        };
      });
    },

    async update(
      instanceId: string,
      agentStatusId: string,
      input: UpdateAgentStatusInput,
    ): Promise<AgentStatus> {
      const req = validate(UpdateInput, input);
      if (req.ResetOrderNumber === true && req.DisplayOrder !== undefined)
        throw invalidParameter(
          'ResetOrderNumber',
          'cannot reset the order number and set DisplayOrder at once',
        );
      return statuses.modify(instanceId, agentStatusId, async (current, repos) => {
        if (req.State === 'DISABLED' && current.Type !== 'CUSTOM')
          throw invalidParameter(
            'State',
            `the built-in ${current.Type} status '${current.Name}' cannot be disabled`,
          );
        const { Description: old, DisplayOrder: _o, ...rest } = current;
        const order = req.ResetOrderNumber ? undefined : (req.DisplayOrder ?? current.DisplayOrder);
        return {
          ...(await AGENT_STATUS.renamed(repos, instanceId, rest, { Name: req.Name })),
          ...descriptionMember(req.Description ?? old),
          ...(req.State !== undefined && { State: req.State }),
          ...(order !== undefined && { DisplayOrder: order }),
        };
      });
    },
  };
}
export type AgentStatusService = ReturnType<typeof agentStatusService>;
