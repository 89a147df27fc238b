/**
 * The in-memory side of durable timers (docs/ENGINE.md "Timers"): the rows in the store are the truth; this heap
 * only wakes the instance loop when the soonest one falls due. One clock timer is armed at a time, for the
 * earliest row; timers removed or replaced are dropped lazily.
 */
import { MinHeap, type Clock, type TimerHandle } from '../core/index.js';
import type { Timer } from '../store/ports/index.js';

export class TimerWheel {
  private readonly heap = new MinHeap<Timer>((a, b) => a.DueAt - b.DueAt || (a.Id < b.Id ? -1 : 1));
  private readonly live = new Map<string, Timer>();
  /** Ids of each contact's live timers, so a contact's end finds them without a scan of every timer. */
  private readonly byContact = new Map<string, Set<string>>();
  private armed: { at: number; handle: TimerHandle } | undefined;
  private stopped = false;

  /** `onDue` receives each due timer once, in due order (a failed command rebuilds the wheel from the rows). */
  constructor(
    private readonly clock: Clock,
    private readonly onDue: (timers: Timer[]) => void | Promise<void>,
  ) {}

  get size(): number {
    return this.live.size;
  }

  has(id: string): boolean {
    return this.live.has(id);
  }

  add(timer: Timer): void {
    const before = this.live.get(timer.Id);
    if (before) this.unlink(before);
    this.live.set(timer.Id, timer);
    this.link(timer);
    this.heap.push(timer);
    this.arm();
  }

  remove(id: string): void {
    const timer = this.live.get(id);
    if (!timer) return;
    this.live.delete(id);
    this.unlink(timer);
  }

  /** Every live timer of a contact (to cancel them with the contact's end). */
  forContact(contactId: string): Timer[] {
    return [...(this.byContact.get(contactId) ?? [])].flatMap((id) => this.live.get(id) ?? []);
  }

  stop(): void {
    this.stopped = true;
    this.armed?.handle.cancel();
    this.armed = undefined;
  }

  /** Takes the timers due at `now` out of the wheel, soonest first (their command deletes their rows). */
  takeDue(now: number): Timer[] {
    const out: Timer[] = [];
    for (let top = this.heap.peek(); top && top.DueAt <= now; top = this.heap.peek()) {
      this.heap.pop();
      if (this.live.get(top.Id) !== top) continue;
      this.live.delete(top.Id);
      this.unlink(top);
      out.push(top);
    }
    return out;
  }

  private link(timer: Timer): void {
    if (timer.ContactId === undefined) return;
    let ids = this.byContact.get(timer.ContactId);
    if (!ids) this.byContact.set(timer.ContactId, (ids = new Set()));
    ids.add(timer.Id);
  }

  private unlink(timer: Timer): void {
    if (timer.ContactId === undefined) return;
    const ids = this.byContact.get(timer.ContactId);
    ids?.delete(timer.Id);
    if (ids?.size === 0) this.byContact.delete(timer.ContactId);
  }

  private arm(): void {
    if (this.stopped) return;
    let top = this.heap.peek();
    while (top && this.live.get(top.Id) !== top) {
      this.heap.pop();
      top = this.heap.peek();
    }
    if (!top) return;
    if (this.armed && this.armed.at <= top.DueAt) return;
    this.armed?.handle.cancel();
    const at = top.DueAt;
    this.armed = {
      at,
      // The clock waits for the commands the timers start (a fake clock then sees the timers they set).
      handle: this.clock.setTimer(at, async () => {
        if (this.armed?.at === at) this.armed = undefined;
        const due = this.takeDue(this.clock.now());
        if (due.length > 0) await this.onDue(due);
        this.rearm();
      }),
    };
  }

  private rearm(): void {
    if (this.armed) {
      this.armed.handle.cancel();
      this.armed = undefined;
    }
    this.arm();
  }
}
