/**
 * A real Tsunagi for browser tests: startTsunagi on a temporary SQLite file and port 0 (the real clock), serving
 * the web app, with an administrator's Connect client (bootstrap key). With `example`, a newcomer's first start as
 * `tsunagi serve` makes it: the callback-via-task example applied (its users' password EXAMPLE_PASSWORD, through
 * TSUNAGI_EXAMPLE_PASSWORD) and an access key for the administrator, which the Connect client signs with.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../../src/core/index.js';
import { startTsunagi, type Tsunagi } from '../../src/app/runtime.js';
import { DEFAULT_WEB_ROOT } from '../../src/app/web.js';
import { loadConfig } from '../../src/app/config.js';
import { EXAMPLE_SETUP } from '../../src/setup/index.js';
import { ConnectClient } from '@aws-sdk/client-connect';
import { TEST_ARNS } from '../support/env.js';

export interface WebServer {
  tsunagi: Tsunagi;
  /** Where the browser goes: http://127.0.0.1:<port> */
  url: string;
  instanceId: string;
  /**
   * The administrator's Connect API client (the bootstrap key; with `example`, the key the first start made), to
   * configure the instance as a script would.
   */
  connect: ConnectClient;
  close(): Promise<void>;
}

export const ADMIN_PASSWORD = 'Admin-Password-2026';
/** The password of the example's users (agent1, agent2, supervisor) on a server started with `example`. */
export const EXAMPLE_PASSWORD = 'Example-Password-2026';
const BOOTSTRAP = {
  accessKeyId: 'AKIAWEBTESTBOOTSTRAP',
  secretAccessKey: 'web-test-secret-access-key-0123456789',
};

export async function startWebServer(options: { example?: boolean } = {}): Promise<WebServer> {
  // TSUNAGI_TEST_WEB_ROOT: a web app built elsewhere (vite build --outDir <dir>), so parallel builds do not meet.
  const webRoot = process.env.TSUNAGI_TEST_WEB_ROOT ?? DEFAULT_WEB_ROOT;
  if (!existsSync(join(webRoot, 'index.html')))
    throw new Error(`the web app is not built (${webRoot}): run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), 'tsunagi-web-'));
  const example = options.example === true;
  const config = loadConfig(
    {
      port: 0,
      host: '127.0.0.1',
      database: join(dir, 'tsunagi.db'),
      // As `tsunagi serve` on a new database: the example and an access key (made only without a bootstrap key).
      ...(example && { firstStart: { setupFile: EXAMPLE_SETUP, accessKey: true } }),
    },
    {
      TSUNAGI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      TSUNAGI_REGION: TEST_ARNS.region,
      TSUNAGI_ACCOUNT_ID: TEST_ARNS.account,
      ...(example
        ? { TSUNAGI_EXAMPLE_PASSWORD: EXAMPLE_PASSWORD }
        : {
            TSUNAGI_BOOTSTRAP_ACCESS_KEY_ID: BOOTSTRAP.accessKeyId,
            TSUNAGI_BOOTSTRAP_SECRET_ACCESS_KEY: BOOTSTRAP.secretAccessKey,
          }),
    },
  );
  const tsunagi = await startTsunagi(config, { clock: new SystemClock(), webRoot });
  const url = tsunagi.url;
  const credentials = example ? tsunagi.firstStartResult?.accessKey : BOOTSTRAP;
  if (!credentials) throw new Error('the first start made no access key');
  const connect = new ConnectClient({
    endpoint: `${tsunagi.url}/connect`,
    region: TEST_ARNS.region,
    credentials,
    maxAttempts: 1,
  });
  return {
    tsunagi,
    url,
    instanceId: tsunagi.defaultInstance.Id,
    connect,
    close: async () => {
      connect.destroy();
      await tsunagi.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
