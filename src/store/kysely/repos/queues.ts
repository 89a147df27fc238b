import type { Kysely } from 'kysely';
import { resourceArn, type ArnContext } from '../../../core/index.js';
import type { Queue, QueueRepo } from '../../ports/index.js';
import type { Database, QueuesTable } from '../schema.js';
import { ResourceTable, compact, json } from '../table.js';

const toRow = (q: Queue): QueuesTable => ({
  id: q.QueueId,
  instance_id: q.InstanceId,
  name: q.Name,
  description: q.Description ?? null,
  queue_type: q.QueueType,
  status: q.Status,
  hours_of_operation_id: q.HoursOfOperationId ?? null,
  max_contacts: q.MaxContacts ?? null,
  outbound_caller_config_json: q.OutboundCallerConfig ? json.write(q.OutboundCallerConfig) : null,
  user_id: q.UserId ?? null,
  tags_json: json.write(q.Tags),
  last_modified_time: q.LastModifiedTime,
});

export function createQueueRepo(db: Kysely<Database>, arns: ArnContext): QueueRepo {
  const fromRow = (r: QueuesTable): Queue =>
    compact({
      InstanceId: r.instance_id,
      QueueId: r.id,
      QueueArn: resourceArn(arns, r.instance_id, 'queue', r.id),
      Name: r.name,
      Description: r.description ?? undefined,
      QueueType: r.queue_type as Queue['QueueType'],
      Status: r.status as Queue['Status'],
      HoursOfOperationId: r.hours_of_operation_id ?? undefined,
      MaxContacts: r.max_contacts ?? undefined,
      OutboundCallerConfig: json.read(r.outbound_caller_config_json, undefined),
      UserId: r.user_id ?? undefined,
      Tags: json.read(r.tags_json, {}),
      LastModifiedTime: Number(r.last_modified_time),
    });
  const table = new ResourceTable(
    db,
    'queues',
    { toRow, fromRow },
    'name',
    (q) => `a queue named '${q.Name}' already exists`,
  );

  return {
    insert: (q) => table.insert(q),
    update: (q) => table.update(q),
    get: (i, id) => table.get(i, id),
    async findByName(instanceId, name) {
      const row = await db
        .selectFrom('queues')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .where('queue_type', '=', 'STANDARD')
        .where('name', '=', name)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    findAgentQueue: (i, userId) => table.findBy(i, 'user_id', userId),
    list: (i, page, types) => table.list(i, page, { queue_type: types?.length ? types : undefined }),
    async count(instanceId, type) {
      const row = await db
        .selectFrom('queues')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('instance_id', '=', instanceId)
        .where('queue_type', '=', type)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    delete: (i, id) => table.delete(i, id),
    async quickConnectIds(instanceId, queueId) {
      const rows = await db
        .selectFrom('queue_quick_connects')
        .select('quick_connect_id')
        .where('instance_id', '=', instanceId)
        .where('queue_id', '=', queueId)
        .orderBy('quick_connect_id')
        .execute();
      return rows.map((r) => r.quick_connect_id);
    },
    async addQuickConnects(instanceId, queueId, ids) {
      if (ids.length === 0) return;
      await db
        .insertInto('queue_quick_connects')
        .values(ids.map((id) => ({ instance_id: instanceId, queue_id: queueId, quick_connect_id: id })))
        .onConflict((oc) => oc.columns(['queue_id', 'quick_connect_id']).doNothing())
        .execute();
    },
    async removeQuickConnects(instanceId, queueId, ids) {
      if (ids.length === 0) return;
      await db
        .deleteFrom('queue_quick_connects')
        .where('instance_id', '=', instanceId)
        .where('queue_id', '=', queueId)
        .where('quick_connect_id', 'in', ids)
        .execute();
    },
    async usedByRoutingProfiles(instanceId, queueId) {
      const served = await db
        .selectFrom('routing_profile_queues')
        .select('routing_profile_id as id')
        .where('instance_id', '=', instanceId)
        .where('queue_id', '=', queueId)
        .union(
          db
            .selectFrom('routing_profiles')
            .select('id')
            .where('instance_id', '=', instanceId)
            .where('default_outbound_queue_id', '=', queueId),
        )
        .execute();
      return [...new Set(served.map((r) => r.id))].sort();
    },
    async usedByQuickConnects(instanceId, queueId) {
      const rows = await db
        .selectFrom('quick_connects')
        .select('id')
        .where('instance_id', '=', instanceId)
        .where('queue_id', '=', queueId)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
