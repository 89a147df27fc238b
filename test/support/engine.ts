import { sequentialIds } from '../../src/core/index.js';
import { Engine } from '../../src/contacts/engine.js';
import type { EngineEvent } from '../../src/contacts/events.js';
import { TEST_ARNS, type TestEnv } from './env.js';

let generation = 0;

/** An engine over the test's store and fake clock; a new one on the same store is a restart. */
export function startEngine(env: TestEnv): { engine: Engine; events: EngineEvent[] } {
  generation += 1;
  const engine = new Engine({
    store: env.store,
    clock: env.clock,
    ids: sequentialIds(`e${generation.toString(16)}`),
    arns: TEST_ARNS,
    limits: env.limits,
  });
  const events: EngineEvent[] = [];
  engine.events.subscribe((_instance, e) => events.push(e));
  return { engine, events };
}

/** Moves the fake clock and lets the engine finish what the timers started. */
export async function advance(env: TestEnv, engine: Engine, ms: number): Promise<void> {
  await env.clock.advance(ms);
  await engine.idle();
}

export const offersTo = (events: EngineEvent[], userId: string) =>
  events.flatMap((e) => (e.type === 'offer' && e.userId === userId ? [e.contactId] : []));
