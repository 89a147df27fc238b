import { expect, it } from 'vitest';
import { ConfigCache } from '../../src/contacts/config-cache.js';
import { describeStores } from '../support/env.js';
import { setUpScenario } from '../support/scenario.js';

describeStores('configuration kept between engine commands', (env) => {
  it('reads a queue once while the configuration stands, again after any configuration write', async () => {
    const e = env();
    const s = await setUpScenario(e);
    let reads = 0;
    const cache = new ConfigCache(
      (repos, id) => {
        reads += 1;
        return repos.queues.get(e.instanceId, id);
      },
      () => e.store.configurationGeneration(),
    );
    const id = s.callbackQueue.QueueId;
    const first = await cache.get(e.store.repos, id);
    expect(await cache.get(e.store.repos, id)).toBe(first);
    expect(reads).toBe(1);
    // Shared by every command: nobody may change it in place.
    expect(Object.isFrozen(first)).toBe(true);

    await e.services.queues.updateMaxContacts(e.instanceId, id, { MaxContacts: 7 });
    expect((await cache.get(e.store.repos, id))?.MaxContacts).toBe(7);
    expect(reads).toBe(2);

    // A queue that does not exist is not remembered as missing: it is looked for again each time.
    expect(await cache.get(e.store.repos, 'no-such-queue')).toBeUndefined();
    expect(await cache.get(e.store.repos, 'no-such-queue')).toBeUndefined();
    expect(reads).toBe(4);
  });
});
