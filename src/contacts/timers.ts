/**
 * What a durable timer does when it falls due (docs/ENGINE.md "Timers"). Each fires once: its command deletes
 * the row first, and a row already gone (handled, or cancelled by the contact's end) does nothing.
 */
import type { Timer } from '../store/ports/index.js';
import type { Tx } from './live.js';
import { disconnect, finish, markMissed, requeue } from './lifecycle.js';
import { deliverTask, resumeFlow } from './flow-host.js';

export async function fireTimer(tx: Tx, timer: Timer): Promise<void> {
  const { live } = tx;
  if (!(await tx.repos.timers.delete(live.instanceId, timer.Id))) return;
  const contact = timer.ContactId ? live.contacts.get(timer.ContactId) : undefined;
  if (!contact) return;
  switch (timer.Kind) {
    case 'deliver':
      if (contact.State === 'SCHEDULED') await deliverTask(tx, contact.Id);
      return;
    case 'flow': {
      const slot = timer.Data.slot === 'queue' ? 'queue' : 'main';
      await resumeFlow(tx, contact, slot, { type: 'timer' });
      return;
    }
    case 'offer':
      if (contact.State === 'OFFERED' && contact.AgentId === timer.AgentId)
        await missed(tx, contact.AgentId, contact);
      return;
    case 'expire':
      // A task not completed within its expiry ends (Connect: 7 days by default).
      if (contact.State === 'CONNECTED') await disconnect(tx, contact, 'EXPIRED');
      await finish(tx, contact, 'EXPIRED', 'EXPIRED');
      return;
    case 'acw':
      if (contact.State === 'ACW') await finish(tx, contact, 'ENDED');
      return;
  }
}

/** An offer nobody answered: the contact goes back to its queue, the agent to Missed (not routable). */
async function missed(
  tx: Tx,
  userId: string | undefined,
  contact: Parameters<typeof requeue>[1],
): Promise<void> {
  await requeue(tx, contact, 'MISSED');
  if (userId) await markMissed(tx, userId);
}
