import { expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';

const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;
const officeHours = {
  Name: 'Office hours',
  TimeZone: 'Asia/Tokyo',
  Config: weekdays.map((Day) => ({
    Day,
    StartTime: { Hours: 9, Minutes: 0 },
    EndTime: { Hours: 18, Minutes: 0 },
  })),
};

describeStores('hours of operation', (env) => {
  it('creates, reads, updates, lists and deletes', async () => {
    const { services, instanceId } = env();
    const created = await services.hours.create(instanceId, { ...officeHours, Tags: { team: 'callbacks' } });
    expect(created.HoursOfOperationArn).toBe(
      `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/operating-hours/${created.HoursOfOperationId}`,
    );
    expect(await services.hours.describe(instanceId, created.HoursOfOperationId)).toEqual(created);
    expect(await services.hours.describe(instanceId, created.HoursOfOperationArn)).toEqual(created);

    await env().clock.advance(1000);
    const updated = await services.hours.update(instanceId, created.HoursOfOperationId, {
      Name: 'Weekdays',
      TimeZone: 'Europe/Paris',
    });
    expect(updated).toMatchObject({ Name: 'Weekdays', TimeZone: 'Europe/Paris', Config: officeHours.Config });
    expect(updated.LastModifiedTime).toBe(created.LastModifiedTime + 1000);
    expect(await services.hours.describe(instanceId, created.HoursOfOperationId)).toEqual(updated);

    await services.hours.create(instanceId, { ...officeHours, Name: 'Around the clock', Config: [] });
    const page1 = await services.hours.list(instanceId, { MaxResults: 1 });
    expect(page1.items.map((h) => h.Name)).toEqual(['Around the clock']);
    const page2 = await services.hours.list(instanceId, { MaxResults: 1, NextToken: page1.nextToken });
    expect(page2.items.map((h) => h.Name)).toEqual(['Weekdays']);
    expect(page2.nextToken).toBeUndefined();

    await services.hours.delete(instanceId, created.HoursOfOperationId);
    await expectConnectError(
      services.hours.describe(instanceId, created.HoursOfOperationId),
      'ResourceNotFoundException',
    );
  });

  it('refuses bad input, naming the field, and changes nothing', async () => {
    const { services, instanceId } = env();
    await expectConnectError(
      services.hours.create(instanceId, { ...officeHours, TimeZone: 'Mars/Olympus' }),
      'InvalidParameterException',
      /TimeZone/,
    );
    const badSlice = {
      ...officeHours,
      Config: [
        { Day: 'MONDAY' as const, StartTime: { Hours: 25, Minutes: 0 }, EndTime: { Hours: 1, Minutes: 0 } },
      ],
    };
    await expectConnectError(
      services.hours.create(instanceId, badSlice),
      'InvalidParameterException',
      /Config\[0\]\.StartTime\.Hours/,
    );
    await expectConnectError(
      services.hours.create(instanceId, { ...officeHours, Name: '' }),
      'InvalidParameterException',
      /Name/,
    );
    expect((await services.hours.list(instanceId)).items).toEqual([]);
    await expectConnectError(
      services.hours.create('no-such-instance', officeHours),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
    await services.hours.create(instanceId, officeHours);
    await expectConnectError(
      services.hours.create(instanceId, officeHours),
      'DuplicateResourceException',
      /Office hours/,
    );
    await expectConnectError(
      services.hours.list(instanceId, { NextToken: 'forged' }),
      'InvalidParameterException',
      /NextToken/,
    );
  });
});

describeStores(
  'queues',
  (env) => {
    async function hours() {
      return env().services.hours.create(env().instanceId, officeHours);
    }

    it('creates, reads, updates, lists and deletes', async () => {
      const { services, instanceId } = env();
      const h = await hours();
      const q = await services.queues.create(instanceId, {
        Name: 'CallbackQueue',
        Description: 'Callbacks asked for by waiting callers',
        HoursOfOperationId: h.HoursOfOperationArn,
        MaxContacts: 50,
      });
      expect(q).toMatchObject({
        Name: 'CallbackQueue',
        Status: 'ENABLED',
        QueueType: 'STANDARD',
        MaxContacts: 50,
        HoursOfOperationId: h.HoursOfOperationId,
      });
      expect(q.QueueArn).toMatch(
        new RegExp(`^arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/queue/${q.QueueId}$`),
      );
      expect(await services.queues.describe(instanceId, q.QueueArn)).toEqual(q);

      expect((await services.queues.updateStatus(instanceId, q.QueueId, { Status: 'DISABLED' })).Status).toBe(
        'DISABLED',
      );
      const unlimited = await services.queues.updateMaxContacts(instanceId, q.QueueId, {});
      expect(unlimited.MaxContacts).toBeUndefined();
      expect((await services.queues.describe(instanceId, q.QueueId)).MaxContacts).toBeUndefined();
      expect((await services.queues.updateName(instanceId, q.QueueId, { Name: 'Callbacks' })).Name).toBe(
        'Callbacks',
      );

      await services.queues.create(instanceId, { Name: 'General', HoursOfOperationId: h.HoursOfOperationId });
      const all = await services.queues.list(instanceId, { QueueTypes: ['STANDARD'] });
      expect(all.items.map((x) => x.Name)).toEqual(['Callbacks', 'General']);

      await services.queues.delete(instanceId, q.QueueId);
      await expectConnectError(
        services.queues.describe(instanceId, q.QueueId),
        'ResourceNotFoundException',
        new RegExp(q.QueueId),
      );
    });

    it('refuses references to resources that do not exist and bad values', async () => {
      const { services, instanceId } = env();
      await expectConnectError(
        services.queues.create(instanceId, { Name: 'Q', HoursOfOperationId: 'missing-hours' }),
        'ResourceNotFoundException',
        /missing-hours/,
      );
      const h = await hours();
      await expectConnectError(
        services.queues.create(instanceId, {
          Name: 'Q',
          HoursOfOperationId: h.HoursOfOperationId,
          MaxContacts: -1,
        }),
        'InvalidParameterException',
        /MaxContacts/,
      );
      await expectConnectError(
        services.queues.create(instanceId, {
          Name: 'Q',
          HoursOfOperationId: h.HoursOfOperationId,
          QuickConnectIds: ['nope'],
        }),
        'ResourceNotFoundException',
        /nope/,
      );
      expect((await services.queues.list(instanceId)).items).toEqual([]);
      await services.queues.create(instanceId, { Name: 'Q', HoursOfOperationId: h.HoursOfOperationId });
      await expectConnectError(
        services.queues.create(instanceId, { Name: 'Q', HoursOfOperationId: h.HoursOfOperationId }),
        'DuplicateResourceException',
      );
    });

    it('keeps hours of operation that a queue uses', async () => {
      const { services, instanceId } = env();
      const h = await hours();
      const q = await services.queues.create(instanceId, {
        Name: 'Q',
        HoursOfOperationId: h.HoursOfOperationId,
      });
      await expectConnectError(
        services.hours.delete(instanceId, h.HoursOfOperationId),
        'ResourceInUseException',
        new RegExp(q.QueueId),
      );
      expect(await services.hours.describe(instanceId, h.HoursOfOperationId)).toEqual(h);
    });

    it('enforces the queue quota', async () => {
      const { services, instanceId, limits } = env();
      expect(limits.queuesPerInstance).toBe(2);
      const h = await hours();
      await services.queues.create(instanceId, { Name: 'A', HoursOfOperationId: h.HoursOfOperationId });
      await services.queues.create(instanceId, { Name: 'B', HoursOfOperationId: h.HoursOfOperationId });
      await expectConnectError(
        services.queues.create(instanceId, { Name: 'C', HoursOfOperationId: h.HoursOfOperationId }),
        'LimitExceededException',
      );
    });
  },
  { queuesPerInstance: 2 },
);
