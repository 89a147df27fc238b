/**
 * The acceptance test of the web app: the whole "callback via task" scenario (../shared/seed/scenario.md) walked as
 * people would, through the UI only, on a fresh instance (BasicQueue, hours, the Admin profile and the admin user).
 * The administrator builds everything in /console (queue, the four flows, the template after meeting T5, transfer
 * flows, routing profiles, security profiles, users, quick connects with X2's warning, the number); agent1 takes a
 * call; a caller on the web phone presses 2 and agent2 receives the callback task (V1, V2), meets X2 when
 * transferring and transfers it to agent1, who is still on the call (X1, V3, S2); agent2 creates a task scheduled
 * two hours ahead (R2, R3); the supervisor finds and reschedules it (R1, P2); the permissions refuse in words
 * (P1, P3). The SDK only reads the server's state back. The `it` blocks run in order and build on each other.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NUMBER, PASSWORD } from '../api/conformance/scenario-sdk.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';
import { accept, logInAgent } from './agent-tasks-fixtures.js';
import { buildFlowsAndRouting, buildPeopleAndNumbers } from './walkthrough-admin.js';
import { describeBrowser } from './browser.js';
import { startWebServer, type WebServer } from './server.js';
import {
  callAndPress2,
  dialScripted,
  logInConsole,
  reader,
  shownAs,
  shot,
  tokyoInput,
} from './walkthrough-steps.js';

const HOUR = 3_600_000;
const PHONE = { width: 375, height: 667 };
/** The caller who asks for a callback, and the one agent1 is talking with meanwhile. */
const CALLER = '+819012345678';
const FIRST_CALLER = '+819011112222';
const FOLLOW_UP = 'Call the customer back';

