/**
 * Fuzz tests of flow import (issue 8, item 3): the 26 corpus flows and the example's four, mutated (actions
 * deleted, duplicated, retargeted; types changed; parameters of the wrong type; text truncated; random JSON),
 * fed to lintFlowText, to importFlowExport on a store, and to CreateContactFlow through the API. Properties:
 * lint never throws; import throws nothing but a ConnectError, and a refused import stores nothing; the API
 * answers no 5xx, an AWS-shaped 4xx, and a refusal stores nothing.
 *
 * Short form here; FUZZ_RUNS=100000 (npm run fuzz) runs 10,000 mutations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectError } from '../../src/core/index.js';
import { unwrapFlowExport } from '../../src/flows/content.js';
import { importFlowExport } from '../../src/flows/import.js';
import { lintFlowText } from '../../src/flows/lint.js';
import { FLOW_TYPES, type FlowType } from '../../src/flows/model.js';
import { sharedDir } from '../support/cli.js';
import { makeEnv, type TestEnv } from '../support/env.js';
import { junk } from './requests.js';
import { fuzzRuns, startFuzzServer, type FuzzServer } from './server.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Doc = { [k: string]: Json };

interface Seed {
  file: string;
  type: FlowType;
  content: string;
}

const corpus = join(sharedDir, 'flows');
const example = join(import.meta.dirname, '../../examples/callback-via-task');
const files = [
  ...readdirSync(corpus)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(corpus, f)),
  ...['F1-inbound', 'F2-customer-queue', 'F3-task', 'F4-task-queue'].map((f) => join(example, `${f}.json`)),
];
const seeds: Seed[] = files.map((file) => {
  const exported = unwrapFlowExport(readFileSync(file, 'utf8'));
  // The three exports that do not say their type are contact flows enough for fuzzing.
  return { file, type: exported.type ?? 'CONTACT_FLOW', content: exported.content };
});

const isDoc = (v: Json | undefined): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const actionsOf = (doc: Doc): Json[] => (Array.isArray(doc.Actions) ? doc.Actions : []);

/** One change to a flow document, chosen by numbers (so that fast-check can shrink it). */
type Mutation = (doc: Doc, pick: number, value: Json) => void;

const retarget = (action: Json | undefined, value: Json, pick: number, ids: string[]) => {
  if (!isDoc(action) || !isDoc(action.Transitions)) return;
  const t = action.Transitions;
  const target = pick % 3 === 0 ? value : (ids[pick % Math.max(ids.length, 1)] ?? 'nowhere');
  if (pick % 2 === 0) t.NextAction = target;
  else if (Array.isArray(t.Errors) && isDoc(t.Errors[0])) t.Errors[0].NextAction = target;
  else t.Conditions = value;
};

const MUTATIONS: Record<string, Mutation> = {
  deleteAction: (doc, pick) => void actionsOf(doc).splice(pick % Math.max(actionsOf(doc).length, 1), 1),
  duplicateAction: (doc, pick) => {
    const actions = actionsOf(doc);
    const a = actions[pick % Math.max(actions.length, 1)];
    if (a !== undefined) actions.push(JSON.parse(JSON.stringify(a)) as Json);
  },
  retarget: (doc, pick, value) => {
    const actions = actionsOf(doc);
    const ids = actions.map((a) => (isDoc(a) && typeof a.Identifier === 'string' ? a.Identifier : ''));
    retarget(actions[pick % Math.max(actions.length, 1)], value, pick, ids);
  },
  changeType: (doc, pick, value) => {
    const actions = actionsOf(doc);
    const a = actions[pick % Math.max(actions.length, 1)];
    const other = actions[(pick >> 4) % Math.max(actions.length, 1)];
    if (isDoc(a)) a.Type = pick % 2 && isDoc(other) ? (other.Type ?? null) : value;
  },
  wrongParameter: (doc, pick, value) => {
    const a = actionsOf(doc)[pick % Math.max(actionsOf(doc).length, 1)];
    if (!isDoc(a)) return;
    if (!isDoc(a.Parameters) || pick % 5 === 0) a.Parameters = value;
    else {
      const keys = Object.keys(a.Parameters);
      a.Parameters[keys[(pick >> 3) % Math.max(keys.length, 1)] ?? 'Extra'] = value;
    }
  },
  replaceMember: (doc, pick, value) => {
    const keys = Object.keys(doc);
    doc[keys[pick % Math.max(keys.length, 1)] ?? 'StartAction'] = value;
  },
  dropMember: (doc, pick) => {
    const keys = Object.keys(doc);
    delete doc[keys[pick % Math.max(keys.length, 1)] ?? 'StartAction'];
  },
  wrongAction: (doc, pick, value) => {
    const actions = actionsOf(doc);
    actions[pick % Math.max(actions.length, 1)] = value;
  },
};

