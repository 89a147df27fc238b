import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMasterKey, masterKeyPath } from '../../src/app/master-key.js';

const dir = mkdtempSync(join(tmpdir(), 'tsunagi-master-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the master key', () => {
  it('comes from TSUNAGI_MASTER_KEY when set (base64 of 32 bytes), refused otherwise without echoing it', () => {
    const key = Buffer.alloc(32, 9);
    const database = join(dir, 'env', 'tsunagi.db');
    expect(loadMasterKey({ database }, { env: { TSUNAGI_MASTER_KEY: key.toString('base64') } })).toEqual(key);
    expect(existsSync(join(dir, 'env', 'master.key'))).toBe(false);
    const short = Buffer.alloc(16, 1).toString('base64');
    expect(() => loadMasterKey({ database }, { env: { TSUNAGI_MASTER_KEY: short } })).toThrow(
      /TSUNAGI_MASTER_KEY must be the base64 text of 32 bytes/,
    );
    const refusal = (() => {
      try {
        loadMasterKey({ database }, { env: { TSUNAGI_MASTER_KEY: 'not base64 at all!' } });
      } catch (e) {
        return String(e);
      }
      return 'accepted';
    })();
    expect(refusal).toMatch(/TSUNAGI_MASTER_KEY must be/);
    expect(refusal).not.toContain('not base64 at all');
  });

  it('is made beside the SQLite database on the first start (mode 0600) and read back afterwards', () => {
    const database = join(dir, 'nested', 'data', 'tsunagi.db');
    const first = loadMasterKey({ database }, { env: {} });
    expect(first).toHaveLength(32);
    const file = join(dir, 'nested', 'data', 'master.key');
    expect(masterKeyPath({ database })).toBe(file);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(first);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ database }, { env: {} })).toEqual(first);
  });

  it('warns about a key file others can read, and refuses a damaged one', () => {
    const database = join(dir, 'loose', 'tsunagi.db');
    loadMasterKey({ database }, { env: {} });
    const file = join(dir, 'loose', 'master.key');
    const warnings: string[] = [];
    if (process.platform !== 'win32') {
      chmodSync(file, 0o644);
      loadMasterKey({ database }, { env: {}, warn: (m) => warnings.push(m) });
      expect(warnings).toEqual([`${file} can be read by other users of this machine: chmod 600 it`]);
    }
    writeFileSync(file, 'c2hvcnQ=\n');
    expect(() => loadMasterKey({ database }, { env: {}, warn: () => undefined })).toThrow(
      /master\.key must be the base64 text of 32 bytes/,
    );
  });

  it('lives in ./data for PostgreSQL and nowhere for an in-memory database', () => {
    expect(masterKeyPath({ database: 'postgres://u:p@db/tsunagi' })).toBe(resolve('data', 'master.key'));
    expect(masterKeyPath({ database: ':memory:' })).toBeUndefined();
    const a = loadMasterKey({ database: ':memory:' }, { env: {} });
    const b = loadMasterKey({ database: ':memory:' }, { env: {} });
    expect(a).toHaveLength(32);
    expect(a).not.toEqual(b);
  });
});
