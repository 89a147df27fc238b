import type { Kysely } from 'kysely';
import type { HoursOfOperation, HoursOfOperationRepo } from '../../ports/index.js';
import type { Database, HoursOfOperationsTable } from '../schema.js';
import { ResourceTable, compact, json } from '../table.js';
import { resourceArn, type ArnContext } from '../../../core/index.js';

const toRow = (h: HoursOfOperation): HoursOfOperationsTable => ({
  id: h.HoursOfOperationId,
  instance_id: h.InstanceId,
  name: h.Name,
  description: h.Description ?? null,
  time_zone: h.TimeZone,
  config_json: json.write(h.Config),
  tags_json: json.write(h.Tags),
  last_modified_time: h.LastModifiedTime,
});

const fromRow = (r: HoursOfOperationsTable): HoursOfOperation =>
  compact({
    InstanceId: r.instance_id,
    HoursOfOperationId: r.id,
    HoursOfOperationArn: '',
    Name: r.name,
    Description: r.description ?? undefined,
    TimeZone: r.time_zone,
    Config: json.read(r.config_json, []),
    Tags: json.read(r.tags_json, {}),
    LastModifiedTime: Number(r.last_modified_time),
  });

export function createHoursRepo(db: Kysely<Database>, arns: ArnContext): HoursOfOperationRepo {
  const table = new ResourceTable(
    db,
    'hours_of_operations',
    {
      toRow,
      fromRow: (r) => ({
        ...fromRow(r),
        HoursOfOperationArn: resourceArn(arns, r.instance_id, 'hours-of-operation', r.id),
      }),
    },
    'name',
    (h) => `hours of operation named '${h.Name}' already exist`,
  );
  return {
    insert: (h) => table.insert(h),
    update: (h) => table.update(h),
    get: (i, id) => table.get(i, id),
    findByName: (i, name) => table.findBy(i, 'name', name),
    list: (i, page) => table.list(i, page),
    count: (i) => table.count(i),
    delete: (i, id) => table.delete(i, id),
    async usedByQueues(instanceId, id) {
      const rows = await db
        .selectFrom('queues')
        .select('id')
        .where('instance_id', '=', instanceId)
        .where('hours_of_operation_id', '=', id)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
