import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ARN_CONTEXT, DEFAULT_LIMITS, FakeClock, sequentialIds } from '../../src/core/index.js';
import { instanceService } from '../../src/instances/instances.js';
import { openStore } from '../../src/store/kysely/index.js';
import { tsunagi } from '../support/cli.js';

const examples = 'examples/callback-via-task';

describe('tsunagi flow simulate', () => {
  it('walks the whole callback path of the scenario: queued, 2 pressed, task created, goodbye, disconnect', async () => {
    const r = await tsunagi([
      'flow',
      'simulate',
      `${examples}/F1-inbound.json`,
      '--flows',
      examples,
      '--input',
      '2',
      '--caller',
      '+819012345678',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      outcome: unknown;
      tasks: { request: Record<string, unknown> }[];
      events: { type: string; text?: string }[];
    };
    expect(out.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
    expect(out.tasks).toHaveLength(1);
    expect(out.tasks[0]?.request).toMatchObject({
      taskTemplateId: 'Callback request',
      contactFlowId: 'Callback task',
      references: { PhoneNumber: { Value: '+819012345678', Type: 'STRING' } },
      linkedContactId: 'sim-contact-1',
    });
    const said = out.events.filter((e) => e.type === 'prompt').map((e) => e.text);
    expect(said.at(-1)).toBe('Thank you. An agent will call you back at +819012345678. Goodbye.');
  });

  it('keeps the caller in queue when no key or another key is pressed', async () => {
    for (const input of [[], ['--input', '1']]) {
      const r = await tsunagi([
        'flow',
        'simulate',
        `${examples}/F1-inbound.json`,
        '--flows',
        examples,
        ...input,
        '--queue-seconds',
        '120',
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        /outcome: queued to BasicQueue with customer queue flow F2-customer-queue; followed for 120s/,
      );
      expect(r.stdout).not.toMatch(/task created/);
    }
  });
});

describe('tsunagi flow lint', () => {
  it('passes the scenario flows and reports per file as JSON', async () => {
    const r = await tsunagi([
      'flow',
      'lint',
      '--json',
      `${examples}/F1-inbound.json`,
      `${examples}/F4-task-queue.json`,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const reports = JSON.parse(r.stdout) as {
      file: string;
      actions: number;
      errors: unknown[];
      warnings: unknown[];
    }[];
    expect(reports.map((x) => [x.file, x.actions, x.errors.length])).toEqual([
      [`${examples}/F1-inbound.json`, 7, 0],
      [`${examples}/F4-task-queue.json`, 2, 0],
    ]);
  });

  it('exits 1 on errors and 2 on a file that is missing or not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsunagi-lint-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({
        StartAction: 'a',
        Actions: [{ Identifier: 'a', Type: 'MessageParticipant', Transitions: { NextAction: 'gone' } }],
      }),
    );
    const notJson = join(dir, 'notes.json');
    writeFileSync(notJson, 'this is not a flow');
    const errors = await tsunagi(['flow', 'lint', broken]);
    expect(errors.code).toBe(1);
    expect(errors.stdout).toMatch(/error MISSING_TRANSITION_TARGET \[a\]: .*goes to 'gone'/);
    const unreadable = await tsunagi(['flow', 'lint', broken, notJson, 'no-such-file.json']);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stdout).toMatch(/notes.json: is not JSON/);
    expect(unreadable.stdout).toMatch(/no-such-file.json: cannot be read/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks, against a database, that the resources a flow names exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsunagi-lint-db-'));
    const database = join(dir, 'tsunagi.db');
    const migrate = await tsunagi(['db', 'migrate', '--database', database]);
    expect(migrate.code, migrate.stderr).toBe(0);
    const store = await openStore({ database });
    await instanceService({
      store,
      clock: new FakeClock(),
      ids: sequentialIds(),
      arns: DEFAULT_ARN_CONTEXT,
      limits: DEFAULT_LIMITS,
    }).create({ InstanceAlias: 'tsunagi' });
    await store.close();
    const r = await tsunagi(['flow', 'lint', '--json', '--database', database, `${examples}/F3-task.json`]);
    expect(r.code).toBe(1);
    const [report] = JSON.parse(r.stdout) as { errors: { code: string; message: string }[] }[];
    expect(report?.errors.map((e) => e.code)).toEqual(['MISSING_RESOURCE']);
    expect(report?.errors[0]?.message).toMatch(/EventHooks.CustomerQueue names flow 'Callback task queue'/);
    rmSync(dir, { recursive: true, force: true });
  });
});
