import type { Kysely } from 'kysely';
import type { AgentStateRepo, IdempotencyRepo, Timer, TimerRepo } from '../../ports/index.js';
import type { Database, TimersTable } from '../schema.js';
import { compact, json } from '../table.js';

const timerFromRow = (r: TimersTable): Timer =>
  compact({
    Id: r.id,
    InstanceId: r.instance_id,
    Kind: r.kind as Timer['Kind'],
    ContactId: r.contact_id ?? undefined,
    AgentId: r.agent_id ?? undefined,
    DueAt: Number(r.due_at),
    Data: json.read(r.data_json, {}),
  });

export function createTimerRepo(db: Kysely<Database>): TimerRepo {
  return {
    async insert(t) {
      await db
        .insertInto('timers')
        .values({
          id: t.Id,
          instance_id: t.InstanceId,
          kind: t.Kind,
          contact_id: t.ContactId ?? null,
          agent_id: t.AgentId ?? null,
          due_at: t.DueAt,
          data_json: json.write(t.Data),
        })
        .execute();
    },
    async delete(instanceId, id) {
      const r = await db
        .deleteFrom('timers')
        .where('instance_id', '=', instanceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async deleteForContact(instanceId, contactId, kind) {
      let q = db
        .deleteFrom('timers')
        .where('instance_id', '=', instanceId)
        .where('contact_id', '=', contactId);
      if (kind) q = q.where('kind', '=', kind);
      return Number((await q.executeTakeFirst()).numDeletedRows);
    },
    async list(instanceId) {
      const rows = await db
        .selectFrom('timers')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .orderBy('due_at')
        .orderBy('id')
        .execute();
      return rows.map(timerFromRow);
    },
  };
}

export function createAgentStateRepo(db: Kysely<Database>): AgentStateRepo {
  const fromRow = (r: Database['agent_states']) =>
    compact({
      InstanceId: r.instance_id,
      UserId: r.user_id,
      StatusId: r.status_id,
      StatusSince: Number(r.status_since),
      NextStatusId: r.next_status_id ?? undefined,
      Missed: r.missed === 1,
      IdleSince: r.idle_since === null ? undefined : Number(r.idle_since),
    });
  return {
    async put(s) {
      const row = {
        user_id: s.UserId,
        instance_id: s.InstanceId,
        status_id: s.StatusId,
        status_since: s.StatusSince,
        next_status_id: s.NextStatusId ?? null,
        missed: s.Missed ? 1 : 0,
        idle_since: s.IdleSince ?? null,
      };
      await db
        .insertInto('agent_states')
        .values(row)
        .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
        .execute();
    },
    async get(instanceId, userId) {
      const row = await db
        .selectFrom('agent_states')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async list(instanceId) {
      const rows = await db
        .selectFrom('agent_states')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .orderBy('user_id')
        .execute();
      return rows.map(fromRow);
    },
  };
}

export function createIdempotencyRepo(db: Kysely<Database>): IdempotencyRepo {
  return {
    async find(instanceId, operation, token) {
      const r = await db
        .selectFrom('idempotency')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .where('operation', '=', operation)
        .where('token', '=', token)
        .executeTakeFirst();
      return (
        r && {
          InstanceId: r.instance_id,
          Operation: r.operation,
          Token: r.token,
          RequestHash: r.request_hash,
          Response: json.read<unknown>(r.response_json, null),
          CreatedAt: Number(r.created_at),
        }
      );
    },
    async insert(rec) {
      // ON CONFLICT DO NOTHING rather than catching the refusal: in a PostgreSQL transaction a refused statement
      // aborts the whole transaction, whose commit would then be a silent rollback.
      const result = await db
        .insertInto('idempotency')
        .values({
          instance_id: rec.InstanceId,
          operation: rec.Operation,
          token: rec.Token,
          request_hash: rec.RequestHash,
          response_json: json.write(rec.Response),
          created_at: rec.CreatedAt,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async purge(before) {
      return Number(
        (await db.deleteFrom('idempotency').where('created_at', '<', before).executeTakeFirst())
          .numDeletedRows,
      );
    },
  };
}
