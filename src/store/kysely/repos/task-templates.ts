import type { Kysely } from 'kysely';
import { resourceArn, type ArnContext } from '../../../core/index.js';
import type { TaskTemplate, TaskTemplateBody, TaskTemplateRepo } from '../../ports/index.js';
import type { Database, TaskTemplatesTable } from '../schema.js';
import { ResourceTable, compact, json } from '../table.js';

const EMPTY_CONSTRAINTS = { RequiredFields: [], ReadOnlyFields: [], InvisibleFields: [] };

/** The versioned part of a template: what a task made from that version was made with. */
const bodyOf = (t: TaskTemplateBody): TaskTemplateBody =>
  compact({
    Name: t.Name,
    Description: t.Description,
    ContactFlowId: t.ContactFlowId,
    SelfAssignFlowId: t.SelfAssignFlowId,
    Constraints: t.Constraints,
    Defaults: t.Defaults,
    Fields: t.Fields,
    Status: t.Status,
  });

const toRow = (t: TaskTemplate): TaskTemplatesTable => ({
  id: t.Id,
  instance_id: t.InstanceId,
  name: t.Name,
  description: t.Description ?? null,
  contact_flow_id: t.ContactFlowId ?? null,
  self_assign_flow_id: t.SelfAssignFlowId ?? null,
  status: t.Status,
  fields_json: json.write(t.Fields),
  constraints_json: json.write(t.Constraints),
  defaults_json: json.write(t.Defaults),
  version: t.Version,
  tags_json: json.write(t.Tags),
  created_time: t.CreatedTime,
  last_modified_time: t.LastModifiedTime,
});

export function createTaskTemplateRepo(db: Kysely<Database>, arns: ArnContext): TaskTemplateRepo {
  const fromRow = (r: TaskTemplatesTable): TaskTemplate => ({
    InstanceId: r.instance_id,
    Id: r.id,
    Arn: resourceArn(arns, r.instance_id, 'task-template', r.id),
    ...bodyOf({
      Name: r.name,
      ...(r.description !== null && { Description: r.description }),
      ...(r.contact_flow_id !== null && { ContactFlowId: r.contact_flow_id }),
      ...(r.self_assign_flow_id !== null && { SelfAssignFlowId: r.self_assign_flow_id }),
      Constraints: json.read(r.constraints_json, EMPTY_CONSTRAINTS),
      Defaults: json.read(r.defaults_json, { DefaultFieldValues: [] }),
      Fields: json.read(r.fields_json, []),
      Status: r.status as TaskTemplate['Status'],
    }),
    Version: Number(r.version),
    Tags: json.read(r.tags_json, {}),
    CreatedTime: Number(r.created_time),
    LastModifiedTime: Number(r.last_modified_time),
  });
  const table = new ResourceTable(
    db,
    'task_templates',
    { toRow, fromRow },
    'name',
    (t) => `a task template named '${t.Name}' already exists`,
  );

  const recordVersion = (t: TaskTemplate) =>
    db
      .insertInto('task_template_versions')
      .values({
        instance_id: t.InstanceId,
        task_template_id: t.Id,
        version: t.Version,
        body_json: json.write(bodyOf(t)),
        created_time: t.LastModifiedTime,
      })
      .execute();

  return {
    async insert(t) {
      await table.insert(t);
      await recordVersion(t);
    },
    async update(t) {
      await table.update(t);
      await recordVersion(t);
    },
    get: (i, id) => table.get(i, id),
    async getVersion(instanceId, id, version) {
      const current = await table.get(instanceId, id);
      if (!current) return undefined;
      const row = await db
        .selectFrom('task_template_versions')
        .select(['body_json', 'created_time'])
        .where('instance_id', '=', instanceId)
        .where('task_template_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        InstanceId: current.InstanceId,
        Id: current.Id,
        Arn: current.Arn,
        ...json.read<TaskTemplateBody>(row.body_json, current),
        Version: version,
        Tags: current.Tags,
        CreatedTime: current.CreatedTime,
        LastModifiedTime: Number(row.created_time),
      };
    },
    findByName: (i, name) => table.findBy(i, 'name', name),
    list: (i, page, filter = {}) => table.list(i, page, { status: filter.Status, name: filter.Name }),
    count: (i) => table.count(i),
    async delete(instanceId, id) {
      await db
        .deleteFrom('task_template_versions')
        .where('instance_id', '=', instanceId)
        .where('task_template_id', '=', id)
        .execute();
      return table.delete(instanceId, id);
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
    async usingFlow(instanceId, flowId) {
      const rows = await db
        .selectFrom('task_templates')
        .select('id')
        .where('instance_id', '=', instanceId)
        .where((eb) => eb.or([eb('contact_flow_id', '=', flowId), eb('self_assign_flow_id', '=', flowId)]))
        .orderBy('id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
