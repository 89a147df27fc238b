/**
 * "Longest-idle agent first" (DESIGN.md, routing): an agent who is on a call has not been idle, so a task that an
 * idle agent can take goes to the idle agent, even when the agent on the call became available earlier.
 */
import { afterEach, expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { advance, offersTo, startEngine } from '../support/engine.js';
import { NUMBER, setUpScenario } from '../support/scenario.js';
import { dial } from '../../src/channels/scripted-caller.js';
import type { Engine } from '../../src/contacts/engine.js';

describeStores('longest-idle routing', (env) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.stop());

  it('offers the callback task to the idle agent2, not to agent1 who is on a call (S2 allows both)', async () => {
    const s = await setUpScenario(env());
    const started = startEngine(env());
    engine = started.engine;
    const { instanceId } = env();
    await engine.setStatus(instanceId, s.agent1.Id, s.available);
    const first = await dial(engine, instanceId, '+819011112222', NUMBER);
    await engine.accept(instanceId, s.agent1.Id, first.contactId);
    // agent2 becomes available a second after agent1 took the call: agent2 is idle, agent1 is not.
    await advance(env(), engine, 1000);
    await engine.setStatus(instanceId, s.agent2.Id, s.available);
    const second = await dial(engine, instanceId, '+819012345678', NUMBER);
    await advance(env(), engine, 3000);
    await second.press('2');
    const offeredTo1 = offersTo(started.events, s.agent1.Id).filter((id) => id !== first.contactId);
    const offeredTo2 = offersTo(started.events, s.agent2.Id);
    expect({ agent1: offeredTo1.length, agent2: offeredTo2.length }).toEqual({ agent1: 0, agent2: 1 });
  });
});
