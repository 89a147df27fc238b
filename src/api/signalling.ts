/**
 * WebRTC signalling between a caller on the web phone and the agent connected to their call: the server only
 * relays offers, answers and ICE candidates between the two sockets of a contact, and knows nothing of media.
 */
export type Side = 'caller' | 'agent';

type Send = (data: unknown) => void;

export class SignalRelay {
  private readonly sides = new Map<string, Partial<Record<Side, Send>>>();

  /** A socket joins the contact's signalling as one side (replacing an earlier socket of that side). */
  join(contactId: string, side: Side, send: Send): () => void {
    const entry = this.sides.get(contactId) ?? {};
    entry[side] = send;
    this.sides.set(contactId, entry);
    return () => {
      const current = this.sides.get(contactId);
      if (current?.[side] !== send) return;
      delete current[side];
      if (!current.caller && !current.agent) this.sides.delete(contactId);
    };
  }

  /** Relays `data` to the other side; false when nobody is there to receive it. */
  relay(contactId: string, from: Side, data: unknown): boolean {
    const to = this.sides.get(contactId)?.[from === 'caller' ? 'agent' : 'caller'];
    if (!to) return false;
    to(data);
    return true;
  }

  /** Forgets a contact's signalling (its call ended). */
  close(contactId: string): void {
    this.sides.delete(contactId);
  }
}
