/**
 * The web phone in Chromium (fake microphone) against a real Tsunagi: a caller on a phone-sized screen hears
 * the greeting and the callback offer, presses 2 and is told they will be called back (the flow hangs up); a
 * second caller is offered to agent1 (available, VOICE) in the agent workspace, who accepts: both pages show the
 * call connected and the WebRTC audio reaches `connected` on both sides; the caller hangs up and the agent is
 * in after-contact work.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NUMBER, PASSWORD, setUpScenarioViaSdk, type SdkScenario } from '../api/conformance/scenario-sdk.js';
import { describeBrowser } from './browser.js';
import { startWebServer, type WebServer } from './server.js';

const BROWSER_TEST = 90_000;
const PHONE = { width: 375, height: 667 };
const GREETING = 'Thank you for calling. Please hold for the next available agent.';
const OFFER = 'To keep waiting, stay on the line. To have an agent call you back, press 2.';

/** Resolves when the page's RTCPeerConnection (window.__tsunagiRtc) reports `connected`. */
async function rtcConnected(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      Object.values((globalThis as { __tsunagiRtc?: Record<string, string> }).__tsunagiRtc ?? {}).includes(
        'connected',
      ),
    undefined,
    { timeout: 20_000 },
  );
}

describeBrowser(
  'the web phone in a browser',
  (newPage) => {
    let server: WebServer;
    let s: SdkScenario;

    beforeAll(async () => {
      server = await startWebServer();
      s = await setUpScenarioViaSdk(server.connect, server.instanceId);
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    /** Ends the callback tasks made so far, so that they are not offered to the agent of the next call. */
    const stopTasks = async () => {
      const { tsunagi, instanceId } = server;
      const tasks = await tsunagi.services.contacts.search(instanceId, {
        TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 0, EndTime: Date.now() + 1000 },
        SearchCriteria: { Channels: ['TASK'] },
      });
      for (const task of tasks.items)
        if (task.State !== 'ENDED') await tsunagi.engine.stopContact(instanceId, task.Id);
      return tasks.items;
    };

    it(
      'V1 on the phone: the caller hears the greeting and the offer, presses 2, is told they will be called back',
      async () => {
        const { page, screenshot } = await newPage({ viewport: PHONE });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${server.url}/phone`);
        await page.getByTestId('language').waitFor();

        // A malformed number is refused where the caller typed it.
        await page.getByLabel('Number to call').fill('0312345678');
        await page.getByRole('button', { name: 'Call' }).click();
        await page
          .getByRole('alert')
          .getByText(/^Number to call: enter a number/)
          .waitFor();

        await page.getByLabel('Number to call').fill(NUMBER);
        await page.getByRole('button', { name: 'Call' }).click();
        const transcript = page.getByTestId('transcript');
        await transcript.getByText(GREETING).waitFor();
        await transcript.getByText(OFFER).waitFor();
        await page.locator('[data-testid="call-state"][data-state="queued"]').waitFor();
        expect(await page.getByTestId('call-state').textContent()).toBe('Waiting for an agent');
        await screenshot('phone-375-queued');

        // 2 on the keypad asks for a callback.
        await page
          .getByRole('group', { name: 'Keypad' })
          .getByRole('button', { name: '2', exact: true })
          .click();
        await transcript.getByText('You pressed 2').waitFor();
        await transcript
          .getByText('Thank you. An agent will call you back at +15555550100. Goodbye.')
          .waitFor();
        await page.locator('[data-testid="call-state"][data-state="ended"]').waitFor();
        expect(await page.getByTestId('call-state').textContent()).toBe(
          'Call ended: the contact center ended the call',
        );
        await screenshot('phone-375-ended');

        const tasks = await stopTasks();
        expect(tasks).toHaveLength(1);
        expect(errors).toEqual([]);
      },
      BROWSER_TEST,
    );

    it(
      'a caller talks with agent1: offered, accepted, WebRTC connected on both sides; the caller hangs up',
      async () => {
        const agent = await newPage();
        const phone = await newPage({ viewport: PHONE });
        const errors: string[] = [];
        agent.page.on('pageerror', (e) => errors.push(`agent: ${e.message}`));
        phone.page.on('pageerror', (e) => errors.push(`phone: ${e.message}`));
        await stopTasks();

        await agent.page.goto(`${server.url}/agent`);
        await agent.page.getByLabel('Username').fill('agent1');
        await agent.page.getByLabel('Password').fill(PASSWORD);
        await agent.page.getByRole('button', { name: 'Log in' }).click();
        await agent.page.locator('.connection.open').waitFor();
        await agent.page.getByLabel('Status').selectOption({ label: 'Available' });
        await agent.page.getByTestId('announcer').getByText('Status: Available').waitFor();

        await phone.page.goto(`${server.url}/phone?to=${encodeURIComponent(NUMBER)}`);
        await phone.page.getByLabel('Your number (optional)').fill('+819011112222');
        await phone.page.getByRole('button', { name: 'Call' }).click();
        await phone.page.getByTestId('transcript').getByText(GREETING).waitFor();
        // Keys typed on the keyboard go out too (keys other than 2 keep the caller waiting).
        await phone.page.keyboard.press('5');
        await phone.page.getByTestId('transcript').getByText('You pressed 5').waitFor();

        const offer = agent.page.getByTestId('offer');
        await offer.waitFor({ timeout: 15_000 });
        expect(await offer.getByTestId('offer-caller').textContent()).toBe('+819011112222');
        await agent.screenshot('agent-call-offer');
        await offer.getByRole('button', { name: /^Accept/ }).click();

        const view = agent.page.getByTestId('call-view');
        await view.locator('[data-testid="call-state"][data-state="CONNECTED"]').waitFor();
        expect(await view.getByTestId('caller').textContent()).toBe('+819011112222');
        await phone.page.locator('[data-testid="call-state"][data-state="connected"]').waitFor();
        expect(await phone.page.getByTestId('call-state').textContent()).toMatch(/^Connected with/);
        const held = await server.tsunagi.engine.agent(server.instanceId, s.agent1.Id);
        expect(held.contacts.map((c) => [c.Channel, c.State])).toEqual([['VOICE', 'CONNECTED']]);

        await Promise.all([rtcConnected(agent.page), rtcConnected(phone.page)]);
        await view.locator('[data-testid="rtc-state"][data-rtc="connected"]').waitFor();
        await phone.page.locator('[data-testid="rtc-state"][data-rtc="connected"]').waitFor();
        await view.getByTestId('call-timer').waitFor();

        // Mute, hold and resume.
        await view.getByRole('button', { name: 'Mute' }).click();
        await view.getByRole('button', { name: 'Unmute' }).waitFor();
        await view.getByRole('button', { name: 'Hold' }).click();
        await view.getByRole('button', { name: 'Resume' }).waitFor();
        expect(await view.getByTestId('call-state').textContent()).toBe('On hold');
        await agent.screenshot('agent-call-view-hold');
        await view.getByRole('button', { name: 'Resume' }).click();
        await view.getByRole('button', { name: 'Hold' }).waitFor();
        await agent.screenshot('agent-call-view');
        await phone.screenshot('phone-375-connected');
        await phone.page.setViewportSize({ width: 1280, height: 800 });
        await phone.screenshot('phone-1280-connected');

        await phone.page.getByRole('button', { name: 'Hang up' }).click();
        await phone.page.locator('[data-testid="call-state"][data-state="ended"]').waitFor();
        expect(await phone.page.getByTestId('call-state').textContent()).toBe('Call ended: you hung up');
        await view.locator('[data-testid="call-state"][data-state="ACW"]').waitFor();
        expect(await view.getByTestId('call-state').textContent()).toBe('After-contact work');
        await agent.screenshot('agent-call-acw');

        await view.getByRole('button', { name: 'Complete' }).click();
        await agent.page.getByText('You have no contacts.').waitFor();
        expect(errors).toEqual([]);
      },
      BROWSER_TEST,
    );
  },
  { args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] },
);
