/**
 * ClientToken records commit with the work they answer for (CreateTaskTemplate, ClaimPhoneNumber, TransferContact):
 * a crash at the record's write — here the write throws, on every path to the store — leaves nothing done, so a
 * retry does the work once; after a success, a retry (also after a restart, or at the same time) gets the first
 * answer and makes nothing new; the token with another request is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app/services.js';
import { allHandlers } from '../../src/api/connect/secured.js';
import type { ConnectHandlers } from '../../src/api/connect/types.js';
import { SignalRelay } from '../../src/api/signalling.js';
import { Engine } from '../../src/contacts/engine.js';
import { sequentialIds } from '../../src/core/index.js';
import type { Repositories, Store } from '../../src/store/ports/index.js';
import { TEST_ARNS, describeStores, type TestEnv } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { flowJson } from '../support/flows.js';
import { setUpScenario, type Scenario } from '../support/scenario.js';
import { callbackTemplateRequest } from '../tasks/callback-template.js';

const CRASH = 'killed before the ClientToken record was written';

/** The test's store, whose ClientToken writes fail while `crash.on` (outside transactions and in them). */
function crashingStore(store: Store, crash: { on: boolean }): Store {
  const guarded = (repos: Repositories): Repositories => ({
    ...repos,
    idempotency: {
      ...repos.idempotency,
      insert: (record) => (crash.on ? Promise.reject(new Error(CRASH)) : repos.idempotency.insert(record)),
    },
  });
  return {
    kind: store.kind,
    repos: guarded(store.repos),
    transaction: (work) => store.transaction((repos) => work(guarded(repos))),
    configurationGeneration: () => store.configurationGeneration(),
    close: () => store.close(),
  };
}

let generation = 0;

