/**
 * The contact lifecycle's moves (docs/ENGINE.md "Contacts"): into a queue, offered, connected, after-contact
 * work, ended. Each is one step of a command (`Tx`): the rows change in the command's transaction, the indexes
 * at once, observers see it after the commit.
 */
import type { Contact } from '../store/ports/index.js';
import type { QueueInfo } from '../flows/runtime/state.js';
import { addTimer, busyOf, dropTimers, saveContact, type Live, type Tx } from './live.js';
import { agentView } from './agent-view.js';
import { dropQueueFrame } from './host-state.js';

/** Connect's DisconnectReason values Tsunagi records. */
export type DisconnectReason =
  | 'CUSTOMER_DISCONNECT'
  | 'AGENT_DISCONNECT'
  | 'CONTACT_FLOW_DISCONNECT'
  | 'API'
  | 'EXPIRED'
  | 'TRANSFER'
  | 'TELECOM_PROBLEM'
  | 'OTHER';

function waiting(contact: Contact) {
  return {
    id: contact.Id,
    channel: contact.Channel,
    queueId: contact.QueueId ?? '',
    enqueuedAt: contact.EnqueueTimestamp ?? contact.InitiationTimestamp,
    ...(contact.QueueTimeAdjustmentSeconds !== undefined && {
      queueTimeAdjustmentSeconds: contact.QueueTimeAdjustmentSeconds,
    }),
    ...(contact.QueuePriority !== undefined && { priority: contact.QueuePriority }),
  };
}

/** Puts a contact in the routing index (on start, or back after a rejected offer). */
export function indexWaiting(live: Live, contact: Contact): void {
  live.index.addContact(waiting(contact));
}

/** Takes a contact out of the routing index (offered, ended, moved); false when it was not waiting there. */
export function unindexWaiting(live: Live, contact: Contact): boolean {
  return live.index.removeContact(contact.Id);
}

/** The contact enters `queue` (Transfer to queue), or another queue (Transfer to queue from a queue flow). */
export async function enqueue(tx: Tx, contact: Contact, queue: QueueInfo): Promise<void> {
  if (contact.State === 'QUEUED') unindexWaiting(tx.live, contact);
  contact.State = 'QUEUED';
  contact.QueueId = queue.Id;
  contact.EnqueueTimestamp = tx.now;
  await saveContact(tx, contact, { type: 'QUEUED', detail: { QueueId: queue.Id, QueueName: queue.Name } });
  indexWaiting(tx.live, contact);
}

/** After a rejected or unanswered offer: back in its queue with its enqueue time kept. */
export async function requeue(tx: Tx, contact: Contact, why: 'REJECTED' | 'MISSED'): Promise<void> {
  const agentId = contact.AgentId;
  contact.State = 'QUEUED';
  delete contact.AgentId;
  delete contact.OfferedTimestamp;
  await dropTimers(tx, contact.Id, 'offer');
  await saveContact(tx, contact, { type: why, detail: { AgentId: agentId } });
  indexWaiting(tx.live, contact);
  if (agentId) await agentChanged(tx, agentId);
}

/**
 * The agent's view changed (a contact offered, ended or cleared; status; profile): routing sees the new one, and
 * the agent's idle time starts when they hold nothing any more.
 */
export async function agentChanged(tx: Tx, userId: string): Promise<void> {
  const agent = tx.live.agents.get(userId);
  if (!agent) return;
  const busy = busyOf(tx.live, userId);
  const idle = Object.values(busy).every((n) => !n);
  if (idle !== (agent.state.IdleSince !== undefined)) {
    if (idle) agent.state.IdleSince = tx.now;
    else delete agent.state.IdleSince;
    await tx.repos.agentStates.put(agent.state);
  }
  tx.touched = true;
  tx.live.index.upsertAgent(agentView(agent, busy, tx.now));
}

/** An offer went unanswered or was rejected: the agent is not routed more until they set a status again. */
export async function markMissed(tx: Tx, userId: string): Promise<void> {
  const agent = tx.live.agents.get(userId);
  if (!agent) return;
  agent.state.Missed = true;
  await tx.repos.agentStates.put(agent.state);
  await agentChanged(tx, userId);
  tx.publish({
    type: 'agent',
    userId,
    statusId: agent.status.AgentStatusId,
    statusName: agent.status.Name,
    missed: true,
  });
}

