/**
 * A Fastify server with the Connect API over a test environment, and the real AWS SDK client pointed at it
 * (maxAttempts 1, so a 429 surfaces at once). Authentication is a stub unless the test gives one.
 */
import type { AddressInfo } from 'node:net';
import { ConnectClient } from '@aws-sdk/client-connect';
import type { FastifyInstance } from 'fastify';
import { buildHttpServer } from '../../src/api/http-server.js';
import type { ApiDeps } from '../../src/api/deps.js';
import { SignalRelay } from '../../src/api/signalling.js';
import { handlersFor } from '../../src/api/connect/handlers/index.js';
import { registerConnectApi, type ConnectApiOptions } from '../../src/api/connect/plugin.js';
import type { Engine } from '../../src/contacts/engine.js';
import type { TestEnv } from '../support/env.js';
import { startEngine } from '../support/engine.js';

export interface ConnectApiHarness {
  app: FastifyInstance;
  client: ConnectClient;
  engine: Engine;
  deps: ApiDeps;
  /** `http://127.0.0.1:<port>/connect` */
  endpoint: string;
  close: () => Promise<void>;
}

export const STUB_CALLER = { userId: 'stub-user', accessKeyId: 'test' };

export async function startConnectApi(
  env: TestEnv,
  options: Partial<ConnectApiOptions> = {},
): Promise<ConnectApiHarness> {
  const { engine } = startEngine(env);
  const deps: ApiDeps = {
    services: env.services,
    engine,
    store: env.store,
    clock: env.clock,
    instanceId: env.instanceId,
    signalling: new SignalRelay(),
  };
  const app = buildHttpServer({
    health: () => Promise.resolve({ status: 'ok', database: 'sqlite', version: 'test' }),
  });
  await registerConnectApi(app, {
    ...deps,
    authenticate: () => Promise.resolve(STUB_CALLER),
    handlers: handlersFor(deps),
    ...options,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}/connect`;
  const client = new ConnectClient({
    endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return {
    app,
    client,
    engine,
    deps,
    endpoint,
    close: async () => {
      client.destroy();
      await app.close();
      await engine.stop();
    },
  };
}
