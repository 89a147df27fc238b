/**
 * What an agent does in the workspace: set a status, accept or reject an offer, end a contact, clear it after
 * after-contact work, hold a call. An agent acts only on contacts offered or connected to them (rule P3 and
 * DESIGN.md "Security model").
 */
import { ConnectError, idFromIdOrArn, invalidRequest, notFound } from '../core/index.js';
import type { Contact } from '../store/ports/index.js';
import type { Actor } from '../access/actor.js';
import { requireAgent } from '../access/actor.js';
import { appendEvent, type Tx } from './live.js';
import { agentChanged, connect, disconnect, finish, markMissed, requeue } from './lifecycle.js';
import { loadAgent } from './agent-view.js';

/** The agent's contact, or an error that says why they may not act on it. */
export function ownContact(
  tx: Tx,
  actor: Actor,
  contactId: string,
  states: readonly Contact['State'][],
): Contact {
  const contact = tx.live.contacts.get(contactId);
  if (!contact) throw notFound('Contact', contactId, 'ContactId');
  if (contact.AgentId !== actor.userId || !['OFFERED', 'CONNECTED', 'ACW'].includes(contact.State))
    throw new ConnectError(
      'AccessDeniedException',
      `contact ${contactId} is not offered or connected to ${actor.username}`,
      {
        ids: { ContactId: contactId, UserId: actor.userId },
      },
    );
  if (!states.includes(contact.State))
    throw invalidRequest(
      `contact ${contactId} is ${contact.State.toLowerCase()}: this needs it ${states.map((s) => s.toLowerCase()).join(' or ')}`,
    );
  return contact;
}

/** PutUserStatus: the agent's status; Available makes them routable (and clears Missed). */
export async function setStatus(tx: Tx, actor: Actor, statusIdOrArn: string): Promise<void> {
  requireAgent(actor);
  const { live, repos } = tx;
  const id = idFromIdOrArn(statusIdOrArn);
  const status = await repos.agentStatuses.get(live.instanceId, id);
  if (!status) throw notFound('Agent status', id, 'AgentStatusId');
  if (status.State === 'DISABLED') throw invalidRequest(`agent status ${status.Name} is disabled`);
  const known = live.agents.get(actor.userId);
  const state = known?.state ?? {
    InstanceId: live.instanceId,
    UserId: actor.userId,
    StatusId: id,
    StatusSince: tx.now,
    Missed: false,
    IdleSince: tx.now,
  };
  state.StatusId = id;
  state.StatusSince = tx.now;
  state.Missed = false;
  if (status.Type === 'ROUTABLE' && (live.holding.get(actor.userId)?.size ?? 0) === 0)
    state.IdleSince = tx.now;
  await repos.agentStates.put(state);
  // The user's routing profile and queues are read again: a status change picks up configuration changes.
  const agent = await loadAgent(repos, live.instanceId, state);
  if (!agent) throw notFound('User', actor.userId, 'UserId');
  tx.touched = true;
  live.agents.set(actor.userId, agent);
  await agentChanged(tx, actor.userId);
  tx.publish({ type: 'agent', userId: actor.userId, statusId: id, statusName: status.Name, missed: false });
}

export async function accept(tx: Tx, actor: Actor, contactId: string): Promise<Contact> {
  requireAgent(actor);
  const contact = ownContact(tx, actor, contactId, ['OFFERED']);
  await connect(tx, contact);
  return contact;
}

/** A rejected offer goes back to its queue; the agent is not routed more until they set a status again. */
export async function reject(tx: Tx, actor: Actor, contactId: string): Promise<void> {
  requireAgent(actor);
  const contact = ownContact(tx, actor, contactId, ['OFFERED']);
  await requeue(tx, contact, 'REJECTED');
  await markMissed(tx, actor.userId);
}

/** Ends the conversation (hang up, end task): the contact goes into after-contact work. */
export async function endContact(tx: Tx, actor: Actor, contactId: string): Promise<void> {
  requireAgent(actor);
  const contact = ownContact(tx, actor, contactId, ['CONNECTED']);
  await disconnect(tx, contact, 'AGENT_DISCONNECT');
}

/** Clears the contact: after-contact work done (or a connected task completed at once). */
export async function complete(tx: Tx, actor: Actor, contactId: string): Promise<void> {
  requireAgent(actor);
  const contact = ownContact(tx, actor, contactId, ['CONNECTED', 'ACW']);
  if (contact.State === 'CONNECTED') await disconnect(tx, contact, 'AGENT_DISCONNECT');
  await finish(tx, contact, 'ENDED');
}

/** Puts a connected call on hold or takes it off: recorded on the timeline. */
export async function hold(tx: Tx, actor: Actor, contactId: string, on: boolean): Promise<void> {
  requireAgent(actor);
  const contact = ownContact(tx, actor, contactId, ['CONNECTED']);
  if (contact.Channel !== 'VOICE') throw invalidRequest('only calls are put on hold');
  await appendEvent(tx, contactId, on ? 'HOLD' : 'RESUME', { AgentId: actor.userId });
}
