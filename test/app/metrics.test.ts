/**
 * GET /metrics over a whole server (SQLite file, fake clock): live contacts by state and channel, queue depth by
 * queue name, HTTP latency by route pattern, scheduler lag after a scheduled task fires, offers from contact
 * events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startTsunagi, type Tsunagi } from '../../src/app/runtime.js';
import { FakeClock } from '../../src/core/index.js';
import type { Contact } from '../../src/store/ports/index.js';
import { flowJson } from '../support/flows.js';

const dir = mkdtempSync(join(tmpdir(), 'tsunagi-metrics-'));
const clock = new FakeClock();
let tsunagi: Tsunagi;
let flowId: string;

beforeAll(async () => {
  tsunagi = await startTsunagi(loadConfig({ port: 0, database: join(dir, 'tsunagi.db') }, {}), { clock });
  const { services, defaultInstance } = tsunagi;
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
      Queue: { Type: 'UpdateContactTargetQueue', Parameters: { QueueId: queue.QueueArn }, Next: 'Transfer' },
      Transfer: {
        Type: 'TransferContactToQueue',
        Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' },
      },
      End: { Type: 'DisconnectParticipant' },
    }),
  });
  flowId = flow.Id;
});
afterAll(async () => {
  await tsunagi.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scrape(): Promise<string[]> {
  const res = await fetch(`${tsunagi.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return (await res.text()).split('\n');
}

/** The value of the sample line `series` (name with its labels, as Prometheus prints them). */
function sample(lines: string[], series: string): number | undefined {
  const line = lines.find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('counts live contacts by state and channel, the queue depth by name, and HTTP latency by route', async () => {
    const id = tsunagi.defaultInstance.Id;
    const before = await scrape();
    expect(sample(before, 'tsunagi_queue_depth{queue="Callbacks"}')).toBe(0);
    expect(sample(before, 'tsunagi_contacts{state="QUEUED",channel="TASK"}')).toBeUndefined();

    await tsunagi.engine.startTask(id, { ContactFlowId: flowId, Name: 'Call back' });
    await tsunagi.engine.startTask(id, { ContactFlowId: flowId, Name: 'Call back too' });
    expect((await fetch(`${tsunagi.url}/health`)).status).toBe(200);
    expect((await fetch(`${tsunagi.url}/no/such/page/123`)).status).toBe(404);

    const lines = await scrape();
    expect(sample(lines, 'tsunagi_queue_depth{queue="Callbacks"}')).toBe(2);
    expect(sample(lines, 'tsunagi_contacts{state="QUEUED",channel="TASK"}')).toBe(2);
    expect(
      sample(lines, 'tsunagi_http_request_duration_seconds_count{method="GET",route="/health",status="200"}'),
    ).toBe(1);
    // The route pattern, never the raw URL: unknown paths share one series.
    expect(lines.some((l) => l.includes('/no/such/page'))).toBe(false);
    expect(
      sample(
        lines,
        'tsunagi_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}',
      ),
    ).toBe(1);
    expect(lines.some((l) => l.startsWith('process_cpu_user_seconds_total '))).toBe(true);
  });

  it('observes scheduler lag when a scheduled task falls due', async () => {
    const id = tsunagi.defaultInstance.Id;
    const count = async () => sample(await scrape(), 'tsunagi_scheduler_lag_seconds_count') ?? 0;
    const fired = await count();
    const task = await tsunagi.engine.startTask(id, {
      ContactFlowId: flowId,
      Name: 'Later',
      ScheduledTime: clock.now() + 60_000,
    });
    expect(sample(await scrape(), 'tsunagi_contacts{state="SCHEDULED",channel="TASK"}')).toBe(1);
    await clock.advance(61_000);
    await tsunagi.engine.idle();
    expect(await tsunagi.engine.contact(id, task.Id)).toMatchObject({ State: 'QUEUED' });
    expect(await count()).toBeGreaterThan(fired);
    const lines = await scrape();
    expect(sample(lines, 'tsunagi_queue_depth{queue="Callbacks"}')).toBe(3);
    expect(sample(lines, 'tsunagi_contacts{state="SCHEDULED",channel="TASK"}')).toBeUndefined();
  });

  it('counts offers and their outcomes from the engine contact events, and the routing lag', async () => {
    const id = tsunagi.defaultInstance.Id;
    const base = await tsunagi.engine.startTask(id, { ContactFlowId: flowId, Name: 'Offered' });
    const at = (patch: Partial<Contact>): Contact => ({ ...base, ...patch });
    const t0 = clock.now();
    tsunagi.engine.events.publish(id, {
      type: 'contact',
      contact: at({ State: 'OFFERED', OfferedTimestamp: t0 + 5_000 }),
    });
    tsunagi.engine.events.publish(id, { type: 'contact', contact: at({ State: 'CONNECTED' }) });
    tsunagi.engine.events.publish(id, {
      type: 'contact',
      contact: at({ State: 'OFFERED', OfferedTimestamp: t0 + 6_000 }),
    });
    tsunagi.engine.events.publish(id, { type: 'contact', contact: at({ State: 'QUEUED' }) });
    const lines = await scrape();
    expect(sample(lines, 'tsunagi_offers_total{outcome="offered"}')).toBe(2);
    expect(sample(lines, 'tsunagi_offers_total{outcome="accepted"}')).toBe(1);
    expect(sample(lines, 'tsunagi_offers_total{outcome="rejected"}')).toBe(1);
    expect(sample(lines, 'tsunagi_routing_lag_seconds_count')).toBe(2);
    expect(sample(lines, 'tsunagi_routing_lag_seconds_bucket{le="5"}')).toBe(1);
  });
});
