import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTIAL_OPERATIONS } from '../../src/api/connect/compatibility.js';
import { OPERATIONS, SUPPORTED_OPERATIONS } from '../../src/api/connect/model.generated.js';
import { ACTIONS } from '../../src/flows/actions/index.js';
import { KNOWN_NOT_RUN } from '../../src/flows/catalog.js';
import { PARTIAL_ACTIONS } from '../../src/flows/compatibility.js';
import {
  API_DOC,
  FLOWS_DOC,
  actionStatus,
  compatibilityDocs,
  operationStatus,
  repoRoot,
} from '../../scripts/gen-compatibility.js';

describe('the compatibility tables', () => {
  it('are what the code generates (run `npm run docs:compat` after changing what is served)', async () => {
    const docs = await compatibilityDocs();
    for (const path of [API_DOC, FLOWS_DOC])
      expect(readFileSync(resolve(repoRoot, path), 'utf8'), `${path} is stale: npm run docs:compat`).toBe(
        docs[path],
      );
  });

  it('give "partly" notes only for operations Tsunagi serves and action types it runs', () => {
    expect(Object.keys(PARTIAL_OPERATIONS).filter((op) => !Object.hasOwn(SUPPORTED_OPERATIONS, op))).toEqual(
      [],
    );
    expect(Object.keys(PARTIAL_ACTIONS).filter((type) => !ACTIONS.has(type))).toEqual([]);
    for (const note of [...Object.values(PARTIAL_OPERATIONS), ...Object.values(PARTIAL_ACTIONS)])
      expect(note.trim()).not.toBe('');
  });

  it('list every Connect operation once, with the status the code gives it', () => {
    const doc = readFileSync(resolve(repoRoot, API_DOC), 'utf8');
    const rows = [...doc.matchAll(/^\| (\w+)\s+\| (Supported|Partly|Not yet)\s+\|/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual(Object.keys(OPERATIONS).sort());
    const status = new Map(rows.map((r) => [r[1], r[2]]));
    expect(status.get('StartTaskContact')).toBe('Supported');
    expect(status.get('GetCurrentMetricData')).toBe('Partly');
    expect(status.get('CreateEvaluationForm')).toBe('Not yet');
    for (const op of Object.keys(SUPPORTED_OPERATIONS)) expect(operationStatus(op)).not.toBe('Not yet');
  });

  it('list every known flow action type once, known-but-not-run ones as not yet', () => {
    const doc = readFileSync(resolve(repoRoot, FLOWS_DOC), 'utf8');
    const rows = [...doc.matchAll(/^\| (\w+)\s+\| (Supported|Partly|Not yet)\s+\|/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual([...new Set([...ACTIONS.keys(), ...KNOWN_NOT_RUN])].sort());
    for (const type of KNOWN_NOT_RUN) expect(actionStatus(type)).toBe('Not yet');
    expect(actionStatus('TransferContactToQueue')).toBe('Supported');
    expect(actionStatus('ShowView')).toBe('Partly');
  });
});
