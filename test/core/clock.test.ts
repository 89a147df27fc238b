import { describe, expect, it } from 'vitest';
import { FakeClock, SystemClock } from '../../src/core/index.js';

describe('FakeClock', () => {
  it('fires due timers in order of due time, then of creation, with now() at the due time', async () => {
    const clock = new FakeClock(1_000);
    const fired: string[] = [];
    clock.setTimer(1_300, () => void fired.push(`b@${clock.now()}`));
    clock.setTimer(1_100, () => void fired.push(`a@${clock.now()}`));
    clock.setTimer(1_300, () => void fired.push(`c@${clock.now()}`));
    clock.setTimer(5_000, () => void fired.push('late'));
    await clock.advance(500);
    expect(fired).toEqual(['a@1100', 'b@1300', 'c@1300']);
    expect(clock.now()).toBe(1_500);
    expect(clock.pending()).toBe(1);
  });

  it('fires timers set while firing when they fall within the advance, and skips cancelled ones', async () => {
    const clock = new FakeClock(0);
    const fired: number[] = [];
    const cancelled = clock.setTimer(50, () => void fired.push(-1));
    clock.setTimer(10, () => {
      fired.push(clock.now());
      clock.setTimer(clock.now() + 20, () => void fired.push(clock.now()));
    });
    cancelled.cancel();
    await clock.advance(100);
    expect(fired).toEqual([10, 30]);
  });

  it('awaits async timer work before firing the next timer', async () => {
    const clock = new FakeClock(0);
    const log: string[] = [];
    clock.setTimer(1, async () => {
      await Promise.resolve();
      log.push('first done');
    });
    clock.setTimer(2, () => void log.push('second'));
    await clock.advance(5);
    expect(log).toEqual(['first done', 'second']);
  });

  it('refuses to go back in time', async () => {
    const clock = new FakeClock(100);
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
    await expect(clock.set(50)).rejects.toThrow(RangeError);
  });
});

describe('SystemClock', () => {
  it('fires a timer at its due time and not after cancel', async () => {
    const clock = new SystemClock();
    const start = clock.now();
    const fired = await new Promise<number>((resolve) =>
      clock.setTimer(start + 20, () => resolve(clock.now())),
    );
    expect(fired).toBeGreaterThanOrEqual(start + 20);
    let ran = false;
    clock.setTimer(clock.now() + 5, () => void (ran = true)).cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toBe(false);
  });
});
