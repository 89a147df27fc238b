/**
 * Polling without piling up: one request at a time, the next one planned only when the last has answered
 * (every `intervalMs`, backing off after failures up to `maxMs`), a refresh asked for during a request run
 * right after it, and nothing while paused (the tab hidden).
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface PollerOptions<T> {
  load: () => Promise<T>;
  intervalMs: number;
  maxMs: number;
  /** Each answer, and when the next request is planned (ms from now). */
  onDone: (outcome: Outcome<T>, nextInMs: number) => void;
}

/** The wait before the next request: the interval, doubled for each failure in a row, at most `maxMs`. */
export function nextDelay(failures: number, intervalMs: number, maxMs: number): number {
  return Math.min(maxMs, intervalMs * 2 ** Math.min(failures, 16));
}

export class Poller<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private again = false;
  private paused = false;
  private stopped = false;
  private failures = 0;

  constructor(private readonly options: PollerOptions<T>) {}

  /** A request now, or right after the one in flight. */
  now(): void {
    if (this.stopped) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.clearTimer();
    void this.run();
  }

  pause(): void {
    this.paused = true;
    this.clearTimer();
  }

  /** Back from a pause: fresh figures at once (unless a request is still out; it plans the next). */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (!this.inFlight) this.now();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    this.inFlight = true;
    let outcome: Outcome<T>;
    try {
      outcome = { ok: true, value: await this.options.load() };
      this.failures = 0;
    } catch (error) {
      outcome = { ok: false, error };
      this.failures++;
    }
    this.inFlight = false;
    if (this.stopped) return;
    const { intervalMs, maxMs } = this.options;
    const delay = nextDelay(this.failures, intervalMs, maxMs);
    this.options.onDone(outcome, delay);
    if (this.again) {
      this.again = false;
      void this.run();
    } else if (!this.paused) {
      this.timer = setTimeout(() => void this.run(), delay);
    }
  }
}
