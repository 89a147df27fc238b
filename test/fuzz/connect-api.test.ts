/**
 * Fuzz and property tests of the Connect API (issue 8, item 3): requests built from the service model with
 * mutated members, random paths and methods, bodies that are not JSON, wrong content types — all signed with the
 * bootstrap key, so that they reach the router, the codec and the handlers. Properties: no 5xx; every 4xx is
 * AWS-shaped (x-amzn-errortype, a JSON body with a message); the server still answers /health; and a refused
 * request changes nothing (the instance's configuration read before and after is the same).
 *
 * Short form here; FUZZ_RUNS=100000 (npm run fuzz) runs 100,000 requests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ARNS } from '../support/env.js';
import { brokenBodyRequest, operationRequest, randomRequest } from './requests.js';
import { fuzzRuns, startFuzzServer, type FuzzServer, type RawRequest, type RawResponse } from './server.js';

const EXAMPLE_FLOWS = join(import.meta.dirname, '../../examples/callback-via-task');
let server: FuzzServer;
/** Ids that exist (queues, flows, hours, templates...), so that mutated requests reach past "not found". */
let ids: fc.Arbitrary<string>;

beforeAll(async () => {
  server = await startFuzzServer();
  const { services } = server.tsunagi;
  const instanceId = server.instanceId;
  const always = await services.hours.create(instanceId, { Name: 'Always', TimeZone: 'UTC', Config: [] });
  const queue = await services.queues.create(instanceId, {
    Name: 'fuzz queue',
    HoursOfOperationId: always.HoursOfOperationId,
  });
  const flow = await services.flows.create(instanceId, {
    Name: 'fuzz flow',
    Type: 'CONTACT_FLOW',
    Content: readFileSync(join(EXAMPLE_FLOWS, 'F1-inbound.json'), 'utf8'),
  });
  const hours = await services.hours.list(instanceId, { MaxResults: 100 });
  const flows = await services.flows.list(instanceId, { MaxResults: 100 });
  const profiles = await services.routingProfiles.list(instanceId, { MaxResults: 100 });
  // Neither users nor security profiles: a mutated Update* on the administrator could lock the key out.
  const known = [
    instanceId,
    queue.QueueId,
    flow.Id,
    ...hours.items.map((h) => h.HoursOfOperationId),
    ...flows.items.map((f) => f.Id),
    ...profiles.items.map((p) => p.Id),
  ];
  ids = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.constant(instanceId) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constant(
        `arn:aws:connect:${TEST_ARNS.region}:${TEST_ARNS.account}:instance/${instanceId}`,
      ),
    },
  );
});

afterAll(() => server?.stop());

/** What every answer must be; returns the error type of a 4xx. */
function checkAnswer(req: RawRequest, res: RawResponse): string | undefined {
  const where = `${req.method} ${req.path} ${JSON.stringify(req.query)} ${(req.body ?? '').slice(0, 300)}`;
  expect(res.status, `${where} → ${res.text.slice(0, 500)}`).toBeLessThan(500);
  if (res.status < 400) return undefined;
  expect(res.errorType, where).toMatch(/^[A-Za-z]+$/);
  const body = JSON.parse(res.text) as { message?: unknown; Message?: unknown };
  const message = body.message ?? body.Message;
  expect(typeof message, where).toBe('string');
  expect(String(message).length, where).toBeGreaterThan(0);
  // Our own signing is right: a refusal is about the request, never the signature.
  expect(res.errorType, where).not.toMatch(/Signature|Token|Credentials/);
  return res.errorType;
}

const seen = new Map<string, number>();
const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);

/** The configuration as last read, while no request has succeeded since (a success may change it). */
let last: string | undefined;

/** Sends one request; a refused one must leave the configuration as it was. */
async function sendAndCheck(req: RawRequest): Promise<void> {
  const before = last ?? (await server.snapshot());
  const res = await server.send(req);
  const type = checkAnswer(req, res);
  count(`${res.status} ${type ?? ''}`);
  if (!type) {
    last = undefined;
    return;
  }
  last = await server.snapshot();
  expect(last, `${type}: ${req.method} ${req.path} ${(req.body ?? '').slice(0, 300)}`).toBe(before);
}

const RUNS = { model: fuzzRuns(200, 60_000), broken: fuzzRuns(80, 20_000), random: fuzzRuns(80, 20_000) };
const timeout = (runs: number) => 30_000 + runs * 200;

describe('the Connect API under bad input', () => {
  it(
    'answers model requests with mutated members with no 5xx, AWS-shaped 4xx, nothing changed by refusals',
    async () => {
      await fc.assert(fc.asyncProperty(operationRequest(ids, server.instanceId), sendAndCheck), {
        numRuns: RUNS.model,
      });
      expect((await server.get('/health')).status).toBe(200);
    },
    timeout(RUNS.model),
  );

  it(
    'answers bodies that are not JSON or not of the content type with a 4xx and changes nothing',
    async () => {
      await fc.assert(fc.asyncProperty(brokenBodyRequest(ids, server.instanceId), sendAndCheck), {
        numRuns: RUNS.broken,
      });
      expect((await server.get('/health')).status).toBe(200);
    },
    timeout(RUNS.broken),
  );

  it(
    'answers random methods, paths and bodies with no 5xx and AWS-shaped 4xx',
    async () => {
      await fc.assert(fc.asyncProperty(randomRequest, sendAndCheck), { numRuns: RUNS.random });
      expect((await server.get('/health')).status).toBe(200);
    },
    timeout(RUNS.random),
  );

  it('refuses a body over the limit and deeply nested JSON with a 4xx', async () => {
    const path = `/queues/${server.instanceId}`;
    const huge = await server.send({
      method: 'PUT',
      path,
      body: JSON.stringify({ Name: 'x'.repeat(2 << 20) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.errorType).toBe('InvalidRequestException');
    const deep = '{"Name":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    checkAnswer({ method: 'PUT', path, body: deep }, await server.send({ method: 'PUT', path, body: deep }));
    expect((await server.get('/health')).status).toBe(200);
  });

  it('answers a path that is not validly percent-encoded as AWS does (found by this fuzzer)', async () => {
    const bad = await server.send({ method: 'GET', path: '/queues/%zz' });
    expect(bad.status).toBe(400);
    expect(bad.errorType).toBe('InvalidRequestException');
    checkAnswer({ method: 'GET', path: '/queues/%zz' }, bad);
  });

  it('saw refusals of many kinds (the generators reach past the router)', () => {
    const kinds = [...seen.keys()].filter((k) => k.startsWith('4')).map((k) => k.split(' ')[1]);
    expect(new Set(kinds).size).toBeGreaterThan(2);
    expect(kinds).toContain('InvalidParameterException');
    console.log('Connect API fuzz answers:', Object.fromEntries([...seen].sort()));
  });
});
