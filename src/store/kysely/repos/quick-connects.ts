import type { Kysely } from 'kysely';
import { resourceArn, type ArnContext } from '../../../core/index.js';
import type { QuickConnect, QuickConnectConfig, QuickConnectRepo } from '../../ports/index.js';
import type { Database, QuickConnectsTable } from '../schema.js';
import { ResourceTable, compact, json } from '../table.js';

const toRow = (qc: QuickConnect): QuickConnectsTable => {
  const c = qc.QuickConnectConfig;
  return {
    id: qc.QuickConnectId,
    instance_id: qc.InstanceId,
    name: qc.Name,
    description: qc.Description ?? null,
    type: c.QuickConnectType,
    user_id: c.UserConfig?.UserId ?? null,
    queue_id: c.QueueConfig?.QueueId ?? null,
    contact_flow_id:
      c.UserConfig?.ContactFlowId ?? c.QueueConfig?.ContactFlowId ?? c.FlowConfig?.ContactFlowId ?? null,
    phone_number: c.PhoneConfig?.PhoneNumber ?? null,
    tags_json: json.write(qc.Tags),
    last_modified_time: qc.LastModifiedTime,
  };
};

function configOf(r: QuickConnectsTable): QuickConnectConfig {
  const flow = r.contact_flow_id ?? '';
  switch (r.type) {
    case 'USER':
      return { QuickConnectType: 'USER', UserConfig: { UserId: r.user_id ?? '', ContactFlowId: flow } };
    case 'QUEUE':
      return { QuickConnectType: 'QUEUE', QueueConfig: { QueueId: r.queue_id ?? '', ContactFlowId: flow } };
    case 'FLOW':
      return { QuickConnectType: 'FLOW', FlowConfig: { ContactFlowId: flow } };
    default:
      return { QuickConnectType: 'PHONE_NUMBER', PhoneConfig: { PhoneNumber: r.phone_number ?? '' } };
  }
}

export function createQuickConnectRepo(db: Kysely<Database>, arns: ArnContext): QuickConnectRepo {
  const fromRow = (r: QuickConnectsTable): QuickConnect =>
    compact({
      InstanceId: r.instance_id,
      QuickConnectId: r.id,
      QuickConnectARN: resourceArn(arns, r.instance_id, 'quick-connect', r.id),
      Name: r.name,
      Description: r.description ?? undefined,
      QuickConnectConfig: configOf(r),
      Tags: json.read(r.tags_json, {}),
      LastModifiedTime: Number(r.last_modified_time),
    });
  const table = new ResourceTable(
    db,
    'quick_connects',
    { toRow, fromRow },
    'name',
    (qc) => `a quick connect named '${qc.Name}' already exists`,
  );
  return {
    insert: (qc) => table.insert(qc),
    update: (qc) => table.update(qc),
    get: (i, id) => table.get(i, id),
    findByName: (i, name) => table.findBy(i, 'name', name),
    list: (i, page, types) => table.list(i, page, { type: types?.length ? types : undefined }),
    async listForQueues(instanceId, queueIds, page, types) {
      if (queueIds.length === 0) return [];
      let q = db
        .selectFrom('quick_connects')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .where(
          'id',
          'in',
          db.selectFrom('queue_quick_connects').select('quick_connect_id').where('queue_id', 'in', queueIds),
        );
      if (types?.length) q = q.where('type', 'in', types);
      const rows = await q.orderBy('name').orderBy('id').offset(page.offset).limit(page.limit).execute();
      return rows.map(fromRow);
    },
    count: (i) => table.count(i),
    async delete(instanceId, id) {
      await db
        .deleteFrom('queue_quick_connects')
        .where('instance_id', '=', instanceId)
        .where('quick_connect_id', '=', id)
        .execute();
      return table.delete(instanceId, id);
    },
    async userExists(instanceId, userId) {
      const row = await db
        .selectFrom('users')
        .select('id')
        .where('instance_id', '=', instanceId)
        .where('id', '=', userId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async flowType(instanceId, flowId) {
      const row = await db
        .selectFrom('flows')
        .select('type')
        .where('instance_id', '=', instanceId)
        .where('id', '=', flowId)
        .executeTakeFirst();
      return row?.type;
    },
  };
}
