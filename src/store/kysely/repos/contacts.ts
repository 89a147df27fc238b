import { sql, type Kysely } from 'kysely';
import { resourceArn, type ArnContext } from '../../../core/index.js';
import type { Contact, ContactEvent, ContactRepo } from '../../ports/index.js';
import type { ContactsTable, Database } from '../schema.js';
import { listChunks, compact, json } from '../table.js';
import { searchContacts } from './contact-search.js';

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
const num = (v: number | null): number | undefined => (v === null ? undefined : Number(v));
const jsonOrNull = (v: unknown): string | null => (v === undefined ? null : json.write(v));

/** A contact as its row (exported for bulk loads, e.g. bench/b6-search.ts, that must write rows as the store does). */
export const toRow = (c: Contact): ContactsTable => ({
  id: c.Id,
  instance_id: c.InstanceId,
  channel: c.Channel,
  initiation_method: c.InitiationMethod,
  state: c.State,
  name: c.Name ?? null,
  description: c.Description ?? null,
  initial_contact_id: c.InitialContactId,
  previous_contact_id: c.PreviousContactId ?? null,
  related_contact_id: c.RelatedContactId ?? null,
  contact_flow_id: c.ContactFlowId ?? null,
  queue_id: c.QueueId ?? null,
  agent_id: c.AgentId ?? null,
  initiation_ts: c.InitiationTimestamp,
  scheduled_ts: c.ScheduledTimestamp ?? null,
  enqueue_ts: c.EnqueueTimestamp ?? null,
  offered_ts: c.OfferedTimestamp ?? null,
  connected_ts: c.ConnectedToAgentTimestamp ?? null,
  acw_start_ts: c.AfterContactWorkStartTimestamp ?? null,
  acw_end_ts: c.AfterContactWorkEndTimestamp ?? null,
  disconnect_ts: c.DisconnectTimestamp ?? null,
  expiry_ts: c.ExpiryTimestamp ?? null,
  last_update_ts: c.LastUpdateTimestamp,
  queue_priority: c.QueuePriority ?? null,
  queue_time_adjustment: c.QueueTimeAdjustmentSeconds ?? null,
  disconnect_reason: c.DisconnectReason ?? null,
  task_template_id: c.TaskTemplateId ?? null,
  task_template_version: c.TaskTemplateVersion ?? null,
  transfer_count: c.TransferCount,
  reschedule_count: c.RescheduleCount,
  customer_endpoint_json: jsonOrNull(c.CustomerEndpoint),
  system_endpoint_json: jsonOrNull(c.SystemEndpoint),
  attributes_json: json.write(c.Attributes),
  references_json: json.write(c.References),
  segment_attributes_json: json.write(c.SegmentAttributes),
  tags_json: json.write(c.Tags),
  flow_state_json: jsonOrNull(c.FlowState),
  queue_flow_state_json: jsonOrNull(c.QueueFlowState),
});

/**
 * The columns an update writes: those that can change once a contact is inserted. The rest (its id and instance,
 * channel, initiation method and time, and its links to other contacts) are fixed at insert; leaving them out of the
 * SET spares the indexes made of them only (and the primary key's) from being rewritten on every change.
 */
const changeable = (row: ContactsTable) => {
  const {
    id: _id,
    instance_id: _instance,
    channel: _channel,
    initiation_method: _method,
    initiation_ts: _initiated,
    initial_contact_id: _initial,
    previous_contact_id: _previous,
    related_contact_id: _related,
    ...rest
  } = row;
  return rest;
};

