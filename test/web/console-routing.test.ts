/**
 * The console's queues, routing profiles and quick connects in Chromium against a real Tsunagi set up with the
 * scenario (through the SDK): admin creates a queue, adds a quick connect to it, changes its maximum contacts and
 * disables it; creates a routing profile (TASK 2, route any channel, two queues with priority and delay) and
 * edits its channels and queues; creates quick connects of each type and meets rule X2's warning on one whose
 * flow fails on tasks. Every change is read back through the SDK; a duplicate name is refused on the form.
 */
import {
  CreateContactFlowCommand,
  DescribeQueueCommand,
  DescribeQuickConnectCommand,
  DescribeRoutingProfileCommand,
  ListQueueQuickConnectsCommand,
  ListQueuesCommand,
  ListQuickConnectsCommand,
  ListRoutingProfileQueuesCommand,
  ListRoutingProfilesCommand,
} from '@aws-sdk/client-connect';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpScenarioViaSdk, type SdkScenario } from '../api/conformance/scenario-sdk.js';
import { flowJson } from '../support/flows.js';
import { describeBrowser } from './browser.js';
import { ADMIN_PASSWORD, startWebServer, type WebServer } from './server.js';

const BROWSER_TEST = 60_000;
const MENU_FLOW = 'Transfer with a menu (console)';

