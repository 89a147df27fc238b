import type { Kysely } from 'kysely';
import { resourceArn, type ArnContext } from '../../../core/index.js';
import type { SecurityProfile, SecurityProfileRepo } from '../../ports/index.js';
import type { Database, SecurityProfilesTable } from '../schema.js';
import { ResourceTable, compact, json } from '../table.js';

const toRow = (sp: SecurityProfile): SecurityProfilesTable => ({
  id: sp.Id,
  instance_id: sp.InstanceId,
  name: sp.SecurityProfileName,
  description: sp.Description ?? null,
  permissions_json: json.write(sp.Permissions),
  tags_json: json.write(sp.Tags),
  last_modified_time: sp.LastModifiedTime,
});

export function createSecurityProfileRepo(db: Kysely<Database>, arns: ArnContext): SecurityProfileRepo {
  const fromRow = (r: SecurityProfilesTable): SecurityProfile =>
    compact({
      InstanceId: r.instance_id,
      Id: r.id,
      Arn: resourceArn(arns, r.instance_id, 'security-profile', r.id),
      OrganizationResourceId: r.instance_id,
      SecurityProfileName: r.name,
      Description: r.description ?? undefined,
      Permissions: json.read<string[]>(r.permissions_json, []),
      Tags: json.read(r.tags_json, {}),
      LastModifiedTime: Number(r.last_modified_time),
    });
  const table = new ResourceTable(
    db,
    'security_profiles',
    { toRow, fromRow },
    'name',
    (sp) => `a security profile named '${sp.SecurityProfileName}' already exists`,
  );

  return {
    insert: (sp) => table.insert(sp),
    update: (sp) => table.update(sp),
    get: (i, id) => table.get(i, id),
    async getMany(instanceId, ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('security_profiles')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .where('id', 'in', ids)
        .execute();
      return rows.map(fromRow);
    },
    findByName: (i, name) => table.findBy(i, 'name', name),
    list: (i, page) => table.list(i, page),
    count: (i) => table.count(i),
    delete: (i, id) => table.delete(i, id),
    async usedByUsers(instanceId, id) {
      const rows = await db
        .selectFrom('user_security_profiles')
        .select('user_id')
        .where('instance_id', '=', instanceId)
        .where('security_profile_id', '=', id)
        .orderBy('user_id')
        .execute();
      return rows.map((r) => r.user_id);
    },
  };
}
