/**
 * The console's real-time page in Chromium against a real Tsunagi: two callback tasks wait in CallbackQueue (no
 * agent available) and one task is scheduled an hour ahead; admin sees the waiting count, the oldest one's age
 * and the scheduled total, makes an agent Available (PutUserStatus) and sees it after a refresh, with a chart
 * of the samples taken. Refreshes never overlap. A user without AccessMetrics.RealTimeMetrics.Access reads the
 * server's refusal on the page.
 */
import {
  CreateRoutingProfileCommand,
  CreateUserCommand,
  GetCurrentMetricDataCommand,
  PutUserStatusCommand,
  StartTaskContactCommand,
} from '@aws-sdk/client-connect';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD, setUpScenarioViaSdk, type SdkScenario } from '../api/conformance/scenario-sdk.js';
import { describeBrowser } from './browser.js';
import { ADMIN_PASSWORD, startWebServer, type WebServer } from './server.js';

const BROWSER_TEST = 60_000;
const HOUR = 3_600_000;
/** A user with the agent's security profile (no real-time metrics) serving BasicQueue only. */
const VIEWER = 'basic-agent';
const METRICS = '**/api/console/GetRealtimeMetrics';

async function logIn(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/console#realtime`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Real-time metrics' }).waitFor();
}

/** A queue's row as its cells read: waiting, oldest, available, on contact, online, staffed, scheduled. */
const rowOf = (page: Page, queue: string) =>
  page
    .getByTestId('realtime-queues')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: queue, exact: true }) });

