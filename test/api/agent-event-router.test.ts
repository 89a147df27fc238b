import { describe, expect, it } from 'vitest';
import { AgentEventRouter, type EventTarget } from '../../src/api/agent/event-router.js';
import { EventHub, type EngineEvent } from '../../src/contacts/events.js';
import type { Contact } from '../../src/store/ports/index.js';

const INSTANCE = 'i-1';

class Socket implements EventTarget {
  readonly got: EngineEvent[] = [];
  constructor(readonly userId: string) {}
  onEvent(e: EngineEvent): void {
    this.got.push(e);
  }
}

function contact(id: string, agentId?: string): Contact {
  return { Id: id, AgentId: agentId, State: 'CONNECTED', Channel: 'TASK' } as Contact;
}

function setup() {
  const hub = new EventHub();
  const router = new AgentEventRouter({ events: hub }, INSTANCE);
  const publish = (e: EngineEvent, instanceId = INSTANCE) => hub.publish(instanceId, e);
  return { hub, router, publish };
}

describe('agent event router', () => {
  it('sends a socket the events of its user and of the contacts it follows, and nothing else', () => {
    const { router, publish } = setup();
    const alice = new Socket('alice');
    const bob = new Socket('bob');
    for (const s of [alice, bob]) {
      router.add(s);
      router.ready(s);
    }
    router.follow(bob, 'c-transferred');

    publish({ type: 'offer', userId: 'alice', contactId: 'c-1', expiresAt: 1 });
    publish({ type: 'agent', userId: 'bob', statusId: 's', statusName: 'Available', missed: false });
    publish({ type: 'notice', userId: 'alice', message: 'transfer failed' });
    publish({ type: 'contact', contact: contact('c-1', 'alice') });
    publish({ type: 'contact', contact: contact('c-transferred', 'carol') });
    publish({ type: 'contact', contact: contact('c-unrelated', 'carol') });
    publish({ type: 'prompt', contactId: 'c-1', text: 'hello', ssml: false });
    publish({ type: 'offer', userId: 'alice', contactId: 'c-2', expiresAt: 1 }, 'other-instance');

    expect(alice.got.map((e) => e.type)).toEqual(['offer', 'notice', 'contact']);
    expect(bob.got).toEqual([
      { type: 'agent', userId: 'bob', statusId: 's', statusName: 'Available', missed: false },
      { type: 'contact', contact: contact('c-transferred', 'carol') },
    ]);
  });

  it('sends a socket still reading its snapshot every event, once, until it is ready', () => {
    const { router, publish } = setup();
    const early = new Socket('alice');
    router.add(early);
    publish({ type: 'contact', contact: contact('c-1', 'alice') });
    publish({ type: 'contact', contact: contact('c-2', 'dave') });
    expect(early.got.map((e) => (e.type === 'contact' ? e.contact.Id : e.type))).toEqual(['c-1', 'c-2']);
    router.ready(early);
    publish({ type: 'contact', contact: contact('c-3', 'dave') });
    expect(early.got).toHaveLength(2);
  });

  it('stops following a contact, and forgets a closed socket (the engine subscription goes with the last one)', () => {
    const { router, publish } = setup();
    const alice = new Socket('alice');
    router.add(alice);
    router.ready(alice);
    router.follow(alice, 'c-1');
    router.unfollow(alice, 'c-1');
    publish({ type: 'contact', contact: contact('c-1', 'bob') });
    expect(alice.got).toHaveLength(0);

    router.follow(alice, 'c-2');
    router.remove(alice, ['c-2']);
    publish({ type: 'offer', userId: 'alice', contactId: 'c-2', expiresAt: 1 });
    publish({ type: 'contact', contact: contact('c-2', 'bob') });
    expect(alice.got).toHaveLength(0);

    // A socket opened afterwards gets each event once: the first subscription did not outlive its sockets.
    const again = new Socket('alice');
    router.add(again);
    router.ready(again);
    publish({ type: 'offer', userId: 'alice', contactId: 'c-3', expiresAt: 1 });
    expect(again.got).toHaveLength(1);
  });

  it('keeps delivering to the other sockets when one throws', () => {
    const { router, publish } = setup();
    const broken: EventTarget = {
      userId: 'alice',
      onEvent: () => {
        throw new Error('socket gone');
      },
    };
    const alice = new Socket('alice');
    for (const s of [broken, alice]) {
      router.add(s);
      router.ready(s);
    }
    publish({ type: 'offer', userId: 'alice', contactId: 'c-1', expiresAt: 1 });
    expect(alice.got).toHaveLength(1);
  });
});
