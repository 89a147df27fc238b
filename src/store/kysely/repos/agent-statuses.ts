import type { Kysely } from 'kysely';
import { resourceArn, type ArnContext } from '../../../core/index.js';
import type { AgentStatus, AgentStatusRepo } from '../../ports/index.js';
import type { AgentStatusesTable, Database } from '../schema.js';
import { ResourceTable, compact, json } from '../table.js';

const toRow = (s: AgentStatus): AgentStatusesTable => ({
  id: s.AgentStatusId,
  instance_id: s.InstanceId,
  name: s.Name,
  description: s.Description ?? null,
  type: s.Type,
  state: s.State,
  display_order: s.DisplayOrder ?? null,
  tags_json: json.write(s.Tags),
  last_modified_time: s.LastModifiedTime,
});

export function createAgentStatusRepo(db: Kysely<Database>, arns: ArnContext): AgentStatusRepo {
  const fromRow = (r: AgentStatusesTable): AgentStatus =>
    compact({
      InstanceId: r.instance_id,
      AgentStatusId: r.id,
      AgentStatusARN: resourceArn(arns, r.instance_id, 'agent-status', r.id),
      Name: r.name,
      Description: r.description ?? undefined,
      Type: r.type as AgentStatus['Type'],
      DisplayOrder: r.display_order === null ? undefined : Number(r.display_order),
      State: r.state as AgentStatus['State'],
      Tags: json.read(r.tags_json, {}),
      LastModifiedTime: Number(r.last_modified_time),
    });
  const table = new ResourceTable(
    db,
    'agent_statuses',
    { toRow, fromRow },
    'name',
    (s) => `an agent status named '${s.Name}' already exists`,
  );
  return {
    insert: (s) => table.insert(s),
    update: (s) => table.update(s),
    get: (i, id) => table.get(i, id),
    findByName: (i, name) => table.findBy(i, 'name', name),
    findByType: (i, type) => table.findBy(i, 'type', type),
    list: (i, page, types) => table.list(i, page, { type: types?.length ? types : undefined }),
    count: (i) => table.count(i),
  };
}
