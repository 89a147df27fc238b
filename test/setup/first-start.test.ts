/**
 * The first start (startTsunagi with `firstStart`): the example is applied and the passwords and an access key
 * are returned once; a second start on the same file keeps the data, applies nothing and makes no key. The
 * programmatic default starts empty. The same on PostgreSQL, given by one option.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startTsunagi } from '../../src/app/runtime.js';
import { EXAMPLE_SETUP } from '../../src/setup/index.js';
import { createSchema, urlWithSchema } from '../support/pg-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'tsunagi-first-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the first start', () => {
  it('applies the example, returns the passwords and an access key once; a second start keeps all and makes nothing', async () => {
    const database = join(dir, 'example.db');
    const config = loadConfig(
      { port: 0, database, firstStart: { setupFile: EXAMPLE_SETUP, accessKey: true } },
      { TSUNAGI_AGENT2_PASSWORD: 'Agent2Password' },
    );
    const first = await startTsunagi(config);
    let keyId: string;
    try {
      const result = first.firstStartResult;
      expect(result?.setup?.error).toBeUndefined();
      expect(result?.setup?.file).toBe(EXAMPLE_SETUP);
      const passwords = result?.setup?.report?.passwords ?? [];
      expect(passwords.map((p) => p.username)).toEqual(['agent1', 'agent2', 'supervisor']);
      expect(passwords[1]).toEqual({ username: 'agent2', env: 'TSUNAGI_AGENT2_PASSWORD' });
      expect(passwords[0]?.password).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(first.administrator.password).toMatch(/^[A-Za-z0-9]{16}$/);
      const id = first.defaultInstance.Id;
      expect(await first.services.users.verifyLogin(id, 'agent2', 'Agent2Password')).toBeDefined();
      expect(
        await first.services.users.verifyLogin(id, 'agent1', passwords[0]?.password ?? ''),
      ).toBeDefined();

      const key = result?.accessKey;
      expect(key?.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
      keyId = key?.accessKeyId ?? '';
      expect((await first.accessKeys.secretFor(keyId))?.secret).toBe(key?.secretAccessKey);
      const queues = await first.services.queues.list(id, { QueueTypes: ['STANDARD'] });
      expect(queues.items.map((q) => q.Name).sort()).toEqual(['BasicQueue', 'CallbackQueue']);
    } finally {
      await first.close();
    }

    const second = await startTsunagi(config);
    try {
      expect(second.firstStart).toBe(false);
      expect(second.firstStartResult).toBeUndefined();
      expect(second.administrator.password).toBeUndefined();
      const id = second.defaultInstance.Id;
      expect((await second.accessKeys.list(id)).map((k) => k.AccessKeyId)).toEqual([keyId]);
      expect((await second.services.flows.list(id)).items).toHaveLength(6);
      expect((await second.services.users.list(id)).items.map((u) => u.Username).sort()).toEqual([
        'admin',
        'agent1',
        'agent2',
        'supervisor',
      ]);
    } finally {
      await second.close();
    }
  });

  it('by default (startTsunagi as tests use it) the first start sets up nothing but the administrator', async () => {
    const tsunagi = await startTsunagi(loadConfig({ port: 0, database: join(dir, 'empty.db') }, {}));
    try {
      expect(tsunagi.firstStart).toBe(true);
      expect(tsunagi.firstStartResult).toEqual({});
      const id = tsunagi.defaultInstance.Id;
      expect((await tsunagi.services.flows.list(id)).items).toEqual([]);
      expect(await tsunagi.accessKeys.list(id)).toEqual([]);
    } finally {
      await tsunagi.close();
    }
  });

  it.skipIf(!inject('postgresUrl'))(
    'on PostgreSQL with one option (--database postgres://…): the example, then a second start keeps it',
    async () => {
      const pgUrl = inject('postgresUrl') ?? '';
      const schema = `${inject('schemaPrefix')}_first_start`.toLowerCase();
      await createSchema(pgUrl, schema);
      const config = loadConfig(
        {
          port: 0,
          database: urlWithSchema(pgUrl, schema),
          firstStart: { setupFile: EXAMPLE_SETUP, accessKey: true },
        },
        {
          TSUNAGI_EXAMPLE_PASSWORD: 'Example2026',
          TSUNAGI_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
        },
      );
      try {
        const first = await startTsunagi(config);
        try {
          expect(first.store.kind).toBe('postgres');
          expect(first.firstStartResult?.setup?.error).toBeUndefined();
          expect(first.firstStartResult?.accessKey?.accessKeyId).toMatch(/^AKIA/);
        } finally {
          await first.close();
        }
        const second = await startTsunagi(config);
        try {
          const id = second.defaultInstance.Id;
          expect(second.firstStart).toBe(false);
          expect(await second.services.users.verifyLogin(id, 'agent2', 'Example2026')).toBeDefined();
          const queues = await second.services.queues.list(id, { QueueTypes: ['STANDARD'] });
          expect(queues.items.map((q) => q.Name).sort()).toEqual(['BasicQueue', 'CallbackQueue']);
          expect((await second.services.flows.list(id)).items).toHaveLength(6);
        } finally {
          await second.close();
        }
      } finally {
        await createSchema(pgUrl, schema, true);
      }
    },
  );
});
