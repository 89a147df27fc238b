/**
 * The agent API (issue 5, item 3) at `/api/agent`: password login to a session cookie, the agent's commands, the
 * supervisor's contact pages, and the agent's WebSocket. Documented in docs/API.md, "Agent API". The agent
 * workspace and the supervisor pages (a React app) talk only to this.
 */
import type { FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { sessionService, type SessionService } from '../../access/sessions.js';
import { DEFAULT_LIMITS, systemEntropy } from '../../core/index.js';
import type { ApiDeps } from '../deps.js';
import { SocketRegistry, type AgentApiContext } from './context.js';
import { sendError } from './errors.js';
import { sessionGuard } from './session-guard.js';
import { sessionRoutes } from './session-routes.js';
import { agentRoutes } from './agent-routes.js';
import { taskRoutes } from './task-routes.js';
import { socketRoute } from './socket.js';

export const AGENT_API_PREFIX = '/api/agent';
/** Largest WebSocket message the server takes (an SDP offer is a few kilobytes). */
const MAX_SOCKET_MESSAGE = 64 * 1024;

export interface AgentApiOptions {
  /** The sessions; by default over deps.store and deps.clock with the operating system's entropy. */
  sessions?: SessionService;
  /** The session lifetime when `sessions` is left out (12 hours by default). */
  sessionTtlMs?: number;
  /** The engine's offer timeout (Limits.offerTimeoutMs), to tell the workspace when an offer expires. */
  offerTimeoutMs?: number;
}

/**
 * Registers the agent API on `app`. Registers @fastify/websocket on `app` unless it is there already (register it
 * once, awaited, before the pieces that serve WebSockets).
 */
export async function registerAgentApi(app: FastifyInstance, deps: ApiDeps & AgentApiOptions): Promise<void> {
  if (!app.hasDecorator('websocketServer'))
    await app.register(websocket, { options: { maxPayload: MAX_SOCKET_MESSAGE } });
  const ctx: AgentApiContext = {
    deps,
    sessions:
      deps.sessions ??
      sessionService({
        store: deps.store,
        clock: deps.clock,
        entropy: systemEntropy,
        ...(deps.sessionTtlMs !== undefined && { ttlMs: deps.sessionTtlMs }),
      }),
    offerTimeoutMs: deps.offerTimeoutMs ?? DEFAULT_LIMITS.offerTimeoutMs,
    sockets: new SocketRegistry(),
  };
  await app.register(
    (scope, _options, done) => {
      scope.setErrorHandler((error, req, reply) => sendError(error, req, reply));
      scope.setNotFoundHandler((req, reply) =>
        reply.code(404).send({
          Code: 'ResourceNotFoundException',
          Message: `The agent API has no ${req.method} ${req.url.split('?')[0] ?? ''}.`,
        }),
      );
      scope.addHook(
        'onRequest',
        sessionGuard({ deps, sessions: ctx.sessions, open: new Set([`${AGENT_API_PREFIX}/login`]) }),
      );
      sessionRoutes(scope, ctx);
      agentRoutes(scope, ctx);
      taskRoutes(scope, ctx);
      socketRoute(scope, ctx);
      done();
    },
    { prefix: AGENT_API_PREFIX },
  );
}
