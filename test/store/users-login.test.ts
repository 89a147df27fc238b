import { expect, it } from 'vitest';
import { seededEntropy, sequentialIds } from '../../src/core/index.js';
import { userService } from '../../src/access/users.js';
import { TEST_ARNS, describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { PASSWORD, dbOf, setup } from '../support/users.js';

describeStores('user login', (env) => {
  it('logs in with the right password only, and changes passwords by the rule', async () => {
    const { services, instanceId } = env();
    const { base } = await setup(env());
    const user = await services.users.create(instanceId, base);
    const loggedIn = await services.users.verifyLogin(instanceId, 'yamada', PASSWORD);
    expect(loggedIn).toEqual(user);
    expect(JSON.stringify(loggedIn)).not.toContain('scrypt');
    expect(await services.users.verifyLogin(instanceId, 'yamada', 'Callback2025')).toBeUndefined();
    expect(await services.users.verifyLogin(instanceId, 'YAMADA', PASSWORD)).toBeUndefined();
    expect(await services.users.verifyLogin(instanceId, 'nobody', PASSWORD)).toBeUndefined();

    await env().clock.advance(60_000);
    await services.users.setPassword(instanceId, user.Id, 'Renewed2026x');
    expect(await services.users.verifyLogin(instanceId, 'yamada', PASSWORD)).toBeUndefined();
    const again = await services.users.verifyLogin(instanceId, 'yamada', 'Renewed2026x');
    expect(again?.LastModifiedTime).toBe(user.LastModifiedTime + 60_000);

    const err = await expectConnectError(
      services.users.setPassword(instanceId, user.Id, 'weakpass'),
      'InvalidParameterException',
      /Password/,
    );
    expect(err.message).not.toContain('weakpass');
    expect(await services.users.verifyLogin(instanceId, 'yamada', 'Renewed2026x')).toBeDefined();
    await expectConnectError(
      services.users.setPassword(instanceId, 'user-gone', 'Renewed2026x'),
      'ResourceNotFoundException',
      /user-gone/,
    );
  });

  it('salts each hash from the injected entropy and stores only the hash', async () => {
    const e = env();
    const { base } = await setup(e);
    const deps = {
      store: e.store,
      clock: e.clock,
      ids: sequentialIds('ab'),
      arns: TEST_ARNS,
      limits: e.limits,
    };
    const users = userService(deps, { entropy: seededEntropy(42) });
    const user = await users.create(e.instanceId, base);
    const row = await dbOf(e)
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.Id)
      .executeTakeFirst();
    const salt = Buffer.from(seededEntropy(42).bytes(16)).toString('base64');
    expect(row?.password_hash).toMatch(
      new RegExp(`^scrypt\\$16384\\$8\\$1\\$${salt.replace(/[+/]/g, '\\$&')}\\$`),
    );
    expect(row?.password_hash).not.toContain(PASSWORD);
    expect(await users.verifyLogin(e.instanceId, 'yamada', PASSWORD)).toEqual(user);
  });

  it('follows the identity management type of the instance', async () => {
    const { services } = env();
    const saml = await services.instances.create({
      InstanceAlias: 'saml-center',
      IdentityManagementType: 'SAML',
    });
    const dir = await services.instances.create({
      InstanceAlias: 'dir-center',
      IdentityManagementType: 'EXISTING_DIRECTORY',
    });
    const baseOf = async (instanceId: string) => {
      const { base } = await setup({ ...env(), instanceId });
      await expectConnectError(
        services.users.create(instanceId, base),
        'InvalidParameterException',
        /Password.*is not accepted on a (SAML|EXISTING_DIRECTORY) instance/,
      );
      return { ...base, Password: undefined };
    };
    const samlBase = await baseOf(saml.Id);
    const longName = 'hanako.yamada.callbacks@example.com';
    const samlUser = await services.users.create(saml.Id, { ...samlBase, Username: longName });
    expect(samlUser.Username).toBe(longName);
    expect(await services.users.verifyLogin(saml.Id, longName, PASSWORD)).toBeUndefined();
    await expectConnectError(
      services.users.create(saml.Id, {
        ...samlBase,
        Username: 'b',
        IdentityInfo: { Email: 'b@example.com' },
      }),
      'InvalidParameterException',
      /IdentityInfo\.Email/,
    );
    await expectConnectError(
      services.users.setPassword(saml.Id, samlUser.Id, PASSWORD),
      'InvalidParameterException',
      /Password/,
    );

    const dirBase = await baseOf(dir.Id);
    const dirUser = await services.users.create(dir.Id, {
      ...dirBase,
      DirectoryUserId: 'S-1-5-21-1004',
      IdentityInfo: { FirstName: 'Hanako', LastName: 'Yamada' },
    });
    expect((await services.users.describe(dir.Id, dirUser.Id)).DirectoryUserId).toBe('S-1-5-21-1004');
    await expectConnectError(
      services.users.updateIdentityInfo(dir.Id, dirUser.Id, {
        IdentityInfo: { FirstName: 'Hana', LastName: 'Yamada' },
      }),
      'InvalidParameterException',
      /IdentityInfo\.FirstName/,
    );
  });
});
