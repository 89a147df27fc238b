/** Time is injected: engine code asks a Clock, never `Date.now()` (DESIGN.md "Runtime model"). */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fire` once at or after the absolute time `dueAt` (epoch ms). */
  setTimer(dueAt: number, fire: () => void | Promise<void>): TimerHandle;
}

/** setTimeout cannot wait longer than 2^31-1 ms; longer timers re-arm. */
const MAX_DELAY = 2_147_483_647;

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  setTimer(dueAt: number, fire: () => void | Promise<void>): TimerHandle {
    let handle: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = (): void => {
      const delay = Math.max(0, dueAt - Date.now());
      handle = setTimeout(
        () => {
          if (cancelled) return;
          if (Date.now() < dueAt) return arm();
          void fire();
        },
        Math.min(delay, MAX_DELAY),
      );
      handle.unref?.();
    };
    arm();
    return {
      cancel: () => {
        cancelled = true;
        if (handle) clearTimeout(handle);
      },
    };
  }
}

interface FakeTimer {
  dueAt: number;
  seq: number;
  fire: () => void | Promise<void>;
  cancelled: boolean;
}

/**
 * A clock for tests. Time moves only by `advance` / `set`; due timers fire in order of due time, then of
 * creation, each awaited before the next, with `now()` equal to the timer's due time while it runs.
 */
export class FakeClock implements Clock {
  private current: number;
  private seq = 0;
  private timers: FakeTimer[] = [];

  constructor(start: number | Date = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  setTimer(dueAt: number, fire: () => void | Promise<void>): TimerHandle {
    const timer: FakeTimer = { dueAt, seq: this.seq++, fire, cancelled: false };
    this.timers.push(timer);
    return {
      cancel: () => {
        timer.cancelled = true;
      },
    };
  }

  /** Number of timers still waiting. */
  pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way (also ones set while firing). */
  async advance(ms: number): Promise<void> {
    if (ms < 0) throw new RangeError('FakeClock cannot go back in time');
    await this.runUntil(this.current + ms);
  }

  /** Moves time to the absolute instant `at` (not before now). */
  async set(at: number | Date): Promise<void> {
    const target = typeof at === 'number' ? at : at.getTime();
    if (target < this.current) throw new RangeError('FakeClock cannot go back in time');
    await this.runUntil(target);
  }

  private async runUntil(target: number): Promise<void> {
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      let next: FakeTimer | undefined;
      for (const t of this.timers) {
        if (
          t.dueAt <= target &&
          (!next || t.dueAt < next.dueAt || (t.dueAt === next.dueAt && t.seq < next.seq))
        )
          next = t;
      }
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.dueAt);
      await next.fire();
    }
    this.current = target;
  }
}
