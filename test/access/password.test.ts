import { describe, expect, it } from 'vitest';
import { ConnectError, seededEntropy } from '../../src/core/index.js';
import {
  checkPasswordRule,
  hashPassword,
  verifyDecoy,
  verifyPassword,
  type ScryptParams,
} from '../../src/access/password.js';

/** Cheap parameters keep the unit tests fast; the format and the checks are the same. */
const FAST: ScryptParams = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$hash with the salt from the injected entropy', async () => {
    const stored = await hashPassword('Callback2026', seededEntropy(7), FAST);
    const salt = Buffer.from(seededEntropy(7).bytes(16)).toString('base64');
    const [scheme, n, r, p, s, key, ...rest] = stored.split('$');
    expect([scheme, n, r, p, s, rest]).toEqual(['scrypt', '1024', '8', '1', salt, []]);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(stored).not.toContain('Callback2026');
    // Same entropy, same hash; other entropy, other salt and hash.
    expect(await hashPassword('Callback2026', seededEntropy(7), FAST)).toBe(stored);
    expect(await hashPassword('Callback2026', seededEntropy(8), FAST)).not.toBe(stored);
  });

  it('uses scrypt N=2^14, r=8, p=1 by default', async () => {
    expect(await hashPassword('Callback2026', seededEntropy(1))).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('Callback2026', seededEntropy(3), FAST);
    expect(await verifyPassword('Callback2026', stored)).toBe(true);
    expect(await verifyPassword('callback2026', stored)).toBe(false);
    expect(await verifyPassword('Callback2026 ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('answers false for hashes that are not its own, without running them', async () => {
    const stored = await hashPassword('Callback2026', seededEntropy(3), FAST);
    const [, , , , salt, key] = stored.split('$');
    for (const bad of [
      '',
      'Callback2026',
      stored.replace('scrypt', 'bcrypt'),
      `scrypt$1000$8$1$${salt}$${key}`, // N not a power of two
      `scrypt$${2 ** 30}$8$1$${salt}$${key}`, // would take too long
      `scrypt$1024$8$1$${salt}$${key?.slice(4)}`, // wrong key length
      `scrypt$1024$8$1$${salt}$${key}$extra`,
      `scrypt$1024$8$1$!!$${key}`,
    ])
      expect(await verifyPassword('Callback2026', bad), bad).toBe(false);
  });

  it('spends a verification on a decoy and always fails it', async () => {
    expect(await verifyDecoy('Callback2026')).toBe(false);
    expect(await verifyDecoy('')).toBe(false);
  });
});

describe("Connect's password rule", () => {
  it('accepts 8..64 characters with a lower-case letter, an upper-case letter and a digit', () => {
    for (const ok of ['Callback1', 'aB3aaaaa', `Aa1${'x'.repeat(61)}`, 'Pässwort1!', 'P@ss-w0rd#'])
      expect(() => checkPasswordRule(ok), ok).not.toThrow();
  });

  it('refuses the rest naming Password, never repeating it', () => {
    for (const bad of [
      'Short1A',
      `Aa1${'x'.repeat(62)}`,
      'nouppercase1',
      'NOLOWERCASE1',
      'NoDigitsHere',
      'Has space1A',
    ]) {
      let error: unknown;
      try {
        checkPasswordRule(bad);
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(ConnectError);
      const err = error as ConnectError;
      expect(err.code).toBe('InvalidParameterException');
      expect(err.message).toMatch(/^Password: /);
      expect(err.message).not.toContain(bad);
    }
    expect(() => checkPasswordRule(undefined)).toThrow(/Password/);
    expect(() => checkPasswordRule(12345678)).toThrow(/Password/);
  });
});
