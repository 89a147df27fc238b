import type { Kysely } from 'kysely';
import { idFromIdOrArn, instanceArn, phoneNumberArn, type ArnContext } from '../../../core/index.js';
import type { OutboundCallerConfig, PhoneNumber, PhoneNumberRepo } from '../../ports/index.js';
import type { Database, PhoneNumbersTable } from '../schema.js';
import { ResourceTable, compact, json } from '../table.js';

const toRow = (p: PhoneNumber): PhoneNumbersTable => ({
  id: p.PhoneNumberId,
  instance_id: p.InstanceId,
  phone_number: p.PhoneNumber,
  type: p.PhoneNumberType,
  country_code: p.PhoneNumberCountryCode,
  description: p.PhoneNumberDescription ?? null,
  contact_flow_id: p.ContactFlowId ?? null,
  status: p.PhoneNumberStatus.Status,
  tags_json: json.write(p.Tags),
  last_modified_time: p.LastModifiedTime,
});

export function createPhoneNumberRepo(db: Kysely<Database>, arns: ArnContext): PhoneNumberRepo {
  const fromRow = (r: PhoneNumbersTable): PhoneNumber =>
    compact({
      PhoneNumberId: r.id,
      PhoneNumberArn: phoneNumberArn(arns, r.id),
      PhoneNumber: r.phone_number,
      PhoneNumberCountryCode: r.country_code,
      PhoneNumberType: r.type as PhoneNumber['PhoneNumberType'],
      PhoneNumberDescription: r.description ?? undefined,
      TargetArn: instanceArn(arns, r.instance_id),
      InstanceId: r.instance_id,
      Tags: json.read(r.tags_json, {}),
      PhoneNumberStatus: { Status: r.status as PhoneNumber['PhoneNumberStatus']['Status'] },
      ContactFlowId: r.contact_flow_id ?? undefined,
      LastModifiedTime: Number(r.last_modified_time),
    });
  const table = new ResourceTable(
    db,
    'phone_numbers',
    { toRow, fromRow },
    'phone_number',
    (p) => `the phone number ${p.PhoneNumber} is already claimed`,
  );
  const findBy = async (column: 'id' | 'phone_number', value: string) => {
    const row = await db.selectFrom('phone_numbers').selectAll().where(column, '=', value).executeTakeFirst();
    return row && fromRow(row);
  };

  return {
    insert: (p) => table.insert(p),
    update: (p) => table.update(p),
    get: (id) => findBy('id', id),
    findByNumber: (phoneNumber) => findBy('phone_number', phoneNumber),
    async list(filter, page) {
      let q = db.selectFrom('phone_numbers').selectAll();
      if (filter.instanceId !== undefined) q = q.where('instance_id', '=', filter.instanceId);
      if (filter.types?.length) q = q.where('type', 'in', filter.types);
      if (filter.countryCodes?.length) q = q.where('country_code', 'in', filter.countryCodes);
      // A prefix is `+` and digits only (validated), so it holds no LIKE wildcard.
      if (filter.prefix) q = q.where('phone_number', 'like', `${filter.prefix}%`);
      const rows = await q
        .orderBy('phone_number')
        .orderBy('id')
        .offset(page.offset)
        .limit(page.limit)
        .execute();
      return rows.map(fromRow);
    },
    count: (i) => table.count(i),
    async delete(id) {
      const result = await db.deleteFrom('phone_numbers').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async usedByQueues(instanceId, id) {
      // The outbound caller id lives in the queue's JSON: narrow with LIKE, then read the JSON to be exact.
      const rows = await db
        .selectFrom('queues')
        .select(['id', 'outbound_caller_config_json'])
        .where('instance_id', '=', instanceId)
        .where('outbound_caller_config_json', 'like', `%${id}%`)
        .orderBy('id')
        .execute();
      return rows
        .filter((r) => {
          const number = json.read<OutboundCallerConfig>(
            r.outbound_caller_config_json,
            {},
          ).OutboundCallerIdNumberId;
          return number !== undefined && idFromIdOrArn(number) === id;
        })
        .map((r) => r.id);
    },
  };
}
