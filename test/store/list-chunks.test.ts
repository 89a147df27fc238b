import { describe, expect, it } from 'vitest';
import { listChunks } from '../../src/store/kysely/table.js';

describe('list chunks for statements over a list', () => {
  it('keeps every item once, in order, in chunks of a few lengths', () => {
    const lengths = new Set<number>();
    for (let n = 0; n <= 600; n += 1) {
      const items = Array.from({ length: n }, (_, i) => i);
      const chunks = listChunks(items);
      expect(chunks.flat()).toEqual(items);
      expect(chunks.every((c) => c.length > 0)).toBe(true);
      expect(chunks.length).toBeLessThanOrEqual(Math.ceil(n / 128) + 3);
      for (const c of chunks) lengths.add(c.length);
    }
    // 1..16 exactly, then 32, 64 and 128 only.
    expect([...lengths].sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: 16 }, (_, i) => i + 1),
      32,
      64,
      128,
    ]);
    expect(listChunks(Array.from({ length: 300 }, (_, i) => i)).map((c) => c.length)).toEqual([
      128, 128, 32, 12,
    ]);
  });
});
