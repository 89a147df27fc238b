/** P3 for contact search: ContactSearch.View searches everything; MyContacts.View only one's own; neither, nothing. */
import { afterEach, expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { startEngine } from '../support/engine.js';
import { setUpScenario } from '../support/scenario.js';
import { expectConnectError } from '../support/errors.js';
import type { Engine } from '../../src/contacts/engine.js';

describeStores('contact search by a person (P3)', (env) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.stop());

  it('gives supervisors every contact, an agent with My contacts only theirs, and refuses the rest', async () => {
    const e = env();
    const s = await setUpScenario(e);
    ({ engine } = startEngine(e));
    const { instanceId, services } = e;
    const mine = await services.securityProfiles.create(instanceId, {
      SecurityProfileName: 'My contacts',
      Permissions: ['BasicAgentAccess', 'MyContacts.View'],
    });
    await services.users.updateSecurityProfiles(instanceId, s.agent2.Id, { SecurityProfileIds: [mine.Id] });
    await engine.setStatus(instanceId, s.agent2.Id, s.available);
    const task = (Name: string) =>
      engine!.startTask(instanceId, {
        ContactFlowId: s.flows.f3.Id,
        Name,
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      });
    const a = await task('for agent2');
    await engine.accept(instanceId, s.agent2.Id, a.Id);
    await engine.setStatus(instanceId, s.agent2.Id, s.offline);
    const b = await task('still queued');
    const query = {
      TimeRange: { Type: 'INITIATION_TIMESTAMP' as const, StartTime: 0, EndTime: e.clock.now() + 1 },
      SearchCriteria: { Channels: ['TASK' as const] },
    };
    const ids = async (userId: string) =>
      (await services.contacts.search(instanceId, query, { userId })).items.map((c) => c.Id).sort();
    expect(await ids(s.supervisor.Id)).toEqual([a.Id, b.Id].sort());
    expect(await ids(s.agent2.Id)).toEqual([a.Id]);
    await expectConnectError(
      services.contacts.search(instanceId, query, { userId: s.agent1.Id }),
      'AccessDeniedException',
      /agent1 may not search contacts: .*ContactSearch\.View/,
    );
  });
});
