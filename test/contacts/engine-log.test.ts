/**
 * A failure no caller sees — a timer whose command fails — is reported to the engine's log with the contact's id
 * and what the engine was doing; the loop goes on (the timer is put off, or, when even that fails, left for the
 * next start).
 */
import { afterEach, expect, it } from 'vitest';
import { sequentialIds } from '../../src/core/index.js';
import { Engine } from '../../src/contacts/engine.js';
import type { EngineLog } from '../../src/contacts/events.js';
import type { Repositories, Store } from '../../src/store/ports/index.js';
import { describeStores, TEST_ARNS } from '../support/env.js';
import { setUpScenario } from '../support/scenario.js';

const HOUR = 3_600_000;

/** The store, except that deleting a timer fails while `broken` is set. */
function failingTimers(store: Store, broken: { on: boolean }): Store {
  const wrap = (repos: Repositories): Repositories =>
    new Proxy(repos, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (key !== 'timers') return value;
        return new Proxy(target.timers, {
          get(timers, k, r) {
            const method: unknown = Reflect.get(timers, k, r);
            if (k === 'delete' && broken.on) return () => Promise.reject(new Error('the disk is on fire'));
            return typeof method === 'function' ? (method as () => unknown).bind(timers) : method;
          },
        });
      },
    });
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'transaction')
        return <T>(work: (repos: Repositories) => Promise<T>) =>
          target.transaction((repos) => work(wrap(repos)));
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

describeStores('the engine log', (env) => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.stop();
  });

  it('reports a timer that fails with the contact’s id, and goes on', async () => {
    const { instanceId, clock } = env();
    const s = await setUpScenario(env());
    const broken = { on: false };
    const logged: Parameters<EngineLog['error']>[] = [];
    engine = new Engine(
      {
        store: failingTimers(env().store, broken),
        clock,
        ids: sequentialIds('log'),
        arns: TEST_ARNS,
        limits: env().limits,
      },
      { log: { error: (fields, message) => logged.push([fields, message]) } },
    );
    const task = await engine.startTask(instanceId, {
      ContactFlowId: s.flows.f3.Id,
      Name: 'Later',
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      ScheduledTime: clock.now() + HOUR,
    });
    broken.on = true;
    await clock.advance(HOUR);
    await engine.idle();
    expect(logged.map(([f, m]) => [f.contactId, f.work, m])).toEqual([
      [
        task.Id,
        'fire a deliver timer (put off by a minute)',
        'the engine could not fire a deliver timer (put off by a minute)',
      ],
      [task.Id, 'put off a deliver timer', 'the engine could not put off a deliver timer'],
    ]);
    expect(String(logged[0]?.[0].err)).toContain('the disk is on fire');
    // The loop goes on: another command runs.
    broken.on = false;
    const other = await engine.startTask(instanceId, { ContactFlowId: s.flows.f3.Id, Name: 'Now' });
    expect(other.Id).toBeTruthy();
  });
});
