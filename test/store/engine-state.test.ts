import { expect, it } from 'vitest';
import type { Contact } from '../../src/store/ports/index.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { setup } from '../support/users.js';
import { DeferredContactWrites } from '../../src/contacts/deferred-writes.js';

function task(env: TestEnv, id: string, extra: Partial<Contact> = {}): Contact {
  const now = env.clock.now();
  return {
    InstanceId: env.instanceId,
    Id: id,
    Arn: '',
    Channel: 'TASK',
    InitiationMethod: 'API',
    State: 'SCHEDULED',
    Name: 'Callback request',
    Description: 'The customer asked to be called back.',
    InitialContactId: id,
    InitiationTimestamp: now,
    ScheduledTimestamp: now + 3_600_000,
    LastUpdateTimestamp: now,
    TransferCount: 0,
    RescheduleCount: 0,
    Attributes: { CallbackQueue: 'q-1' },
    References: { PhoneNumber: { Type: 'STRING', Value: '+815012345678' } },
    SegmentAttributes: {},
    Tags: {},
    ...extra,
  };
}

/** A timeline entry to append. */
const entry = (ContactId: string, Timestamp: number, Type: string, Detail: Record<string, unknown> = {}) => ({
  ContactId,
  Timestamp,
  Type,
  Detail,
});

