/**
 * An instance's live state, as the engine holds it between commands: indexes of the store, rebuilt from it on
 * start (docs/ENGINE.md "The instance loop"). `Tx` is one command: its store transaction, what it changed in
 * memory, and what becomes visible once the transaction has committed.
 */
import type { Contact, Flow, Queue, Repositories, Timer, TimerKind } from '../store/ports/index.js';
import type { ServiceDeps } from '../instances/context.js';
import type { RoutingIndex } from '../routing/routing-index.js';
import type { AgentView } from '../routing/decide.js';
import type { TimerWheel } from '../scheduler/timer-wheel.js';
import type { FlowCache } from './flow-cache.js';
import type { ConfigCache } from './config-cache.js';
import { DeferredContactWrites } from './deferred-writes.js';
import type { EngineEvent, EnginePorts } from './events.js';
import type { AgentLive } from './agent-view.js';

export interface Live {
  readonly instanceId: string;
  readonly instanceArn: string;
  readonly deps: ServiceDeps;
  readonly ports: EnginePorts;
  /** Contacts not ENDED or EXPIRED. */
  readonly contacts: Map<string, Contact>;
  /** Agents with a status row, by user id. */
  readonly agents: Map<string, AgentLive>;
  /** Running counts: the active-task quota reads it instead of counting rows. */
  readonly counts: { activeTasks: number };
  /** The contacts each agent holds (offered, connected or in after-contact work), by user id. */
  readonly holding: Map<string, Set<string>>;
  /** The reverse of `holding`: contact id → user id. */
  readonly holderOf: Map<string, string>;
  /** The contacts in each queue (waiting or being offered), by queue id: queue capacity counts them. */
  readonly inQueue: Map<string, Set<string>>;
  /** The reverse of `inQueue`: contact id → queue id. */
  readonly queueOf: Map<string, string>;
  readonly index: RoutingIndex;
  readonly wheel: TimerWheel;
  readonly flows: FlowCache;
  /** Queues and flows (their rows) as stored, kept while the configuration has not changed. */
  readonly queues: ConfigCache<Queue>;
  readonly flowRows: ConfigCache<Flow>;
  /** Runs `work` later as a command of this instance (answers from outside the loop come back this way). */
  readonly later: (name: string, work: (tx: Tx) => Promise<void>) => void;
}

export class Tx {
  /** Something in memory changed: if the transaction fails, the instance rebuilds from the store. */
  touched = false;
  readonly events: EngineEvent[] = [];
  readonly timersAdded: Timer[] = [];
  readonly timersDropped = new Set<string>();
  /** Tasks created during the command whose flow starts before it ends (Create task block, StartTaskContact). */
  readonly deliveries: string[] = [];
  /** Work started after the commit, outside the loop (Lambda calls). */
  readonly outside: (() => Promise<void>)[] = [];

  /** The command's repositories: contact rows and timeline entries are written at `flush` (deferred-writes.ts). */
  readonly repos: Repositories;
  private readonly writes: DeferredContactWrites;

  constructor(
    readonly live: Live,
    repos: Repositories,
    readonly now: number,
  ) {
    this.writes = new DeferredContactWrites(repos, live.instanceId);
    // The instance's queues and flows are read through its caches (config-cache.ts); anything else as it is.
    const { queues, flows } = repos;
    const mine = (instanceId: string) => instanceId === live.instanceId;
    this.repos = {
      ...this.writes.repos,
      queues: { ...queues, get: (i, id) => (mine(i) ? live.queues.get(repos, id) : queues.get(i, id)) },
      flows: { ...flows, get: (i, id) => (mine(i) ? live.flowRows.get(repos, id) : flows.get(i, id)) },
    };
  }

  /** Writes the command's pending contact changes; the loop calls it before the transaction commits. */
  flush(): Promise<void> {
    return this.writes.flush();
  }

  publish(event: EngineEvent): void {
    this.events.push(event);
  }
}

/** Records a contact's change: the row, its timeline entry, the in-memory copy, and the event for observers. */
export async function saveContact(
  tx: Tx,
  contact: Contact,
  event?: { type: string; detail?: Record<string, unknown> },
): Promise<void> {
  contact.LastUpdateTimestamp = tx.now;
  await tx.repos.contacts.update(contact);
  if (event) await appendEvent(tx, contact.Id, event.type, event.detail ?? {});
  tx.touched = true;
  track(tx.live, contact);
  tx.publish({ type: 'contact', contact });
}

