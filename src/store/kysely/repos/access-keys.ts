import type { Kysely } from 'kysely';
import { ConnectError } from '../../../core/index.js';
import type { AccessKey, AccessKeyRepo } from '../../ports/index.js';
import type { AccessKeysTable, Database } from '../schema.js';
import { compact, isUniqueViolation } from '../table.js';

const toRow = (k: AccessKey): AccessKeysTable => ({
  access_key_id: k.AccessKeyId,
  instance_id: k.InstanceId,
  user_id: k.UserId,
  secret_ciphertext: k.SecretCiphertext,
  description: k.Description ?? null,
  status: k.Status,
  created_time: k.CreatedTime,
  last_used_time: k.LastUsedTime ?? null,
});

const fromRow = (r: AccessKeysTable): AccessKey =>
  compact({
    InstanceId: r.instance_id,
    AccessKeyId: r.access_key_id,
    UserId: r.user_id,
    SecretCiphertext: r.secret_ciphertext,
    Description: r.description ?? undefined,
    Status: r.status as AccessKey['Status'],
    CreatedTime: Number(r.created_time),
    LastUsedTime: r.last_used_time === null ? undefined : Number(r.last_used_time),
  });

export function createAccessKeyRepo(db: Kysely<Database>): AccessKeyRepo {
  return {
    async insert(key) {
      try {
        await db.insertInto('access_keys').values(toRow(key)).execute();
      } catch (e) {
        if (isUniqueViolation(e))
          throw new ConnectError(
            'DuplicateResourceException',
            `access key ${key.AccessKeyId} already exists`,
            {
              ids: { AccessKeyId: key.AccessKeyId },
            },
          );
        throw e;
      }
    },
    async get(accessKeyId) {
      const row = await db
        .selectFrom('access_keys')
        .selectAll()
        .where('access_key_id', '=', accessKeyId)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async listForInstance(instanceId, userId) {
      let q = db.selectFrom('access_keys').selectAll().where('instance_id', '=', instanceId);
      if (userId !== undefined) q = q.where('user_id', '=', userId);
      const rows = await q.orderBy('created_time').orderBy('access_key_id').execute();
      return rows.map(fromRow);
    },
    async revoke(instanceId, accessKeyId) {
      const r = await db
        .updateTable('access_keys')
        .set({ status: 'REVOKED' })
        .where('instance_id', '=', instanceId)
        .where('access_key_id', '=', accessKeyId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async replaceSecret(accessKeyId, secretCiphertext) {
      await db
        .updateTable('access_keys')
        .set({ secret_ciphertext: secretCiphertext })
        .where('access_key_id', '=', accessKeyId)
        .execute();
    },
    async touch(accessKeyId, lastUsedTime) {
      await db
        .updateTable('access_keys')
        .set({ last_used_time: lastUsedTime })
        .where('access_key_id', '=', accessKeyId)
        .execute();
    },
  };
}
