/**
 * Tasks in the agent workspace, in Chromium against a real Tsunagi configured through the AWS SDK: transfer by
 * quick connect from a task's menu (V3, X1) and a quick connect whose flow fails on tasks (X2: warned, the reason
 * shown, the task kept); Create task with a template and a schedule in the browser's time zone (R2, R3), a past
 * time refused in the server's words; no usable Create task without the permission (P1); a call and two tasks
 * held at once, all listed and switchable, the call still running (V1, S2).
 */
import { DescribeContactCommand, SearchContactsCommand } from '@aws-sdk/client-connect';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dial } from '../../src/channels/scripted-caller.js';
import { NUMBER, setUpScenarioViaSdk, type SdkScenario } from '../api/conformance/scenario-sdk.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';
import { describeBrowser } from './browser.js';
import { startWebServer, type WebServer } from './server.js';
import {
  accept,
  addX2QuickConnectAndRestrictedAgent,
  logInAgent,
  startCallbackTask,
} from './agent-tasks-fixtures.js';

const BROWSER_TEST = 30_000;
const HOUR = 3_600_000;
const TOKYO = 9 * HOUR;

/** A datetime-local value for epoch ms `at`, as a browser in Asia/Tokyo reads it. */
const tokyoInput = (at: number) => new Date(at + TOKYO).toISOString().slice(0, 16);

