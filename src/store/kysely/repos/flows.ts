import type { Kysely } from 'kysely';
import { resourceArn, type ArnContext } from '../../../core/index.js';
import type { Flow, FlowRepo, FlowSummary, FlowUser } from '../../ports/index.js';
import type { Database, FlowsTable } from '../schema.js';
import { ResourceTable, compact, json } from '../table.js';

const MODULE = 'MODULE';

const toRow = (f: Flow): FlowsTable => ({
  id: f.Id,
  instance_id: f.InstanceId,
  name: f.Name,
  type: f.Type,
  description: f.Description ?? null,
  content: f.Content,
  content_sha256: f.FlowContentSha256,
  saved_content: f.SavedContent ?? null,
  saved_content_sha256: f.SavedContentSha256 ?? null,
  status: f.Status,
  state: f.State,
  version: f.Version,
  tags_json: json.write(f.Tags),
  last_modified_time: f.LastModifiedTime,
});

type SummaryRow = Pick<FlowsTable, 'id' | 'instance_id' | 'name' | 'type' | 'status' | 'state'>;
const SUMMARY_COLUMNS = ['id', 'instance_id', 'name', 'type', 'status', 'state'] as const;

export function createFlowRepo(db: Kysely<Database>, arns: ArnContext): FlowRepo {
  const summaryOf = (r: SummaryRow): FlowSummary => ({
    InstanceId: r.instance_id,
    Id: r.id,
    Arn: resourceArn(arns, r.instance_id, r.type === MODULE ? 'flow-module' : 'contact-flow', r.id),
    Name: r.name,
    Type: r.type as Flow['Type'],
    Status: r.status as Flow['Status'],
    State: r.state as Flow['State'],
  });
  // Content columns are copied as they are (no trimming, no normalisation): the byte-for-byte rule.
  const fromRow = (r: FlowsTable): Flow =>
    compact({
      ...summaryOf(r),
      Description: r.description ?? undefined,
      Content: r.content,
      FlowContentSha256: r.content_sha256,
      SavedContent: r.saved_content ?? undefined,
      SavedContentSha256: r.saved_content_sha256 ?? undefined,
      Version: Number(r.version),
      Tags: json.read(r.tags_json, {}),
      LastModifiedTime: Number(r.last_modified_time),
    });
  const table = new ResourceTable(
    db,
    'flows',
    { toRow, fromRow },
    'name',
    (f) => `a flow or flow module named '${f.Name}' already exists`,
  );

  return {
    insert: (f) => table.insert(f),
    update: (f) => table.update(f),
    get: (i, id) => table.get(i, id),
    findByName: (i, name) => table.findBy(i, 'name', name),
    async list(instanceId, page, filter) {
      let q = db.selectFrom('flows').select(SUMMARY_COLUMNS).where('instance_id', '=', instanceId);
      if (filter.modules) q = q.where('type', '=', MODULE);
      else if (filter.types?.length) q = q.where('type', 'in', filter.types);
      else q = q.where('type', '<>', MODULE);
      if (filter.state) q = q.where('state', '=', filter.state);
      const rows = await q.orderBy('name').orderBy('id').offset(page.offset).limit(page.limit).execute();
      return rows.map(summaryOf);
    },
    async count(instanceId, modules) {
      const row = await db
        .selectFrom('flows')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('instance_id', '=', instanceId)
        .where('type', modules ? '=' : '<>', MODULE)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    delete: (i, id) => table.delete(i, id),
    async usedBy(instanceId, id) {
      const ids = (rows: { id: string }[], kind: FlowUser['kind']): FlowUser[] =>
        rows.map((r) => ({ kind, id: r.id }));
      const [numbers, quickConnects, templates] = await Promise.all([
        db
          .selectFrom('phone_numbers')
          .select('id')
          .where('instance_id', '=', instanceId)
          .where('contact_flow_id', '=', id)
          .orderBy('id')
          .execute(),
        db
          .selectFrom('quick_connects')
          .select('id')
          .where('instance_id', '=', instanceId)
          .where('contact_flow_id', '=', id)
          .orderBy('id')
          .execute(),
        db
          .selectFrom('task_templates')
          .select('id')
          .where('instance_id', '=', instanceId)
          .where((eb) => eb.or([eb('contact_flow_id', '=', id), eb('self_assign_flow_id', '=', id)]))
          .orderBy('id')
          .execute(),
      ]);
      return [
        ...ids(numbers, 'phone number'),
        ...ids(quickConnects, 'quick connect'),
        ...ids(templates, 'task template'),
      ];
    },
  };
}
