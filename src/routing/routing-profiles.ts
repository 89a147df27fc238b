import { z } from 'zod';
import {
  IdOrArn,
  Tags,
  inUse,
  invalidParameter,
  limitExceeded,
  listPage,
  resourceArn,
  validate,
  type ListResult,
} from '../core/index.js';
import type {
  Queue,
  Repositories,
  RoutingProfile,
  RoutingProfileQueueConfig,
  RoutingProfileQueueConfigSummary,
  RoutingProfileRepo,
} from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';
import { namedResource, requireRoom, resourceOps, type ResourceSummary } from '../instances/resource.js';
import { requireQueue } from './queues.js';
import {
  AgentAvailabilityTimer,
  Description,
  ListInput,
  ListQueuesInput,
  ManualAssignment,
  Name,
  QueueConfigs,
  QueueReferences,
  mediaConcurrencies,
  pairKey,
  pairText,
  requireAssociated,
  uniquePairs,
} from './routing-profile-input.js';

export type RoutingProfileSummary = ResourceSummary;

/** Updates return the profile read back: its association counts are derived on reading. */
const ROUTING_PROFILE = namedResource<RoutingProfile, RoutingProfileRepo>({
  what: 'Routing profile',
  idName: 'RoutingProfileId',
  repo: (repos) => repos.routingProfiles,
  readBack: true,
});

export const requireRoutingProfile = ROUTING_PROFILE.require;

/** A queue a routing profile may serve or call out from: it exists and is STANDARD. */
async function requireStandardQueue(
  repos: Repositories,
  instanceId: string,
  idOrArn: string,
  field: string,
): Promise<Queue> {
  const q = await requireQueue(repos, instanceId, idOrArn);
  if (q.QueueType !== 'STANDARD')
    throw invalidParameter(
      field,
      `queue ${q.QueueId} is an agent queue; routing profiles use STANDARD queues`,
    );
  return q;
}

/** Queue configs of a request (rule S3), checked against the queues and the pairs the profile already has. */
async function resolveQueueConfigs(
  repos: Repositories,
  instanceId: string,
  configs: z.output<typeof QueueConfigs>,
  existing: RoutingProfileQueueConfig[],
): Promise<RoutingProfileQueueConfig[]> {
  const associated = new Set(existing.map(pairKey));
  const pairs = uniquePairs(configs, 'QueueConfigs');
  const out: RoutingProfileQueueConfig[] = [];
  for (const [i, c] of pairs.entries()) {
    await requireStandardQueue(repos, instanceId, c.QueueId, `QueueConfigs[${i}].QueueReference.QueueId`);
    if (associated.has(pairKey(c)))
      throw invalidParameter(`QueueConfigs[${i}]`, `${pairText(c)} is already in the routing profile`);
    out.push({ QueueId: c.QueueId, Channel: c.Channel, Priority: c.Priority, Delay: c.Delay });
  }
  return out;
}

/**
 * Routing profiles: Create/Describe/List/Delete, their queue configs (Associate/Disassociate/List/Update) and
 * the Update* operations. A queue config for a channel that is not in MediaConcurrencies is accepted, as
 * Connect accepts it: routing offers nothing on a channel the profile does not handle.
 */