describeStores('contacts in the store', (env) => {
  it('keeps every field of a contact, its flow state and its ARN', async () => {
    const { store, instanceId } = env();
    const c = task(env(), 'c-1', {
      RelatedContactId: 'call-1',
      CustomerEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+815012345678' },
      TaskTemplateId: 'tt-1',
      TaskTemplateVersion: 2,
      FlowState: { frame: { flowId: 'f', at: 'a' }, contact: { Attributes: { x: '日本' } } },
    });
    await store.repos.contacts.insert(c);
    const read = await store.repos.contacts.get(instanceId, 'c-1');
    expect(read).toEqual({
      ...c,
      Arn: `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/contact/c-1`,
    });
    const queued = {
      ...read!,
      State: 'QUEUED' as const,
      QueueId: 'q-1',
      EnqueueTimestamp: 5,
      FlowState: undefined,
      TransferCount: 1,
    };
    await store.repos.contacts.update(queued);
    expect(await store.repos.contacts.get(instanceId, 'c-1')).toEqual(queued);
  });

  it('lists the active contacts, counts linked and active tasks', async () => {
    const { store, instanceId } = env();
    await store.repos.contacts.insert(task(env(), 'a', { PreviousContactId: 'call-1' }));
    await store.repos.contacts.insert(task(env(), 'b', { PreviousContactId: 'call-1', State: 'ENDED' }));
    await store.repos.contacts.insert(task(env(), 'c', { Channel: 'VOICE', State: 'QUEUED' }));
    expect((await store.repos.contacts.listActive(instanceId)).map((c) => c.Id)).toEqual(['a', 'c']);
    expect(await store.repos.contacts.countWithPrevious(instanceId, 'call-1')).toBe(2);
    expect(await store.repos.contacts.countActiveTasks(instanceId)).toBe(1);
  });

  it('numbers timeline events per contact in order', async () => {
    const { store, instanceId } = env();
    await store.repos.contacts.insert(task(env(), 'a'));
    await store.repos.contacts.insert(task(env(), 'b'));
    await store.repos.contacts.appendEvent(instanceId, entry('a', 1, 'INITIATED'));
    await store.repos.contacts.appendEvent(instanceId, entry('b', 2, 'INITIATED'));
    await store.repos.contacts.appendEvent(instanceId, entry('a', 3, 'SCHEDULED', { at: 9 }));
    expect(
      (await store.repos.contacts.events(instanceId, 'a')).map((e) => [e.Seq, e.Type, e.Detail]),
    ).toEqual([
      [1, 'INITIATED', {}],
      [2, 'SCHEDULED', { at: 9 }],
    ]);
  });

  it('numbers many entries of several contacts appended at once, after what each timeline holds', async () => {
    const { store, instanceId } = env();
    await store.repos.contacts.insert(task(env(), 'a'));
    await store.repos.contacts.insert(task(env(), 'b'));
    await store.repos.contacts.insert(task(env(), 'c'));
    await store.repos.contacts.appendEvent(instanceId, entry('a', 1, 'INITIATED'));
    // 301 entries: more than one statement's worth, in chunks of several sizes.
    const entries = Array.from({ length: 301 }, (_, i) => ({
      ContactId: ['a', 'b', 'c'][i % 3] ?? 'a',
      Timestamp: 10 + i,
      Type: 'STEP',
      Detail: { i },
    }));
    await store.repos.contacts.appendEvents(instanceId, entries);
    await store.repos.contacts.appendEvents(instanceId, []);
    const a = await store.repos.contacts.events(instanceId, 'a');
    expect(a.map((e) => e.Seq)).toEqual(Array.from({ length: 102 }, (_, i) => i + 1));
    expect(a.slice(1).map((e) => e.Detail.i)).toEqual(
      entries.flatMap((e, i) => (e.ContactId === 'a' ? [i] : [])),
    );
    const c = await store.repos.contacts.events(instanceId, 'c');
    expect(c.map((e) => [e.Seq, e.Detail.i])).toEqual(
      Array.from({ length: 100 }, (_, k) => [k + 1, 3 * k + 2]),
    );
  });

  it("a command's deferred contact writes: read back within it, written once at the flush, rolled back with it", async () => {
    const { store, instanceId } = env();
    await store.repos.contacts.insert(task(env(), 'a'));
    await store.transaction(async (repos) => {
      const writes = new DeferredContactWrites(repos, instanceId);
      const c = task(env(), 'a', { State: 'IN_FLOW' });
      await writes.repos.contacts.update(c);
      await writes.repos.contacts.appendEvent(instanceId, entry('a', 1, 'DELIVERED'));
      c.State = 'QUEUED';
      await writes.repos.contacts.update(c);
      // Not yet written; a read through the command's repositories writes it first.
      expect((await repos.contacts.get(instanceId, 'a'))?.State).toBe('SCHEDULED');
      expect((await writes.repos.contacts.get(instanceId, 'a'))?.State).toBe('QUEUED');
      await writes.repos.contacts.appendEvent(instanceId, entry('a', 2, 'QUEUED'));
      // A contact created in the command is inserted as it is at the flush, its timeline numbered from 1.
      const b = task(env(), 'b', { State: 'INITIATED' });
      await writes.repos.contacts.insert(b);
      await writes.repos.contacts.appendEvent(instanceId, entry('b', 3, 'INITIATED'));
      b.State = 'QUEUED';
      await writes.repos.contacts.update(b);
      expect(await repos.contacts.get(instanceId, 'b')).toBeUndefined();
      await writes.flush();
      expect((await repos.contacts.events(instanceId, 'a')).map((e) => [e.Seq, e.Type])).toEqual([
        [1, 'DELIVERED'],
        [2, 'QUEUED'],
      ]);
      expect((await repos.contacts.get(instanceId, 'b'))?.State).toBe('QUEUED');
      await writes.repos.contacts.appendEvent(instanceId, entry('b', 4, 'QUEUED'));
      await writes.flush();
      expect((await repos.contacts.events(instanceId, 'b')).map((e) => [e.Seq, e.Type])).toEqual([
        [1, 'INITIATED'],
        [2, 'QUEUED'],
      ]);
    });
    await expect(
      store.transaction(async (repos) => {
        const writes = new DeferredContactWrites(repos, instanceId);
        await writes.repos.contacts.update(task(env(), 'a', { State: 'ENDED' }));
        await writes.flush();
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect((await store.repos.contacts.get(instanceId, 'a'))?.State).toBe('QUEUED');
  });

  it('keeps timers by due time, and deletes each once', async () => {
    const { store, instanceId } = env();
    const timer = (Id: string, DueAt: number, ContactId?: string) => ({
      Id,
      InstanceId: instanceId,
      Kind: 'deliver' as const,
      DueAt,
      Data: {},
      ...(ContactId && { ContactId }),
    });
    await store.repos.timers.insert(timer('t2', 200, 'a'));
    await store.repos.timers.insert(timer('t1', 100));
    await store.repos.timers.insert({ ...timer('t3', 300, 'a'), Kind: 'expire' });
    expect((await store.repos.timers.list(instanceId)).map((t) => t.Id)).toEqual(['t1', 't2', 't3']);
    expect(await store.repos.timers.delete(instanceId, 't1')).toBe(true);
    expect(await store.repos.timers.delete(instanceId, 't1')).toBe(false);
    expect(await store.repos.timers.deleteForContact(instanceId, 'a', 'expire')).toBe(1);
    expect((await store.repos.timers.list(instanceId)).map((t) => t.Id)).toEqual(['t2']);
  });

  it("keeps agents' live state and replaces it", async () => {
    const { store, instanceId, services } = env();
    const { base } = await setup(env());
    const user = await services.users.create(instanceId, base);
    await store.repos.agentStates.put({
      InstanceId: instanceId,
      UserId: user.Id,
      StatusId: 's-available',
      StatusSince: 10,
      Missed: false,
      IdleSince: 10,
    });
    await store.repos.agentStates.put({
      InstanceId: instanceId,
      UserId: user.Id,
      StatusId: 's-available',
      StatusSince: 10,
      Missed: true,
    });
    expect(await store.repos.agentStates.list(instanceId)).toEqual([
      { InstanceId: instanceId, UserId: user.Id, StatusId: 's-available', StatusSince: 10, Missed: true },
    ]);
  });

  it('records a ClientToken once and forgets old ones', async () => {
    const { store, instanceId } = env();
    const rec = {
      InstanceId: instanceId,
      Operation: 'StartTaskContact',
      Token: 'tok',
      RequestHash: 'h',
      Response: { ContactId: 'c-1' },
      CreatedAt: 100,
    };
    expect(await store.repos.idempotency.insert(rec)).toBe(true);
    expect(await store.repos.idempotency.insert({ ...rec, Response: { ContactId: 'other' } })).toBe(false);
    expect(await store.repos.idempotency.find(instanceId, 'StartTaskContact', 'tok')).toEqual(rec);
    expect(await store.repos.idempotency.purge(101)).toBe(1);
    expect(await store.repos.idempotency.find(instanceId, 'StartTaskContact', 'tok')).toBeUndefined();
  });

  it('deletes contacts, timelines and timers with their instance', async () => {
    const { store, services } = env();
    const other = await services.instances.create({ InstanceAlias: 'other-center' });
    await store.repos.contacts.insert({ ...task(env(), 'x'), InstanceId: other.Id });
    await store.repos.contacts.appendEvent(other.Id, {
      ContactId: 'x',
      Timestamp: 1,
      Type: 'INITIATED',
      Detail: {},
    });
    await store.repos.timers.insert({
      Id: 't',
      InstanceId: other.Id,
      Kind: 'deliver',
      DueAt: 1,
      Data: {},
      ContactId: 'x',
    });
    await services.instances.delete(other.Id);
    expect(await store.repos.contacts.get(other.Id, 'x')).toBeUndefined();
    expect(await store.repos.timers.list(other.Id)).toEqual([]);
  });
});
