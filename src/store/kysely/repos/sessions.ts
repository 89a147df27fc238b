import type { Kysely } from 'kysely';
import type { Session, SessionRepo } from '../../ports/index.js';
import type { Database, SessionsTable } from '../schema.js';

const fromRow = (r: SessionsTable): Session => ({
  Id: r.id,
  InstanceId: r.instance_id,
  UserId: r.user_id,
  CsrfToken: r.csrf_token,
  CreatedAt: Number(r.created_at),
  ExpiresAt: Number(r.expires_at),
});

export function createSessionRepo(db: Kysely<Database>): SessionRepo {
  return {
    async insert(s) {
      await db
        .insertInto('sessions')
        .values({
          id: s.Id,
          instance_id: s.InstanceId,
          user_id: s.UserId,
          csrf_token: s.CsrfToken,
          created_at: s.CreatedAt,
          expires_at: s.ExpiresAt,
        })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async delete(id) {
      const r = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async deleteForUser(instanceId, userId) {
      const r = await db
        .deleteFrom('sessions')
        .where('instance_id', '=', instanceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async purgeExpired(now) {
      const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
