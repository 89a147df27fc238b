/**
 * Logs: one JSON object a line. With TSUNAGI_LOG_REQUESTS=1 each request is logged when it comes in and when it is
 * answered, both lines carrying its id (the caller's x-request-id, else a new one); a bad log level is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startTsunagi, type Tsunagi } from '../../src/app/runtime.js';

describe('the JSON log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagi-logs-'));
  const lines: Record<string, unknown>[] = [];
  let tsunagi: Tsunagi;

  beforeAll(async () => {
    tsunagi = await startTsunagi(
      loadConfig({ port: 0, database: join(dir, 'tsunagi.db') }, { TSUNAGI_LOG_REQUESTS: '1' }),
      {
        logStream: {
          write: (text: string) => {
            for (const line of text.split('\n').filter(Boolean))
              lines.push(JSON.parse(line) as Record<string, unknown>);
          },
        },
      },
    );
  });
  afterAll(async () => {
    await tsunagi?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs each request in and out with its id: the caller’s, else a new one', async () => {
    await fetch(`${tsunagi.url}/health`, { headers: { 'x-request-id': 'trace-me-42' } });
    await fetch(`${tsunagi.url}/health`);
    const mine = lines.filter((l) => l.reqId === 'trace-me-42');
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect(mine[1]).toMatchObject({ level: 30, service: 'tsunagi', res: { statusCode: 200 } });
    const other = lines.filter((l) => l.msg === 'incoming request' && l.reqId !== 'trace-me-42');
    expect(other.at(-1)?.reqId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a log level it does not know, naming the choices', () => {
    expect(() => loadConfig({}, { TSUNAGI_LOG_LEVEL: 'loud' })).toThrow(
      /TSUNAGI_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not 'loud'/,
    );
    expect(loadConfig({}, {}).logLevel).toBe('warn');
    expect(loadConfig({}, { TSUNAGI_METRICS: 'off' }).metrics).toBe(false);
  });
});