async function logIn(page: Page, url: string, section: string) {
  await page.goto(`${url}/console`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link', { name: section, exact: true }).click();
  return nav;
}

describeBrowser('queues, routing profiles and quick connects in the console', (newPage) => {
  let server: WebServer;
  let s: SdkScenario;
  let menuFlowId: string;

  beforeAll(async () => {
    server = await startWebServer();
    s = await setUpScenarioViaSdk(server.connect, server.instanceId);
    // X2: a queue transfer flow that asks for a key first; Get customer input takes its error branch on tasks.
    const menu = await server.connect.send(
      new CreateContactFlowCommand({
        InstanceId: server.instanceId,
        Name: MENU_FLOW,
        Type: 'QUEUE_TRANSFER',
        Content: flowJson('Menu', {
          Menu: {
            Type: 'GetParticipantInput',
            Parameters: {
              Text: 'Press 1 to be transferred.',
              InputTimeLimitSeconds: '5',
              StoreInput: 'False',
            },
            Conditions: [['1', 'Transfer']],
            Errors: { NoMatchingError: 'End', InputTimeLimitExceeded: 'End', NoMatchingCondition: 'End' },
          },
          Transfer: {
            Type: 'TransferContactToQueue',
            Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' },
          },
          End: { Type: 'DisconnectParticipant' },
        }),
      }),
    );
    menuFlowId = menu.ContactFlowId ?? '';
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it(
    'creates a queue with a quick connect and a routing profile over two queues; changes are read back',
    async () => {
      const { page, screenshot } = await newPage();
      const { connect, instanceId: InstanceId } = server;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const nav = await logIn(page, server.url, 'Queues');
      const queues = page.getByTestId('queues');
      await queues.getByTestId('queue-CallbackQueue').waitFor();
      expect(
        await queues.getByTestId('queue-CallbackQueue').getByTestId('queue-qc-count').textContent(),
      ).toBe('2');
      const countQueues = async () =>
        (await connect.send(new ListQueuesCommand({ InstanceId, QueueTypes: ['STANDARD'] }))).QueueSummaryList
          ?.length;
      const before = await countQueues();

      // A duplicate name: the server's words on the form, and no queue more.
      await page.getByRole('button', { name: 'New queue' }).click();
      const form = page.getByRole('form', { name: 'New queue' });
      await form.getByLabel('Name', { exact: true }).fill('CallbackQueue');
      await form.getByLabel('Hours of operation').selectOption({ label: 'Always open' });
      await form.getByRole('button', { name: 'Create queue' }).click();
      await form.getByRole('alert').getByText("Queue with the name 'CallbackQueue' already exists").waitFor();
      expect(await countQueues()).toBe(before);

      await form.getByLabel('Name', { exact: true }).fill('Escalations');
      await form.getByLabel(/^Description/).fill('Callbacks a supervisor takes over');
      await form.getByLabel(/^Maximum contacts/).fill('5');
      await form.getByLabel(/^Outbound caller ID name/).fill('Tsunagi support');
      await form.getByLabel(/^Outbound caller ID number/).selectOption({ label: '+81312345678' });
      await form.getByRole('button', { name: 'Create queue' }).click();
      await page.getByRole('status').getByText('Created queue Escalations.').waitFor();
      const row = queues.getByTestId('queue-Escalations');
      await row.waitFor();
      const escalationsId =
        (await connect.send(new ListQueuesCommand({ InstanceId }))).QueueSummaryList?.find(
          (q) => q.Name === 'Escalations',
        )?.Id ?? '';
      const describe = async () =>
        (await connect.send(new DescribeQueueCommand({ InstanceId, QueueId: escalationsId }))).Queue;
      expect(await describe()).toMatchObject({
        Description: 'Callbacks a supervisor takes over',
        HoursOfOperationId: s.hoursId,
        MaxContacts: 5,
        Status: 'ENABLED',
        OutboundCallerConfig: {
          OutboundCallerIdName: 'Tsunagi support',
          OutboundCallerIdNumberId: s.phoneNumberId,
        },
      });

      // Its quick connect, then a new maximum.
      await page.getByRole('button', { name: 'Manage Escalations' }).click();
      const details = page.getByRole('region', { name: 'Queue: Escalations' });
      await details.getByLabel('Quick connect to add').selectOption({ label: 'Callback queue' });
      await details.getByRole('button', { name: 'Add quick connect' }).click();
      await details.getByRole('status').getByText('Added Callback queue.').waitFor();
      const associated = await connect.send(
        new ListQueueQuickConnectsCommand({ InstanceId, QueueId: escalationsId }),
      );
      expect(associated.QuickConnectSummaryList?.map((q) => q.Id)).toEqual([s.quickConnects.toCallbackQueue]);
      expect(await row.getByTestId('queue-qc-count').textContent()).toBe('1');

      await details.getByLabel('Maximum contacts', { exact: true }).fill('12');
      await details.getByRole('button', { name: 'Change maximum contacts' }).click();
      await details.getByRole('status').getByText('Maximum contacts of Escalations: 12.').waitFor();
      expect((await describe())?.MaxContacts).toBe(12);
      expect(await row.getByTestId('queue-max').textContent()).toBe('12');

      await page.getByRole('button', { name: 'Disable Escalations' }).click();
      await page.getByRole('status').getByText('Escalations is disabled.').waitFor();
      expect((await describe())?.Status).toBe('DISABLED');
      expect(await row.getByTestId('queue-status').textContent()).toBe('Disabled');
      await screenshot('console-queues');

      // A routing profile: TASK 2 routing any channel beside voice, Escalations first and CallbackQueue later.
      await nav.getByRole('link', { name: 'Routing profiles' }).click();
      await page.getByRole('button', { name: 'New routing profile' }).click();
      const rpForm = page.getByRole('form', { name: 'New routing profile' });
      await rpForm.getByLabel('Name', { exact: true }).fill('Escalation agents');
      await rpForm.getByLabel('Description').fill('Supervisors taking callbacks over');
      await rpForm.getByLabel('Default outbound queue').selectOption({ label: 'BasicQueue' });
      await rpForm.getByLabel('Handle Task').check();
      await rpForm.getByLabel('Task contacts at a time').fill('2');
      await rpForm.getByLabel('Task cross-channel behaviour').selectOption({ label: 'Route any channel' });
      for (const [i, [queue, priority, delay]] of [
        ['Escalations', '1', '0'],
        ['CallbackQueue', '2', '30'],
      ].entries()) {
        await rpForm.getByRole('button', { name: 'Add a queue' }).click();
        const r = rpForm.getByTestId(`queue-row-${i + 1}`);
        await r.getByRole('combobox', { name: /^Queue/ }).selectOption({ label: queue ?? '' });
        await r.getByRole('combobox', { name: /^Channel/ }).selectOption({ label: 'Task' });
        await r.getByRole('spinbutton', { name: /^Priority/ }).fill(priority ?? '');
        await r.getByRole('spinbutton', { name: /^Delay/ }).fill(delay ?? '');
      }
      await rpForm.getByRole('button', { name: 'Create routing profile' }).click();
      await page.getByRole('status').getByText('Created routing profile Escalation agents.').waitFor();
      const profileRow = page.getByTestId('profile-Escalation agents');
      expect(await profileRow.getByTestId('profile-channels').textContent()).toBe(
        'Voice 1 · Task 2 (any channel)',
      );

      const profiles = await connect.send(new ListRoutingProfilesCommand({ InstanceId }));
      const RoutingProfileId =
        profiles.RoutingProfileSummaryList?.find((p) => p.Name === 'Escalation agents')?.Id ?? '';
      const profile = async () =>
        (await connect.send(new DescribeRoutingProfileCommand({ InstanceId, RoutingProfileId })))
          .RoutingProfile;
      const profileQueues = async () =>
        (await connect.send(new ListRoutingProfileQueuesCommand({ InstanceId, RoutingProfileId })))
          .RoutingProfileQueueConfigSummaryList ?? [];
      expect(await profile()).toMatchObject({
        Description: 'Supervisors taking callbacks over',
        DefaultOutboundQueueId: s.basicQueue.QueueId,
        MediaConcurrencies: [
          {
            Channel: 'VOICE',
            Concurrency: 1,
            CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' },
          },
          { Channel: 'TASK', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
        ],
      });
      const pairs = (list: Awaited<ReturnType<typeof profileQueues>>) =>
        list.map((q) => [q.QueueName, q.Channel, q.Priority, q.Delay]).sort();
      expect(pairs(await profileQueues())).toEqual([
        ['CallbackQueue', 'TASK', 2, 30],
        ['Escalations', 'TASK', 1, 0],
      ]);

      // Editing: TASK 3 contacts at a time; CallbackQueue waits a minute now.
      await page.getByRole('button', { name: 'Edit Escalation agents' }).click();
      const editor = page.getByRole('region', { name: 'Routing profile: Escalation agents' });
      const channels = editor.getByRole('form', { name: 'Channels and concurrency' });
      await channels.getByLabel('Task contacts at a time').fill('3');
      await channels.getByRole('button', { name: 'Save channels' }).click();
      await channels.getByRole('status').getByText('Channels saved.').waitFor();
      expect((await profile())?.MediaConcurrencies?.find((m) => m.Channel === 'TASK')?.Concurrency).toBe(3);
      const queuesForm = editor.getByRole('form', { name: 'Queues' });
      const callbackRow = queuesForm.getByRole('row').filter({ hasText: 'CallbackQueue' });
      await callbackRow.getByRole('spinbutton', { name: /^Delay/ }).fill('60');
      await queuesForm.getByRole('button', { name: 'Save queues' }).click();
      await queuesForm.getByRole('status').getByText('Queues saved.').waitFor();
      expect(pairs(await profileQueues())).toEqual([
        ['CallbackQueue', 'TASK', 2, 60],
        ['Escalations', 'TASK', 1, 0],
      ]);
      await screenshot('console-routing-profile');
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    "quick connects of each type; X2's warning beside the one whose flow fails on tasks, none beside the others",
    async () => {
      const { page, screenshot } = await newPage();
      const { connect, instanceId: InstanceId } = server;
      await logIn(page, server.url, 'Quick connects');
      const table = page.getByTestId('quick-connects');
      const good = table.getByTestId('qc-Callback queue');
      await good.getByText('No problem found').waitFor();
      expect(await table.getByTestId('task-warning').count()).toBe(0);
      const countQcs = async () =>
        (await connect.send(new ListQuickConnectsCommand({ InstanceId }))).QuickConnectSummaryList ?? [];
      const before = (await countQcs()).length;

      const create = async (name: string, fill: (form: Locator) => Promise<void>) => {
        await page.getByRole('button', { name: 'New quick connect' }).click();
        const form = page.getByRole('form', { name: 'New quick connect' });
        await form.getByLabel('Name', { exact: true }).fill(name);
        await fill(form);
        await form.getByRole('button', { name: 'Create quick connect' }).click();
        return form;
      };

      // The broken one: the warning shows as soon as it is created, naming the block, and stays in the list.
      await create('Callback queue (menu)', async (form) => {
        await form.getByLabel('Type').selectOption({ label: 'Queue' });
        await form.getByLabel('Queue', { exact: true }).selectOption({ label: 'CallbackQueue' });
        await form.getByLabel('Flow', { exact: true }).selectOption({ label: MENU_FLOW });
      });
      const status = page.getByTestId('qc-status');
      await status.getByText('Created quick connect Callback queue (menu).').waitFor();
      const warning = status.getByTestId('task-warning');
      expect(await warning.textContent()).toContain('Tasks transferred with this quick connect fail:');
      expect(await warning.textContent()).toContain(
        `flow ${MENU_FLOW}: block Menu (GetParticipantInput) takes its error branch on tasks`,
      );
      const brokenRow = table.getByTestId('qc-Callback queue (menu)');
      await brokenRow
        .getByTestId('task-warning')
        .getByText(/block Menu \(GetParticipantInput\)/)
        .waitFor();
      expect(await good.getByTestId('task-warning').count()).toBe(0);
      expect(await table.getByTestId('qc-agent1').getByTestId('task-warning').count()).toBe(0);
      await screenshot('console-quick-connects');

      // A USER one with an agent transfer flow: no warning.
      await create('agent2 direct', async (form) => {
        await form.getByLabel('Type').selectOption({ label: 'User' });
        await form.getByLabel('User', { exact: true }).selectOption({ label: 'agent2' });
        await form.getByLabel('Flow', { exact: true }).selectOption({ label: 'Transfer to agent' });
      });
      await status.getByText('Created quick connect agent2 direct.').waitFor();
      expect(await status.getByTestId('task-warning').count()).toBe(0);
      await table.getByTestId('qc-agent2 direct').getByText('No problem found').waitFor();

      await create('Head office', async (form) => {
        await form.getByLabel('Type').selectOption({ label: 'Phone number' });
        await form.getByLabel('Phone number').fill('+81355550100');
      });
      await status.getByText('Created quick connect Head office.').waitFor();
      const all = await countQcs();
      expect(all).toHaveLength(before + 3);
      const idOf = (name: string) => all.find((q) => q.Name === name)?.Id ?? '';
      const described = async (name: string) =>
        (await connect.send(new DescribeQuickConnectCommand({ InstanceId, QuickConnectId: idOf(name) })))
          .QuickConnect?.QuickConnectConfig;
      expect(await described('Callback queue (menu)')).toMatchObject({
        QuickConnectType: 'QUEUE',
        QueueConfig: { QueueId: s.callbackQueue.QueueId, ContactFlowId: menuFlowId },
      });
      expect(await described('agent2 direct')).toMatchObject({
        QuickConnectType: 'USER',
        UserConfig: { UserId: s.agent2.Id, ContactFlowId: s.flows.agentTransfer.Id },
      });
      expect(await described('Head office')).toMatchObject({
        QuickConnectType: 'PHONE_NUMBER',
        PhoneConfig: { PhoneNumber: '+81355550100' },
      });

      // A duplicate name: refused on the form, nothing created.
      const dup = await create('agent1', async (form) => {
        await form.getByLabel('Type').selectOption({ label: 'Phone number' });
        await form.getByLabel('Phone number').fill('+81355550101');
      });
      await dup.getByRole('alert').getByText("Quick connect with the name 'agent1' already exists").waitFor();
      expect(await countQcs()).toHaveLength(before + 3);
      await dup.getByRole('button', { name: 'Cancel' }).click();

      // Deleting asks first.
      await table.getByRole('button', { name: 'Delete Head office' }).click();
      await table
        .getByRole('group', { name: 'Delete Head office' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await page.getByRole('status').getByText('Deleted Head office.').waitFor();
      expect((await countQcs()).map((q) => q.Name)).not.toContain('Head office');
      expect(await table.getByTestId('qc-Head office').count()).toBe(0);
    },
    BROWSER_TEST,
  );
});