describeBrowser('tasks in the agent workspace', (newPage) => {
  let server: WebServer;
  let s: SdkScenario;

  beforeAll(async () => {
    server = await startWebServer();
    const { connect, instanceId: InstanceId } = server;
    s = await setUpScenarioViaSdk(connect, InstanceId);
    await addX2QuickConnectAndRestrictedAgent(connect, InstanceId, s);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  const logIn = (page: Page, username: string, available = true) =>
    logInAgent(page, server.url, username, available);
  const startTask = (Name: string, ScheduledTime?: Date) => startCallbackTask(server, s, Name, ScheduledTime);

  const describe = async (ContactId: string) =>
    (await server.connect.send(new DescribeContactCommand({ InstanceId: server.instanceId, ContactId })))
      .Contact;

  it(
    'V3, X1, X2: Transfer lists the quick connects, warns of the broken one, keeps the task when it fails, then transfers',
    async () => {
      const { page, screenshot } = await newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const since = Date.now();
      await logIn(page, 'agent1');
      // Scheduled a moment ahead (R3): delivered then, its schedule shown on the task and not editable.
      const due = new Date(Math.ceil((Date.now() + 2000) / 1000) * 1000);
      const taskId = await startTask('Call back Suzuki', due);
      await accept(page, 'Call back Suzuki');
      const view = page.getByTestId('task-view');
      await view.getByRole('heading', { name: 'Task: Call back Suzuki' }).waitFor();
      const dueText = await page.evaluate(
        (ms) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(ms),
        due.getTime(),
      );
      expect(await view.getByTestId('task-scheduled').textContent()).toContain(dueText);
      expect(await view.locator('input[type="datetime-local"]').count()).toBe(0);

      const transfer = view.getByRole('button', { name: 'Transfer', exact: true });
      expect(await transfer.getAttribute('aria-expanded')).toBe('false');
      await transfer.click();
      const panel = view.getByRole('group', { name: 'Transfer with a quick connect' });
      const brokenButton = panel.getByRole('button', { name: 'Transfer to Callback queue (menu)' });
      await brokenButton.waitFor();
      // X2's warning stands beside the broken quick connect only; it stays choosable.
      const warnings = panel.getByTestId('quick-connect-warning');
      expect(await warnings.count()).toBe(1);
      const broken = panel.getByTestId('quick-connect').filter({ hasText: 'Callback queue (menu)' });
      expect(await broken.getByTestId('quick-connect-warning').textContent()).toMatch(
        /Transfer with a menu.*GetParticipantInput.*fails/,
      );
      expect(await brokenButton.isEnabled()).toBe(true);
      await screenshot('agent-transfer-x2');

      await brokenButton.click();
      const reason = view
        .getByRole('alert')
        .filter({ hasText: 'The transfer to Callback queue (menu) failed' });
      await reason.waitFor();
      expect(await reason.textContent()).toMatch(/stays with you.*Transfer with a menu/);
      await view.getByRole('heading', { name: 'Task: Call back Suzuki' }).waitFor();
      const kept = await describe(taskId);
      expect(kept?.AgentInfo?.Id).toBe(s.agent1.Id);
      expect(kept?.DisconnectTimestamp).toBeUndefined();
      // The server's notice about the same failure is not shown a second time.
      await page.waitForTimeout(300);
      expect(await page.getByRole('alert').filter({ hasText: 'Transfer with a menu' }).count()).toBe(1);

      await panel.getByRole('button', { name: 'Transfer to Callback queue', exact: true }).click();
      await page
        .getByTestId('workspace-status')
        .getByText('Transferred “Call back Suzuki” to Callback queue.')
        .waitFor();
      expect(
        await page
          .getByTestId('task-view')
          .getByRole('heading', { name: /Suzuki/ })
          .count(),
      ).toBe(0);

      // As Connect does: the old contact ended by the transfer, a new one made from it.
      const old = await describe(taskId);
      expect(old?.DisconnectTimestamp).toBeInstanceOf(Date);
      expect(old?.DisconnectReason).toBe('TRANSFER');
      const found = await server.connect.send(
        new SearchContactsCommand({
          InstanceId: server.instanceId,
          TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: new Date(since), EndTime: new Date() },
          SearchCriteria: { Channels: ['TASK'] },
        }),
      );
      const next = found.Contacts?.find((c) => c.PreviousContactId === taskId);
      expect(next).toMatchObject({ InitiationMethod: 'TRANSFER', Name: 'Call back Suzuki' });
      // The queue offers the new contact again (agent1 is its only agent): done with it.
      await accept(page, 'Call back Suzuki');
      await view.getByRole('button', { name: 'Complete' }).click();
      await page.getByText('You have no contacts.').waitFor();
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'R2, R3: Create task from the template, scheduled 2 hours ahead in Asia/Tokyo; a past time is refused',
    async () => {
      const { page, screenshot } = await newPage({ timezoneId: 'Asia/Tokyo' });
      await logIn(page, 'agent2', false);
      const opener = page.getByRole('button', { name: 'Create task' });
      await opener.click();
      const dialog = page.getByRole('dialog', { name: 'Create a task' });
      await dialog.waitFor();
      // Focus moves into the dialog; Esc closes it and gives focus back.
      const focused = (what: 'id' | 'textContent') => page.evaluate(`document.activeElement?.${what}`);
      expect(await focused('id')).toBe('create-template');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await focused('textContent')).toBe('Create task');

      await opener.click();
      // Without a template: Name, Description, the schedule, and the quick connect that decides where it goes.
      await dialog.getByLabel('Name (required)').waitFor();
      await dialog.getByLabel('Description').waitFor();
      const quickConnect = dialog.getByLabel('Assign by quick connect (required)');
      await quickConnect
        .locator('option', { hasText: 'Callback queue (menu)' })
        .waitFor({ state: 'attached' });
      expect(await quickConnect.locator('option').allTextContents()).toEqual([
        '(none)',
        'agent1',
        'Callback queue',
        'Callback queue (menu) (warning: fails for tasks)',
      ]);
      await dialog.getByLabel('Task template').selectOption({ label: 'Callback request' });
      expect(await dialog.getByLabel('Assign by quick connect (required)').count()).toBe(0);
      // The template's fields as it says: the name required, Description read-only with its default.
      await dialog.getByLabel('Task name (required)').fill('Call Tanaka back');
      expect(await dialog.locator('[data-readonly="Description"]').textContent()).toBe(CALLBACK_DESCRIPTION);
      expect(await dialog.getByRole('textbox', { name: 'Description' }).count()).toBe(0);
      await dialog.getByLabel('PhoneNumber').fill('+819012345678');
      const schedule = dialog.getByLabel('Scheduled date and time (optional)');
      expect(await schedule.getAttribute('type')).toBe('datetime-local');

      // A time in the past: the server's words at the field, nothing created.
      await schedule.fill(tokyoInput(Date.now() - HOUR));
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      const refusal = dialog.getByRole('alert').filter({ hasText: 'ScheduledTime: is in the past' });
      await refusal.waitFor();
      expect(await schedule.getAttribute('aria-invalid')).toBe('true');

      const at = Math.floor((Date.now() + 2 * HOUR) / 60_000) * 60_000;
      await schedule.fill(tokyoInput(at));
      await screenshot('agent-create-task');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      const when = await page.evaluate(
        (ms) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(ms),
        at,
      );
      const status = page.getByTestId('create-task-status');
      await status.getByText(`Created the task “Call Tanaka back”, scheduled for ${when}.`).waitFor();
      expect(await status.getAttribute('role')).toBe('status');

      const found = await server.connect.send(
        new SearchContactsCommand({
          InstanceId: server.instanceId,
          TimeRange: {
            Type: 'SCHEDULED_TIMESTAMP',
            StartTime: new Date(at - HOUR),
            EndTime: new Date(at + HOUR),
          },
          SearchCriteria: { Channels: ['TASK'] },
        }),
      );
      const made = found.Contacts?.filter((c) => c.Name === 'Call Tanaka back') ?? [];
      expect(made).toHaveLength(1);
      expect(made[0]?.ScheduledTimestamp?.getTime()).toBe(at);
      const task = await server.tsunagi.engine.contact(server.instanceId, made[0]?.Id ?? '');
      expect(task).toMatchObject({
        State: 'SCHEDULED',
        ScheduledTimestamp: at,
        TaskTemplateId: s.template.Id,
        Description: CALLBACK_DESCRIPTION,
        References: { PhoneNumber: { Type: 'STRING', Value: '+819012345678' } },
      });
    },
    BROWSER_TEST,
  );

  it(
    'P1: an agent whose profile restricts task creation has no usable Create task, and is told why',
    async () => {
      const { page } = await newPage();
      await logIn(page, 'agent3', false);
      const opener = page.getByRole('button', { name: 'Create task' });
      await page.getByTestId('create-task-denied').waitFor();
      expect(await opener.isDisabled()).toBe(true);
      const why = await page.getByTestId('create-task-denied').textContent();
      expect(why).toMatch(/^You cannot create tasks: .*RestrictTaskCreation\.Access/);
      expect(await opener.getAttribute('aria-describedby')).toBe('create-task-denied');
    },
    BROWSER_TEST,
  );

  it(
    'V1, S2: a call and two tasks held at once are all listed and switchable; the call goes on',
    async () => {
      const { page, screenshot } = await newPage();
      const { tsunagi, instanceId } = server;
      await logIn(page, 'agent1');
      const call = await dial(tsunagi.engine, instanceId, '+819011112222', NUMBER);
      const callOffer = page.getByTestId('offer').filter({ hasText: '+819011112222' });
      await callOffer.getByRole('button', { name: /^Accept/ }).click();
      await page.getByTestId('call-view').waitFor();

      await startTask('First callback');
      await accept(page, 'First callback');
      await startTask('Second callback');
      await accept(page, 'Second callback');
      const list = page.getByTestId('contact-list');
      expect(await list.getByRole('button').allTextContents()).toEqual([
        expect.stringMatching(/^Call \+819011112222 Connected · \d+:\d\d$/),
        'Task First callback Connected',
        'Task Second callback Connected',
      ]);

      const view = page.getByTestId('task-view');
      await list.getByRole('button', { name: /First callback/ }).click();
      await view.getByRole('heading', { name: 'Task: First callback' }).waitFor();
      expect(await list.getByRole('button', { name: /First callback/ }).getAttribute('aria-current')).toBe(
        'true',
      );
      await list.getByRole('button', { name: /Second callback/ }).click();
      await view.getByRole('heading', { name: 'Task: Second callback' }).waitFor();
      await screenshot('agent-two-tasks');

      // While a task is shown the call keeps running: its timer moves on in the list.
      const timer = list.getByTestId('list-call-timer');
      const before = await timer.textContent();
      expect(before).toMatch(/ · \d+:\d\d$/);
      await timer.filter({ hasNotText: before ?? '' }).waitFor();
      await list.getByRole('button', { name: /\+819011112222/ }).click();
      await page.getByTestId('call-view').getByTestId('call-state').getByText('Connected').waitFor();
      expect((await tsunagi.engine.contact(instanceId, call.contactId))?.State).toBe('CONNECTED');
      await call.hangUp();
    },
    BROWSER_TEST,
  );
});
