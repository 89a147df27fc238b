import type { Kysely } from 'kysely';
import type { Instance, InstanceRepo } from '../../ports/index.js';
import type { Database, InstancesTable } from '../schema.js';
import { isUniqueViolation, json } from '../table.js';
import { ConnectError } from '../../../core/index.js';

const toRow = (i: Instance): InstancesTable => ({
  id: i.Id,
  arn: i.Arn,
  alias: i.InstanceAlias,
  identity_management_type: i.IdentityManagementType,
  inbound_calls_enabled: i.InboundCallsEnabled ? 1 : 0,
  outbound_calls_enabled: i.OutboundCallsEnabled ? 1 : 0,
  status: i.InstanceStatus,
  created_time: i.CreatedTime,
  attributes_json: json.write(i.Attributes),
  tags_json: json.write(i.Tags),
});

const fromRow = (r: InstancesTable): Instance => ({
  Id: r.id,
  Arn: r.arn,
  InstanceAlias: r.alias,
  IdentityManagementType: r.identity_management_type as Instance['IdentityManagementType'],
  InstanceStatus: r.status as Instance['InstanceStatus'],
  InboundCallsEnabled: r.inbound_calls_enabled === 1,
  OutboundCallsEnabled: r.outbound_calls_enabled === 1,
  CreatedTime: Number(r.created_time),
  Attributes: json.read(r.attributes_json, {}),
  Tags: json.read(r.tags_json, {}),
});

export function createInstanceRepo(db: Kysely<Database>): InstanceRepo {
  return {
    async insert(instance) {
      try {
        await db.insertInto('instances').values(toRow(instance)).execute();
      } catch (e) {
        if (isUniqueViolation(e))
          throw new ConnectError(
            'DuplicateResourceException',
            `an instance with the alias '${instance.InstanceAlias}' already exists`,
          );
        throw e;
      }
    },
    async update(instance) {
      await db.updateTable('instances').set(toRow(instance)).where('id', '=', instance.Id).execute();
    },
    async get(id) {
      const row = await db.selectFrom('instances').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async findByAlias(alias) {
      const row = await db.selectFrom('instances').selectAll().where('alias', '=', alias).executeTakeFirst();
      return row && fromRow(row);
    },
    async list(page) {
      const rows = await db
        .selectFrom('instances')
        .selectAll()
        .orderBy('created_time')
        .orderBy('id')
        .offset(page.offset)
        .limit(page.limit)
        .execute();
      return rows.map(fromRow);
    },
    async delete(id) {
      const r = await db.deleteFrom('instances').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
