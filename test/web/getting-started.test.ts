/**
 * docs/GETTING-STARTED.md walked as a newcomer would, on a server started as `tsunagi serve` starts the first
 * time: the callback-via-task example applied (the users' password chosen through TSUNAGI_EXAMPLE_PASSWORD) and an
 * access key for the administrator. Step 2: agent2 goes Available, a caller on the web phone presses 2 and agent2
 * takes and completes the callback task. Step 3: agent2 schedules a task an hour ahead; the supervisor finds it in
 * contact search and changes its schedule. Step 4: the SDK, signed with the key the first start made, reads it back.
 */
import {
  ConnectClient,
  DescribeContactCommand,
  ListInstancesCommand,
  SearchContactsCommand,
} from '@aws-sdk/client-connect';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NUMBER } from '../api/conformance/scenario-sdk.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';
import { accept } from './agent-tasks-fixtures.js';
import { describeBrowser, type BrowserTest } from './browser.js';
import { EXAMPLE_PASSWORD, startWebServer, type WebServer } from './server.js';
import { callAndPress2, goTo, logInConsole, reader, shownAs, tokyoInput } from './walkthrough-steps.js';

const HOUR = 3_600_000;
const PHONE = { width: 375, height: 667 };
const CALLER = '+819087654321';
const FOLLOW_UP = 'Call back about the order';
const shot = (bt: BrowserTest, name: string) => bt.screenshot(`getting-started-${name}`);

