/**
 * Who is asking, for every request of the agent API: the session cookie, checked against the store; the request's
 * Origin, which must be the server's own when present; and for state-changing requests the session's anti-forgery
 * token in the `x-csrf-token` header (DESIGN.md "Security model").
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cachedActors, type Actor } from '../../access/actor.js';
import type { SessionService } from '../../access/sessions.js';
import { isConnectError } from '../../core/index.js';
import type { Session } from '../../store/ports/index.js';
import type { ApiDeps } from '../deps.js';
import { forbidden, unauthorized } from './errors.js';

export const SESSION_COOKIE = 'tsunagi_session';
export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The caller of a request that passed the guard. */
export interface Caller {
  session: Session;
  actor: Actor;
}

const callers = new WeakMap<FastifyRequest, Caller>();

/** The caller the guard found; only routes behind the guard ask. */
export function callerOf(req: FastifyRequest): Caller {
  const caller = callers.get(req);
  if (!caller) throw unauthorized();
  return caller;
}

/** The value of cookie `name` in the request's Cookie header. */
export function cookieOf(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The session cookie: HttpOnly, SameSite=Strict, Path=/, Secure when the request came over https. */
export function sessionCookie(req: FastifyRequest, token: string, maxAgeMs: number): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.floor(maxAgeMs / 1000)}`];
  if (req.protocol === 'https') attributes.push('Secure');
  return [`${SESSION_COOKIE}=${token}`, ...attributes].join('; ');
}

/** A cookie that makes the browser forget the session. */
export function clearedCookie(req: FastifyRequest): string {
  return sessionCookie(req, '', 0);
}

/** Refuses a request whose Origin header names another site than this server (host and port). */
export function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (!host || host.toLowerCase() !== req.host.toLowerCase())
    throw forbidden('Cross-origin requests are refused: the Origin is not this server.');
}

export interface GuardOptions {
  deps: ApiDeps;
  sessions: SessionService;
  /** Routes (full URLs as registered) that need no session: the login. */
  open: ReadonlySet<string>;
}

/** The onRequest hook of the agent API: origin, session, CSRF; the caller is kept for the route. */
export function sessionGuard(options: GuardOptions) {
  const { deps, sessions, open } = options;
  const actors = cachedActors(deps.store, deps.clock);
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    checkOrigin(req);
    if (req.routeOptions.url !== undefined && open.has(req.routeOptions.url)) return;
    const session = await sessions.resolve(cookieOf(req, SESSION_COOKIE));
    if (!session || session.InstanceId !== deps.instanceId) throw unauthorized();
    if (STATE_CHANGING.has(req.method)) {
      const header = req.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sessions.checkCsrf(session, header))
        throw forbidden(`The request lacks the session's ${CSRF_HEADER} header.`);
    }
    let actor: Actor;
    try {
      actor = await actors(session.InstanceId, session.UserId);
    } catch (e) {
      // The user was deleted since they logged in.
      if (isConnectError(e) && e.code === 'ResourceNotFoundException') throw unauthorized();
      throw e;
    }
    callers.set(req, { session, actor });
  };
}
