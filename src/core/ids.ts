/** Identity is injected: engine code asks an IdGenerator, never `randomUUID()` (DESIGN.md "Runtime model"). */
export interface IdGenerator {
  /** A new id in Amazon Connect's form (a lower-case UUID). */
  next(): string;
}

/** Random bytes for salts and secrets, injected like the clock. */
export interface Entropy {
  bytes(length: number): Uint8Array;
}

/** Ids from random bytes: version-4 UUIDs. */
export function uuidIds(entropy: Entropy): IdGenerator {
  return {
    next: () => {
      const b = entropy.bytes(16);
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
      const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

/** Predictable UUID-shaped ids for tests: `00000000-0000-4000-8000-000000000001`, `...002`, ... */
export function sequentialIds(prefix = '00000000'): IdGenerator {
  let n = 0;
  return {
    next: () => {
      n += 1;
      return `${prefix.padStart(8, '0').slice(0, 8)}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    },
  };
}

/** Deterministic entropy for tests (xorshift32): the same seed gives the same bytes. */
export function seededEntropy(seed = 0x9e3779b9): Entropy {
  let s = seed >>> 0 || 1;
  return {
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        s ^= s << 13;
        s >>>= 0;
        s ^= s >>> 17;
        s ^= s << 5;
        s >>>= 0;
        out[i] = s & 0xff;
      }
      return out;
    },
  };
}

/** Entropy from the operating system. */
export { systemEntropy } from './system-entropy.js';
