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
    this.live.set(timer.Id, timer);
    this.heap.push(timer);
    this.arm();
  }

  remove(id: string): void {
    this.live.delete(id);
  }

  /** Every live timer of a contact (to cancel them with the contact's end). */
  forContact(contactId: string): Timer[] {
    return [...this.live.values()].filter((t) => t.ContactId === contactId);
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
      out.push(top);
    }
    return out;
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
