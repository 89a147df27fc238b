/** Connect's active-task quota, counted by the engine as tasks start and end (no row count per task). */
import { afterEach, expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { startEngine } from '../support/engine.js';
import { setUpScenario } from '../support/scenario.js';
import { expectConnectError } from '../support/errors.js';
import type { Engine } from '../../src/contacts/engine.js';

describeStores(
  'the active-task quota in the engine',
  (env) => {
    const engines: Engine[] = [];
    afterEach(async () => {
      for (const e of engines.splice(0)) await e.stop();
    });

    it('refuses a task over the quota, counts a scheduled one, frees a slot when one ends, and after a restart', async () => {
      const e = env();
      const s = await setUpScenario(e);
      let { engine } = startEngine(e);
      engines.push(engine);
      const task = (Name: string, ScheduledTime?: number) =>
        engine.startTask(e.instanceId, {
          ContactFlowId: s.flows.f3.Id,
          Name,
          Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
          ...(ScheduledTime !== undefined && { ScheduledTime }),
        });
      const first = await task('one');
      await task('two, later', e.clock.now() + 3_600_000);
      await expectConnectError(task('three'), 'ServiceQuotaExceededException', /at most 2 active tasks/);
      await engine.stopContact(e.instanceId, first.Id);
      const third = await task('three');
      expect(third.State).toBe('QUEUED');
      await engine.stop();
      ({ engine } = startEngine(e));
      engines.push(engine);
      await expectConnectError(task('four'), 'ServiceQuotaExceededException', /at most 2 active tasks/);
    });
  },
  { activeTasksPerInstance: 2 },
);
