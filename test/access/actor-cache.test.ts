/**
 * The kept actors (who a caller is and what they may do): a change made through the store applies to the very
 * next request, in or out of a transaction; a change the store did not see (another process) within the cache's
 * time.
 */
import { expect, it } from 'vitest';
import { ACTOR_CACHE_MS, cachedActors } from '../../src/access/actor.js';
import { describeStores } from '../support/env.js';
import { dbOf, setup } from '../support/users.js';
import { expectConnectError } from '../support/errors.js';

describeStores('kept actors', (env) => {
  it('see a changed security profile, a changed user and a deleted user at once', async () => {
    const e = env();
    const { services, instanceId } = e;
    const { agents, supervisors, base } = await setup(e);
    const user = await services.users.create(instanceId, base);
    const actors = cachedActors(e.store, e.clock);
    const permissions = async () => [...(await actors(instanceId, user.Id)).permissions].sort();

    expect(await permissions()).toEqual(['BasicAgentAccess', 'TransferDestinations.View']);
    await services.securityProfiles.update(instanceId, agents.Id, { Permissions: ['BasicAgentAccess'] });
    expect(await permissions()).toEqual(['BasicAgentAccess']);
    await services.users.updateSecurityProfiles(instanceId, user.Id, {
      SecurityProfileIds: [supervisors.Id],
    });
    expect(await permissions()).toContain('ContactSearch.View');
    // A write inside a transaction counts too.
    await e.store.transaction((repos) => repos.securityProfiles.get(instanceId, supervisors.Id));
    await services.users.delete(instanceId, user.Id);
    await expectConnectError(actors(instanceId, user.Id), 'ResourceNotFoundException', /User not found/);
  });

  it('reads again after its time even when the store saw no change', async () => {
    const e = env();
    const { services, instanceId } = e;
    const { base } = await setup(e);
    const user = await services.users.create(instanceId, base);
    const actors = cachedActors(e.store, e.clock);
    const permissions = async () => [...(await actors(instanceId, user.Id)).permissions].sort();
    expect(await permissions()).toContain('TransferDestinations.View');
    // As another process would: straight into the table, past the repositories.
    await dbOf(e)
      .deleteFrom('user_security_profiles')
      .where('instance_id', '=', instanceId)
      .where('user_id', '=', user.Id)
      .execute();
    expect(await permissions()).toContain('TransferDestinations.View');
    await e.clock.advance(ACTOR_CACHE_MS);
    expect(await permissions()).toEqual([]);
  });
});