export function routingProfileService(deps: ServiceDeps) {
  const { store, clock, ids, arns, limits } = deps;
  const MediaConcurrencies = mediaConcurrencies(limits);
  const CreateInput = z.object({
    Name,
    Description,
    DefaultOutboundQueueId: IdOrArn,
    QueueConfigs: QueueConfigs.optional(),
    ManualAssignmentQueueConfigs: ManualAssignment,
    MediaConcurrencies,
    AgentAvailabilityTimer: AgentAvailabilityTimer.optional(),
    Tags: Tags.optional(),
  });
  const pairQuota = (n: number) => {
    if (n > limits.queueConfigsPerRoutingProfile)
      throw limitExceeded(
        `a routing profile may have at most ${limits.queueConfigsPerRoutingProfile} queue-channel pairs`,
      );
  };

  const profiles = resourceOps(deps, ROUTING_PROFILE);

  return {
    async create(instanceId: string, input: z.input<typeof CreateInput>): Promise<RoutingProfile> {
      const req = validate(CreateInput, input);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        await ROUTING_PROFILE.requireUnusedName(repos, instanceId, req.Name);
        requireRoom(
          'routing profiles',
          await repos.routingProfiles.count(instanceId),
          limits.routingProfilesPerInstance,
        );
        const outbound = await requireStandardQueue(
          repos,
          instanceId,
          req.DefaultOutboundQueueId,
          'DefaultOutboundQueueId',
        );
        const configs = req.QueueConfigs
          ? await resolveQueueConfigs(repos, instanceId, req.QueueConfigs, [])
          : [];
        pairQuota(configs.length);
        const id = ids.next();
        await repos.routingProfiles.insert({
          InstanceId: instanceId,
          RoutingProfileId: id,
          RoutingProfileArn: resourceArn(arns, instanceId, 'routing-profile', id),
          Name: req.Name,
          Description: req.Description,
          MediaConcurrencies: req.MediaConcurrencies,
          DefaultOutboundQueueId: outbound.QueueId,
          ...(req.AgentAvailabilityTimer !== undefined && {
            AgentAvailabilityTimer: req.AgentAvailabilityTimer,
          }),
          IsDefault: false,
          Tags: req.Tags ?? {},
          LastModifiedTime: clock.now(),
        });
        await repos.routingProfiles.addQueueConfigs(instanceId, id, configs);
        return requireRoutingProfile(repos, instanceId, id);
      });
    },

    describe: profiles.describe,

    async list(
      instanceId: string,
      input: z.input<typeof ListInput> = {},
    ): Promise<ListResult<RoutingProfileSummary>> {
      return profiles.list(instanceId, ListInput, input, () => ({
        scope: `routing-profiles:${instanceId}`,
        fetch: async (page) =>
          (await store.repos.routingProfiles.list(instanceId, page)).map((rp) => ({
            Id: rp.RoutingProfileId,
            Arn: rp.RoutingProfileArn,
            Name: rp.Name,
            LastModifiedTime: rp.LastModifiedTime,
          })),
      }));
    },

    async associateQueues(
      instanceId: string,
      routingProfileId: string,
      input: { QueueConfigs?: unknown; ManualAssignmentQueueConfigs?: unknown },
    ): Promise<void> {
      const req = validate(z.object({ QueueConfigs, ManualAssignmentQueueConfigs: ManualAssignment }), input);
      await profiles.modify(instanceId, routingProfileId, async (rp, repos) => {
        const existing = await repos.routingProfiles.queueConfigs(instanceId, rp.RoutingProfileId);
        const added = await resolveQueueConfigs(repos, instanceId, req.QueueConfigs, existing);
        pairQuota(existing.length + added.length);
        await repos.routingProfiles.addQueueConfigs(instanceId, rp.RoutingProfileId, added);
        return rp;
      });
    },

    async disassociateQueues(
      instanceId: string,
      routingProfileId: string,
      input: { QueueReferences?: unknown; ManualAssignmentQueueReferences?: unknown },
    ): Promise<void> {
      const req = validate(
        z.object({ QueueReferences, ManualAssignmentQueueReferences: ManualAssignment }),
        input,
      );
      await profiles.modify(instanceId, routingProfileId, async (rp, repos) => {
        const existing = await repos.routingProfiles.queueConfigs(instanceId, rp.RoutingProfileId);
        const refs = uniquePairs(
          req.QueueReferences.map((r) => ({ QueueReference: r })),
          'QueueReferences',
        );
        await repos.routingProfiles.removeQueueConfigs(
          instanceId,
          rp.RoutingProfileId,
          requireAssociated(refs, existing, 'QueueReferences'),
        );
        return rp;
      });
    },

    async listQueues(
      instanceId: string,
      routingProfileId: string,
      input: z.input<typeof ListQueuesInput> = {},
    ): Promise<ListResult<RoutingProfileQueueConfigSummary>> {
      const req = validate(ListQueuesInput, input);
      const rp = await profiles.read(instanceId, routingProfileId);
      return listPage(`routing-profile-queues:${rp.RoutingProfileId}`, req, 100, (page) =>
        store.repos.routingProfiles.listQueueConfigs(instanceId, rp.RoutingProfileId, page),
      );
    },

    /** Changes Priority and Delay of pairs already in the profile. */
    async updateQueues(
      instanceId: string,
      routingProfileId: string,
      input: { QueueConfigs: unknown },
    ): Promise<void> {
      const req = validate(z.object({ QueueConfigs }), input);
      await profiles.modify(instanceId, routingProfileId, async (rp, repos) => {
        const existing = await repos.routingProfiles.queueConfigs(instanceId, rp.RoutingProfileId);
        const pairs = requireAssociated(
          uniquePairs(req.QueueConfigs, 'QueueConfigs'),
          existing,
          'QueueConfigs',
        );
        await repos.routingProfiles.updateQueueConfigs(
          instanceId,
          rp.RoutingProfileId,
          pairs.map((p) => ({
            QueueId: p.QueueId,
            Channel: p.Channel,
            Priority: p.Priority,
            Delay: p.Delay,
          })),
        );
        return rp;
      });
    },

    /** The listed channels become the profile's channels: a channel left out is no longer handled. */
    async updateConcurrency(
      instanceId: string,
      routingProfileId: string,
      input: { MediaConcurrencies: unknown },
    ): Promise<RoutingProfile> {
      const req = validate(z.object({ MediaConcurrencies }), input);
      return profiles.modify(instanceId, routingProfileId, (rp) => ({
        ...rp,
        MediaConcurrencies: req.MediaConcurrencies,
      }));
    },

    async updateName(
      instanceId: string,
      routingProfileId: string,
      input: { Name?: unknown; Description?: unknown },
    ): Promise<RoutingProfile> {
      const req = validate(z.object({ Name: Name.optional(), Description: Description.optional() }), input);
      return profiles.modify(instanceId, routingProfileId, (rp, repos) =>
        ROUTING_PROFILE.renamed(repos, instanceId, rp, req),
      );
    },

    async updateDefaultOutboundQueue(
      instanceId: string,
      routingProfileId: string,
      input: { DefaultOutboundQueueId: unknown },
    ): Promise<RoutingProfile> {
      const req = validate(z.object({ DefaultOutboundQueueId: IdOrArn }), input);
      return profiles.modify(instanceId, routingProfileId, async (rp, repos) => {
        const q = await requireStandardQueue(
          repos,
          instanceId,
          req.DefaultOutboundQueueId,
          'DefaultOutboundQueueId',
        );
        return { ...rp, DefaultOutboundQueueId: q.QueueId };
      });
    },

    async updateAgentAvailabilityTimer(
      instanceId: string,
      routingProfileId: string,
      input: { AgentAvailabilityTimer: unknown },
    ): Promise<RoutingProfile> {
      const req = validate(z.object({ AgentAvailabilityTimer }), input);
      return profiles.modify(instanceId, routingProfileId, (rp) => ({
        ...rp,
        AgentAvailabilityTimer: req.AgentAvailabilityTimer,
      }));
    },

    async delete(instanceId: string, routingProfileId: string): Promise<void> {
      await profiles.withItem(instanceId, routingProfileId, async (rp, repos) => {
        if (rp.IsDefault)
          throw invalidParameter('RoutingProfileId', 'the default routing profile cannot be deleted');
        const users = await repos.routingProfiles.usedByUsers(instanceId, rp.RoutingProfileId, 5);
        if (users.length > 0) {
          const more =
            rp.NumberOfAssociatedUsers > users.length
              ? ` and ${rp.NumberOfAssociatedUsers - users.length} more`
              : '';
          throw inUse('Routing profile', rp.RoutingProfileId, `user ${users.join(', ')}${more}`);
        }
        await repos.routingProfiles.delete(instanceId, rp.RoutingProfileId);
      });
    },
  };
}
export type RoutingProfileService = ReturnType<typeof routingProfileService>;
