/**
 * The walk-through's administrator steps (scenario-walkthrough.test.ts): everything built in /console on a fresh
 * instance, each change read back through the SDK.
 */
import { expect } from 'vitest';
import type { BrowserTest } from './browser.js';
import { ADMIN_PASSWORD, type WebServer } from './server.js';
import { NUMBER, PASSWORD } from '../api/conformance/scenario-sdk.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';
import {
  MENU,
  TO_QUEUE,
  addQuickConnects,
  claimAndBind,
  createQueue,
  createQuickConnect,
  createRoutingProfile,
  createSecurityProfile,
  createUser,
  fillCallbackTemplate,
  goTo,
  importFlow,
  logInConsole,
  type reader,
  shot,
} from './walkthrough-steps.js';

type Reader = ReturnType<typeof reader>;

/** The security profile of the agent who may not create tasks (P1). */
const NO_TASKS = 'Agent - no task creation';

/** 1a: CallbackQueue, flows F4 and F3, the template after T5, F2, F1, transfer flows, routing profiles. */
export async function buildFlowsAndRouting(bt: BrowserTest, server: WebServer, read: Reader) {
  const { page } = bt;
  await logInConsole(page, server.url, 'admin', ADMIN_PASSWORD, 'queues');
  const queues = page.getByTestId('queues');
  await queues.getByTestId('queue-BasicQueue').waitFor();
  await createQueue(page, 'CallbackQueue', 'Callback tasks wait here for an agent');
  await queues.getByTestId('queue-CallbackQueue').waitFor();
  await shot(bt, '01-console-queues');

  // F4 and F3 from their files (F3 names F4: bound by name).
  await goTo(page, 'Flows');
  await page.getByText('No flows yet.').waitFor();
  await importFlow(page, { file: 'F4-task-queue.json' }, 'Callback task queue', 'CUSTOMER_QUEUE');
  await importFlow(page, { file: 'F3-task.json' }, 'Callback task', 'CONTACT_FLOW');

  // The template (T3): Description first read-only AND required, which T5 refuses on the field.
  await goTo(page, 'Task templates');
  await page.getByText('No task templates yet.').waitFor();
  const description = await fillCallbackTemplate(page);
  await page.getByRole('button', { name: 'Save' }).click();
  const fieldError = page.getByTestId('field-error-Description');
  await fieldError.waitFor();
  expect(await fieldError.textContent()).toContain("field 'Description' is read-only and required");
  expect(await page.getByTestId('template-errors').textContent()).toContain('The template was not saved');
  await shot(bt, '02-console-template-t5');
  await description.getByRole('checkbox', { name: /^Required/ }).uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').getByText('Saved Callback request.').waitFor();
  await page.getByTestId('templates').getByRole('button', { name: 'Edit Callback request' }).waitFor();
  await shot(bt, '03-console-template-saved');

  // F2 names the template, CallbackQueue and F3; F1 names F2 and BasicQueue; then three transfer flows pasted.
  await goTo(page, 'Flows');
  await importFlow(page, { file: 'F2-customer-queue.json' }, 'Callback customer queue', 'CUSTOMER_QUEUE');
  await importFlow(page, { file: 'F1-inbound.json' }, 'Callback inbound', 'CONTACT_FLOW');
  const paste = (Name: string, Type: string, Content: string) =>
    importFlow(page, { paste: Content, name: Name, type: Type }, Name, Type);
  await paste('Transfer to queue', 'QUEUE_TRANSFER', TO_QUEUE);
  // As DescribeContactFlow answers it: the name and type come with the paste.
  const described = {
    ContactFlow: { Name: 'Transfer to agent', Type: 'AGENT_TRANSFER', Content: TO_QUEUE },
  };
  await importFlow(page, { paste: JSON.stringify(described) }, 'Transfer to agent', 'AGENT_TRANSFER');
  await paste('Transfer with a menu', 'QUEUE_TRANSFER', MENU);
  await expect.poll(() => page.getByTestId('flows').locator('tbody tr').count()).toBe(7);
  await shot(bt, '04-console-flows');

  expect(await read.flowTypes()).toEqual({
    'Callback customer queue': 'CUSTOMER_QUEUE',
    'Callback inbound': 'CONTACT_FLOW',
    'Callback task': 'CONTACT_FLOW',
    'Callback task queue': 'CUSTOMER_QUEUE',
    'Transfer to agent': 'AGENT_TRANSFER',
    'Transfer to queue': 'QUEUE_TRANSFER',
    'Transfer with a menu': 'QUEUE_TRANSFER',
  });
  const template = await read.template();
  expect(template.ContactFlowId).toBe(await read.flowId('Callback task'));
  expect(template.Fields?.map((f) => [f.Id?.Name, f.Type])).toEqual([
    ['Task name', 'NAME'],
    ['Description', 'DESCRIPTION'],
    ['PhoneNumber', 'TEXT'],
  ]);
  expect(template.Constraints?.ReadOnlyFields?.map((f) => f.Id?.Name)).toEqual(['Description']);
  expect(template.Constraints?.RequiredFields?.map((f) => f.Id?.Name)).toEqual(['Task name']);
  expect(template.Defaults?.DefaultFieldValues?.[0]?.DefaultValue).toBe(CALLBACK_DESCRIPTION);

  // S1–S3: VOICE 1 beside TASK 2, both routing any channel; and a profile for tasks only.
  await goTo(page, 'Routing profiles');
  await createRoutingProfile(page, {
    name: 'Callback agents',
    voice: true,
    task: 2,
    queues: [
      ['BasicQueue', 'Voice'],
      ['CallbackQueue', 'Task'],
    ],
  });
  await createRoutingProfile(page, {
    name: 'Callback task agents',
    voice: false,
    task: 2,
    queues: [['CallbackQueue', 'Task']],
  });
  expect(
    await page.getByTestId('profile-Callback agents').getByTestId('profile-channels').textContent(),
  ).toBe('Voice 1 (any channel) · Task 2 (any channel)');
  await shot(bt, '05-console-routing-profiles');
  expect((await read.routingProfile('Callback agents'))?.MediaConcurrencies).toEqual([
    { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
    { Channel: 'TASK', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
  ]);
}

/** 1b: security profiles and users; quick connects with X2 warned; CallbackQueue's quick connects; the number. */
export async function buildPeopleAndNumbers(bt: BrowserTest, server: WebServer, read: Reader) {
  const { page } = bt;
  await logInConsole(page, server.url, 'admin', ADMIN_PASSWORD, 'security');
  const ccp = ['BasicAgentAccess', 'Access Contact Control Panel'] as const;
  await createSecurityProfile(page, 'Agent', [ccp]);
  await createSecurityProfile(page, 'Supervisor', [
    ccp,
    ['ContactSearch.View', 'Contact search'],
    ['UpdateContactSchedule.Enabled', 'Reschedule contact'],
    ['StopContact.Enabled', 'End contact'],
    ['TransferContact.Enabled', 'Transfer contact'],
  ]);
  await createSecurityProfile(page, NO_TASKS, [
    ccp,
    ['RestrictTaskCreation.Access', 'Restrict task creation'],
  ]);
  await shot(bt, '06-console-security-profiles');
  expect(await read.permissions('Supervisor')).toEqual([
    'BasicAgentAccess',
    'ContactSearch.View',
    'StopContact.Enabled',
    'TransferContact.Enabled',
    'UpdateContactSchedule.Enabled',
  ]);
  expect(await read.permissions(NO_TASKS)).toEqual(['BasicAgentAccess', 'RestrictTaskCreation.Access']);

  await goTo(page, 'Users');
  const person = (username: string, routing: string, security: string) =>
    createUser(page, { username, password: PASSWORD, routing, security, first: username });
  await person('agent1', 'Callback agents', 'Agent');
  await person('agent2', 'Callback task agents', 'Agent');
  await person('supervisor', 'Basic Routing Profile', 'Supervisor');
  await person('agent3', 'Callback task agents', NO_TASKS);
  await shot(bt, '07-console-users');
  const agent2 = await read.user('agent2');
  expect(agent2?.RoutingProfileId).toBe(await read.routingProfileId('Callback task agents'));
  expect(agent2?.IdentityInfo?.FirstName).toBe('agent2');

  // X1's quick connects; X2's warning as soon as the broken one is made, and beside it in the list.
  await goTo(page, 'Quick connects');
  await createQuickConnect(page, {
    name: 'Callback queue',
    type: 'Queue',
    target: 'CallbackQueue',
    flow: 'Transfer to queue',
  });
  await createQuickConnect(page, {
    name: 'agent1',
    type: 'User',
    target: 'agent1',
    flow: 'Transfer to agent',
  });
  const status = await createQuickConnect(page, {
    name: 'Callback queue (menu)',
    type: 'Queue',
    target: 'CallbackQueue',
    flow: 'Transfer with a menu',
  });
  const warning = await status.getByTestId('task-warning').textContent();
  expect(warning).toContain('Tasks transferred with this quick connect fail:');
  expect(warning).toContain(
    'flow Transfer with a menu: block Menu (GetParticipantInput) takes its error branch on tasks',
  );
  const table = page.getByTestId('quick-connects');
  await table.getByTestId('qc-Callback queue (menu)').getByTestId('task-warning').waitFor();
  await table.getByTestId('qc-Callback queue').getByText('No problem found').waitFor();
  await table.getByTestId('qc-agent1').getByText('No problem found').waitFor();
  await shot(bt, '08-console-quick-connects-x2');

  await goTo(page, 'Queues');
  await addQuickConnects(page, 'CallbackQueue', ['Callback queue', 'agent1', 'Callback queue (menu)']);
  const callbackRow = page.getByTestId('queues').getByTestId('queue-CallbackQueue');
  expect(await callbackRow.getByTestId('queue-qc-count').textContent()).toBe('3');
  expect(await read.queueQuickConnects('CallbackQueue')).toEqual([
    'Callback queue',
    'Callback queue (menu)',
    'agent1',
  ]);

  await goTo(page, 'Phone numbers');
  await claimAndBind(page, NUMBER, 'Callback inbound');
  await shot(bt, '09-console-number');
}