describeBrowser('the real-time page of the console', (newPage) => {
  let server: WebServer;
  let s: SdkScenario;
  let viewerId: string;

  beforeAll(async () => {
    server = await startWebServer();
    s = await setUpScenarioViaSdk(server.connect, server.instanceId);
    const InstanceId = server.instanceId;
    const rp = await server.connect.send(
      new CreateRoutingProfileCommand({
        InstanceId,
        Name: 'Calls only',
        Description: 'BasicQueue calls',
        DefaultOutboundQueueId: s.basicQueue.QueueId,
        MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }],
        QueueConfigs: [
          { QueueReference: { QueueId: s.basicQueue.QueueId, Channel: 'VOICE' }, Priority: 1, Delay: 0 },
        ],
      }),
    );
    const user = await server.connect.send(
      new CreateUserCommand({
        InstanceId,
        Username: VIEWER,
        Password: PASSWORD,
        SecurityProfileIds: [s.securityProfiles.agent],
        RoutingProfileId: rp.RoutingProfileId,
        PhoneConfig: { PhoneType: 'SOFT_PHONE' },
      }),
    );
    viewerId = user.UserId ?? '';
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it(
    'shows the waiting contacts, the scheduled total and an agent made available, with a chart',
    async () => {
      const { page, screenshot } = await newPage({ timezoneId: 'Asia/Tokyo' });
      const { connect, instanceId: InstanceId } = server;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      let inFlight = 0;
      let mostAtOnce = 0;
      let requests = 0;
      const isMetrics = (u: string) => u.endsWith('/api/console/GetRealtimeMetrics');
      page.on('request', (r) => {
        if (!isMetrics(r.url())) return;
        requests++;
        mostAtOnce = Math.max(mostAtOnce, ++inFlight);
      });
      const done = (r: { url: () => string }) => {
        if (isMetrics(r.url())) inFlight--;
      };
      page.on('requestfinished', done);
      page.on('requestfailed', done);

      const task = (Name: string, ScheduledTime?: Date) =>
        connect.send(
          new StartTaskContactCommand({
            InstanceId,
            ContactFlowId: s.flows.f3.Id,
            Name,
            Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
            ...(ScheduledTime && { ScheduledTime }),
          }),
        );
      await task('Call back Tanaka-san');
      await task('Call back Sato-san');
      await task('Call back Suzuki-san tomorrow', new Date(Date.now() + HOUR));

      await logIn(page, server.url, 'admin', ADMIN_PASSWORD);
      const refresh = page.getByRole('button', { name: 'Refresh' });
      const callback = rowOf(page, 'CallbackQueue');
      const basic = rowOf(page, 'BasicQueue');
      const cells = async (row: ReturnType<typeof rowOf>) => row.getByRole('cell').allTextContents();
      await expect.poll(async () => (await cells(callback))[0], { timeout: 10_000, interval: 300 }).toBe('2');
      // The oldest contact's age in m:ss, over 0 once a second has gone by.
      await expect
        .poll(
          async () => {
            await refresh.click();
            return (await cells(callback))[1];
          },
          { timeout: 10_000, interval: 500 },
        )
        .not.toBe('0:00');
      expect(await cells(callback)).toEqual([
        '2',
        expect.stringMatching(/^0:\d\d$/),
        '0',
        '0',
        '0',
        '0',
        '0',
      ]);
      expect(await cells(basic)).toEqual(['0', '—', '0', '0', '0', '0', '0']);
      expect(await page.getByTestId('realtime-scheduled').textContent()).toBe(
        'Scheduled tasks not yet delivered, all queues: 1',
      );
      await page.getByText('Most scheduled tasks learn their queue only when they are delivered').waitFor();
      await page
        .getByTestId('realtime-updated')
        .getByText(/^Last updated /)
        .waitFor();

      // The SDK reads the same figure the page shows.
      const sdk = await connect.send(
        new GetCurrentMetricDataCommand({
          InstanceId,
          Filters: { Queues: [s.callbackQueue.QueueId], Channels: ['TASK'] },
          CurrentMetrics: [{ Name: 'CONTACTS_IN_QUEUE', Unit: 'COUNT' }],
        }),
      );
      expect(sdk.MetricResults?.[0]?.Collections?.[0]?.Value).toBe(2);

      await connect.send(
        new PutUserStatusCommand({ InstanceId, UserId: viewerId, AgentStatusId: s.available }),
      );
      await refresh.click();
      await expect.poll(async () => (await cells(basic))[2], { timeout: 10_000, interval: 300 }).toBe('1');
      expect(await cells(basic)).toEqual(['0', '—', '1', '0', '1', '1', '0']);
      expect((await cells(callback))[0]).toBe('2');

      // Refreshes asked for while a slow answer is awaited never put two requests out together: one more
      // request follows the slow one, no pile.
      await page.route(METRICS, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      await expect.poll(() => inFlight).toBe(0);
      const before = requests;
      await refresh.click();
      await refresh.click();
      await refresh.click();
      await expect.poll(() => requests - before, { timeout: 5_000 }).toBe(2);
      await expect.poll(() => inFlight, { timeout: 5_000 }).toBe(0);
      await page.unroute(METRICS);
      expect(requests - before).toBe(2);
      expect(mostAtOnce).toBe(1);

      // The charts: one a queue, with the samples taken so far.
      const charts = page.getByTestId('realtime-chart');
      expect(await charts.count()).toBe(2);
      const basicChart = page.getByRole('img', {
        name: /^BasicQueue: 0 contacts waiting and 1 agents available/,
      });
      const callbackChart = page.getByRole('img', {
        name: /^CallbackQueue: 2 contacts waiting and 0 agents available at .*; \d+ samples since/,
      });
      await basicChart.waitFor();
      await callbackChart.waitFor();
      const points = await callbackChart.locator('polyline[data-series="waiting"]').getAttribute('points');
      expect(points?.trim().split(' ').length).toBeGreaterThanOrEqual(2);
      await page.getByLabel('Chart').selectOption({ label: 'BasicQueue' });
      expect(await charts.count()).toBe(1);
      await basicChart.waitFor();
      await page.getByLabel('Chart').selectOption({ label: 'All queues' });
      await screenshot('console-realtime');
      expect(await page.getByRole('alert').textContent()).toBe('');
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'a user without AccessMetrics.RealTimeMetrics.Access reads the refusal on the page',
    async () => {
      const { page } = await newPage();
      await logIn(page, server.url, VIEWER, PASSWORD);
      const alert = page.getByRole('alert');
      await alert.getByText('You may not see real-time metrics').waitFor();
      const text = await alert.textContent();
      expect(text).toContain('AccessMetrics.RealTimeMetrics.Access');
      expect(text).toContain('Trying again in 10 s.');
      expect(await page.getByTestId('realtime-queues').count()).toBe(0);
      expect(await page.getByText('Loading…').count()).toBe(0);
    },
    BROWSER_TEST,
  );
});
