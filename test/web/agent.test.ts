/**
 * The agent workspace in Chromium against a real Tsunagi (SQLite file, port 0): agent2 logs in (after a wrong
 * password), becomes Available, is offered a callback task, accepts it, sees the template's fields as the
 * template says (V2: Description read-only, PhoneNumber editable), saves PhoneNumber, and sees references
 * holding HTML or a javascript: URL as text.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpScenarioViaSdk, type SdkScenario } from '../api/conformance/scenario-sdk.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';
import { describeBrowser } from './browser.js';
import { startWebServer, type WebServer } from './server.js';

const BROWSER_TEST = 60_000;

describeBrowser('the agent workspace in a browser', (newPage) => {
  let server: WebServer;
  let s: SdkScenario;

  beforeAll(async () => {
    server = await startWebServer();
    // Configured through the Connect API, as an administrator's script would.
    s = await setUpScenarioViaSdk(server.connect, server.instanceId);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('serves the pages: / goes to /agent, unknown paths under a page answer the app', async () => {
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/agent');
    const deep = await fetch(`${server.url}/console/templates/123`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/text\/html/);
    expect(deep.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it(
    'V2: agent2 accepts an offered task and sees and edits its fields as the template says',
    async () => {
      const { page, screenshot } = await newPage();
      const { tsunagi, instanceId } = server;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));

      await page.goto(`${server.url}/agent`);
      await page.getByLabel('Username').fill('agent2');
      await page.getByLabel('Password').fill('wrong password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('alert').getByText('Incorrect username or password.').waitFor();
      await screenshot('agent-login-error');

      await page.getByLabel('Password').fill('Callback2026');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByText('Logged in as agent2').waitFor();
      await page.locator('.connection.open').waitFor();
      await page.getByLabel('Status').selectOption({ label: 'Available' });
      await page.getByTestId('announcer').getByText('Status: Available').waitFor();
      expect((await tsunagi.engine.agent(instanceId, s.agent2.Id)).routable).toBe(true);
      await screenshot('agent-workspace-available');

      const task = await tsunagi.engine.startTask(instanceId, {
        TaskTemplateId: s.template.Id,
        Name: 'Call back <b>Sato</b>-san',
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
        References: { PhoneNumber: { Type: 'STRING', Value: '+819012345678' } },
      });
      const offer = page.getByTestId('offer');
      await offer.waitFor({ timeout: 15_000 });
      expect(await offer.getByRole('heading').textContent()).toBe('Call back <b>Sato</b>-san');
      expect(await offer.textContent()).toContain('Task');
      expect(await page.getByTestId('announcer').textContent()).toContain('Incoming Task contact');
      // References with HTML, a script URL and a real link, added while the task is offered.
      await tsunagi.engine.updateContact(instanceId, task.Id, {
        References: {
          Evil: { Type: 'URL', Value: 'javascript:window.__xss=1' },
          Markup: { Type: 'STRING', Value: '<img src=x onerror="window.__xss=2">' },
          Guide: { Type: 'URL', Value: 'https://example.com/callbacks' },
        },
      });
      await screenshot('agent-offer');

      await offer.getByRole('button', { name: /^Accept/ }).click();
      const view = page.getByTestId('task-view');
      await view.getByRole('heading', { name: 'Task: Call back <b>Sato</b>-san' }).waitFor();
      expect((await tsunagi.engine.contact(instanceId, task.Id))?.State).toBe('CONNECTED');

      // V2: Description is shown, not editable; PhoneNumber is editable; Task name is editable.
      const description = view.locator('[data-readonly="Description"]');
      expect(await description.textContent()).toBe(CALLBACK_DESCRIPTION);
      expect(await view.getByRole('textbox', { name: 'Description' }).count()).toBe(0);
      const phone = view.getByRole('textbox', { name: 'PhoneNumber' });
      expect(await phone.inputValue()).toBe('+819012345678');

      // References: only the https URL is a link; the others are text.
      const refs = view.getByTestId('references');
      await refs.getByText('javascript:window.__xss=1').waitFor();
      expect(await refs.getByText('<img src=x onerror="window.__xss=2">').count()).toBe(1);
      expect(await refs.locator('a').count()).toBe(1);
      expect(await refs.locator('a').getAttribute('href')).toBe('https://example.com/callbacks');
      expect(await refs.locator('a').getAttribute('rel')).toBe('noopener noreferrer');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();

      await phone.fill('+819099998888');
      await view.getByRole('button', { name: 'Save' }).click();
      await view.getByRole('status').getByText('Saved.').waitFor();
      const saved = await tsunagi.engine.contact(instanceId, task.Id);
      expect(saved?.References.PhoneNumber).toEqual({ Type: 'STRING', Value: '+819099998888' });
      await screenshot('agent-task-view');

      await view.getByRole('button', { name: 'Complete' }).click();
      await page.getByText('You have no contacts.').waitFor();
      expect((await tsunagi.engine.contact(instanceId, task.Id))?.State).toBe('ENDED');
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'speaks Japanese to a Japanese browser, and switches language',
    async () => {
      const { page, screenshot } = await newPage({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
      await page.goto(`${server.url}/agent`);
      await page.getByRole('heading', { name: 'エージェント ワークスペースにログイン' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      await screenshot('agent-login-ja');
      await page.getByLabel('言語').selectOption('en');
      await page.getByRole('heading', { name: 'Log in to the agent workspace' }).waitFor();
    },
    BROWSER_TEST,
  );
});
