/**
 * Sessions of people logged in to the agent workspace and the supervisor pages (DESIGN.md "Security model"). The
 * session token itself is never stored: only its SHA-256 (`Id`), so a copy of the database opens no session.
 */
export interface Session {
  /** SHA-256 of the token the browser holds in its cookie (lower-case hex). */
  Id: string;
  InstanceId: string;
  UserId: string;
  /** The token a state-changing request must repeat in its `x-csrf-token` header. */
  CsrfToken: string;
  /** Epoch ms. */
  CreatedAt: number;
  /** Epoch ms; the session is refused from this instant on. */
  ExpiresAt: number;
}

export interface SessionRepo {
  insert(session: Session): Promise<void>;
  /** The session with this id (the token's hash), expired or not. */
  get(id: string): Promise<Session | undefined>;
  /** False when there was no such session. */
  delete(id: string): Promise<boolean>;
  /** Ends every session of a user (a password change, a deleted user); how many were ended. */
  deleteForUser(instanceId: string, userId: string): Promise<number>;
  /** Removes the sessions that expired before `now`; how many. */
  purgeExpired(now: number): Promise<number>;
}