describeBrowser(
  'docs/GETTING-STARTED.md on a first start with the example',
  (newPage) => {
    let server: WebServer;
    let read: ReturnType<typeof reader>;
    /** The task agent2 schedules in step 3. */
    let scheduled: { id: string; at: number } | undefined;

    beforeAll(async () => {
      server = await startWebServer({ example: true });
      read = reader(server);
    }, 30_000);
    afterAll(async () => {
      await server?.close();
    });

    const watch = (page: Page, who: string, errors: string[]) =>
      page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));

    /** Logs agent2 (Ren Agent in the example) in to /agent and, if told, sets the status to Available. */
    const logInAgent2 = async (page: Page, available: boolean) => {
      await page.goto(`${server.url}/agent`);
      await page.getByLabel('Username').fill('agent2');
      await page.getByLabel('Password').fill(EXAMPLE_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByText('Logged in as Ren Agent').waitFor();
      await page.locator('.connection.open').waitFor();
      if (!available) return;
      await page.getByLabel('Status').selectOption({ label: 'Available' });
      await page.getByTestId('announcer').getByText('Status: Available').waitFor();
    };

    it('1. the first start set up the example, the passwords from the environment and an access key', () => {
      const result = server.tsunagi.firstStartResult;
      expect(result?.setup?.error).toBeUndefined();
      // As the guide prints it: "23 created, 1 kept".
      expect([result?.setup?.report?.created.length, result?.setup?.report?.kept.length]).toEqual([23, 1]);
      expect(result?.setup?.report?.passwords.map((p) => [p.username, p.env])).toEqual([
        ['agent1', 'TSUNAGI_EXAMPLE_PASSWORD'],
        ['agent2', 'TSUNAGI_EXAMPLE_PASSWORD'],
        ['supervisor', 'TSUNAGI_EXAMPLE_PASSWORD'],
      ]);
      expect(result?.accessKey?.accessKeyId).toMatch(/^AKIA/);
    });

    it('2. agent2 goes Available; the caller presses 2; agent2 accepts the callback task and completes it', async () => {
      const agent2 = await newPage();
      const phone = await newPage({ viewport: PHONE });
      const errors: string[] = [];
      watch(agent2.page, 'agent2', errors);
      watch(phone.page, 'phone', errors);
      const since = Date.now() - 1000;

      await logInAgent2(agent2.page, true);
      await shot(agent2, '01-agent2-available');

      await callAndPress2(
        phone.page,
        `${server.url}/phone`,
        { number: NUMBER, caller: CALLER },
        {
          waiting: () => shot(phone, '02-phone-offer'),
          calledBack: () => shot(phone, '03-phone-called-back'),
        },
      );

      // An incoming Task, Callback request: Accept; Description read-only, PhoneNumber the caller's (editable).
      const offer = agent2.page
        .getByTestId('offer')
        .filter({ has: agent2.page.getByRole('heading', { name: 'Callback request', exact: true }) });
      await offer.waitFor();
      await offer.getByText('Task', { exact: true }).waitFor();
      await shot(agent2, '04-agent2-offer');
      await accept(agent2.page, 'Callback request');
      const view = agent2.page.getByTestId('task-view');
      await view.getByRole('heading', { name: 'Task: Callback request' }).waitFor();
      expect(await view.getByLabel('Task name').inputValue()).toBe('Callback request');
      expect(await view.locator('[data-readonly="Description"]').textContent()).toBe(CALLBACK_DESCRIPTION);
      expect(await view.getByRole('textbox', { name: 'Description' }).count()).toBe(0);
      const phoneField = view.getByRole('textbox', { name: 'PhoneNumber' });
      expect(await phoneField.inputValue()).toBe(CALLER);
      expect(await phoneField.isEditable()).toBe(true);
      await shot(agent2, '05-agent2-task');
      const task = (await read.tasks(since, Date.now() + 1000)).find((c) => c.Name === 'Callback request');
      expect((await read.contact(task?.Id ?? ''))?.AgentInfo?.Id).toBe(await read.userId('agent2'));

      await view.getByRole('button', { name: 'Complete', exact: true }).click();
      await agent2.page.getByText('You have no contacts.').waitFor();
      await shot(agent2, '06-agent2-completed');
      expect((await read.contact(task?.Id ?? ''))?.DisconnectTimestamp).toBeInstanceOf(Date);
      expect(errors).toEqual([]);
    }, 30_000);

    it('3. agent2 schedules a task an hour ahead; the supervisor finds it and changes its schedule', async () => {
      const agent2 = await newPage({ timezoneId: 'Asia/Tokyo' });
      const supervisor = await newPage({ timezoneId: 'Asia/Tokyo' });
      const errors: string[] = [];
      watch(agent2.page, 'agent2', errors);
      watch(supervisor.page, 'supervisor', errors);

      await logInAgent2(agent2.page, false);
      await agent2.page.getByRole('button', { name: 'Create task' }).click();
      const dialog = agent2.page.getByRole('dialog', { name: 'Create a task' });
      await dialog.getByLabel('Task template').selectOption({ label: 'Callback request' });
      await dialog.getByLabel('Task name (required)').fill(FOLLOW_UP);
      await dialog.getByLabel('PhoneNumber').fill(CALLER);
      const at = Math.floor((Date.now() + HOUR) / 60_000) * 60_000;
      await dialog.getByLabel('Scheduled date and time (optional)').fill(tokyoInput(at));
      await shot(agent2, '07-agent2-create-task');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await agent2.page
        .getByTestId('create-task-status')
        .getByText(`Created the task “${FOLLOW_UP}”, scheduled for ${await shownAs(agent2.page, at)}.`)
        .waitFor();
      await shot(agent2, '08-agent2-task-scheduled');
      const made = (await read.tasks(at - HOUR, at + HOUR, true)).filter((c) => c.Name === FOLLOW_UP);
      expect(made.map((c) => c.ScheduledTimestamp?.getTime())).toEqual([at]);
      scheduled = { id: made[0]?.Id ?? '', at };

      const { page } = supervisor;
      await logInConsole(page, server.url, 'supervisor', EXAMPLE_PASSWORD, '');
      await goTo(page, 'Contact search');
      await page.getByLabel('Channel').selectOption({ label: 'Task' });
      await page.getByLabel('State').selectOption({ label: 'Scheduled' });
      await page.getByLabel('Time of').selectOption({ label: 'Scheduled for' });
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const results = page.getByTestId('search-results');
      await results.getByRole('cell', { name: await shownAs(page, at) }).waitFor();
      expect(await results.locator('tbody tr').count()).toBe(1);
      await shot(supervisor, '09-supervisor-search');

      await results.getByRole('button', { name: `Open ${FOLLOW_UP}` }).click();
      const details = page.getByTestId('contact-details');
      await details.getByRole('heading', { name: `Contact: ${FOLLOW_UP}` }).waitFor();
      await details.getByRole('heading', { name: 'Change schedule' }).waitFor();
      const target = at + 2 * HOUR;
      const shown = await shownAs(page, target);
      await details.getByLabel('New scheduled time').fill(tokyoInput(target));
      await details.getByRole('button', { name: 'Reschedule' }).click();
      await details.getByTestId('details-status').getByText(`Rescheduled for ${shown}.`).waitFor();
      await details.getByTestId('details-scheduled').getByText(shown).waitFor();
      await shot(supervisor, '10-supervisor-rescheduled');
      scheduled = { id: scheduled.id, at: target };
      expect(errors).toEqual([]);
    }, 30_000);

    it('4. the SDK, as the guide shows it, works with the key the first start printed', async () => {
      if (!scheduled) throw new Error('step 3 did not schedule a task');
      const key = server.tsunagi.firstStartResult?.accessKey;
      if (!key) throw new Error('the first start made no access key');
      const connect = new ConnectClient({
        endpoint: `${server.url}/connect`,
        region: 'us-east-1',
        credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
        maxAttempts: 1,
      });
      try {
        const instances = await connect.send(new ListInstancesCommand({}));
        const InstanceId = instances.InstanceSummaryList?.[0]?.Id ?? '';
        expect(InstanceId).toBe(server.instanceId);
        const { Contact } = await connect.send(
          new DescribeContactCommand({ InstanceId, ContactId: scheduled.id }),
        );
        expect(Contact?.ScheduledTimestamp?.getTime()).toBe(scheduled.at);
        const found = await connect.send(
          new SearchContactsCommand({
            InstanceId,
            TimeRange: {
              Type: 'SCHEDULED_TIMESTAMP',
              StartTime: new Date(scheduled.at - HOUR),
              EndTime: new Date(scheduled.at + HOUR),
            },
            SearchCriteria: { Channels: ['TASK'] },
          }),
        );
        expect(found.Contacts?.map((c) => c.Name)).toEqual([FOLLOW_UP]);
      } finally {
        connect.destroy();
      }
    });
  },
  { args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] },
);
