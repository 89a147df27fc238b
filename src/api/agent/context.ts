/**
 * What the agent API's routes share: the dependencies, the session service, the open WebSockets by session (so a
 * logout closes them), and the small helpers every route uses.
 */
import type { WebSocket } from '@fastify/websocket';
import { z } from 'zod';
import type { Actor } from '../../access/actor.js';
import type { SessionService } from '../../access/sessions.js';
import { ConnectError, notFound, validate, type ListResult } from '../../core/index.js';
import type { Contact } from '../../store/ports/index.js';
import type { ApiDeps } from '../deps.js';

export interface AgentApiContext {
  deps: ApiDeps;
  sessions: SessionService;
  /** How long an offer waits for the agent (the engine's limit), to tell the workspace when it expires. */
  offerTimeoutMs: number;
  sockets: SocketRegistry;
}

/** WebSocket close code when the session ended (logout, expiry). */
export const SESSION_ENDED = 4401;

/** The open WebSockets, by session id. */
export class SocketRegistry {
  private readonly bySession = new Map<string, Set<WebSocket>>();

  add(sessionId: string, socket: WebSocket): () => void {
    let set = this.bySession.get(sessionId);
    if (!set) this.bySession.set(sessionId, (set = new Set()));
    set.add(socket);
    return () => {
      const current = this.bySession.get(sessionId);
      current?.delete(socket);
      if (current?.size === 0) this.bySession.delete(sessionId);
    };
  }

  /** Closes the session's sockets (it was logged out). */
  closeSession(sessionId: string, reason: string): void {
    for (const socket of this.bySession.get(sessionId) ?? []) socket.close(SESSION_ENDED, reason);
    this.bySession.delete(sessionId);
  }
}

/** The states in which a contact is the agent's: offered, connected, in after-contact work. */
export const HELD: ReadonlySet<Contact['State']> = new Set(['OFFERED', 'CONNECTED', 'ACW']);

export const ContactIdParams = z.object({ id: z.string().min(1).max(256) });

/** The `:id` of a contact route. */
export const contactIdOf = (params: unknown): string => validate(ContactIdParams, params).id;

/** The contact as the engine holds it, or ResourceNotFoundException. */
export async function contactOf(ctx: AgentApiContext, contactId: string): Promise<Contact> {
  const contact = await ctx.deps.engine.contact(ctx.deps.instanceId, contactId);
  if (!contact) throw notFound('Contact', contactId, 'ContactId');
  return contact;
}

/** The contact, when it is offered or connected to the actor (or in their after-contact work); else 403. */
export async function heldContact(ctx: AgentApiContext, actor: Actor, contactId: string): Promise<Contact> {
  const contact = await contactOf(ctx, contactId);
  if (contact.AgentId !== actor.userId || !HELD.has(contact.State))
    throw new ConnectError(
      'AccessDeniedException',
      `contact ${contactId} is not offered or connected to ${actor.username}`,
      { ids: { ContactId: contactId, UserId: actor.userId } },
    );
  return contact;
}

/** Every item of a paged listing of the services. */
export async function everything<T>(page: (nextToken?: string) => Promise<ListResult<T>>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const r = await page(token);
    out.push(...r.items);
    token = r.nextToken;
  } while (token);
  return out;
}
