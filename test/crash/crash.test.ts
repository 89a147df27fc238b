/**
 * B8's short form: the real `tsunagi serve` in a child process, killed with SIGKILL twice during StartTaskContact
 * load and restarted on the same SQLite file (bench/b8/run.ts, the code `npm run crash` runs with 20 kills). Every
 * acknowledged task is there, no ClientToken made two contacts, scheduled tasks are delivered exactly once, no
 * agent is stuck in an offer. And the checks themselves see each kind of failure when it is there.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRASH_OPTIONS, invariantsHold, runCrashTest } from '../../bench/b8/run.js';
import { Tally, checkDuplicates, checkPresent, deliveries } from '../../bench/b8/checks.js';
import type { Acknowledged } from '../../bench/b8/load.js';
import type { StoreSnapshot, StoredContact, Timeline } from '../../bench/b8/store-read.js';

describe('crash safety (kill -9 under load, then restart)', () => {
  it('two kills: every acknowledged task kept, none duplicated, scheduled ones delivered once, no agent stuck', async () => {
    const findings = await runCrashTest({
      ...DEFAULT_CRASH_OPTIONS,
      kills: 2,
      concurrency: 8,
      loadMs: [500, 1500],
      scheduledShare: 0.5,
      scheduleAheadMs: [1000, 4000],
      agents: 2,
      agentSlots: 3,
      drainMs: 20_000,
    });
    const { tally, deliveries: d } = findings;
    expect(tally.problems).toEqual([]);
    expect(tally.kills).toBe(2);
    expect(tally.acknowledged.size).toBeGreaterThan(0);
    expect(d.scheduled).toBeGreaterThan(0);
    expect(d.once).toBe(d.scheduled);
    expect(findings.activeAtEnd).toBe(0);
    expect(invariantsHold(findings)).toBe(true);
  }, 120_000);

  it('the checks count a missing task, a token with two contacts, a delivery twice, never and early', () => {
    const ack = (token: string, contactId: string, scheduled?: number): Acknowledged => ({
      request: {
        token,
        round: 1,
        InstanceId: 'i',
        ContactFlowId: 'f',
        Name: token,
        ...(scheduled !== undefined && { ScheduledTime: new Date(scheduled) }),
      },
      contactId,
      at: 0,
    });
    const contact = (id: string, name: string, scheduledTs: number | null = null): StoredContact => ({
      id,
      name,
      state: 'ENDED',
      scheduledTs,
      offeredTs: null,
      agentId: null,
    });
    const timeline = (delivered: number, firstDeliveredTs: number | null, flowStarts = 1): Timeline => ({
      delivered,
      firstDeliveredTs,
      flowStarts,
    });
    const tally = new Tally();
    for (const a of [
      ack('b8-1-1', 'c1'),
      ack('b8-1-2', 'c2', 5000),
      ack('b8-1-3', 'c3', 5000),
      ack('b8-1-4', 'c4', 5000),
      ack('b8-1-5', 'c5', 5000),
      ack('b8-1-6', 'gone'),
    ])
      tally.acknowledged.set(a.request.token, a);
    const contacts = [
      contact('c1', 'b8-1-1'),
      contact('c1bis', 'b8-1-1'),
      contact('c2', 'b8-1-2', 5000),
      contact('c3', 'b8-1-3', 5000),
      contact('c4', 'b8-1-4', 5000),
      contact('c5', 'b8-1-5', 5000),
    ];
    const snap: StoreSnapshot = {
      contacts: new Map(contacts.map((c) => [c.id, c])),
      byName: new Map([
        ['b8-1-1', ['c1', 'c1bis']],
        ...contacts.slice(2).map((c): [string, string[]] => [c.name, [c.id]]),
      ]),
      timelines: new Map([
        ['c1', timeline(0, null)],
        ['c2', timeline(1, 5000)],
        ['c3', timeline(2, 5000, 2)],
        ['c4', timeline(0, null, 0)],
        ['c5', timeline(1, 4000)],
      ]),
      agents: [],
      missed: 0,
    };
    checkPresent(tally, snap);
    checkDuplicates(tally, snap);
    expect([...tally.missing]).toEqual(['gone']);
    expect([...tally.duplicates]).toEqual(['b8-1-1']);
    const d = deliveries(tally, snap);
    expect(d).toEqual({
      ...{ scheduled: 4, once: 2, twice: 1, never: 1, early: 1, flowNotOnce: 3 },
      lags: [0, 0, -1000],
    });
  });
});
