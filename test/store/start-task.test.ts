import { expect, it } from 'vitest';
import { createTask, type StartTaskInput, type TaskOrigin } from '../../src/tasks/start-task.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { CALLBACK_DESCRIPTION, callbackTemplateRequest } from '../tasks/callback-template.js';

const api: TaskOrigin = { initiationMethod: 'API' };
const taskFlow = JSON.stringify({
  Version: '2019-10-30',
  StartAction: 'q',
  Actions: [{ Identifier: 'q', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
});

async function world(env: TestEnv) {
  const { services, instanceId } = env;
  const flow = await services.flows.create(instanceId, {
    Name: 'Callback task',
    Type: 'CONTACT_FLOW',
    Content: taskFlow,
  });
  const template = await services.taskTemplates.create(instanceId, callbackTemplateRequest(flow.Id));
  const start = (input: StartTaskInput, origin = api) =>
    env.store.transaction((repos) =>
      createTask(
        {
          store: env.store,
          clock: env.clock,
          ids: idsOf(env),
          arns: { region: 'ap-northeast-1', account: '123456789012' },
          limits: env.limits,
        },
        repos,
        instanceId,
        input,
        origin,
      ),
    );
  return { flow, template, start };
}

let seq = 0;
const idsOf = (_env: TestEnv) => ({ next: () => `task-${(++seq).toString().padStart(4, '0')}` });

describeStores('StartTaskContact', (env) => {
  it('creates a task that runs its flow now, with an expiry 7 days out and an INITIATED event', async () => {
    const { flow, start } = await world(env());
    const { contact, timers } = await start({
      Name: 'Call back Mr. Sato',
      ContactFlowId: flow.Arn,
      Attributes: { CallbackQueue: 'q-1' },
    });
    expect(contact).toMatchObject({
      Channel: 'TASK',
      State: 'INITIATED',
      InitiationMethod: 'API',
      Name: 'Call back Mr. Sato',
      ContactFlowId: flow.Id,
      Attributes: { CallbackQueue: 'q-1' },
    });
    expect(contact.ExpiryTimestamp! - contact.InitiationTimestamp).toBe(7 * 24 * 3600 * 1000);
    expect(timers.map((t) => t.Kind)).toEqual(['expire']);
    const stored = await env().store.repos.contacts.get(env().instanceId, contact.Id);
    expect(stored).toEqual(contact);
    expect(
      (await env().store.repos.contacts.events(env().instanceId, contact.Id)).map((e) => e.Type),
    ).toEqual(['INITIATED']);
  });

  it('schedules a task for later: SCHEDULED now, a delivery timer at its time (R3)', async () => {
    const { flow, start } = await world(env());
    const at = env().clock.now() + 2 * 3600 * 1000;
    const { contact, timers } = await start({ Name: 'Later', ContactFlowId: flow.Id, ScheduledTime: at });
    expect(contact).toMatchObject({ State: 'SCHEDULED', ScheduledTimestamp: at });
    expect(timers.find((t) => t.Kind === 'deliver')).toMatchObject({ DueAt: at, ContactId: contact.Id });
    expect((await env().store.repos.timers.list(env().instanceId)).map((t) => t.Kind).sort()).toEqual([
      'deliver',
      'expire',
    ]);
  });

  it('refuses a time in the past or beyond the horizon, naming ScheduledTime, and stores nothing', async () => {
    const { flow, start } = await world(env());
    const now = env().clock.now();
    await expectConnectError(
      start({ Name: 'x', ContactFlowId: flow.Id, ScheduledTime: now - 1000 }),
      'InvalidParameterException',
      /ScheduledTime: is in the past/,
    );
    await expectConnectError(
      start({ Name: 'x', ContactFlowId: flow.Id, ScheduledTime: now + 7 * 86_400_000 }),
      'InvalidParameterException',
      /ScheduledTime: may be at most 6 days ahead/,
    );
    expect(await env().store.repos.contacts.countActiveTasks(env().instanceId)).toBe(0);
    expect(await env().store.repos.timers.list(env().instanceId)).toEqual([]);
  });

  it('makes a task from the scenario template: its flow, its read-only description, the PhoneNumber field (T3, T7)', async () => {
    const { flow, template, start } = await world(env());
    const { contact } = await start({
      TaskTemplateId: template.Arn,
      Name: 'Callback',
      References: { PhoneNumber: { Type: 'STRING', Value: '+815012345678' } },
    });
    expect(contact).toMatchObject({
      Name: 'Callback',
      Description: CALLBACK_DESCRIPTION,
      ContactFlowId: flow.Id,
      TaskTemplateId: template.Id,
      TaskTemplateVersion: 1,
      References: { PhoneNumber: { Type: 'STRING', Value: '+815012345678' } },
    });
  });

  it('refuses a value for a read-only template field (T6), and creates nothing', async () => {
    const { template, start } = await world(env());
    const err = await expectConnectError(
      start({ TaskTemplateId: template.Id, Name: 'Callback', Description: 'Something else' }),
      'PropertyValidationException',
    );
    expect(err.message).toMatch(/Description/);
    expect(await env().store.repos.contacts.countActiveTasks(env().instanceId)).toBe(0);
  });

  it("follows Connect's rules on how the flow is chosen and how contacts are linked", async () => {
    const { flow, start } = await world(env());
    await expectConnectError(
      start({ Name: 'x' }),
      'InvalidRequestException',
      /one of ContactFlowId, QuickConnectId and TaskTemplateId/,
    );
    await expectConnectError(
      start({ Name: 'x', ContactFlowId: flow.Id, QuickConnectId: 'qc' }),
      'InvalidRequestException',
      /only one/,
    );
    await expectConnectError(
      start({ Name: 'x', ContactFlowId: 'missing-flow' }),
      'ResourceNotFoundException',
      /missing-flow/,
    );
    await expectConnectError(
      start({ Name: 'x', TaskTemplateId: 'missing-template' }),
      'ResourceNotFoundException',
      /missing-template/,
    );
    const first = (await start({ Name: 'first', ContactFlowId: flow.Id, Attributes: { tier: 'gold' } }))
      .contact;
    await expectConnectError(
      start({ Name: 'x', ContactFlowId: flow.Id, PreviousContactId: first.Id, RelatedContactId: first.Id }),
      'InvalidRequestException',
      /not both/,
    );
    await expectConnectError(
      start({ Name: 'x', ContactFlowId: flow.Id, RelatedContactId: 'nobody' }),
      'ResourceNotFoundException',
      /RelatedContactId|nobody/,
    );
    const related = (
      await start({
        Name: 'related',
        ContactFlowId: flow.Id,
        RelatedContactId: first.Id,
        Attributes: { note: 'x' },
      })
    ).contact;
    expect(related.Attributes).toEqual({ tier: 'gold', note: 'x' });
    const linked = (await start({ Name: 'linked', ContactFlowId: flow.Id, PreviousContactId: first.Id }))
      .contact;
    expect(linked.InitialContactId).toBe(first.InitialContactId);
  });

  it('allows at most 12 tasks per previous contact', async () => {
    const { flow, start } = await world(env());
    const call = (await start({ Name: 'origin', ContactFlowId: flow.Id })).contact;
    for (let i = 0; i < 12; i++)
      await start({ Name: `t${i}`, ContactFlowId: flow.Id, PreviousContactId: call.Id });
    await expectConnectError(
      start({ Name: 'one too many', ContactFlowId: flow.Id, PreviousContactId: call.Id }),
      'ServiceQuotaExceededException',
      /12/,
    );
  });

  it('refuses bad attributes naming them', async () => {
    const { flow, start } = await world(env());
    await expectConnectError(
      start({ Name: 'x', ContactFlowId: flow.Id, Attributes: { 'bad key': 'v' } }),
      'InvalidParameterException',
      /Attributes/,
    );
    await expectConnectError(
      start({
        Name: 'x',
        ContactFlowId: flow.Id,
        Attributes: { a: 'x'.repeat(20_000), b: 'y'.repeat(20_000) },
      }),
      'InvalidParameterException',
      /32768 bytes/,
    );
  });
});
