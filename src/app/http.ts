/**
 * The HTTP side of a Tsunagi process: the Connect-compatible API (SigV4 against access keys, permissions from
 * the key's user), the agent API, the console API and the web-phone API, over one Fastify server with one
 * WebSocket plugin.
 */
import { randomUUID } from 'node:crypto';
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { SystemClock, type ArnContext } from '../core/index.js';
import type { ApiDeps } from '../api/deps.js';
import { registerConnectApi } from '../api/connect/plugin.js';
import { allHandlers, securedHandlers } from '../api/connect/secured.js';
import { sigv4Authenticator } from '../api/auth/sigv4.js';
import { registerAgentApi } from '../api/agent/index.js';
import { registerPhoneApi } from '../api/phone/index.js';
import { registerConsoleApi } from '../api/console/index.js';
import type { AccessKeyService } from '../access/access-keys.js';
import { cachedActors } from '../access/actor.js';

export async function registerApis(
  app: FastifyInstance,
  deps: ApiDeps,
  options: { accessKeys: AccessKeyService; arns: ArnContext; offerTimeoutMs: number; webPhoneCalls?: number },
): Promise<void> {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  // SDK clients sign with the real time, whatever clock the engine runs on.
  const verify = sigv4Authenticator(options.accessKeys, new SystemClock());
  const keyInstances = new Map<string, string>();
  await registerConnectApi(app, {
    ...deps,
    authenticate: async (req, rawBody) => {
      const principal = await verify(req, rawBody);
      keyInstances.set(principal.accessKeyId, principal.instanceId);
      return principal;
    },
    handlers: securedHandlers(allHandlers(deps, options.arns), cachedActors(deps.store, deps.clock), (id) =>
      keyInstances.get(id),
    ),
  });
  await registerAgentApi(app, { ...deps, offerTimeoutMs: options.offerTimeoutMs });
  await registerPhoneApi(
    app,
    deps,
    options.webPhoneCalls === undefined ? {} : { maxActiveCalls: options.webPhoneCalls },
  );
  await registerConsoleApi(app, {
    ...deps,
    arns: options.arns,
    accessKeys: options.accessKeys,
    requestIds: randomUUID,
  });
}
