import type { Entropy } from '../core/index.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A password people can type: 16 characters of letters and digits, with at least one of each kind. */
export function newPassword(entropy: Entropy): string {
  for (;;) {
    const bytes = entropy.bytes(16);
    const p = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
    if (/[A-Z]/.test(p) && /[a-z]/.test(p) && /\d/.test(p)) return p;
  }
}