describeStores('ClientToken records commit with the work', (env) => {
  const crash = { on: false };
  const engines: Engine[] = [];
  afterEach(async () => {
    crash.on = false;
    for (let e = engines.pop(); e; e = engines.pop()) await e.stop();
  });

  /** The Connect handlers over the crashing store, with an engine of their own (a new one is a restart). */
  function api(e: TestEnv): ConnectHandlers {
    const store = crashingStore(e.store, crash);
    const deps = { store, clock: e.clock, ids: sequentialIds(`ct${++generation}`), arns: TEST_ARNS };
    const engine = new Engine({ ...deps, limits: e.limits });
    engines.push(engine);
    const services = createServices({ ...deps, limits: e.limits });
    const apiDeps = { services, engine, store, clock: e.clock, instanceId: e.instanceId };
    return allHandlers({ ...apiDeps, signalling: new SignalRelay() }, TEST_ARNS);
  }
  const ctx = { requestId: 'test' };
  const call = (h: ConnectHandlers, op: keyof ConnectHandlers, input: Record<string, unknown>) => {
    const handler = h[op];
    if (!handler) throw new Error(`no handler for ${op}`);
    return handler(input, ctx);
  };
  const record = (operation: string, token: string) =>
    env().store.repos.idempotency.find(env().instanceId, operation, token);

  it('CreateTaskTemplate: a crash at the record leaves no template; the retry makes one, later retries return it', async () => {
    const { instanceId, store, services } = env();
    const flow = await services.flows.create(instanceId, {
      Name: 'Task flow',
      Type: 'CONTACT_FLOW',
      Content: flowJson('End', { End: { Type: 'DisconnectParticipant' } }),
    });
    const request = {
      InstanceId: instanceId,
      ...callbackTemplateRequest(flow.Id),
      ClientToken: 'template-token',
    };
    const h = api(env());
    crash.on = true;
    await expect(call(h, 'CreateTaskTemplate', request)).rejects.toThrow(CRASH);
    expect(await store.repos.taskTemplates.count(instanceId)).toBe(0);
    expect(await record('CreateTaskTemplate', 'template-token')).toBeUndefined();

    crash.on = false;
    const first = await call(h, 'CreateTaskTemplate', request);
    expect(await store.repos.taskTemplates.count(instanceId)).toBe(1);
    expect((await record('CreateTaskTemplate', 'template-token'))?.Response).toEqual(first);
    expect(await call(api(env()), 'CreateTaskTemplate', request)).toEqual(first);
    expect(await store.repos.taskTemplates.count(instanceId)).toBe(1);
    await expectConnectError(
      call(h, 'CreateTaskTemplate', { ...request, Name: 'Another template' }),
      'IdempotencyException',
      /template-token/,
    );
    expect(await store.repos.taskTemplates.count(instanceId)).toBe(1);
  });

  it('CreateTaskTemplate: requests with the same token at the same time make one template and get its answer', async () => {
    const { instanceId, store, services } = env();
    const flow = await services.flows.create(instanceId, {
      Name: 'Task flow',
      Type: 'CONTACT_FLOW',
      Content: flowJson('End', { End: { Type: 'DisconnectParticipant' } }),
    });
    const request = { InstanceId: instanceId, ...callbackTemplateRequest(flow.Id), ClientToken: 'together' };
    const h = api(env());
    const answers = await Promise.all([1, 2, 3].map(() => call(h, 'CreateTaskTemplate', request)));
    expect(new Set(answers.map((a) => a.Id)).size).toBe(1);
    expect(await store.repos.taskTemplates.count(instanceId)).toBe(1);
  });

  it('ClaimPhoneNumber: a crash at the record leaves the number free; the retry claims it once', async () => {
    const { instanceId, store } = env();
    const request = { InstanceId: instanceId, PhoneNumber: '+81355550001', ClientToken: 'claim-token' };
    const h = api(env());
    crash.on = true;
    await expect(call(h, 'ClaimPhoneNumber', request)).rejects.toThrow(CRASH);
    expect(await store.repos.phoneNumbers.findByNumber('+81355550001')).toBeUndefined();
    expect(await record('ClaimPhoneNumber', 'claim-token')).toBeUndefined();

    crash.on = false;
    const first = await call(h, 'ClaimPhoneNumber', request);
    expect(await call(api(env()), 'ClaimPhoneNumber', request)).toEqual(first);
    expect(await store.repos.phoneNumbers.count(instanceId)).toBe(1);
  });

  describe('TransferContact', () => {
    let s: Scenario;
    /** Tasks, with every segment a transfer makes. */
    const tasks = async () =>
      (
        await env().services.contacts.search(env().instanceId, {
          TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 0, EndTime: env().clock.now() + 1 },
          SearchCriteria: { Channels: ['TASK'] },
        })
      ).items;
    const queuedTask = async (h: ConnectHandlers) => {
      const started = await call(h, 'StartTaskContact', {
        InstanceId: env().instanceId,
        ContactFlowId: s.flows.f3.Id,
        Name: 'Callback',
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      });
      return started.ContactId as string;
    };
    const transfer = (ContactId: string, QueueId = s.basicQueue.QueueId) => ({
      InstanceId: env().instanceId,
      ContactId,
      QueueId,
      ContactFlowId: s.flows.queueTransfer.Id,
      ClientToken: 'transfer-token',
    });

    it('a crash at the record leaves the task where it was; the retry moves it once, later retries return the same contact', async () => {
      s = await setUpScenario(env());
      const h = api(env());
      const contactId = await queuedTask(h);
      crash.on = true;
      await expect(call(h, 'TransferContact', transfer(contactId))).rejects.toThrow(CRASH);
      expect(await record('TransferContact', 'transfer-token')).toBeUndefined();
      const after = await tasks();
      expect(after.map((c) => c.Id)).toEqual([contactId]);
      expect(after[0]).toMatchObject({ QueueId: s.callbackQueue.QueueId, TransferCount: 0 });

      crash.on = false;
      const first = await call(h, 'TransferContact', transfer(contactId));
      expect(first.ContactId).not.toBe(contactId);
      expect(await tasks()).toHaveLength(2);
      expect((await record('TransferContact', 'transfer-token'))?.Response).toEqual(first);
      expect(await call(h, 'TransferContact', transfer(contactId))).toEqual(first);
      // After a restart (a new engine on the same database) too.
      expect(await call(api(env()), 'TransferContact', transfer(contactId))).toEqual(first);
      expect(await tasks()).toHaveLength(2);
      await expectConnectError(
        call(h, 'TransferContact', transfer(contactId, s.callbackQueue.QueueId)),
        'IdempotencyException',
        /transfer-token/,
      );
      expect(await tasks()).toHaveLength(2);
    });

    it('requests with the same token at the same time transfer once and get the same contact', async () => {
      s = await setUpScenario(env());
      const h = api(env());
      const contactId = await queuedTask(h);
      const answers = await Promise.all([1, 2, 3].map(() => call(h, 'TransferContact', transfer(contactId))));
      expect(new Set(answers.map((a) => a.ContactId)).size).toBe(1);
      expect(await tasks()).toHaveLength(2);
    });
  });
});
