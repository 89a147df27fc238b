/**
 * Browser tests in Debian's Chromium driven by playwright-core: one browser per test file, a new context (fresh
 * cookies and storage) per test, screenshots under .test-output/screenshots/. Without /usr/bin/chromium the
 * browser tests are skipped locally and fail in CI (CI=true), where .ci/run installs it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { repoRoot } from '../support/cli.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(repoRoot, '.test-output', 'screenshots');
const VIEWPORT = { width: 1280, height: 800 };

export const hasChromium = existsSync(CHROMIUM);

export interface BrowserTest {
  page: Page;
  context: BrowserContext;
  /** Saves a full-page screenshot as .test-output/screenshots/<name>.png. */
  screenshot: (name: string) => Promise<void>;
}

export interface BrowserOptions {
  /** navigator.language of the context (en-US by default). */
  locale?: string;
  timezoneId?: string;
  viewport?: { width: number; height: number };
}

/**
 * A describe block whose tests get a page. `newPage(options)` opens a context of its own; every context is
 * closed after its test. `launch.args` adds Chromium flags for this file (e.g. fake media devices). Skipped without Chromium unless CI is set (then the launch fails, loudly).
 */
export function describeBrowser(
  title: string,
  body: (newPage: (options?: BrowserOptions) => Promise<BrowserTest>) => void,
  launch: { args?: string[] } = {},
): void {
  describe.skipIf(!hasChromium && !process.env.CI)(title, () => {
    let browser: Browser | undefined;
    const contexts: BrowserContext[] = [];
    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          ...(launch.args ?? []),
        ],
      });
    });
    afterEach(async () => {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    });
    afterAll(async () => {
      await browser?.close();
    });
    body(async (options = {}) => {
      if (!browser) throw new Error('the browser did not start');
      const context = await browser.newContext({
        viewport: options.viewport ?? VIEWPORT,
        locale: options.locale ?? 'en-US',
        ...(options.timezoneId && { timezoneId: options.timezoneId }),
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return {
        page,
        context,
        screenshot: async (name) => {
          await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
        },
      };
    });
  });
}
