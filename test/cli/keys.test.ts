import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessKeyService } from '../../src/access/access-keys.js';
import { aesGcmSecretBox } from '../../src/access/secret-box.js';
import { loadMasterKey } from '../../src/app/master-key.js';
import { createServices } from '../../src/app/services.js';
import { DEFAULT_LIMITS, FakeClock, sequentialIds } from '../../src/core/index.js';
import { openStore } from '../../src/store/kysely/index.js';
import { tsunagi } from '../support/cli.js';
import { TEST_ARNS, type TestEnv } from '../support/env.js';
import { setup } from '../support/users.js';

const dir = mkdtempSync(join(tmpdir(), 'tsunagi-keys-'));
const database = join(dir, 'tsunagi.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database as `serve` leaves it, with the instance `tsunagi` and the users admin and ops. */
beforeAll(async () => {
  const store = await openStore({ database, arns: TEST_ARNS });
  try {
    const clock = new FakeClock();
    const services = createServices({
      store,
      clock,
      ids: sequentialIds(),
      arns: TEST_ARNS,
      limits: DEFAULT_LIMITS,
    });
    const instance = await services.instances.create({ InstanceAlias: 'tsunagi' });
    const env: TestEnv = {
      kind: 'sqlite',
      store,
      clock,
      services,
      instanceId: instance.Id,
      limits: DEFAULT_LIMITS,
    };
    const { base } = await setup(env);
    await services.users.create(instance.Id, { ...base, Username: 'admin' });
    await services.users.create(instance.Id, { ...base, Username: 'ops' });
  } finally {
    await store.close();
  }
});

/** The secret as the server would read it: the store, opened with the master key `serve` would load. */
async function storedSecret(accessKeyId: string): Promise<string | undefined> {
  const store = await openStore({ database, arns: TEST_ARNS });
  try {
    const keys = accessKeyService(
      { store, clock: new FakeClock() },
      { secretBox: aesGcmSecretBox(loadMasterKey({ database })) },
    );
    return (await keys.secretFor(accessKeyId))?.secret;
  } finally {
    await store.close();
  }
}

describe('tsunagi keys', () => {
  it('creates a key, prints its secret once, lists it without the secret, and revokes it', async () => {
    const created = await tsunagi([
      'keys',
      'create',
      '--user',
      'admin',
      '--description',
      'CI',
      '--database',
      database,
    ]);
    expect(created.code, created.stderr).toBe(0);
    const id = /AccessKeyId:\s+(AKIA[A-Z2-7]{16})/.exec(created.stdout)?.[1];
    const secret = /SecretAccessKey:\s+(\S{40})/.exec(created.stdout)?.[1];
    expect(id).toBeDefined();
    expect(secret).toBeDefined();
    expect(created.stdout).toMatch(/shown only now/);

    // The master key was made beside the database, readable by its owner only; the server reads the same secret.
    const mode = statSync(join(dir, 'master.key')).mode & 0o777;
    if (process.platform !== 'win32') expect(mode).toBe(0o600);
    expect(await storedSecret(id ?? '')).toBe(secret);

    const listed = await tsunagi(['keys', 'list', '--database', database]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`${id}\\s+ACTIVE\\s+admin\\s+created \\S+\\s+last used -\\s+CI`),
    );
    expect(listed.stdout).not.toContain(secret);

    const json = await tsunagi(['keys', 'list', '--json', '--user', 'admin', '--database', database]);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ AccessKeyId: id, Status: 'ACTIVE', Username: 'admin', Description: 'CI' }),
    ]);
    expect(json.stdout).not.toContain(secret);
    expect(
      JSON.parse((await tsunagi(['keys', 'list', '--json', '--user', 'ops', '--database', database])).stdout),
    ).toEqual([]);

    const revoked = await tsunagi(['keys', 'revoke', id ?? '', '--database', database]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toBe(`${id} revoked`);
    expect((await tsunagi(['keys', 'list', '--database', database])).stdout).toMatch(
      new RegExp(`${id}\\s+REVOKED`),
    );
    expect(await storedSecret(id ?? '')).toBeUndefined();
  });

  it('prints the new key as JSON when asked', async () => {
    const r = await tsunagi(['keys', 'create', '--user', 'ops', '--json', '--database', database]);
    expect(r.code, r.stderr).toBe(0);
    const key = JSON.parse(r.stdout) as { AccessKeyId: string; SecretAccessKey: string; Username: string };
    expect(key).toMatchObject({ Username: 'ops', Status: 'ACTIVE' });
    expect(await storedSecret(key.AccessKeyId)).toBe(key.SecretAccessKey);
  });

  it('says what is wrong: unknown user, instance or key', async () => {
    const noUser = await tsunagi(['keys', 'create', '--user', 'nobody', '--database', database]);
    expect(noUser.code).toBe(1);
    expect(noUser.stderr).toMatch(/no user 'nobody' in instance 'tsunagi'/);

    const noInstance = await tsunagi(['keys', 'list', '--instance', 'elsewhere', '--database', database]);
    expect(noInstance.code).toBe(1);
    expect(noInstance.stderr).toMatch(/no instance 'elsewhere'/);

    const noKey = await tsunagi(['keys', 'revoke', 'AKIAAAAAAAAAAAAAAAAA', '--database', database]);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/no access key AKIAAAAAAAAAAAAAAAAA/);
  });
});
