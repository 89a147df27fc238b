import { expect, it } from 'vitest';
import type { Contact } from '../../src/store/ports/index.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';

const H = 3_600_000;
async function seed(env: TestEnv) {
  const t0 = env.clock.now();
  const base = {
    InstanceId: env.instanceId,
    Arn: '',
    InitiationMethod: 'API' as const,
    LastUpdateTimestamp: t0,
    TransferCount: 0,
    RescheduleCount: 0,
    Attributes: {},
    References: {},
    SegmentAttributes: {},
    Tags: {},
  };
  const rows: Contact[] = [
    {
      ...base,
      Id: 'sched',
      Channel: 'TASK',
      State: 'SCHEDULED',
      Name: 'Callback later',
      InitialContactId: 'sched',
      InitiationTimestamp: t0,
      ScheduledTimestamp: t0 + 6 * H,
    },
    {
      ...base,
      Id: 'queued',
      Channel: 'TASK',
      State: 'QUEUED',
      Name: 'Callback now',
      InitialContactId: 'queued',
      InitiationTimestamp: t0 + H,
    },
    {
      ...base,
      Id: 'done',
      Channel: 'TASK',
      State: 'ENDED',
      Name: 'Old callback',
      InitialContactId: 'done',
      InitiationTimestamp: t0 + 2 * H,
      DisconnectTimestamp: t0 + 3 * H,
    },
    {
      ...base,
      Id: 'call',
      Channel: 'VOICE',
      InitiationMethod: 'INBOUND',
      State: 'CONNECTED',
      InitialContactId: 'call',
      InitiationTimestamp: t0 + 3 * H,
    },
  ];
  for (const c of rows) await env.store.repos.contacts.insert(c);
  return t0;
}

describeStores('DescribeContact and SearchContacts', (env) => {
  it('describes a contact, or names the one that does not exist', async () => {
    const { services, instanceId } = env();
    await seed(env());
    expect(await services.contacts.describe(instanceId, 'queued')).toMatchObject({
      Id: 'queued',
      State: 'QUEUED',
      Name: 'Callback now',
    });
    await expectConnectError(
      services.contacts.describe(instanceId, 'nope'),
      'ResourceNotFoundException',
      /nope/,
    );
  });

  it('finds in-progress and scheduled tasks as a supervisor does (R1), newest first', async () => {
    const { services, instanceId } = env();
    const t0 = await seed(env());
    const r = await services.contacts.search(instanceId, {
      TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: t0, EndTime: t0 + 24 * H },
      SearchCriteria: {
        Channels: ['TASK'],
        AdditionalTimeRange: {
          Criteria: [{ TimestampCondition: { Type: 'DISCONNECT_TIMESTAMP', ConditionType: 'NOT_EXISTS' } }],
          MatchType: 'MATCH_ALL',
        },
      },
    });
    expect(r.items.map((c) => c.Id)).toEqual(['queued', 'sched']);
    expect(r.totalCount).toBe(2);
    const scheduled = await services.contacts.search(instanceId, {
      TimeRange: { Type: 'SCHEDULED_TIMESTAMP', StartTime: t0, EndTime: t0 + 7 * H },
      SearchCriteria: { States: ['SCHEDULED'] },
    });
    expect(scheduled.items.map((c) => c.Id)).toEqual(['sched']);
  });

  it('pages with NextToken, sorted as asked', async () => {
    const { services, instanceId } = env();
    const t0 = await seed(env());
    const ask = {
      TimeRange: { Type: 'INITIATION_TIMESTAMP' as const, StartTime: t0, EndTime: t0 + 24 * H },
      Sort: { FieldName: 'INITIATION_TIMESTAMP' as const, Order: 'ASCENDING' as const },
      MaxResults: 3,
    };
    const first = await services.contacts.search(instanceId, ask);
    expect(first.items.map((c) => c.Id)).toEqual(['sched', 'queued', 'done']);
    expect(first.totalCount).toBe(4);
    const second = await services.contacts.search(instanceId, { ...ask, NextToken: first.nextToken });
    expect(second.items.map((c) => c.Id)).toEqual(['call']);
    expect(second.nextToken).toBeUndefined();
  });

  it('refuses bad searches naming the field', async () => {
    const { services, instanceId } = env();
    const t0 = await seed(env());
    const range = { Type: 'INITIATION_TIMESTAMP' as const, StartTime: t0, EndTime: t0 + H };
    await expectConnectError(
      services.contacts.search(instanceId, { TimeRange: { ...range, EndTime: t0 - 1 } }),
      'InvalidParameterException',
      /TimeRange\.EndTime/,
    );
    await expectConnectError(
      services.contacts.search(instanceId, { TimeRange: range, MaxResults: 101 }),
      'InvalidParameterException',
      /MaxResults/,
    );
    await expectConnectError(
      services.contacts.search(instanceId, { TimeRange: range, NextToken: 'forged' }),
      'InvalidParameterException',
      /NextToken/,
    );
    await expectConnectError(
      services.contacts.search('no-instance', { TimeRange: range }),
      'ResourceNotFoundException',
      /no-instance/,
    );
  });
});
