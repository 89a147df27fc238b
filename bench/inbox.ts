/** A socket's messages as a benchmark client reads them: each stamped when it arrived, taken in order. */
import { performance } from 'node:perf_hooks';

export type Message = { type: string } & Record<string, unknown>;

/** `push` and `close` are the socket's handlers; `next` takes the first message that matches, dropping those before. */
export class Inbox {
  private readonly items: { at: number; m: Message }[] = [];
  private wake: (() => void) | undefined;
  closed = false;

  /** `timeoutMs`: how long `next` waits unless told otherwise. */
  constructor(private readonly timeoutMs = 10_000) {}

  push = (m: Message): void => {
    this.items.push({ at: performance.now(), m });
    this.wake?.();
  };

  close = (): void => {
    this.closed = true;
    this.wake?.();
  };

  async next(
    match: (m: Message) => boolean,
    what: string,
    timeoutMs = this.timeoutMs,
  ): Promise<{ at: number; m: Message }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const i = this.items.findIndex((x) => match(x.m));
      if (i >= 0) return this.items.splice(0, i + 1)[i] as { at: number; m: Message };
      if (this.closed) throw new Error(`the socket closed before ${what}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
