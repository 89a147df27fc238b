/**
 * The callback-via-task example's setup file (examples/callback-via-task/setup.json) applied to an empty
 * instance: the scenario works end to end in the engine (V1: a caller presses 2, agent2 is offered the task),
 * and a second run changes nothing.
 */
import { afterEach, expect, it } from 'vitest';
import { dial } from '../../src/channels/scripted-caller.js';
import type { Engine } from '../../src/contacts/engine.js';
import { applySetup, EXAMPLE_SETUP, readSetupFile, type SetupReport } from '../../src/setup/index.js';
import { advance, offersTo, startEngine } from '../support/engine.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';

const CALLER = '+819012345678';
const PASSWORD = 'Example2026';

async function applyExample(
  env: TestEnv,
  vars: Record<string, string> = { TSUNAGI_EXAMPLE_PASSWORD: PASSWORD },
) {
  const { setup, readFile } = await readSetupFile(EXAMPLE_SETUP);
  return applySetup(env.services, env.store, env.instanceId, setup, readFile, { env: vars });
}

const names = (entries: SetupReport['created']) => entries.map((e) => `${e.kind}:${e.name}`);

describeStores('the callback-via-task example setup', (env) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.stop());

  it('sets up the whole scenario on an empty instance, flows bound to it, in an order where each can bind', async () => {
    const e = env();
    const report = await applyExample(e);
    expect(report.kept).toEqual([]);
    expect(report.problems).toEqual([]);
    const created = names(report.created);
    expect(created).toEqual(
      expect.arrayContaining([
        'hours:Always open',
        'queue:BasicQueue',
        'queue:CallbackQueue',
        'securityProfile:Agent - no task creation',
        'routingProfile:Callback agents',
        'routingProfile:Callback task agents',
        'user:agent1',
        'user:agent2',
        'user:supervisor',
        'agentStatus:Break',
        'template:Callback request',
        'quickConnect:Callback queue',
        'quickConnect:agent1',
        'phoneNumber:+81312345678',
        'association:CallbackQueue: Callback queue',
        'association:CallbackQueue: agent1',
      ]),
    );
    // F4 before F3 before the template before F2 before F1: each flow binds what it names.
    const order = created.filter((c) => c.startsWith('flow:') || c.startsWith('template:'));
    expect(order.indexOf('flow:Callback task queue')).toBeLessThan(order.indexOf('flow:Callback task'));
    expect(order.indexOf('template:Callback request')).toBe(order.indexOf('flow:Callback task') + 1);
    expect(order.indexOf('template:Callback request')).toBeLessThan(
      order.indexOf('flow:Callback customer queue'),
    );
    expect(order.indexOf('flow:Callback customer queue')).toBeLessThan(
      order.indexOf('flow:Callback inbound'),
    );
    expect(report.passwords).toEqual([
      { username: 'agent1', env: 'TSUNAGI_EXAMPLE_PASSWORD' },
      { username: 'agent2', env: 'TSUNAGI_EXAMPLE_PASSWORD' },
      { username: 'supervisor', env: 'TSUNAGI_EXAMPLE_PASSWORD' },
    ]);

    const { services, store, instanceId } = e;
    for (const f of (await services.flows.list(instanceId)).items) {
      const flow = await services.flows.describe(instanceId, f.Id);
      expect(flow.Content, f.Name).not.toContain('instance/example/');
    }
    const inbound = await store.repos.flows.findByName(instanceId, 'Callback inbound');
    expect(await store.repos.phoneNumbers.findByNumber('+81312345678')).toMatchObject({
      InstanceId: instanceId,
      ContactFlowId: inbound?.Id,
    });
    const callbackQueue = await store.repos.queues.findByName(instanceId, 'CallbackQueue');
    const qcs = (await services.queues.listQuickConnects(instanceId, callbackQueue?.QueueId ?? '')).items;
    expect(qcs.map((q) => q.Name).sort()).toEqual(['Callback queue', 'agent1']);
    const agent1 = await services.users.verifyLogin(instanceId, 'agent1', PASSWORD);
    expect(agent1?.Username).toBe('agent1');
    const profile = await store.repos.routingProfiles.findByName(instanceId, 'Callback agents');
    expect(profile?.MediaConcurrencies).toEqual([
      { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
      { Channel: 'TASK', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
    ]);
  });

  it('V1 end to end: a caller dials +81312345678, waits, presses 2, and agent2 is offered the callback task', async () => {
    const e = env();
    await applyExample(e);
    const started = startEngine(e);
    engine = started.engine;
    const agent2 = await e.store.repos.users.findByUsername(e.instanceId, 'agent2');
    const available = await e.store.repos.agentStatuses.findByType(e.instanceId, 'ROUTABLE');
    if (!agent2 || !available) throw new Error('agent2 or Available is missing');
    await engine.setStatus(e.instanceId, agent2.Id, available.AgentStatusId);

    const call = await dial(engine, e.instanceId, CALLER, '+81312345678');
    expect(call.heard[0]).toMatch(/Thank you for calling/);
    await advance(e, engine, 3000);
    await call.press('2');
    expect(call.ended).toBe('CONTACT_FLOW_DISCONNECT');
    const [taskId] = offersTo(started.events, agent2.Id);
    expect(taskId).toBeDefined();
    const task = await engine.contact(e.instanceId, taskId ?? '');
    expect(task).toMatchObject({
      Channel: 'TASK',
      State: 'OFFERED',
      RelatedContactId: call.contactId,
      Description: CALLBACK_DESCRIPTION,
      References: { PhoneNumber: { Type: 'STRING', Value: CALLER } },
    });
  });

  it('a second run changes nothing: everything is kept, no password is made', async () => {
    const e = env();
    const first = await applyExample(e, {});
    expect(first.passwords.map((p) => p.username)).toEqual(['agent1', 'agent2', 'supervisor']);
    expect(
      first.passwords.every((p) => p.password !== undefined && /^[A-Za-z0-9]{16}$/.test(p.password)),
    ).toBe(true);
    const flowsBefore = await e.services.flows.list(e.instanceId);
    const usersBefore = await e.services.users.list(e.instanceId);

    const second = await applyExample(e, {});
    expect(second.created).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.passwords).toEqual([]);
    expect(second.problems).toEqual([]);
    expect(names(second.kept).sort()).toEqual(names(first.created).sort());
    expect((await e.services.flows.list(e.instanceId)).items).toEqual(flowsBefore.items);
    expect((await e.services.users.list(e.instanceId)).items).toEqual(usersBefore.items);
    // Still the first run's password.
    const password = first.passwords[0]?.password ?? '';
    expect(await e.services.users.verifyLogin(e.instanceId, 'agent1', password)).toBeDefined();
  });
});