/** Offers what routing decides now: each offer is durable (contact OFFERED, its timeout row) before it is seen. */
export async function route(tx: Tx): Promise<void> {
  const { live } = tx;
  const offers = live.index.route(tx.now);
  tx.touched ||= offers.length > 0;
  for (const offer of offers) {
    const contact = live.contacts.get(offer.contactId);
    if (!contact) continue;
    contact.State = 'OFFERED';
    contact.AgentId = offer.userId;
    contact.OfferedTimestamp = tx.now;
    const expiresAt = tx.now + live.deps.limits.offerTimeoutMs;
    await addTimer(tx, 'offer', expiresAt, { contactId: contact.Id, agentId: offer.userId });
    await saveContact(tx, contact, { type: 'OFFERED', detail: { AgentId: offer.userId } });
    tx.publish({ type: 'offer', userId: offer.userId, contactId: contact.Id, expiresAt });
  }
  // The agents offered something are no longer idle: their idle time restarts when they hold nothing again.
  for (const userId of new Set(offers.map((o) => o.userId))) await agentChanged(tx, userId);
}

/** The agent accepted (or the contact was auto-accepted): connected, the customer queue flow abandoned. */
export async function connect(tx: Tx, contact: Contact): Promise<void> {
  contact.State = 'CONNECTED';
  contact.ConnectedToAgentTimestamp = tx.now;
  dropQueueFrame(contact);
  await dropTimers(tx, contact.Id, 'offer');
  await dropTimers(tx, contact.Id, 'flow');
  await saveContact(tx, contact, { type: 'CONNECTED', detail: { AgentId: contact.AgentId } });
}

/**
 * The contact's conversation is over. Connected to an agent: into after-contact work (the agent clears it, or its
 * time limit does). Anywhere else: ended, out of its queue, an offer withdrawn.
 */
export async function disconnect(tx: Tx, contact: Contact, reason: DisconnectReason): Promise<void> {
  if (contact.State === 'ACW' || contact.State === 'ENDED' || contact.State === 'EXPIRED') return;
  contact.DisconnectTimestamp = tx.now;
  contact.DisconnectReason = reason;
  if (contact.Channel === 'VOICE' && reason !== 'CUSTOMER_DISCONNECT')
    tx.publish({ type: 'hangup', contactId: contact.Id, reason });
  if (contact.State === 'CONNECTED' && contact.AgentId) {
    contact.State = 'ACW';
    contact.AfterContactWorkStartTimestamp = tx.now;
    await dropTimers(tx, contact.Id, 'expire'); // the conversation is over: expiry no longer applies
    const agent = tx.live.agents.get(contact.AgentId);
    const limit = agent?.user.PhoneConfig.AfterContactWorkTimeLimit ?? 0;
    if (limit > 0) await addTimer(tx, 'acw', tx.now + limit * 1000, { contactId: contact.Id });
    await saveContact(tx, contact, { type: 'ACW', detail: { DisconnectReason: reason } });
    return;
  }
  await finish(tx, contact, 'ENDED', reason);
}

/** The last move: ENDED (or EXPIRED), out of every index, its timers gone, the agent's slot free. */
export async function finish(
  tx: Tx,
  contact: Contact,
  state: 'ENDED' | 'EXPIRED',
  reason?: DisconnectReason,
): Promise<void> {
  const agentId = contact.AgentId;
  const held = contact.State === 'OFFERED' || contact.State === 'CONNECTED' || contact.State === 'ACW';
  unindexWaiting(tx.live, contact);
  if (contact.State === 'ACW') contact.AfterContactWorkEndTimestamp = tx.now;
  contact.DisconnectTimestamp ??= tx.now;
  if (reason && !contact.DisconnectReason) contact.DisconnectReason = reason;
  contact.State = state;
  delete contact.FlowState;
  delete contact.QueueFlowState;
  await dropTimers(tx, contact.Id);
  await saveContact(tx, contact, { type: state, detail: reason ? { DisconnectReason: reason } : {} });
  if (held && agentId) await agentChanged(tx, agentId);
}
