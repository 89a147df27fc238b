import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdministrator } from '../../src/app/administrator.js';
import { createServices, type Services } from '../../src/app/services.js';
import { DEFAULT_LIMITS, FakeClock, sequentialIds, systemEntropy } from '../../src/core/index.js';
import { openStore } from '../../src/store/kysely/index.js';
import { tsunagi } from '../support/cli.js';
import { TEST_ARNS } from '../support/env.js';

const dir = mkdtempSync(join(tmpdir(), 'tsunagi-users-'));
const database = join(dir, 'tsunagi.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database as `serve` leaves it: the instance `tsunagi`, its Admin profile, Basic Routing Profile and admin. */
beforeAll(async () => {
  await withServices(async (services) => {
    const instance = await services.instances.create({ InstanceAlias: 'tsunagi' });
    await ensureAdministrator(services, instance.Id, { password: 'Admin2026pass', entropy: systemEntropy });
    await services.securityProfiles.create(instance.Id, {
      SecurityProfileName: 'Agent',
      Permissions: ['BasicAgentAccess'],
    });
  });
});

async function withServices<T>(work: (s: Services, instanceId: string) => Promise<T>): Promise<T> {
  const store = await openStore({ database, arns: TEST_ARNS });
  try {
    const services = createServices({
      store,
      clock: new FakeClock(),
      ids: sequentialIds(),
      arns: TEST_ARNS,
      limits: DEFAULT_LIMITS,
    });
    const instance = await store.repos.instances.findByAlias('tsunagi');
    return await work(services, instance?.Id ?? '');
  } finally {
    await store.close();
  }
}

/** Whether the login page would let `username` in with `password` (the service the agent API logs in with). */
const canLogIn = (username: string, password: string) =>
  withServices(async (s, id) => (await s.users.verifyLogin(id, username, password)) !== undefined);

const userNamed = (username: string) =>
  withServices(async (s, id) => {
    const found = (await s.users.list(id, { MaxResults: 1000 })).items.find((u) => u.Username === username);
    return found && s.users.describe(id, found.Id);
  });

describe('tsunagi users', () => {
  it('--help describes each command', async () => {
    const create = await tsunagi(['users', 'create', '--help']);
    expect(create.stdout).toMatch(/Usage: tsunagi users create \[options\]/);
    for (const option of ['--username', '--password', '--first-name', '--last-name', '--security-profile'])
      expect(create.stdout).toContain(option);
    expect(create.stdout).toMatch(/--routing-profile <name>/);
    const passwd = await tsunagi(['users', 'passwd', '--help']);
    expect(passwd.stdout).toMatch(/Usage: tsunagi users passwd \[options\] <username>/);
    expect(passwd.stdout).toMatch(/--password <password>/);
  });

  it('creates a user who can log in with the password given', async () => {
    const r = await tsunagi([
      'users',
      'create',
      '--username',
      'sato',
      '--password',
      'Sato2026pass',
      '--first-name',
      'Hanako',
      '--last-name',
      'Sato',
      '--security-profile',
      'Agent',
      'Admin',
      '-d',
      database,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/User sato \(\S+\) created in instance tsunagi/);
    expect(r.stdout).not.toContain('Sato2026pass');
    expect(await canLogIn('sato', 'Sato2026pass')).toBe(true);
    expect(await canLogIn('sato', 'Wrong2026pass')).toBe(false);
    const user = await userNamed('sato');
    expect(user?.IdentityInfo).toEqual({ FirstName: 'Hanako', LastName: 'Sato' });
    expect(user?.SecurityProfileIds).toHaveLength(2);
  });

  it('generates a password when none is given and prints it once', async () => {
    const r = await tsunagi([
      'users',
      'create',
      '--username',
      'tanaka',
      '--security-profile',
      'Agent',
      '-d',
      database,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const password = /Password: (\S+)/.exec(r.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(r.stdout).toMatch(/shown only now/);
    expect(await canLogIn('tanaka', password)).toBe(true);
  });

  it('passwd changes the password (given or generated); the old one no longer works', async () => {
    const r = await tsunagi(['users', 'passwd', 'sato', '--password', 'Newer2026pass', '-d', database]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Password of sato changed');
    expect(await canLogIn('sato', 'Newer2026pass')).toBe(true);
    expect(await canLogIn('sato', 'Sato2026pass')).toBe(false);

    const gen = await tsunagi(['users', 'passwd', 'sato', '-d', database]);
    expect(gen.code, gen.stderr).toBe(0);
    const password = /Password: (\S+)/.exec(gen.stdout)?.[1] ?? '';
    expect(await canLogIn('sato', password)).toBe(true);
    expect(await canLogIn('sato', 'Newer2026pass')).toBe(false);
  });

  it('refuses bad input with a message naming the problem, and changes nothing', async () => {
    const create = (extra: string[]) =>
      tsunagi([
        'users',
        'create',
        '--username',
        'suzuki',
        '--password',
        'Suzuki2026',
        ...extra,
        '-d',
        database,
      ]);

    const noProfile = await create(['--security-profile', 'Nobody']);
    expect(noProfile.code).toBe(1);
    expect(noProfile.stderr).toMatch(/no security profile 'Nobody' in instance 'tsunagi'/);

    const noRouting = await create(['--security-profile', 'Agent', '--routing-profile', 'Nowhere']);
    expect(noRouting.code).toBe(1);
    expect(noRouting.stderr).toMatch(/no routing profile 'Nowhere' in instance 'tsunagi'/);

    const weak = await tsunagi([
      'users',
      'create',
      '--username',
      'suzuki',
      '--password',
      'weak',
      '--security-profile',
      'Agent',
      '-d',
      database,
    ]);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/Password: must be 8 to 64 characters/);
    expect(weak.stderr).not.toContain('weak');
    expect(await userNamed('suzuki')).toBeUndefined();

    const taken = await create(['--security-profile', 'Agent', '--username', 'sato']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/User with the name 'sato' already exists/);

    const before = await tsunagi(['users', 'passwd', 'tanaka', '--password', 'Tanaka2026', '-d', database]);
    expect(before.code, before.stderr).toBe(0);
    const weakPasswd = await tsunagi([
      'users',
      'passwd',
      'tanaka',
      '--password',
      'alllowercase1',
      '-d',
      database,
    ]);
    expect(weakPasswd.code).toBe(1);
    expect(weakPasswd.stderr).toMatch(/Password: must be 8 to 64 characters/);
    expect(await canLogIn('tanaka', 'Tanaka2026')).toBe(true);

    const noUser = await tsunagi(['users', 'passwd', 'nobody', '--password', 'Nobody2026', '-d', database]);
    expect(noUser.code).toBe(1);
    expect(noUser.stderr).toMatch(/no user 'nobody' in instance 'tsunagi'/);

    const noInstance = await tsunagi(['users', 'passwd', 'sato', '--instance', 'elsewhere', '-d', database]);
    expect(noInstance.code).toBe(1);
    expect(noInstance.stderr).toMatch(/no instance 'elsewhere'/);
  });
});
