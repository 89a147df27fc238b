/**
 * The engine's events, routed to the agent sockets they may concern: by the user an event names (offers, status,
 * notices), by the agent a contact is with, and by the contacts a socket follows. Each socket still decides for
 * itself what to send (socket.ts); the router only spares it the events that cannot concern it, which with many
 * agents are nearly all of them: one subscription to the engine instead of one per socket, so an event costs the
 * sockets it concerns, not every socket (B7: a thousand agents beside thousands of callers in queue flows).
 *
 * A socket whose snapshot is still being read gets every event, as before it had one: it keeps them to replay
 * once it knows which contacts are its own.
 */
import type { EngineEvent } from '../../contacts/events.js';
import type { Engine } from '../../contacts/engine.js';

/** A socket as the router sees it. */
export interface EventTarget {
  readonly userId: string;
  onEvent(event: EngineEvent): void;
}

function addTo<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

export class AgentEventRouter {
  private readonly byUser = new Map<string, Set<EventTarget>>();
  private readonly byContact = new Map<string, Set<EventTarget>>();
  private readonly starting = new Set<EventTarget>();
  private readonly targets = new Set<EventTarget>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly engine: Pick<Engine, 'events'>,
    private readonly instanceId: string,
  ) {}

  /** A new socket: it gets every event until `ready`. */
  add(target: EventTarget): void {
    this.targets.add(target);
    addTo(this.byUser, target.userId, target);
    this.starting.add(target);
    this.unsubscribe ??= this.engine.events.subscribe((instanceId, e) => {
      if (instanceId === this.instanceId) this.dispatch(e);
    });
  }

  /** The socket has its snapshot: from now on it gets the events of its user and of the contacts it follows. */
  ready(target: EventTarget): void {
    this.starting.delete(target);
  }

  follow(target: EventTarget, contactId: string): void {
    addTo(this.byContact, contactId, target);
  }

  unfollow(target: EventTarget, contactId: string): void {
    removeFrom(this.byContact, contactId, target);
  }

  /** The socket closed; `followed` are the contacts it still followed. */
  remove(target: EventTarget, followed: Iterable<string>): void {
    if (!this.targets.delete(target)) return;
    removeFrom(this.byUser, target.userId, target);
    for (const contactId of followed) this.unfollow(target, contactId);
    this.starting.delete(target);
    if (this.targets.size === 0) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
    }
  }

  private dispatch(e: EngineEvent): void {
    const seen = new Set<EventTarget>();
    const deliver = (targets: ReadonlySet<EventTarget> | undefined) => {
      for (const t of targets ?? []) {
        if (seen.has(t)) continue;
        seen.add(t);
        try {
          t.onEvent(e);
        } catch {
          // a failing socket never stops the others
        }
      }
    };
    deliver(this.starting);
    switch (e.type) {
      case 'offer':
      case 'agent':
      case 'notice':
        deliver(this.byUser.get(e.userId));
        return;
      case 'contact':
        if (e.contact.AgentId !== undefined) deliver(this.byUser.get(e.contact.AgentId));
        deliver(this.byContact.get(e.contact.Id));
        return;
      default:
        // Prompts and hang-ups are the caller's.
        return;
    }
  }
}
