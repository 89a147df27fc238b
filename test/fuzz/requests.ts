/**
 * Arbitrary Connect API requests built from the real service model (model.generated.ts): an operation's method
 * and URI with its labels filled (real ids, random ids, junk), its query and header members, and a JSON body of
 * its input shape's members — each member well typed or mutated (wrong type, huge, deeply nested, unicode,
 * negative, bad enum), with unknown members added and members left out. Around them: random paths and methods,
 * bodies that are not JSON, and wrong content types.
 */
import fc from 'fast-check';
import { memberSpec, PRIMITIVES, type MemberRef } from '../../src/api/connect/model-types.js';
import { OPERATIONS, SHAPES, SUPPORTED_OPERATIONS } from '../../src/api/connect/model.generated.js';
import { escapeUri, type RawRequest } from './server.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const SUPPORTED = Object.keys(SUPPORTED_OPERATIONS) as (keyof typeof SUPPORTED_OPERATIONS)[];

const hugeString = fc
  .tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 300, max: 40_000 }))
  .map(([s, n]) => s.repeat(n));

const deep = fc.integer({ min: 50, max: 3000 }).map((n): Json => {
  let v: Json = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
});

const unicode = fc.string({ unit: 'grapheme', maxLength: 40 });

const weirdNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1e308, -1e308, 2 ** 53 + 1, 0.5, -2147483649, 2147483648),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const weirdString = fc.oneof(
  unicode,
  fc.constantFrom(
    '',
    ' ',
    'NaN',
    '-1',
    'null',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '\ud800',
    'arn:aws:connect:xx:1:instance/zz',
    'a'.repeat(257),
  ),
);

/** A value of any JSON type: what a member of the wrong type gets. */
export const junk: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: weirdString },
  { weight: 2, arbitrary: weirdNumber },
  fc.boolean(),
  fc.constant(null),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deep },
);

/** A well-typed value of a model shape (depth-bounded), with junk mixed in at every level. */
function typed(ref: string, ids: fc.Arbitrary<string>, depth: number): fc.Arbitrary<Json> {
  const mutate = <T extends Json>(a: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 6, arbitrary: a }, { weight: 1, arbitrary: junk });
  if (PRIMITIVES.has(ref)) {
    switch (ref) {
      case 'string':
        return mutate(fc.oneof(ids, fc.string({ maxLength: 30 }), weirdString));
      case 'integer':
      case 'long':
        return mutate(fc.oneof(fc.integer({ min: -5, max: 200 }), weirdNumber));
      case 'float':
      case 'double':
        return mutate(weirdNumber);
      case 'boolean':
        return mutate(fc.boolean());
      case 'timestamp':
        return mutate(fc.oneof(fc.integer({ min: -10, max: 4e9 }), weirdNumber));
      default:
        return mutate(fc.string());
    }
  }
  const shape = SHAPES[ref];
  if (!shape || depth > 4) return junk;
  if (shape.type === 'list')
    return mutate(fc.array(typed(shape.member, ids, depth + 1), { maxLength: depth > 2 ? 1 : 4 }));
  if (shape.type === 'map')
    return mutate(
      fc.dictionary(fc.string({ maxLength: 12 }), typed(shape.value, ids, depth + 1), { maxKeys: 3 }),
    );
  const entries = Object.entries(shape.members).filter(([, m]) => memberSpec(m).location === undefined);
  return mutate(structure(entries, ids, depth));
}

function structure(
  members: [string, MemberRef][],
  ids: fc.Arbitrary<string>,
  depth: number,
): fc.Arbitrary<Json> {
  const record: Record<string, fc.Arbitrary<Json>> = {};
  for (const [name, ref] of members) record[name] = typed(memberSpec(ref).shape, ids, depth + 1);
  return fc
    .tuple(
      fc.record(record, { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 10 }), junk, { maxKeys: 2 }),
    )
    .map(([known, unknown]) => ({ ...unknown, ...known }) as Json);
}

/** A string with no lone surrogate (those cannot be percent-encoded on a request line). */
const wellFormed = (s: string): boolean =>
  !/[\ud800-\udfff]/u.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));

