import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startTsunagi } from '../../src/app/runtime.js';
import { buildCli } from '../../src/cli/main.js';
import { FakeClock } from '../../src/core/index.js';
import { flowJson } from '../support/flows.js';

const dir = mkdtempSync(join(tmpdir(), 'tsunagi-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tsunagi serve', () => {
  it('starts on an embedded SQLite file, answers /health, creates the default instance once and keeps it', async () => {
    const database = join(dir, 'nested', 'tsunagi.db');
    const config = loadConfig({ port: 0, database }, {});
    const first = await startTsunagi(config);
    try {
      expect(first.firstStart).toBe(true);
      expect(first.store.kind).toBe('sqlite');
      const res = await fetch(`${first.url}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    } finally {
      await first.close();
    }
    const second = await startTsunagi(config);
    try {
      expect(second.firstStart).toBe(false);
      expect(second.defaultInstance.Id).toBe(first.defaultInstance.Id);
      expect((await second.services.instances.list()).items).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('delivers on start a task that fell due while the server was stopped (same SQLite file, reopened)', async () => {
    const database = join(dir, 'scheduled.db');
    const config = loadConfig({ port: 0, database }, {});
    const clock = new FakeClock();
    const first = await startTsunagi(config, { clock });
    let taskId: string;
    try {
      const { services, engine, defaultInstance } = first;
      const id = defaultInstance.Id;
      const hours = await services.hours.create(id, { Name: 'Always', TimeZone: 'UTC', Config: [] });
      const queue = await services.queues.create(id, {
        Name: 'Callbacks',
        HoursOfOperationId: hours.HoursOfOperationId,
      });
      const flow = await services.flows.create(id, {
        Name: 'To callbacks',
        Type: 'CONTACT_FLOW',
        Content: flowJson('Queue', {
          Queue: {
            Type: 'UpdateContactTargetQueue',
            Parameters: { QueueId: queue.QueueArn },
            Next: 'Transfer',
          },
          Transfer: {
            Type: 'TransferContactToQueue',
            Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' },
          },
          End: { Type: 'DisconnectParticipant' },
        }),
      });
      const task = await engine.startTask(id, {
        ContactFlowId: flow.Id,
        Name: 'Later',
        ScheduledTime: clock.now() + 3_600_000,
      });
      taskId = task.Id;
      expect(task.State).toBe('SCHEDULED');
    } finally {
      await first.close();
    }
    await clock.advance(2 * 3_600_000);
    const second = await startTsunagi(config, { clock });
    try {
      const delivered = await second.engine.contact(second.defaultInstance.Id, taskId);
      expect(delivered).toMatchObject({ State: 'QUEUED' });
      const events = await second.store.repos.contacts.events(second.defaultInstance.Id, taskId);
      expect(events.filter((e) => e.Type === 'DELIVERED')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('reads options before the environment, and refuses a bad port naming it', () => {
    const env = { TSUNAGI_PORT: '9000', TSUNAGI_DATABASE: 'postgres://u:p@db/x' };
    expect(loadConfig({}, env)).toMatchObject({
      port: 9000,
      database: 'postgres://u:p@db/x',
      host: '127.0.0.1',
    });
    expect(loadConfig({ port: '8181' }, env).port).toBe(8181);
    expect(() => loadConfig({ port: 'eighty' }, {})).toThrow(/--port: 'eighty'/);
    expect(loadConfig({}, {}).database).toMatch(/data\/tsunagi\.db$/);
  });

  it('--help lists the commands', () => {
    const help = buildCli().helpInformation();
    expect(help).toMatch(/serve/);
    expect(help).toMatch(/db/);
  });
});