const HOLDS = new Set(['OFFERED', 'CONNECTED', 'ACW']);

/** Keeps the in-memory copies in step with a contact's new state. */
export function track(live: Live, contact: Contact): void {
  const was = live.contacts.has(contact.Id);
  const active = contact.State !== 'ENDED' && contact.State !== 'EXPIRED';
  if (active) live.contacts.set(contact.Id, contact);
  else live.contacts.delete(contact.Id);
  if (contact.Channel === 'TASK' && was !== active) live.counts.activeTasks += active ? 1 : -1;
  const holder = HOLDS.has(contact.State) ? contact.AgentId : undefined;
  const queueId = contact.State === 'QUEUED' || contact.State === 'OFFERED' ? contact.QueueId : undefined;
  const wasIn = live.queueOf.get(contact.Id);
  if (wasIn !== undefined && wasIn !== queueId) {
    live.inQueue.get(wasIn)?.delete(contact.Id);
    live.queueOf.delete(contact.Id);
  }
  if (queueId !== undefined) {
    let set = live.inQueue.get(queueId);
    if (!set) live.inQueue.set(queueId, (set = new Set()));
    set.add(contact.Id);
    live.queueOf.set(contact.Id, queueId);
  }
  const before = live.holderOf.get(contact.Id);
  if (before !== undefined && before !== holder) {
    live.holding.get(before)?.delete(contact.Id);
    live.holderOf.delete(contact.Id);
  }
  if (holder) {
    live.holderOf.set(contact.Id, holder);
    let set = live.holding.get(holder);
    if (!set) live.holding.set(holder, (set = new Set()));
    set.add(contact.Id);
  }
}

export async function insertContact(tx: Tx, contact: Contact): Promise<void> {
  await tx.repos.contacts.insert(contact);
  tx.touched = true;
  track(tx.live, contact);
  tx.publish({ type: 'contact', contact });
}

export async function appendEvent(
  tx: Tx,
  contactId: string,
  type: string,
  detail: Record<string, unknown>,
): Promise<void> {
  return tx.repos.contacts.appendEvent(tx.live.instanceId, {
    ContactId: contactId,
    Timestamp: tx.now,
    Type: type,
    Detail: detail,
  });
}

export async function addTimer(
  tx: Tx,
  kind: TimerKind,
  dueAt: number,
  target: { contactId?: string; agentId?: string },
  data: Record<string, unknown> = {},
): Promise<Timer> {
  const timer: Timer = {
    Id: tx.live.deps.ids.next(),
    InstanceId: tx.live.instanceId,
    Kind: kind,
    ...(target.contactId && { ContactId: target.contactId }),
    ...(target.agentId && { AgentId: target.agentId }),
    DueAt: dueAt,
    Data: data,
  };
  await tx.repos.timers.insert(timer);
  tx.timersAdded.push(timer);
  return timer;
}

/** Drops a contact's timers of one kind (all kinds when none is given). */
/**
 * Drops a contact's timers of one kind (all kinds when none is given). The wheel holds every timer row but those
 * already handed to their command (which deletes its row first), so nothing to drop there means no statement.
 */
export async function dropTimers(tx: Tx, contactId: string, kind?: TimerKind): Promise<void> {
  const matches = (t: Timer) =>
    t.ContactId === contactId && (!kind || t.Kind === kind) && !tx.timersDropped.has(t.Id);
  const found = [...tx.live.wheel.forContact(contactId), ...tx.timersAdded].filter(matches);
  if (found.length === 0) return;
  await tx.repos.timers.deleteForContact(tx.live.instanceId, contactId, kind);
  for (const t of found) tx.timersDropped.add(t.Id);
}

/** Busy counts per channel of an agent: contacts offered, connected or in after-contact work. */
export function busyOf(live: Live, userId: string): AgentView['busy'] {
  const busy: AgentView['busy'] = {};
  for (const id of live.holding.get(userId) ?? []) {
    const c = live.contacts.get(id);
    if (c) busy[c.Channel] = (busy[c.Channel] ?? 0) + 1;
  }
  return busy;
}
