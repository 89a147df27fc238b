/**
 * Login sessions (DESIGN.md "Security model"): a person who logged in with a password holds a random session token
 * in an HttpOnly cookie; the store keeps only the token's SHA-256, the user, the instance, the expiry and the
 * anti-forgery (CSRF) token that state-changing requests must repeat. Sessions live in the store, so a restart
 * keeps people logged in. Time comes from the injected clock, random bytes from the injected entropy.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock, Entropy } from '../core/index.js';
import type { Session, Store } from '../store/ports/index.js';
import { requireUser } from './users.js';

/** How long a session lasts by default: 12 hours (a working day and some). */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** 32 random bytes: 256 bits, in base64url 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface SessionServiceDeps {
  store: Store;
  clock: Clock;
  entropy: Entropy;
  /** Session lifetime in ms; DEFAULT_SESSION_TTL_MS when left out. */
  ttlMs?: number;
}

/** A new session: the token goes to the browser (once), the session to the store. */
export interface OpenedSession {
  token: string;
  session: Session;
}

/** The stored id of a session token: its SHA-256 in lower-case hex. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** True when `given` equals `expected`, compared in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sessionService(deps: SessionServiceDeps) {
  const { store, clock, entropy } = deps;
  const ttlMs = deps.ttlMs ?? DEFAULT_SESSION_TTL_MS;
  const newToken = (): string => Buffer.from(entropy.bytes(TOKEN_BYTES)).toString('base64url');

  return {
    ttlMs,

    /** Opens a session for the user (whose password was checked); expired sessions are swept on the way. */
    async open(instanceId: string, userId: string): Promise<OpenedSession> {
      const user = await requireUser(store.repos, instanceId, userId);
      const now = clock.now();
      await store.repos.sessions.purgeExpired(now);
      const token = newToken();
      const session: Session = {
        Id: sessionIdOf(token),
        InstanceId: instanceId,
        UserId: user.Id,
        CsrfToken: newToken(),
        CreatedAt: now,
        ExpiresAt: now + ttlMs,
      };
      await store.repos.sessions.insert(session);
      return { token, session };
    },

    /** The live session the token opens, or undefined (unknown, malformed or expired: an expired one is removed). */
    async resolve(token: string | undefined): Promise<Session | undefined> {
      if (token === undefined || !TOKEN_SHAPE.test(token)) return undefined;
      const session = await store.repos.sessions.get(sessionIdOf(token));
      if (!session) return undefined;
      if (session.ExpiresAt <= clock.now()) {
        await store.repos.sessions.delete(session.Id);
        return undefined;
      }
      return session;
    },

    /** Ends the session the token opens (logout); false when there was none. */
    async close(token: string | undefined): Promise<boolean> {
      if (token === undefined || !TOKEN_SHAPE.test(token)) return false;
      return store.repos.sessions.delete(sessionIdOf(token));
    },

    /** Ends every session of the user (a password change, an administrator's "log out everywhere"). */
    closeAllOf(instanceId: string, userId: string): Promise<number> {
      return store.repos.sessions.deleteForUser(instanceId, userId);
    },

    /** True when `header` carries the session's anti-forgery token. */
    checkCsrf(session: Session, header: string | undefined): boolean {
      return header !== undefined && sameSecret(header, session.CsrfToken);
    },
  };
}
export type SessionService = ReturnType<typeof sessionService>;
