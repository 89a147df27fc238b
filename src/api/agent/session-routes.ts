/**
 * Logging in and out, and who is logged in: `POST /login`, `POST /logout`, `GET /me`, and the agent's live state
 * `GET /state` (what the WebSocket's snapshot holds).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAgent } from '../../access/actor.js';
import { validate } from '../../core/index.js';
import type { AgentApiContext } from './context.js';
import { unauthorized } from './errors.js';
import { SESSION_COOKIE, callerOf, clearedCookie, cookieOf, sessionCookie } from './session-guard.js';
import { agentView, offersOf, userView } from './views.js';

const LoginBody = z.object({
  Username: z.string().min(1).max(100),
  Password: z.string().min(1).max(128),
});

/** The one message of every failed login: it does not say whether the user exists. */
export const LOGIN_FAILED = 'Incorrect username or password.';

export function sessionRoutes(scope: FastifyInstance, ctx: AgentApiContext): void {
  const { deps, sessions } = ctx;
  const { services, instanceId } = deps;

  const permissionsOf = async (userId: string) =>
    [...(await services.users.permissionsOf(instanceId, userId))].sort();

  scope.post('/login', async (req, reply) => {
    const body = validate(LoginBody, req.body ?? {});
    const user = await services.users.verifyLogin(instanceId, body.Username, body.Password);
    if (!user) throw unauthorized(LOGIN_FAILED);
    // A login replaces the session the browser had.
    await sessions.close(cookieOf(req, SESSION_COOKIE));
    const { token, session } = await sessions.open(instanceId, user.Id);
    void reply
      .header('set-cookie', sessionCookie(req, token, session.ExpiresAt - session.CreatedAt))
      .header('cache-control', 'no-store');
    return {
      User: userView(user),
      Permissions: await permissionsOf(user.Id),
      CsrfToken: session.CsrfToken,
      ExpiresAt: session.ExpiresAt,
    };
  });

  scope.post('/logout', async (req, reply) => {
    const { session } = callerOf(req);
    await sessions.close(cookieOf(req, SESSION_COOKIE));
    ctx.sockets.closeSession(session.Id, 'logged out');
    void reply.header('set-cookie', clearedCookie(req));
    return { LoggedOut: true };
  });

  scope.get('/me', async (req, reply) => {
    const { session, actor } = callerOf(req);
    const user = await services.users.describe(instanceId, actor.userId);
    void reply.header('cache-control', 'no-store');
    return {
      User: userView(user),
      Permissions: [...actor.permissions].sort(),
      CsrfToken: session.CsrfToken,
      ExpiresAt: session.ExpiresAt,
    };
  });

  scope.get('/state', async (req) => {
    const { actor } = callerOf(req);
    requireAgent(actor);
    const snapshot = await deps.engine.agent(instanceId, actor.userId);
    return { Agent: agentView(snapshot), Offers: offersOf(snapshot, ctx.offerTimeoutMs) };
  });
}
