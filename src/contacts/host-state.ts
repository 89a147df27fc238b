/**
 * What the engine keeps of a contact's flows (the contact's `FlowState` column, JSON): the contact as flows see
 * it (attributes, event hooks, working queue, loop counters...), the frame of the flow it runs, and the frame of
 * its customer queue flow while it waits in queue.
 */
import type { Contact } from '../store/ports/index.js';
import type { ContactState, FrameState } from '../flows/runtime/state.js';

export interface HostState {
  contact: ContactState;
  /** The contact's flow (inbound, task, transfer) while it runs or waits. */
  main?: FrameState;
  /** The customer queue flow while the contact waits in queue. */
  queue?: FrameState;
  /** When the current run of the customer queue flow started (it restarts on Resume only after waiting). */
  queueStartedAt?: number;
  /** The Lambda call a frame waits for: its answer is accepted only with this token. */
  pending?: { slot: 'main' | 'queue'; token: string };
}

export function hostStateOf(contact: Contact): HostState | undefined {
  return contact.FlowState as HostState | undefined;
}

/** Forgets the customer queue flow (the contact left its queue for an agent or another flow). */
export function dropQueueFrame(contact: Contact): void {
  const host = hostStateOf(contact);
  if (!host?.queue) return;
  delete host.queue;
  delete host.queueStartedAt;
  if (host.pending?.slot === 'queue') delete host.pending;
}
