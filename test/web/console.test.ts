/**
 * The admin console in Chromium against a real Tsunagi: admin logs in to /console, builds the scenario's
 * template in the editor and first meets rule T5 on the field (a required field made read-only), fixes it and
 * saves; then, as a supervisor, finds a scheduled task in contact search (Task + scheduled), opens its details
 * and reschedules it (R1, P2). The browser runs in Asia/Tokyo: the times shown and typed are the browser's.
 */
import { GetTaskTemplateCommand, ListTaskTemplatesCommand } from '@aws-sdk/client-connect';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpScenarioViaSdk, type SdkScenario } from '../api/conformance/scenario-sdk.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';
import { describeBrowser } from './browser.js';
import { ADMIN_PASSWORD, startWebServer, type WebServer } from './server.js';
import { fillCallbackTemplate } from './walkthrough-steps.js';

const BROWSER_TEST = 60_000;
const HOUR = 3_600_000;
/** The scenario's template, named apart from the one the scripted set-up made (flow F2 refers to that one). */
const TEMPLATE = 'Callback request (console)';

describeBrowser('the admin console in a browser', (newPage) => {
  let server: WebServer;
  let s: SdkScenario;

  beforeAll(async () => {
    server = await startWebServer();
    s = await setUpScenarioViaSdk(server.connect, server.instanceId);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it(
    'T5 on the field, then a saved template; contact search finds a scheduled task and reschedules it',
    async () => {
      const { page, screenshot } = await newPage({ timezoneId: 'Asia/Tokyo' });
      const { tsunagi, instanceId, connect } = server;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));

      await page.goto(`${server.url}/console`);
      await page.getByRole('heading', { name: 'Log in to the administration console' }).waitFor();
      await page.getByLabel('Username').fill('admin');
      await page.getByLabel('Password').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      const nav = page.getByRole('navigation', { name: 'Sections' });
      await nav.waitFor();
      expect(await nav.getByRole('link').count()).toBe(12);
      await nav.getByRole('link', { name: 'Queues' }).click();
      await page.getByTestId('queues').waitFor();
      await nav.getByRole('link', { name: 'Task templates' }).click();
      await page.getByTestId('templates').getByRole('button', { name: 'Edit Callback request' }).waitFor();

      // The scenario's template (T3), with Description first made required as well as read-only.
      const description = await fillCallbackTemplate(page, TEMPLATE);
      await page.getByRole('button', { name: 'Save' }).click();

      const fieldError = page.getByTestId('field-error-Description');
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toContain("field 'Description' is read-only and required");
      expect(await page.getByTestId('template-errors').textContent()).toContain('The template was not saved');
      expect(await page.getByTestId('field-error-PhoneNumber').count()).toBe(0);
      expect(
        await description.getByRole('checkbox', { name: /^Required/ }).getAttribute('aria-invalid'),
      ).toBe('true');
      await screenshot('console-template-t5');

      await description.getByRole('checkbox', { name: /^Required/ }).uncheck();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').getByText(`Saved ${TEMPLATE}.`).waitFor();
      await page
        .getByTestId('templates')
        .getByRole('button', { name: `Edit ${TEMPLATE}` })
        .waitFor();

      const listed = await connect.send(
        new ListTaskTemplatesCommand({ InstanceId: instanceId, Name: TEMPLATE }),
      );
      const templateId = listed.TaskTemplates?.[0]?.Id ?? '';
      const saved = await connect.send(
        new GetTaskTemplateCommand({ InstanceId: instanceId, TaskTemplateId: templateId }),
      );
      expect(saved.ContactFlowId).toBe(s.flows.f3.Id);
      expect(saved.Status).toBe('ACTIVE');
      expect(saved.Fields?.map((f) => [f.Id?.Name, f.Type])).toEqual([
        ['Task name', 'NAME'],
        ['Description', 'DESCRIPTION'],
        ['PhoneNumber', 'TEXT'],
      ]);
      expect(saved.Constraints?.RequiredFields?.map((f) => f.Id?.Name)).toEqual(['Task name']);
      expect(saved.Constraints?.ReadOnlyFields?.map((f) => f.Id?.Name)).toEqual(['Description']);
      expect(saved.Defaults?.DefaultFieldValues?.[0]?.DefaultValue).toBe(CALLBACK_DESCRIPTION);

      // A task scheduled two hours ahead, made from the new template with its flow (F3).
      const task = await tsunagi.engine.startTask(instanceId, {
        TaskTemplateId: templateId,
        ContactFlowId: s.flows.f3.Id,
        Name: 'Call back Tanaka-san',
        ScheduledTime: Date.now() + 2 * HOUR,
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
        References: { PhoneNumber: { Type: 'STRING', Value: '+819012345678' } },
      });
      expect(task.State).toBe('SCHEDULED');
      // References outside the template's fields, added later (as in the agent test): shown as text or link.
      await tsunagi.engine.updateContact(instanceId, task.Id, {
        References: {
          Guide: { Type: 'URL', Value: 'https://example.com/callbacks' },
          Evil: { Type: 'URL', Value: 'javascript:window.__xss=1' },
        },
      });

      await nav.getByRole('link', { name: 'Contact search' }).click();
      expect(await page.getByLabel('Channel').inputValue()).toBe('TASK');
      await page.getByLabel('State').selectOption({ label: 'Scheduled' });
      await page.getByRole('button', { name: 'Search' }).click();
      const results = page.getByTestId('search-results');
      await results.getByRole('button', { name: 'Open Call back Tanaka-san' }).click();
      const details = page.getByTestId('contact-details');
      await details.getByRole('heading', { name: 'Contact: Call back Tanaka-san' }).waitFor();
      expect(await details.getByTestId('details-state').textContent()).toBe('Scheduled');
      const refs = details.getByTestId('details-references');
      expect(await refs.locator('a').count()).toBe(1);
      expect(await refs.locator('a').getAttribute('href')).toBe('https://example.com/callbacks');
      await refs.getByText('javascript:window.__xss=1').waitFor();
      await details.getByTestId('details-timeline').waitFor();

      // +3 h, typed in the browser's time zone (minutes: what a datetime-local input holds).
      const [typed, target, shown] = await page.evaluate(
        (ms) => {
          const d = new Date(ms);
          d.setSeconds(0, 0);
          const two = (n: number) => String(n).padStart(2, '0');
          const local = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
          const text = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
          return [local, d.getTime(), text] as const;
        },
        Date.now() + 3 * HOUR,
      );
      await details.getByLabel('New scheduled time').fill(typed);
      await details.getByRole('button', { name: 'Reschedule' }).click();
      await details.getByTestId('details-status').getByText(`Rescheduled for ${shown}.`).waitFor();
      await details.getByTestId('details-scheduled').getByText(shown).waitFor();
      expect((await tsunagi.engine.contact(instanceId, task.Id))?.ScheduledTimestamp).toBe(target);
      await results.getByRole('cell', { name: shown }).waitFor();
      await screenshot('console-contact-details');
      expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );
});