/** A fresh copy of a JSON value (undefined stays undefined). */
const copyOf = (v: Json): Json => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as Json));

const mutation = fc.record({
  kind: fc.constantFrom(...Object.keys(MUTATIONS)),
  pick: fc.nat(),
  value: junk,
});

/** A mutated flow text: 1–3 mutations of a seed, perhaps truncated; or random JSON. */
const mutatedFlow: fc.Arbitrary<{ seed: Seed; text: string; type: FlowType }> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        seed: fc.constantFrom(...seeds),
        mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
        truncate: fc.option(fc.nat(), { freq: 6 }),
        type: fc.option(fc.constantFrom(...FLOW_TYPES), { freq: 4 }),
      })
      .map(({ seed, mutations, truncate, type }) => {
        const doc = JSON.parse(seed.content) as Doc;
        // Each mutation gets its own copy of its value (JSON copies deep values), so no mutation changes a value
        // another mutation, or a later case, also holds: shared objects could make a cycle.
        for (const m of mutations) MUTATIONS[m.kind]?.(doc, m.pick, copyOf(m.value));
        let text = JSON.stringify(doc);
        if (truncate !== null) text = text.slice(0, truncate % (text.length + 1));
        return { seed, text, type: type ?? seed.type };
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        seed: fc.constantFrom(...seeds),
        value: fc.jsonValue(),
        type: fc.constantFrom(...FLOW_TYPES),
      })
      .map(({ seed, value, type }) => ({ seed, text: JSON.stringify(value) ?? '', type })),
  },
);

const RUNS = fuzzRuns(150, 10_000);
const timeout = 30_000 + RUNS * 50;
let env: TestEnv & { close(): Promise<void> };
let server: FuzzServer;
let seq = 0;

beforeAll(async () => {
  env = await makeEnv('sqlite');
  server = await startFuzzServer();
});
afterAll(async () => {
  await env?.close();
  await server?.stop();
});

async function storedFlows(): Promise<number> {
  const { services, instanceId } = env;
  const flows = await services.flows.list(instanceId, { MaxResults: 100 });
  const modules = await services.flows.listModules(instanceId, { MaxResults: 100 });
  return flows.items.length + modules.items.length + (flows.nextToken ? 1000 : 0);
}

describe('flow import under mutated flows', () => {
  it(
    'lints and imports every mutation with a report or a ConnectError, storing nothing when refused',
    async () => {
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(mutatedFlow, async ({ seed, text, type }) => {
          const report = lintFlowText(text, type);
          expect(Array.isArray(report.errors), seed.file).toBe(true);
          const before = await storedFlows();
          const name = `fuzz ${seq++}`;
          try {
            await importFlowExport(env.services.flows, env.instanceId, text, { name, type });
          } catch (e) {
            if (!(e instanceof ConnectError)) throw e;
            expect(e.message.length).toBeGreaterThan(0);
            refused++;
            expect(await storedFlows(), `${seed.file}: ${e.message}`).toBe(before);
          }
          // Keep the instance under one page of flows, so that "stores nothing" can count them.
          if ((await storedFlows()) > 80) {
            await env.close();
            env = await makeEnv('sqlite');
          }
        }),
        { numRuns: RUNS },
      );
      expect(refused).toBeGreaterThan(RUNS / 4);
    },
    timeout,
  );

  it(
    'answers CreateContactFlow with a mutated flow with no 5xx, an AWS-shaped 4xx, nothing stored when refused',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedFlow, async ({ seed, text, type }) => {
          const before = await server.snapshot();
          const res = await server.send({
            method: 'PUT',
            path: `/contact-flows/${server.instanceId}`,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ Name: `fuzz ${seq++}`, Type: type, Content: text }),
          });
          expect(res.status, `${seed.file}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status < 400) return;
          expect(res.errorType).toMatch(/^[A-Za-z]+$/);
          const body = JSON.parse(res.text) as { Message?: unknown; message?: unknown };
          expect(typeof (body.Message ?? body.message)).toBe('string');
          expect(await server.snapshot(), seed.file).toBe(before);
        }),
        { numRuns: RUNS },
      );
      expect((await server.get('/health')).status).toBe(200);
    },
    timeout,
  );
});