export function createContactRepo(
  db: Kysely<Database>,
  arns: ArnContext,
  dialect: 'sqlite' | 'postgres',
): ContactRepo {
  const fromRow = (r: ContactsTable): Contact =>
    compact({
      InstanceId: r.instance_id,
      Id: r.id,
      Arn: resourceArn(arns, r.instance_id, 'contact', r.id),
      Channel: r.channel as Contact['Channel'],
      InitiationMethod: r.initiation_method as Contact['InitiationMethod'],
      State: r.state as Contact['State'],
      Name: opt(r.name),
      Description: opt(r.description),
      InitialContactId: r.initial_contact_id,
      PreviousContactId: opt(r.previous_contact_id),
      RelatedContactId: opt(r.related_contact_id),
      ContactFlowId: opt(r.contact_flow_id),
      QueueId: opt(r.queue_id),
      AgentId: opt(r.agent_id),
      InitiationTimestamp: Number(r.initiation_ts),
      ScheduledTimestamp: num(r.scheduled_ts),
      EnqueueTimestamp: num(r.enqueue_ts),
      OfferedTimestamp: num(r.offered_ts),
      ConnectedToAgentTimestamp: num(r.connected_ts),
      AfterContactWorkStartTimestamp: num(r.acw_start_ts),
      AfterContactWorkEndTimestamp: num(r.acw_end_ts),
      DisconnectTimestamp: num(r.disconnect_ts),
      ExpiryTimestamp: num(r.expiry_ts),
      LastUpdateTimestamp: Number(r.last_update_ts),
      QueuePriority: num(r.queue_priority),
      QueueTimeAdjustmentSeconds: num(r.queue_time_adjustment),
      DisconnectReason: opt(r.disconnect_reason),
      TaskTemplateId: opt(r.task_template_id),
      TaskTemplateVersion: num(r.task_template_version),
      TransferCount: Number(r.transfer_count),
      RescheduleCount: Number(r.reschedule_count),
      CustomerEndpoint: json.read(r.customer_endpoint_json, undefined),
      SystemEndpoint: json.read(r.system_endpoint_json, undefined),
      Attributes: json.read(r.attributes_json, {}),
      References: json.read(r.references_json, {}),
      SegmentAttributes: json.read(r.segment_attributes_json, {}),
      Tags: json.read(r.tags_json, {}),
      FlowState: json.read(r.flow_state_json, undefined),
      QueueFlowState: json.read(r.queue_flow_state_json, undefined),
    });

  const count = (q: { n: unknown } | undefined): number => Number(q?.n ?? 0);

  return {
    async insert(contact) {
      await db.insertInto('contacts').values(toRow(contact)).execute();
    },
    async update(contact) {
      await db
        .updateTable('contacts')
        .set(changeable(toRow(contact)))
        .where('instance_id', '=', contact.InstanceId)
        .where('id', '=', contact.Id)
        .execute();
    },
    async get(instanceId, id) {
      const row = await db
        .selectFrom('contacts')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async linked(instanceId, contactId) {
      const self = await db
        .selectFrom('contacts')
        .select(['related_contact_id', 'previous_contact_id', 'initial_contact_id'])
        .where('instance_id', '=', instanceId)
        .where('id', '=', contactId)
        .executeTakeFirst();
      if (!self) return [];
      const named = [self.related_contact_id, self.previous_contact_id, self.initial_contact_id].filter(
        (x): x is string => typeof x === 'string' && x !== contactId,
      );
      const rows = await db
        .selectFrom('contacts')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .where('id', '!=', contactId)
        .where((eb) =>
          eb.or([
            eb('related_contact_id', '=', contactId),
            eb('previous_contact_id', '=', contactId),
            eb('initial_contact_id', '=', contactId),
            ...(named.length > 0 ? [eb('id', 'in', named)] : []),
          ]),
        )
        .orderBy('initiation_ts')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },
    async listActive(instanceId) {
      const rows = await db
        .selectFrom('contacts')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .where('state', 'not in', ['ENDED', 'EXPIRED'])
        .orderBy('initiation_ts')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },
    async countWithPrevious(instanceId, previousContactId) {
      return count(
        await db
          .selectFrom('contacts')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('instance_id', '=', instanceId)
          .where('previous_contact_id', '=', previousContactId)
          .executeTakeFirst(),
      );
    },
    async countActiveTasks(instanceId) {
      return count(
        await db
          .selectFrom('contacts')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('instance_id', '=', instanceId)
          .where('channel', '=', 'TASK')
          .where('state', 'not in', ['ENDED', 'EXPIRED'])
          .executeTakeFirst(),
      );
    },
    appendEvent(_instanceId, event) {
      return appendTimeline(db, [event]);
    },
    appendEvents(_instanceId, events, lastSeq) {
      return appendTimeline(db, events, lastSeq);
    },
    async search(instanceId, query, page) {
      const { rows, total } = await searchContacts(db, dialect, instanceId, query, page);
      return { items: rows.map(fromRow), total };
    },
    async events(instanceId, contactId) {
      const rows = await db
        .selectFrom('contact_events')
        .innerJoin('contacts', 'contacts.id', 'contact_events.contact_id')
        .select(['contact_events.contact_id', 'seq', 'ts', 'type', 'detail_json'])
        .where('contacts.instance_id', '=', instanceId)
        .where('contact_events.contact_id', '=', contactId)
        .orderBy('seq')
        .execute();
      return rows.map((r): ContactEvent => ({
        ContactId: r.contact_id,
        Seq: Number(r.seq),
        Timestamp: Number(r.ts),
        Type: r.type,
        Detail: json.read(r.detail_json, {}),
      }));
    },
  };
}

/**
 * Appends timeline entries of any contacts, in order. The contacts' last numbers are read once and the entries
 * numbered here, then written in a few multi-row statements.
 */
async function appendTimeline(
  db: Kysely<Database>,
  events: readonly Omit<ContactEvent, 'Seq'>[],
  last = new Map<string, number>(),
): Promise<void> {
  if (events.length === 0) return;
  const unknown = [...new Set(events.map((e) => e.ContactId))].filter((id) => !last.has(id));
  for (const ids of listChunks(unknown)) {
    const rows = await db
      .selectFrom('contact_events')
      .select(['contact_id', sql<number>`max(seq)`.as('seq')])
      .where('contact_id', 'in', ids)
      .groupBy('contact_id')
      .execute();
    for (const r of rows) last.set(r.contact_id, Number(r.seq));
  }
  const rows = events.map((e) => {
    const seq = (last.get(e.ContactId) ?? 0) + 1;
    last.set(e.ContactId, seq);
    return { contact_id: e.ContactId, seq, ts: e.Timestamp, type: e.Type, detail_json: json.write(e.Detail) };
  });
  for (const chunk of listChunks(rows)) await db.insertInto('contact_events').values(chunk).execute();
}
