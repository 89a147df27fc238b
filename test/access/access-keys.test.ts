import { describe, expect, it } from 'vitest';
import { accessKeyService } from '../../src/access/access-keys.js';
import { SecretBoxError, aesGcmSecretBox } from '../../src/access/secret-box.js';
import { seededEntropy } from '../../src/core/index.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { dbOf, setup } from '../support/users.js';

const MASTER_KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const BOOT_ID = 'AKIAIOSFODNN7EXAMPLE';
const BOOT_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function keysOf(env: TestEnv, masterKey: Buffer = MASTER_KEY, seed = 1) {
  return accessKeyService(
    { store: env.store, clock: env.clock },
    { secretBox: aesGcmSecretBox(masterKey, seededEntropy(seed + 100)), entropy: seededEntropy(seed) },
  );
}

async function users(env: TestEnv) {
  const { base } = await setup(env);
  const admin = await env.services.users.create(env.instanceId, { ...base, Username: 'admin' });
  const other = await env.services.users.create(env.instanceId, { ...base, Username: 'ops' });
  return { admin, other };
}

const rawRows = (env: TestEnv) => dbOf(env).selectFrom('access_keys').selectAll().execute();

describeStores('access keys', (env) => {
  it('creates a key whose secret is shown once and stored sealed; lists without secrets; revokes', async () => {
    const { services, instanceId, clock } = env();
    const { admin, other } = await users(env());
    const keys = keysOf(env());

    const created = await keys.create(instanceId, { UserId: admin.Arn, Description: 'CI pipeline' });
    expect(created.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(created.SecretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(created).toMatchObject({
      InstanceId: instanceId,
      UserId: admin.Id,
      Description: 'CI pipeline',
      Status: 'ACTIVE',
      CreatedTime: clock.now(),
    });
    await clock.advance(1000);
    const second = await keys.create(instanceId, { UserId: other.Id });
    expect(second.AccessKeyId).not.toBe(created.AccessKeyId);
    expect(second.SecretAccessKey).not.toBe(created.SecretAccessKey);

    // At rest: neither the secret nor its base64 anywhere in the rows.
    const rows = await rawRows(env());
    expect(rows).toHaveLength(2);
    for (const secret of [created.SecretAccessKey, second.SecretAccessKey]) {
      const text = JSON.stringify(rows);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(secret).toString('base64'));
      expect(text).not.toContain(secret.slice(0, 16));
    }
    expect(rows.find((r) => r.access_key_id === created.AccessKeyId)?.secret_ciphertext).toMatch(/^v1\./);

    const list = await keys.list(instanceId);
    expect(list.map((k) => k.AccessKeyId)).toEqual([created.AccessKeyId, second.AccessKeyId]);
    expect(JSON.stringify(list)).not.toMatch(/Secret/);
    expect(list[0]).toEqual({
      AccessKeyId: created.AccessKeyId,
      InstanceId: instanceId,
      UserId: admin.Id,
      Description: 'CI pipeline',
      Status: 'ACTIVE',
      CreatedTime: created.CreatedTime,
    });
    expect((await keys.list(instanceId, { UserId: other.Id })).map((k) => k.AccessKeyId)).toEqual([
      second.AccessKeyId,
    ]);

    expect(await keys.secretFor(created.AccessKeyId)).toEqual({
      userId: admin.Id,
      instanceId,
      secret: created.SecretAccessKey,
    });
    expect(await keys.secretFor('AKIAUNKNOWNUNKNOWN00')).toBeUndefined();

    const revoked = await keys.revoke(instanceId, created.AccessKeyId);
    expect(revoked.Status).toBe('REVOKED');
    expect(await keys.secretFor(created.AccessKeyId)).toBeUndefined();
    expect((await keys.revoke(instanceId, created.AccessKeyId)).Status).toBe('REVOKED');
    expect((await keys.list(instanceId)).map((k) => k.Status)).toEqual(['REVOKED', 'ACTIVE']);
    expect(await keys.secretFor(second.AccessKeyId)).toBeDefined();

    // Another instance does not see or revoke the key.
    const elsewhere = await services.instances.create({ InstanceAlias: 'elsewhere' });
    expect(await keys.list(elsewhere.Id)).toEqual([]);
    await expectConnectError(keys.revoke(elsewhere.Id, second.AccessKeyId), 'ResourceNotFoundException');
  });

  it('refuses unknown users and instances and bad input, naming the field', async () => {
    const { instanceId } = env();
    const { admin } = await users(env());
    const keys = keysOf(env());
    await expectConnectError(
      keys.create(instanceId, { UserId: '00000000-0000-4000-8000-0000000000ff' }),
      'ResourceNotFoundException',
      /User not found/,
    );
    await expectConnectError(
      keys.create('00000000-0000-4000-8000-0000000000fe', { UserId: admin.Id }),
      'ResourceNotFoundException',
      /Instance not found/,
    );
    await expectConnectError(
      keys.create(instanceId, { UserId: admin.Id, Description: 'x'.repeat(1001) }),
      'InvalidParameterException',
      /Description/,
    );
    await expectConnectError(keys.revoke(instanceId, 'short'), 'InvalidParameterException', /AccessKeyId/);
    expect(await rawRows(env())).toEqual([]);
  });

  it('opens secrets only with the master key they were sealed with', async () => {
    const { instanceId } = env();
    const { admin } = await users(env());
    const created = await keysOf(env()).create(instanceId, { UserId: admin.Id });
    await expect(keysOf(env(), OTHER_KEY).secretFor(created.AccessKeyId)).rejects.toBeInstanceOf(
      SecretBoxError,
    );
  });

  it('records the last use at most once a minute', async () => {
    const { instanceId, clock } = env();
    const { admin } = await users(env());
    const keys = keysOf(env());
    const created = await keys.create(instanceId, { UserId: admin.Id });
    const lastUsed = async () => (await keys.find(created.AccessKeyId))?.LastUsedTime;
    expect(await lastUsed()).toBeUndefined();
    await keys.markUsed(created.AccessKeyId);
    const first = clock.now();
    expect(await lastUsed()).toBe(first);
    await clock.advance(30_000);
    await keys.markUsed(created.AccessKeyId);
    expect(await lastUsed()).toBe(first);
    await clock.advance(30_000);
    await keys.markUsed(created.AccessKeyId);
    expect(await lastUsed()).toBe(first + 60_000);
  });

  it('bootstraps the environment key: creates it, keeps it, takes a new secret, leaves a revoked key revoked', async () => {
    const { instanceId } = env();
    const { admin, other } = await users(env());
    const keys = keysOf(env());
    expect(await keys.ensureBootstrap(instanceId, admin.Id, BOOT_ID, BOOT_SECRET)).toBe('created');
    expect(await keys.secretFor(BOOT_ID)).toEqual({ userId: admin.Id, instanceId, secret: BOOT_SECRET });
    expect(JSON.stringify(await rawRows(env()))).not.toContain(BOOT_SECRET);

    // A restart with the same variables: nothing changes.
    const before = await rawRows(env());
    expect(
      await keysOf(env(), MASTER_KEY, 2).ensureBootstrap(instanceId, admin.Id, BOOT_ID, BOOT_SECRET),
    ).toBe('unchanged');
    expect(await rawRows(env())).toEqual(before);

    // The operator changed the secret: the environment wins.
    const rotated = 'n3w/Secret+Value=0123456789abcdef';
    expect(await keys.ensureBootstrap(instanceId, admin.Id, BOOT_ID, rotated)).toBe('secret-replaced');
    expect((await keys.secretFor(BOOT_ID))?.secret).toBe(rotated);
    expect(await keys.list(instanceId)).toHaveLength(1);

    // Another user's id: refused, the key is left alone.
    await expectConnectError(
      keys.ensureBootstrap(instanceId, other.Id, BOOT_ID, rotated),
      'InvalidRequestException',
      /belongs to another user/,
    );

    // Revoked by an administrator: stays revoked.
    await keys.revoke(instanceId, BOOT_ID);
    expect(await keys.ensureBootstrap(instanceId, admin.Id, BOOT_ID, rotated)).toBe('revoked');
    expect(await keys.secretFor(BOOT_ID)).toBeUndefined();
  });

  it('refuses a weak bootstrap secret without repeating it', async () => {
    const { instanceId } = env();
    const { admin } = await users(env());
    const weak = 'hunter2';
    const err = await expectConnectError(
      keysOf(env()).ensureBootstrap(instanceId, admin.Id, BOOT_ID, weak),
      'InvalidParameterException',
      /SecretAccessKey/,
    );
    expect(`${err.message} ${JSON.stringify(err.details)} ${String(err)}`).not.toContain(weak);
    await expectConnectError(
      keysOf(env()).ensureBootstrap(instanceId, admin.Id, 'AKIA/bad', BOOT_SECRET),
      'InvalidParameterException',
      /AccessKeyId/,
    );
    expect(await rawRows(env())).toEqual([]);
  });

  it("goes with its user: deleting the user deletes the user's keys", async () => {
    const { services, instanceId } = env();
    const { admin, other } = await users(env());
    const keys = keysOf(env());
    await keys.create(instanceId, { UserId: admin.Id });
    const kept = await keys.create(instanceId, { UserId: other.Id });
    await services.users.delete(instanceId, admin.Id);
    expect((await keys.list(instanceId)).map((k) => k.AccessKeyId)).toEqual([kept.AccessKeyId]);
  });
});

describe('AES-GCM secret box', () => {
  const box = aesGcmSecretBox(MASTER_KEY, seededEntropy(3));

  it('seals with a fresh nonce each time and opens only with the same key and context', () => {
    const a = box.seal('s3cret', 'AKIA1');
    const b = box.seal('s3cret', 'AKIA1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cret');
    expect(box.open(a, 'AKIA1')).toBe('s3cret');
    expect(box.open(b, 'AKIA1')).toBe('s3cret');
    expect(() => box.open(a, 'AKIA2')).toThrow(SecretBoxError);
    expect(() => aesGcmSecretBox(OTHER_KEY).open(a, 'AKIA1')).toThrow(SecretBoxError);
    const [v, nonce, data, tag] = a.split('.') as [string, string, string, string];
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => box.open([v, nonce, flipped.toString('base64url'), tag].join('.'), 'AKIA1')).toThrow(
      /cannot be opened/,
    );
    expect(() => box.open('plain text', 'AKIA1')).toThrow(SecretBoxError);
  });

  it('wants a 32-byte key', () => {
    expect(() => aesGcmSecretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