describeBrowser(
  'the callback-via-task scenario, walked through the web app',
  (newPage) => {
    let server: WebServer;
    let read: ReturnType<typeof reader>;

    /** The task agent2 schedules (step 4), which the supervisor reschedules (step 5). */
    let scheduled: { id: string; at: number } | undefined;

    beforeAll(async () => {
      server = await startWebServer();
      read = reader(server);
    }, 30_000);
    afterAll(async () => {
      await server?.close();
    });

    /** Errors thrown in the page: none is expected anywhere. */
    const watch = (page: Page, who: string, errors: string[]) =>
      page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));

    it('1a. admin: CallbackQueue, flows F4 and F3, the template after T5, F2, F1, transfer flows, routing profiles', async () => {
      const bt = await newPage();
      const errors: string[] = [];
      watch(bt.page, 'console', errors);
      await buildFlowsAndRouting(bt, server, read);
      expect(errors).toEqual([]);
    }, 60_000);

    it('1b. admin: security profiles and users; quick connects with X2 warned; CallbackQueue; the number on F1', async () => {
      const bt = await newPage();
      const errors: string[] = [];
      watch(bt.page, 'console', errors);
      await buildPeopleAndNumbers(bt, server, read);
      expect(errors).toEqual([]);
    }, 60_000);

    it('2–4. V1, V2, X2, X1, V3, S2, R2, R3: the call, the callback task, its transfers, a scheduled task', async () => {
      const agent1 = await newPage();
      const agent2 = await newPage({ timezoneId: 'Asia/Tokyo' });
      const phone = await newPage({ viewport: PHONE });
      const errors: string[] = [];
      watch(agent1.page, 'agent1', errors);
      watch(agent2.page, 'agent2', errors);
      watch(phone.page, 'phone', errors);
      const since = Date.now() - 1000;
      const [agent1Id, agent2Id] = [await read.userId('agent1'), await read.userId('agent2')];

      // agent1 takes a first call (a scripted caller through the web-phone API).
      await logInAgent(agent1.page, server.url, 'agent1', true);
      const firstCall = await dialScripted(server.url, NUMBER, FIRST_CALLER);
      await agent1.page
        .getByTestId('offer')
        .filter({ hasText: FIRST_CALLER })
        .getByRole('button', { name: /^Accept/ })
        .click();
      const callView = agent1.page.getByTestId('call-view');
      await callView.locator('[data-testid="call-state"][data-state="CONNECTED"]').waitFor();
      await shot(agent1, '10-agent1-on-a-call');

      // agent2 is idle; the caller waits (agent1 is busy on voice, agent2 takes no calls) and presses 2.
      await logInAgent(agent2.page, server.url, 'agent2', true);
      await callAndPress2(
        phone.page,
        `${server.url}/phone`,
        { number: NUMBER, caller: CALLER },
        {
          waiting: () => shot(phone, '11-phone-waiting'),
          calledBack: () => shot(phone, '12-phone-called-back'),
        },
      );

      // V1, V2: agent2 is offered the task, accepts, sees Description read-only and the caller's number.
      await agent2.page.getByTestId('offer').getByRole('heading', { name: 'Callback request' }).waitFor();
      await shot(agent2, '13-agent2-offer');
      await accept(agent2.page, 'Callback request');
      const view = agent2.page.getByTestId('task-view');
      await view.getByRole('heading', { name: 'Task: Callback request' }).waitFor();
      expect(await view.locator('[data-readonly="Description"]').textContent()).toBe(CALLBACK_DESCRIPTION);
      expect(await view.getByRole('textbox', { name: 'Description' }).count()).toBe(0);
      const phoneField = view.getByRole('textbox', { name: 'PhoneNumber' });
      expect(await phoneField.inputValue()).toBe(CALLER);
      expect(await phoneField.isEditable()).toBe(true);
      await shot(agent2, '14-agent2-task-v2');
      const task = (await read.tasks(since, Date.now() + 1000)).find((c) => c.Name === 'Callback request');
      const taskId = task?.Id ?? '';
      const received = await read.contact(taskId);
      expect(received?.AgentInfo?.Id).toBe(agent2Id);
      // C1: linked to the call it came from.
      const call = await read.contact(received?.RelatedContactId ?? '');
      expect(call).toMatchObject({ Channel: 'VOICE', InitiationMethod: 'INBOUND' });

      // X2: the broken quick connect is warned of; choosing it says why, and the task stays with agent2.
      await view.getByRole('button', { name: 'Transfer', exact: true }).click();
      const panel = view.getByRole('group', { name: 'Transfer with a quick connect' });
      const broken = panel.getByTestId('quick-connect').filter({ hasText: 'Callback queue (menu)' });
      expect(await broken.getByTestId('quick-connect-warning').textContent()).toMatch(
        /Transfer with a menu.*GetParticipantInput.*fails/,
      );
      expect(await panel.getByTestId('quick-connect-warning').count()).toBe(1);
      await shot(agent2, '15-agent2-transfer-menu-x2');
      await panel.getByRole('button', { name: 'Transfer to Callback queue (menu)' }).click();
      const reason = view
        .getByRole('alert')
        .filter({ hasText: 'The transfer to Callback queue (menu) failed' });
      await reason.waitFor();
      expect(await reason.textContent()).toMatch(/stays with you.*Transfer with a menu/);
      await shot(agent2, '16-agent2-transfer-refused');
      const kept = await read.contact(taskId);
      expect(kept?.AgentInfo?.Id).toBe(agent2Id);
      expect(kept?.DisconnectTimestamp).toBeUndefined();

      // X1, V3 and S2: to agent1 by the quick connect; agent1, on the call, is offered the task and accepts it.
      await panel.getByRole('button', { name: 'Transfer to agent1', exact: true }).click();
      await agent2.page
        .getByTestId('workspace-status')
        .getByText('Transferred “Callback request” to agent1.')
        .waitFor();
      await agent1.page.getByTestId('offer').getByRole('heading', { name: 'Callback request' }).waitFor();
      expect(await callView.getByTestId('call-state').getAttribute('data-state')).toBe('CONNECTED');
      await shot(agent1, '17-agent1-offered-task-on-call');
      await accept(agent1.page, 'Callback request');
      const list = agent1.page.getByTestId('contact-list');
      expect(await list.getByRole('button').allTextContents()).toEqual([
        expect.stringMatching(new RegExp(`^Call \\${FIRST_CALLER} Connected · \\d+:\\d\\d$`)),
        'Task Callback request Connected',
      ]);
      await agent1.page
        .getByTestId('task-view')
        .getByRole('heading', { name: 'Task: Callback request' })
        .waitFor();
      await shot(agent1, '18-agent1-call-and-task');
      const moved = (await read.tasks(since, Date.now() + 1000)).find((c) => c.PreviousContactId === taskId);
      expect((await read.contact(moved?.Id ?? ''))?.AgentInfo?.Id).toBe(agent1Id);
      expect((await read.contact(taskId))?.DisconnectReason).toBe('TRANSFER');
      const stillOn = await read.contact(firstCall.contactId);
      expect(stillOn?.AgentInfo?.Id).toBe(agent1Id);
      expect(stillOn?.DisconnectTimestamp).toBeUndefined();

      // R2, R3: agent2 creates a task from the template, scheduled two hours ahead (Asia/Tokyo).
      await agent2.page.getByRole('button', { name: 'Create task' }).click();
      const dialog = agent2.page.getByRole('dialog', { name: 'Create a task' });
      await dialog.getByLabel('Task template').selectOption({ label: 'Callback request' });
      await dialog.getByLabel('Task name (required)').fill(FOLLOW_UP);
      expect(await dialog.locator('[data-readonly="Description"]').textContent()).toBe(CALLBACK_DESCRIPTION);
      await dialog.getByLabel('PhoneNumber').fill(CALLER);
      const at = Math.floor((Date.now() + 2 * HOUR) / 60_000) * 60_000;
      await dialog.getByLabel('Scheduled date and time (optional)').fill(tokyoInput(at));
      await shot(agent2, '19-agent2-create-task');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      const when = await shownAs(agent2.page, at);
      await agent2.page
        .getByTestId('create-task-status')
        .getByText(`Created the task “${FOLLOW_UP}”, scheduled for ${when}.`)
        .waitFor();
      await shot(agent2, '20-agent2-task-scheduled');
      const made = (await read.tasks(at - HOUR, at + HOUR, true)).filter((c) => c.Name === FOLLOW_UP);
      expect(made).toHaveLength(1);
      expect(made[0]?.ScheduledTimestamp?.getTime()).toBe(at);
      scheduled = { id: made[0]?.Id ?? '', at };

      // The first caller hangs up.
      expect(await firstCall.hangUp()).toBe(204);
      expect(errors).toEqual([]);
    }, 90_000);

    it('5. R1, P2: the supervisor finds the scheduled task in contact search and reschedules it', async () => {
      if (!scheduled) throw new Error('step 4 did not schedule a task');
      const bt = await newPage({ timezoneId: 'Asia/Tokyo' });
      const { page } = bt;
      const errors: string[] = [];
      watch(page, 'supervisor', errors);
      await logInConsole(page, server.url, 'supervisor', PASSWORD, 'search');
      expect(await page.getByLabel('Channel').inputValue()).toBe('TASK');
      await page.getByLabel('State').selectOption({ label: 'Scheduled' });
      await page.getByRole('button', { name: 'Search' }).click();
      const results = page.getByTestId('search-results');
      await results.getByRole('cell', { name: await shownAs(page, scheduled.at) }).waitFor();
      expect(await results.locator('tbody tr').count()).toBe(1);
      await shot(bt, '21-supervisor-search');
      await results.getByRole('button', { name: `Open ${FOLLOW_UP}` }).click();
      const details = page.getByTestId('contact-details');
      await details.getByRole('heading', { name: `Contact: ${FOLLOW_UP}` }).waitFor();
      expect(await details.getByTestId('details-state').textContent()).toBe('Scheduled');

      const target = scheduled.at + HOUR;
      const shown = await shownAs(page, target);
      await details.getByLabel('New scheduled time').fill(tokyoInput(target));
      await details.getByRole('button', { name: 'Reschedule' }).click();
      await details.getByTestId('details-status').getByText(`Rescheduled for ${shown}.`).waitFor();
      await details.getByTestId('details-scheduled').getByText(shown).waitFor();
      await shot(bt, '22-supervisor-rescheduled');
      expect((await read.contact(scheduled.id))?.ScheduledTimestamp?.getTime()).toBe(target);
      expect(errors).toEqual([]);
    }, 30_000);

    it('6. P1, P3: no usable Create task without the permission; contact search refused in words', async () => {
      const restricted = await newPage();
      await logInAgent(restricted.page, server.url, 'agent3', false);
      const denied = restricted.page.getByTestId('create-task-denied');
      await denied.waitFor();
      expect(await restricted.page.getByRole('button', { name: 'Create task' }).isDisabled()).toBe(true);
      expect(await denied.textContent()).toMatch(/^You cannot create tasks: .*RestrictTaskCreation\.Access/);
      await shot(restricted, '23-agent3-no-task-creation');

      // agent2 has neither ContactSearch.View nor UpdateContactSchedule.Enabled.
      const bt = await newPage();
      const { page } = bt;
      await logInConsole(page, server.url, 'agent2', PASSWORD, 'search');
      await page.getByRole('button', { name: 'Search' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'may not search contacts' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('the security profile lacks ContactSearch.View');
      expect(await page.getByTestId('search-results').count()).toBe(0);
      await shot(bt, '24-agent2-search-refused');
    }, 30_000);
  },
  { args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] },
);
