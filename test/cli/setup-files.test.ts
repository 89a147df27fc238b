/**
 * `tsunagi import` and `tsunagi export`: the example imported into a new database (its instance and
 * administrator made as `serve` makes them), refused setups, export → import → export giving the same files, and
 * an import into the database of a running Tsunagi used by it at once.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startTsunagi } from '../../src/app/runtime.js';
import { dial } from '../../src/channels/scripted-caller.js';
import { FakeClock } from '../../src/core/index.js';
import { EXAMPLE_SETUP } from '../../src/setup/index.js';
import { tsunagi } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tsunagi-setup-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file of a folder, by name. */
const filesOf = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((f) => [f, readFileSync(join(folder, f), 'utf8')]),
  );

describe('tsunagi import and export', () => {
  it('--help describes each', async () => {
    const imp = await tsunagi(['import', '--help']);
    expect(imp.stdout).toMatch(/Usage: tsunagi import \[options\] <setup\.json>/);
    expect(imp.stdout).toMatch(/--database/);
    expect(imp.stdout).toMatch(/--update-flows/);
    const exp = await tsunagi(['export', '--help']);
    expect(exp.stdout).toMatch(/Usage: tsunagi export \[options\] <dir>/);
    expect(exp.stdout).toMatch(/--force/);
  });

  it('imports the example into a new database (making its administrator), and a second import changes nothing', async () => {
    const database = join(dir, 'import.db');
    const first = await tsunagi(['import', EXAMPLE_SETUP, '--database', database]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/created the administrator admin, password [A-Za-z0-9]{16}/);
    expect(first.stdout).toMatch(/created \(\d+\):/);
    expect(first.stdout).toMatch(/ {2}flow Callback inbound/);
    expect(first.stdout).toMatch(/ {2}phone number \+81312345678/);
    // BasicQueue came with the administrator: kept, not made twice.
    expect(first.stdout).toMatch(/kept as they were \(1\):\n {2}queue BasicQueue/);
    expect(first.stdout).toMatch(/agent1 +[A-Za-z0-9]{16} \(shown once/);

    const second = await tsunagi(['import', EXAMPLE_SETUP, '--database', database, '--json']);
    expect(second.code, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout) as { created: unknown[]; kept: unknown[]; passwords: unknown[] };
    expect(report.created).toEqual([]);
    expect(report.passwords).toEqual([]);
    expect(report.kept.length).toBeGreaterThan(15);
  });

  it('refuses a setup naming what neither exists nor is defined, naming the member, and changes nothing', async () => {
    const database = join(dir, 'refused.db');
    expect((await tsunagi(['import', EXAMPLE_SETUP, '--database', database])).code).toBe(0);
    const before = join(dir, 'refused-before');
    expect((await tsunagi(['export', before, '--database', database])).code).toBe(0);

    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(
      join(bad, 'setup.json'),
      JSON.stringify({
        Version: 1,
        Queues: [{ Name: 'Support', HoursOfOperation: 'Never open' }],
        Users: [{ Username: 'agent9', RoutingProfile: 'Callback agents', SecurityProfiles: ['Agent'] }],
      }),
    );
    const refused = await tsunagi(['import', join(bad, 'setup.json'), '--database', database]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "Queues[0].HoursOfOperation: names the hours of operation 'Never open', which neither exists in the instance nor is defined in the setup file",
    );
    const after = join(dir, 'refused-after');
    expect((await tsunagi(['export', after, '--database', database])).code).toBe(0);
    expect(filesOf(after)).toEqual(filesOf(before));

    const notJson = join(bad, 'not.json');
    writeFileSync(notJson, '{"Version": 1,');
    const unreadable = await tsunagi(['import', notJson, '--database', database]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(/not\.json is not JSON/);
  });

  it('export → import into a new database → export again gives the same files, flows with placeholders', async () => {
    const source = join(dir, 'source.db');
    expect((await tsunagi(['import', EXAMPLE_SETUP, '--database', source])).code).toBe(0);
    const first = join(dir, 'export-1');
    const exported = await tsunagi(['export', first, '--database', source]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/exported instance tsunagi: 7 files/);
    const files = filesOf(first);
    expect(Object.keys(files)).toEqual([
      'callback-customer-queue.json',
      'callback-inbound.json',
      'callback-task-queue.json',
      'callback-task.json',
      'setup.json',
      'transfer-to-agent.json',
      'transfer-to-queue.json',
    ]);
    // The instance's ARNs are placeholders again, as in the example's own files.
    expect(files['callback-inbound.json']).toBe(
      readFileSync(join(EXAMPLE_SETUP, '..', 'F1-inbound.json'), 'utf8'),
    );
    expect(files['setup.json']).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const copy = join(dir, 'copy.db');
    const imported = await tsunagi(['import', join(first, 'setup.json'), '--database', copy]);
    expect(imported.code, imported.stderr).toBe(0);
    const second = join(dir, 'export-2');
    expect((await tsunagi(['export', second, '--database', copy])).code).toBe(0);
    expect(filesOf(second)).toEqual(files);

    const full = await tsunagi(['export', second, '--database', copy]);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/is not empty/);
    expect((await tsunagi(['export', second, '--database', copy, '--force'])).code).toBe(0);
  });

  it('an import into the database of a running Tsunagi is used by it at once: a caller presses 2, agent2 is offered the task', async () => {
    const database = join(dir, 'running.db');
    const clock = new FakeClock();
    const running = await startTsunagi(loadConfig({ port: 0, database }, {}), { clock });
    try {
      const imported = await tsunagi(['import', EXAMPLE_SETUP, '--database', database]);
      expect(imported.code, imported.stderr).toBe(0);
      const { engine, defaultInstance, store } = running;
      const agent2 = await store.repos.users.findByUsername(defaultInstance.Id, 'agent2');
      const available = await store.repos.agentStatuses.findByType(defaultInstance.Id, 'ROUTABLE');
      if (!agent2 || !available) throw new Error('the import is not seen');
      const offers: string[] = [];
      engine.events.subscribe((_i, e) => {
        if (e.type === 'offer' && e.userId === agent2.Id) offers.push(e.contactId);
      });
      await engine.setStatus(defaultInstance.Id, agent2.Id, available.AgentStatusId);
      const call = await dial(engine, defaultInstance.Id, '+819012345678', '+81312345678');
      await clock.advance(3000);
      await engine.idle();
      await call.press('2');
      expect(call.ended).toBe('CONTACT_FLOW_DISCONNECT');
      expect(offers).toHaveLength(1);
    } finally {
      await running.close();
    }
  });
});
