import { expect, it } from 'vitest';
import {
  RESCHEDULE,
  STOP,
  TRANSFER,
  actorOf,
  requireAgent,
  requireContactSearch,
  requirePermission,
  requireTaskCreation,
  type Actor,
} from '../../src/access/actor.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { PASSWORD, routingProfile } from '../support/users.js';

/** Runs a synchronous check as a promise, for expectConnectError. */
const check = (fn: () => unknown): Promise<unknown> => Promise.resolve().then(fn);

let seq = 0;

/** A user whose security profiles grant `profiles` (one list of permissions per profile), as an actor. */
async function actorWith(env: TestEnv, username: string, ...profiles: string[][]): Promise<Actor> {
  const { services, instanceId, store } = env;
  const ids: string[] = [];
  for (const permissions of profiles) {
    const sp = await services.securityProfiles.create(instanceId, {
      SecurityProfileName: `Profile ${++seq}`,
      Permissions: permissions,
    });
    ids.push(sp.Id);
  }
  const user = await services.users.create(instanceId, {
    Username: username,
    Password: PASSWORD,
    SecurityProfileIds: ids,
    RoutingProfileId: await routingProfile(env, `Agents of ${username}`),
  });
  return actorOf(store.repos, instanceId, user.Id);
}

describeStores('actor permissions', (env) => {
  it('loads the user and the union of its security profiles', async () => {
    const { services, instanceId, store } = env();
    const actor = await actorWith(
      env(),
      'agent1',
      ['BasicAgentAccess', 'TransferContact.Enabled'],
      ['ContactSearch.View', 'UpdateContactSchedule.Enabled', 'BasicAgentAccess'],
    );
    const user = await services.users.describe(instanceId, actor.userId);
    expect(actor).toEqual({
      instanceId,
      userId: user.Id,
      username: 'agent1',
      userArn: user.Arn,
      permissions: new Set([
        'BasicAgentAccess',
        'TransferContact.Enabled',
        'ContactSearch.View',
        'UpdateContactSchedule.Enabled',
      ]),
    });
    // Each grant of the union is honoured, whichever profile carries it.
    requirePermission(actor, TRANSFER, 'transfer contacts');
    requirePermission(actor, RESCHEDULE, 'reschedule contacts');
    expect(requireContactSearch(actor)).toBe('ALL');
    await expectConnectError(
      check(() => requirePermission(actor, STOP, 'end contacts')),
      'AccessDeniedException',
      /^user agent1 may not end contacts: the security profile lacks StopContact\.Enabled$/,
    );
    // By ARN too.
    expect(await actorOf(store.repos, instanceId, user.Arn)).toEqual(actor);
  });

  it('refuses an unknown user, naming UserId', async () => {
    const { instanceId, store } = env();
    const err = await expectConnectError(
      actorOf(store.repos, instanceId, 'user-gone'),
      'ResourceNotFoundException',
      /user-gone/,
    );
    expect(err.details.ids).toEqual({ UserId: 'user-gone' });
  });

  it('opens the agent workspace only with BasicAgentAccess (P3)', async () => {
    const agent = await actorWith(env(), 'agent1', ['BasicAgentAccess']);
    expect(() => requireAgent(agent)).not.toThrow();

    const analyst = await actorWith(env(), 'analyst', ['ContactSearch.View']);
    const err = await expectConnectError(
      check(() => requireAgent(analyst)),
      'AccessDeniedException',
      /^user analyst may not use the agent workspace: the security profile lacks BasicAgentAccess$/,
    );
    expect(err.details.ids).toEqual({ UserId: analyst.userId });
  });

  it('refuses task creation when the profile restricts it (P1)', async () => {
    const agent = await actorWith(env(), 'agent1', ['BasicAgentAccess']);
    expect(() => requireTaskCreation(agent)).not.toThrow();

    // The restricting permission wins even when another profile grants agent access without it.
    const restricted = await actorWith(
      env(),
      'agent2',
      ['BasicAgentAccess'],
      ['RestrictTaskCreation.Access'],
    );
    await expectConnectError(
      check(() => requireTaskCreation(restricted)),
      'AccessDeniedException',
      /^user agent2 may not create tasks: task creation is restricted by the security profile \(RestrictTaskCreation\.Access\)$/,
    );

    const outsider = await actorWith(env(), 'outsider', []);
    await expectConnectError(
      check(() => requireTaskCreation(outsider)),
      'AccessDeniedException',
      /may not create tasks: the security profile lacks BasicAgentAccess/,
    );
  });

  it('scopes contact search by ContactSearch.View and MyContacts.View (P3)', async () => {
    const supervisor = await actorWith(env(), 'supervisor', ['ContactSearch.View', 'MyContacts.View']);
    expect(requireContactSearch(supervisor)).toBe('ALL');
    const agent = await actorWith(env(), 'agent1', ['BasicAgentAccess', 'MyContacts.View']);
    expect(requireContactSearch(agent)).toBe('MINE');

    const plain = await actorWith(env(), 'agent2', ['BasicAgentAccess']);
    await expectConnectError(
      check(() => requireContactSearch(plain)),
      'AccessDeniedException',
      /^user agent2 may not search contacts: the security profile lacks ContactSearch\.View/,
    );
  });

  it('reschedules only with UpdateContactSchedule.Enabled (P2)', async () => {
    const supervisor = await actorWith(env(), 'supervisor', ['BasicAgentAccess', RESCHEDULE]);
    expect(() => requirePermission(supervisor, RESCHEDULE, 'reschedule contacts')).not.toThrow();

    const agent = await actorWith(env(), 'agent2', ['BasicAgentAccess', 'ContactSearch.View']);
    await expectConnectError(
      check(() => requirePermission(agent, RESCHEDULE, 'reschedule contacts')),
      'AccessDeniedException',
      /^user agent2 may not reschedule contacts: the security profile lacks UpdateContactSchedule\.Enabled$/,
    );
  });
});
