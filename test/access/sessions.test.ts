/**
 * Login sessions in the store (migration 0005): only the token's hash is kept, sessions expire by the injected
 * clock, survive a new service over the same store (a restart), and go with their user.
 */
import { expect, it } from 'vitest';
import { seededEntropy } from '../../src/core/index.js';
import { DEFAULT_SESSION_TTL_MS, sessionIdOf, sessionService } from '../../src/access/sessions.js';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { dbOf, setup } from '../support/users.js';

describeStores('login sessions', (env) => {
  const service = (seed = 7) => {
    const { store, clock } = env();
    return sessionService({ store, clock, entropy: seededEntropy(seed) });
  };

  it('opens a session whose token is stored only as its SHA-256, with a CSRF token, for 12 hours', async () => {
    const { services, instanceId, clock } = env();
    const user = await services.users.create(instanceId, (await setup(env())).base);
    const sessions = service();
    const { token, session } = await sessions.open(instanceId, user.Id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).toEqual({
      Id: sessionIdOf(token),
      InstanceId: instanceId,
      UserId: user.Id,
      CsrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string,
      CreatedAt: clock.now(),
      ExpiresAt: clock.now() + DEFAULT_SESSION_TTL_MS,
    });
    expect(session.CsrfToken).not.toBe(token);
    const rows = await dbOf(env()).selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);

    // A restart: a new service over the same store finds the session.
    expect(await service(99).resolve(token)).toEqual(session);
    expect(sessions.checkCsrf(session, session.CsrfToken)).toBe(true);
    expect(sessions.checkCsrf(session, `${session.CsrfToken}x`)).toBe(false);
    expect(sessions.checkCsrf(session, undefined)).toBe(false);
    expect(await sessions.resolve(undefined)).toBeUndefined();
    expect(await sessions.resolve('not a token')).toBeUndefined();
    expect(await sessions.resolve(token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBeUndefined();

    await clock.advance(DEFAULT_SESSION_TTL_MS - 1);
    expect(await sessions.resolve(token)).toEqual(session);
    await clock.advance(1);
    expect(await sessions.resolve(token)).toBeUndefined();
    expect(await dbOf(env()).selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('closes one session, every session of a user, and those of a deleted user', async () => {
    const { services, instanceId } = env();
    const { base } = await setup(env());
    const a = await services.users.create(instanceId, base);
    const b = await services.users.create(instanceId, { ...base, Username: 'suzuki' });
    const sessions = service();
    const a1 = await sessions.open(instanceId, a.Id);
    const a2 = await sessions.open(instanceId, a.Id);
    const b1 = await sessions.open(instanceId, b.Id);
    expect(a1.token).not.toBe(a2.token);

    expect(await sessions.close(a1.token)).toBe(true);
    expect(await sessions.close(a1.token)).toBe(false);
    expect(await sessions.resolve(a1.token)).toBeUndefined();
    expect(await sessions.resolve(a2.token)).toBeDefined();
    expect(await sessions.closeAllOf(instanceId, a.Id)).toBe(1);
    expect(await sessions.resolve(a2.token)).toBeUndefined();

    await services.users.delete(instanceId, b.Id);
    expect(await sessions.resolve(b1.token)).toBeUndefined();
    await expectConnectError(sessions.open(instanceId, b.Id), 'ResourceNotFoundException', /UserId|User/);
  });

  it('sweeps expired sessions when a new one opens', async () => {
    const { services, instanceId, clock } = env();
    const user = await services.users.create(instanceId, (await setup(env())).base);
    const sessions = sessionService({ ...env(), entropy: seededEntropy(3), ttlMs: 60_000 });
    await sessions.open(instanceId, user.Id);
    await clock.advance(60_000);
    const fresh = await sessions.open(instanceId, user.Id);
    const rows = await dbOf(env()).selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).toEqual([fresh.session.Id]);
  });
});
