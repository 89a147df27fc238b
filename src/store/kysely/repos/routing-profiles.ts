import type { Kysely } from 'kysely';
import { ConnectError, resourceArn, type ArnContext } from '../../../core/index.js';
import type {
  AgentAvailabilityTimer,
  MediaConcurrency,
  RoutingChannel,
  RoutingProfileQueueConfig,
  RoutingProfileRecord,
  RoutingProfileRepo,
} from '../../ports/index.js';
import type { Database, RoutingProfileQueuesTable, RoutingProfilesTable } from '../schema.js';
import { ResourceTable, compact, isUniqueViolation, json } from '../table.js';

type StoredConcurrency = Omit<MediaConcurrency, 'CrossChannelBehavior'> &
  Partial<Pick<MediaConcurrency, 'CrossChannelBehavior'>>;
const CURRENT_CHANNEL_ONLY = { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } as const;

const toRow = (rp: RoutingProfileRecord): RoutingProfilesTable => ({
  id: rp.RoutingProfileId,
  instance_id: rp.InstanceId,
  name: rp.Name,
  description: rp.Description,
  default_outbound_queue_id: rp.DefaultOutboundQueueId,
  media_concurrencies_json: json.write(rp.MediaConcurrencies),
  agent_availability_timer: rp.AgentAvailabilityTimer ?? null,
  is_default: rp.IsDefault ? 1 : 0,
  tags_json: json.write(rp.Tags),
  last_modified_time: rp.LastModifiedTime,
});

const configOf = (r: RoutingProfileQueuesTable): RoutingProfileQueueConfig => ({
  QueueId: r.queue_id,
  Channel: r.channel as RoutingChannel,
  Priority: Number(r.priority),
  Delay: Number(r.delay),
});

export function createRoutingProfileRepo(db: Kysely<Database>, arns: ArnContext): RoutingProfileRepo {
  const fromRow = (r: RoutingProfilesTable): RoutingProfileRecord =>
    compact({
      InstanceId: r.instance_id,
      RoutingProfileId: r.id,
      RoutingProfileArn: resourceArn(arns, r.instance_id, 'routing-profile', r.id),
      Name: r.name,
      Description: r.description,
      // Rows written without a CrossChannelBehavior read back with Connect's default.
      MediaConcurrencies: json
        .read<StoredConcurrency[]>(r.media_concurrencies_json, [])
        .map((m) => ({ ...m, CrossChannelBehavior: m.CrossChannelBehavior ?? { ...CURRENT_CHANNEL_ONLY } })),
      DefaultOutboundQueueId: r.default_outbound_queue_id,
      AgentAvailabilityTimer: (r.agent_availability_timer ?? undefined) as AgentAvailabilityTimer | undefined,
      IsDefault: Number(r.is_default) === 1,
      Tags: json.read(r.tags_json, {}),
      LastModifiedTime: Number(r.last_modified_time),
    });
  const table = new ResourceTable(
    db,
    'routing_profiles',
    { toRow, fromRow },
    'name',
    (rp) => `a routing profile named '${rp.Name}' already exists`,
  );
  const pairs = (instanceId: string, routingProfileId: string) =>
    db
      .selectFrom('routing_profile_queues')
      .where('routing_profile_queues.instance_id', '=', instanceId)
      .where('routing_profile_queues.routing_profile_id', '=', routingProfileId);

  return {
    insert: (rp) => table.insert(rp),
    update: (rp) => table.update(rp),
    async get(instanceId, id) {
      const rp = await table.get(instanceId, id);
      if (!rp) return undefined;
      const queues = await pairs(instanceId, id).select('queue_id').distinct().orderBy('queue_id').execute();
      const users = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('instance_id', '=', instanceId)
        .where('routing_profile_id', '=', id)
        .executeTakeFirst();
      return {
        ...rp,
        NumberOfAssociatedQueues: queues.length,
        NumberOfAssociatedUsers: Number(users?.n ?? 0),
        AssociatedQueueIds: queues.map((q) => q.queue_id),
      };
    },
    findByName: (i, name) => table.findBy(i, 'name', name),
    list: (i, page) => table.list(i, page),
    count: (i) => table.count(i),
    async delete(instanceId, id) {
      await db
        .deleteFrom('routing_profile_queues')
        .where('instance_id', '=', instanceId)
        .where('routing_profile_id', '=', id)
        .execute();
      return table.delete(instanceId, id);
    },
    async queueConfigs(instanceId, routingProfileId) {
      const rows = await pairs(instanceId, routingProfileId)
        .selectAll()
        .orderBy('queue_id')
        .orderBy('channel')
        .execute();
      return rows.map(configOf);
    },
    async listQueueConfigs(instanceId, routingProfileId, page) {
      const rows = await pairs(instanceId, routingProfileId)
        .innerJoin('queues', 'queues.id', 'routing_profile_queues.queue_id')
        .selectAll('routing_profile_queues')
        .select('queues.name as queue_name')
        .orderBy('queues.name')
        .orderBy('routing_profile_queues.queue_id')
        .orderBy('routing_profile_queues.channel')
        .offset(page.offset)
        .limit(page.limit)
        .execute();
      return rows.map((r) => ({
        ...configOf(r),
        QueueArn: resourceArn(arns, instanceId, 'queue', r.queue_id),
        QueueName: r.queue_name,
      }));
    },
    async addQueueConfigs(instanceId, routingProfileId, configs) {
      if (configs.length === 0) return;
      try {
        await db
          .insertInto('routing_profile_queues')
          .values(
            configs.map((c) => ({
              instance_id: instanceId,
              routing_profile_id: routingProfileId,
              queue_id: c.QueueId,
              channel: c.Channel,
              priority: c.Priority,
              delay: c.Delay,
            })),
          )
          .execute();
      } catch (e) {
        // A racing request added one of the pairs first.
        if (isUniqueViolation(e))
          throw new ConnectError(
            'InvalidParameterException',
            'QueueConfigs: a pair is already in the routing profile',
          );
        throw e;
      }
    },
    async updateQueueConfigs(instanceId, routingProfileId, configs) {
      for (const c of configs)
        await db
          .updateTable('routing_profile_queues')
          .set({ priority: c.Priority, delay: c.Delay })
          .where('instance_id', '=', instanceId)
          .where('routing_profile_id', '=', routingProfileId)
          .where('queue_id', '=', c.QueueId)
          .where('channel', '=', c.Channel)
          .execute();
    },
    async removeQueueConfigs(instanceId, routingProfileId, refs) {
      for (const ref of refs)
        await db
          .deleteFrom('routing_profile_queues')
          .where('instance_id', '=', instanceId)
          .where('routing_profile_id', '=', routingProfileId)
          .where('queue_id', '=', ref.QueueId)
          .where('channel', '=', ref.Channel)
          .execute();
    },
    async usedByUsers(instanceId, routingProfileId, limit) {
      const rows = await db
        .selectFrom('users')
        .select('id')
        .where('instance_id', '=', instanceId)
        .where('routing_profile_id', '=', routingProfileId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
