/**
 * The contacts repository as one command of the instance loop sees it: a contact's row and its timeline entries are
 * written once, at the end of the command (`flush`), instead of at every change. A delivered task changes state
 * twice and gains four timeline entries in one command (B5); written as they happen that is six statements, each
 * built and run on its own. A contact created in the command is inserted as it is at the flush (not inserted, then
 * updated), and its timeline is known to start at 1. Any other use of the repository (a read) writes what is
 * pending first, so a command reads its own changes.
 */
import type { Contact, ContactEvent, ContactRepo, Repositories } from '../store/ports/index.js';

export class DeferredContactWrites {
  /** The latest state of each contact saved in the command, by id (saved again as it is at the flush). */
  private readonly changed = new Map<string, Contact>();
  /** Contacts created in the command, not yet inserted, by id (inserted as they are at the flush). */
  private readonly created = new Map<string, Contact>();
  /** The last timeline number of contacts whose timeline this command knows (created or written to). */
  private readonly lastSeq = new Map<string, number>();
  private readonly entries: Omit<ContactEvent, 'Seq'>[] = [];
  readonly repos: Repositories;

  constructor(
    private readonly inner: Repositories,
    private readonly instanceId: string,
  ) {
    const contacts = inner.contacts;
    const first =
      <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
      async (...a: A): Promise<R> => {
        await this.flush();
        return f(...a);
      };
    const deferred: ContactRepo = {
      insert: (contact) => {
        this.created.set(contact.Id, contact);
        this.lastSeq.set(contact.Id, 0);
        return Promise.resolve();
      },
      update: (contact) => {
        if (this.created.has(contact.Id)) this.created.set(contact.Id, contact);
        else this.changed.set(contact.Id, contact);
        return Promise.resolve();
      },
      get: first((i, id) => contacts.get(i, id)),
      linked: first((i, id) => contacts.linked(i, id)),
      listActive: first((i) => contacts.listActive(i)),
      countWithPrevious: first((i, id) => contacts.countWithPrevious(i, id)),
      countActiveTasks: first((i) => contacts.countActiveTasks(i)),
      appendEvent: (_i, event) => {
        this.entries.push(event);
        return Promise.resolve();
      },
      appendEvents: (_i, events) => {
        this.entries.push(...events);
        return Promise.resolve();
      },
      events: first((i, id) => contacts.events(i, id)),
      search: first((i, q, p) => contacts.search(i, q, p)),
    };
    this.repos = { ...inner, contacts: deferred };
  }

  /** Writes the pending rows and timeline entries (in the command's transaction). */
  async flush(): Promise<void> {
    if (this.created.size === 0 && this.changed.size === 0 && this.entries.length === 0) return;
    const created = [...this.created.values()];
    const changed = [...this.changed.values()];
    const entries = this.entries.splice(0);
    this.created.clear();
    this.changed.clear();
    for (const contact of created) await this.inner.contacts.insert(contact);
    for (const contact of changed) await this.inner.contacts.update(contact);
    await this.inner.contacts.appendEvents(this.instanceId, entries, this.lastSeq);
  }
}