/** What a label, query or header member's text may be. */
const text = (ids: fc.Arbitrary<string>) =>
  fc
    .oneof({ weight: 4, arbitrary: ids }, { weight: 1, arbitrary: weirdString }, fc.integer().map(String))
    .filter(wellFormed);

/** A request to a supported operation with its members filled, some mutated. */
export function operationRequest(ids: fc.Arbitrary<string>, instanceId: string): fc.Arbitrary<RawRequest> {
  return fc.constantFrom(...SUPPORTED).chain((op) => {
    const [method, uri] = OPERATIONS[op];
    const input = SHAPES[SUPPORTED_OPERATIONS[op].input];
    const members = input?.type === 'structure' ? Object.entries(input.members) : [];
    const located = (where: string) => members.filter(([, m]) => memberSpec(m).location === where);
    const labels = (uri.match(/\{[A-Za-z0-9_]+\}/g) ?? []).map((l) => l.slice(1, -1));
    const query: Record<string, fc.Arbitrary<string>> = {};
    for (const [name, m] of located('querystring')) query[memberSpec(m).locationName ?? name] = text(ids);
    const body = members.filter(([, m]) => memberSpec(m).location === undefined);
    return fc
      .record({
        // Mostly the caller's own instance: another one is refused before anything is validated.
        labels: fc.tuple(
          ...labels.map((l) =>
            fc.oneof(
              { weight: l === 'InstanceId' ? 8 : 0, arbitrary: fc.constant(instanceId) },
              { weight: 2, arbitrary: text(ids).filter((s) => s !== '') },
            ),
          ),
        ),
        query: fc.record(query, { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>,
        body: body.length ? structure(body, ids, 0) : fc.constant({}),
      })
      .map(({ labels: values, query: q, body: b }): RawRequest => {
        let path: string = uri;
        labels.forEach((l, i) => (path = path.replace(`{${l}}`, escapeUri(values[i] ?? 'x'))));
        return {
          method,
          path,
          query: q,
          headers: { 'content-type': 'application/json' },
          ...(method !== 'GET' && { body: JSON.stringify(b) }),
        };
      });
  });
}

const pathSegment = fc.oneof(
  fc.constantFrom(
    'queues',
    'users',
    'contact-flows',
    'instance',
    'contact',
    '..',
    '.',
    '%2F',
    '%25',
    '%zz',
    '%E0%A4',
    '',
  ),
  fc.string({ maxLength: 12 }).map(escapeUri),
);

/**
 * Anything at all: a random method, path, query, content type and body (JSON or not). A GET has no body: the
 * server ignores a GET's body (as HTTP lets it), so the signature over one could never match.
 */
export const randomRequest: fc.Arbitrary<RawRequest> = fc
  .record({
    method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH'),
    path: fc.array(pathSegment, { maxLength: 6 }).map((s) => `/${s.join('/')}`),
    query: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
    headers: fc.record(
      {
        'content-type': fc.constantFrom(
          'application/json',
          'application/x-amz-json-1.1',
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/json; charset=latin1',
        ),
        'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'x'),
        'x-amz-target': fc.constantFrom('Connect.ListQueues', 'x'),
        'x-amz-user-agent': fc.string({ unit: 'grapheme-ascii', maxLength: 2000 }),
      },
      { requiredKeys: ['content-type'] },
    ),
    body: fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string(),
      fc.constantFrom('{', '{"a":', '[1,', 'NaN', '{"MaxContacts": NaN}', '\u0000', '{"a":1}{"b":2}'),
    ),
  })
  .map((r) => (r.method === 'GET' ? { ...r, body: '' } : r));

/** A model request whose body is replaced by text that is not (valid) JSON, or sent with another content type. */
export const brokenBodyRequest = (ids: fc.Arbitrary<string>, instanceId: string): fc.Arbitrary<RawRequest> =>
  fc
    .tuple(
      operationRequest(ids, instanceId),
      fc.oneof(
        fc.constantFrom('{', '[]', '"text"', '1', 'null', 'true', '{"Name": NaN}', '{"a":1,}', "{'a':1}"),
        fc.string(),
      ),
      fc.constantFrom('application/json', 'text/plain', 'application/octet-stream'),
    )
    .map(([r, body, ct]) => ({
      ...r,
      body: r.method === 'GET' ? '' : body,
      headers: { 'content-type': ct },
    }));
