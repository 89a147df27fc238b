/**
 * Password hashing for people who log in (DESIGN.md "Security model"): scrypt from node:crypto, a salt from the
 * injected Entropy, constant-time comparison. A stored hash reads `scrypt$N$r$p$saltBase64$hashBase64`.
 * Nothing here puts a password or a hash into an error message or a log.
 */
import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { invalidParameter, type Entropy } from '../core/index.js';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** 2^14 with r=8 needs 16 MiB and some tens of milliseconds a hash. */
export const DEFAULT_SCRYPT: Readonly<ScryptParams> = { N: 16_384, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Stored parameters beyond these are refused rather than run (a stored hash is never a way to stall us). */
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;

/** Amazon Connect's rule for a password (CreateUser): 8..64 characters, a lower-case, an upper-case, a digit. */
const PASSWORD_RULE = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$/;
const PASSWORD_PROBLEM =
  'must be 8 to 64 characters without spaces, with at least one lower-case letter, one upper-case letter and one digit';

/** The rule as a zod shape, for request schemas; its message never repeats the value. */
export const Password = z.string().regex(PASSWORD_RULE, PASSWORD_PROBLEM);

/** Throws InvalidParameterException naming Password when `password` breaks Connect's rule. */
export function checkPasswordRule(password: unknown): asserts password is string {
  if (typeof password !== 'string' || !PASSWORD_RULE.test(password))
    throw invalidParameter('Password', PASSWORD_PROBLEM);
}

function derive(password: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => {
      if (err) reject(new Error('password hashing failed'));
      else resolve(key);
    });
  });
}

/** A new hash of `password` with a fresh salt from `entropy`. */
export async function hashPassword(
  password: string,
  entropy: Entropy,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = entropy.bytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  return `scrypt$${params.N}$${params.r}$${params.p}$${b64(salt)}$${b64(key)}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

const INT = /^[1-9]\d{0,9}$/;
const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  if (![n, r, p].every((x) => INT.test(x)) || !B64.test(salt) || !B64.test(key)) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (params.N < 2 || params.N > MAX_N || (params.N & (params.N - 1)) !== 0) return undefined;
  if (params.r > MAX_R || params.p > MAX_P) return undefined;
  const parsed = { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
  return parsed.key.length === KEY_BYTES ? parsed : undefined;
}

/** True when `password` matches `stored`; false for a wrong password or a hash that is not ours. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** A hash no password matches, to spend the same work on an unknown user as on a known one. */
const DECOY_SALT = new Uint8Array(SALT_BYTES);
let decoy: Promise<string> | undefined;

/**
 * Runs a verification that fails, costing what a real one costs: callers use it where there is no user (or no
 * password) so that a login answers in the same time whether the username exists or not.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('\u0000decoy\u0000', { bytes: () => DECOY_SALT });
  await verifyPassword(password, await decoy);
  return false;
}
