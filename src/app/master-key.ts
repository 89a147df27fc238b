/**
 * The master key that seals access-key secrets at rest (src/access/secret-box.ts). Edge code: reads the
 * environment and the file system. Where it comes from, first found wins:
 *   1. TSUNAGI_MASTER_KEY: base64 of 32 bytes (e.g. `openssl rand -base64 32`);
 *   2. a file `master.key` beside the SQLite database, or `./data/master.key` for PostgreSQL, holding the same
 *      base64 text; created with mode 0600 on the first start when it does not exist.
 * An in-memory SQLite database (`:memory:`) gets a fresh key each time: its keys die with it.
 * Losing the key makes every stored secret unreadable (create new access keys); nothing prints the key.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { TsunagiConfig } from './config.js';

export const MASTER_KEY_BYTES = 32;
export const MASTER_KEY_FILE = 'master.key';

export interface MasterKeyOptions {
  env?: NodeJS.ProcessEnv;
  /** Told about a key file others may read. */
  warn?: (message: string) => void;
}

const isPostgres = (database: string): boolean => /^postgres(ql)?:\/\//.test(database);

/** Where the key file is for this database, or undefined for an in-memory database. */
export function masterKeyPath(config: Pick<TsunagiConfig, 'database'>): string | undefined {
  if (config.database === ':memory:') return undefined;
  if (isPostgres(config.database)) return resolve('data', MASTER_KEY_FILE);
  return join(dirname(resolve(config.database)), MASTER_KEY_FILE);
}

function decode(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== MASTER_KEY_BYTES)
    throw new Error(
      `${source} must be the base64 text of ${MASTER_KEY_BYTES} bytes (openssl rand -base64 32)`,
    );
  return key;
}

function createKeyFile(path: string): Buffer {
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(MASTER_KEY_BYTES);
  try {
    // 'wx': never overwrite a key another process has just written.
    writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'EEXIST') return decode(readFileSync(path, 'utf8'), path);
    throw e;
  }
  // The mode given to writeFileSync is narrowed by the umask only; this makes it exactly 0600.
  chmodSync(path, 0o600);
  return key;
}

/** The 32-byte master key for this configuration (see the file's comment for where it comes from). */
export function loadMasterKey(
  config: Pick<TsunagiConfig, 'database'>,
  options: MasterKeyOptions = {},
): Buffer {
  const env = options.env ?? process.env;
  const fromEnv = env.TSUNAGI_MASTER_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return decode(fromEnv, 'TSUNAGI_MASTER_KEY');
  const path = masterKeyPath(config);
  if (path === undefined) return randomBytes(MASTER_KEY_BYTES);
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return createKeyFile(path);
    throw e;
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    (options.warn ?? ((m: string) => console.warn(m)))(
      `${path} can be read by other users of this machine: chmod 600 it`,
    );
  return decode(readFileSync(path, 'utf8'), path);
}
