/**
 * Contacts through the AWS SDK on the scenario configured through the SDK: tasks started, described, updated,
 * their attributes and references read, transferred and stopped; ClientToken retries of StartTaskContact and
 * TransferContact; the main errors, and an agent's key refused what its security profile lacks.
 */
import {
  DescribeContactCommand,
  GetContactAttributesCommand,
  ListContactReferencesCommand,
  SearchContactsCommand,
  StartTaskContactCommand,
  StopContactCommand,
  TransferContactCommand,
  UpdateContactAttributesCommand,
  UpdateContactCommand,
  type ConnectClient,
  type StartTaskContactCommandInput,
} from '@aws-sdk/client-connect';
import { beforeAll, expect, it } from 'vitest';
import { CALLBACK_DESCRIPTION } from '../../tasks/callback-template.js';
import { HOUR, UUID, describeServers, failure } from './harness.js';
import { setUpScenarioViaSdk, type SdkScenario } from './scenario-sdk.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeServers('contacts', 'contacts through the AWS SDK', (server) => {
  let s: SdkScenario;
  let agentClient: ConnectClient;
  beforeAll(async () => {
    s = await setUpScenarioViaSdk(server().client, server().instanceId);
    const key = await server().tsunagi.accessKeys.create(server().instanceId, { UserId: s.agent1.Id });
    agentClient = server().clientFor(key);
  });

  const task = (extra: Partial<StartTaskContactCommandInput> = {}) =>
    server().client.send(
      new StartTaskContactCommand({
        InstanceId: server().instanceId,
        ContactFlowId: s.flows.f3.Id,
        Name: 'Call back the customer',
        Description: 'Asked for a callback while waiting',
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
        References: {
          PhoneNumber: { Type: 'STRING', Value: '+819012345678' },
          Ticket: { Type: 'URL', Value: 'https://tickets.example.com/42' },
        },
        ...extra,
      }),
    );
  const describe = (ContactId: string) =>
    server()
      .client.send(new DescribeContactCommand({ InstanceId: server().instanceId, ContactId }))
      .then((r) => r.Contact);
  /** How many tasks search finds (every task of this file starts at the engine's unmoving clock). */
  const taskCount = async () => {
    const now = server().clock.now();
    const r = await server().client.send(
      new SearchContactsCommand({
        InstanceId: server().instanceId,
        TimeRange: {
          Type: 'INITIATION_TIMESTAMP',
          StartTime: new Date(now - HOUR),
          EndTime: new Date(now + HOUR),
        },
        SearchCriteria: { Channels: ['TASK'] },
      }),
    );
    return r.TotalCount ?? 0;
  };

  it('starts a task and describes it; reads, updates and filters its attributes and references', async () => {
    const { client, instanceId: InstanceId } = server();
    const started = await task();
    expect(started.ContactId).toMatch(UUID);
    const ContactId = started.ContactId ?? '';
    await server().idle();
    const c = await describe(ContactId);
    expect(c).toMatchObject({
      Id: ContactId,
      Arn: expect.stringContaining(`/contact/${ContactId}`) as string,
      InitialContactId: ContactId,
      Channel: 'TASK',
      InitiationMethod: 'API',
      Name: 'Call back the customer',
      Description: 'Asked for a callback while waiting',
      QueueInfo: { Id: s.callbackQueue.QueueId },
    });
    expect(c?.InitiationTimestamp).toEqual(new Date(server().clock.now()));
    expect(c?.LastUpdateTimestamp).toBeInstanceOf(Date);
    expect(c?.QueueInfo?.EnqueueTimestamp).toBeInstanceOf(Date);

    const attrs = await client.send(
      new GetContactAttributesCommand({ InstanceId, InitialContactId: ContactId }),
    );
    // F4 (the task's customer queue flow) noted that the task waits.
    expect(attrs.Attributes).toEqual({
      CallbackQueue: s.callbackQueue.QueueArn,
      CallbackStatus: 'waiting for an agent',
    });
    await client.send(
      new UpdateContactAttributesCommand({
        InstanceId,
        InitialContactId: ContactId,
        Attributes: { Priority: 'high' },
      }),
    );
    const updated = await client.send(
      new GetContactAttributesCommand({ InstanceId, InitialContactId: ContactId }),
    );
    expect(updated.Attributes).toMatchObject({ CallbackQueue: s.callbackQueue.QueueArn, Priority: 'high' });

    const refs = await client.send(
      new ListContactReferencesCommand({ InstanceId, ContactId, ReferenceTypes: ['STRING', 'URL'] }),
    );
    expect(refs.ReferenceSummaryList).toEqual(
      expect.arrayContaining([
        { String: { Name: 'PhoneNumber', Value: '+819012345678' } },
        { Url: { Name: 'Ticket', Value: 'https://tickets.example.com/42' } },
      ]),
    );
    const urls = await client.send(
      new ListContactReferencesCommand({ InstanceId, ContactId, ReferenceTypes: ['URL'] }),
    );
    expect(urls.ReferenceSummaryList).toEqual([
      { Url: { Name: 'Ticket', Value: 'https://tickets.example.com/42' } },
    ]);

    const answer = await client.send(
      new UpdateContactCommand({
        InstanceId,
        ContactId,
        Name: 'Call back Mr. Sato',
        Description: 'Prefers the afternoon',
        References: { PhoneNumber: { Type: 'STRING', Value: '+819011112222' } },
      }),
    );
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(await describe(ContactId)).toMatchObject({
      Name: 'Call back Mr. Sato',
      Description: 'Prefers the afternoon',
    });
    const after = await client.send(
      new ListContactReferencesCommand({ InstanceId, ContactId, ReferenceTypes: ['STRING'] }),
    );
    expect(after.ReferenceSummaryList).toEqual([{ String: { Name: 'PhoneNumber', Value: '+819011112222' } }]);
  });

  it('T3, T6, T7: a task from the template gets its defaults and names the template; a read-only field cannot be set', async () => {
    const { client, instanceId: InstanceId } = server();
    const fromTemplate = (extra: Partial<StartTaskContactCommandInput> = {}) =>
      client.send(
        new StartTaskContactCommand({
          InstanceId,
          TaskTemplateId: s.template.Id,
          Name: 'Callback for +819012345678',
          Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
          References: { PhoneNumber: { Type: 'STRING', Value: '+819012345678' } },
          ...extra,
        }),
      );
    const ContactId = (await fromTemplate()).ContactId ?? '';
    await server().idle();
    expect(await describe(ContactId)).toMatchObject({
      Name: 'Callback for +819012345678',
      Description: CALLBACK_DESCRIPTION,
      TaskTemplateInfo: { Arn: s.template.Arn, Name: 'Callback request' },
      QueueInfo: { Id: s.callbackQueue.QueueId },
    });
    const readOnly = await failure(
      fromTemplate({ Description: 'Something else' }),
      'PropertyValidationException',
      400,
    );
    expect(JSON.stringify(readOnly.PropertyList)).toContain('Description');
  });

  it('stops a task: it ends, disconnected by the API; a stopped task cannot be stopped again', async () => {
    const { client, instanceId: InstanceId } = server();
    const ContactId = (await task()).ContactId ?? '';
    await server().idle();
    const stopped = await client.send(new StopContactCommand({ InstanceId, ContactId }));
    expect(stopped.$metadata.httpStatusCode).toBe(200);
    const c = await describe(ContactId);
    expect(c?.DisconnectTimestamp).toEqual(new Date(server().clock.now()));
    expect(c?.DisconnectReason).toBe('API');
    // Connect: a contact no longer in progress is "not found" for StopContact (410).
    await failure(
      client.send(new StopContactCommand({ InstanceId, ContactId })),
      'ContactNotFoundException',
      410,
    );
  });

  it('transfers a queued task to another queue: a new contact follows the first; a ClientToken retry returns it and creates nothing more', async () => {
    const { client, instanceId: InstanceId } = server();
    const ContactId = (await task()).ContactId ?? '';
    await server().idle();
    const before = await taskCount();
    const request = {
      InstanceId,
      ContactId,
      QueueId: s.basicQueue.QueueId,
      ContactFlowId: s.flows.queueTransfer.Id,
      ClientToken: 'transfer-token-1',
    };
    const moved = await client.send(new TransferContactCommand(request));
    expect(moved.ContactId).toMatch(UUID);
    expect(moved.ContactId).not.toBe(ContactId);
    expect(moved.ContactArn).toContain(`/contact/${moved.ContactId}`);
    await server().idle();
    expect(await describe(moved.ContactId ?? '')).toMatchObject({
      PreviousContactId: ContactId,
      InitialContactId: ContactId,
      InitiationMethod: 'TRANSFER',
      Channel: 'TASK',
      QueueInfo: { Id: s.basicQueue.QueueId },
    });
    expect(await taskCount()).toBe(before + 1);

    const again = await client.send(new TransferContactCommand(request));
    expect(again.ContactId).toBe(moved.ContactId);
    expect(again.ContactArn).toBe(moved.ContactArn);
    expect(await taskCount()).toBe(before + 1);
    const other = await failure(
      client.send(new TransferContactCommand({ ...request, QueueId: s.callbackQueue.QueueId })),
      'IdempotencyException',
      409,
    );
    expect(other.message).toContain('transfer-token-1');
    expect(await taskCount()).toBe(before + 1);
  });

  it('a StartTaskContact retried with the same ClientToken returns the first ContactId and creates nothing more', async () => {
    const first = await task({ ClientToken: 'start-token-1' });
    await server().idle();
    const before = await taskCount();
    const again = await task({ ClientToken: 'start-token-1' });
    expect(again.ContactId).toBe(first.ContactId);
    expect(await taskCount()).toBe(before);
    await failure(task({ ClientToken: 'start-token-1', Name: 'Another task' }), 'IdempotencyException', 409);
    expect(await taskCount()).toBe(before);
  });

  it('refuses: not found naming the id; invalid parameters naming the field', async () => {
    const { client, instanceId: InstanceId } = server();
    for (const call of [
      () => client.send(new DescribeContactCommand({ InstanceId, ContactId: MISSING })),
      () => client.send(new GetContactAttributesCommand({ InstanceId, InitialContactId: MISSING })),
      () =>
        client.send(
          new ListContactReferencesCommand({ InstanceId, ContactId: MISSING, ReferenceTypes: ['URL'] }),
        ),
      () => client.send(new UpdateContactCommand({ InstanceId, ContactId: MISSING, Name: 'x' })),
      () => task({ ContactFlowId: MISSING }),
    ])
      expect((await failure(call(), 'ResourceNotFoundException', 404)).message).toContain(MISSING);
    const stop = client.send(new StopContactCommand({ InstanceId, ContactId: MISSING }));
    expect((await failure(stop, 'ContactNotFoundException', 410)).message).toContain(MISSING);

    const name = await failure(task({ Name: 'x'.repeat(1025) }), 'InvalidParameterException', 400);
    expect(name.message).toMatch(/^Name/);
    const refType = await failure(
      task({ References: { Ticket: { Type: 'PDF' as 'URL', Value: 'x' } } }),
      'InvalidParameterException',
      400,
    );
    expect(refType.message).toMatch(/References\.Ticket/);
    const past = await failure(
      task({ ScheduledTime: new Date(server().clock.now() - HOUR) }),
      'InvalidParameterException',
      400,
    );
    expect(past.message).toMatch(/^ScheduledTime/);
    const ContactId = (await task()).ContactId ?? '';
    const nowhere = await failure(
      client.send(
        new TransferContactCommand({ InstanceId, ContactId, ContactFlowId: s.flows.queueTransfer.Id }),
      ),
      'InvalidRequestException', // the model's errors for TransferContact have no InvalidParameterException
      400,
    );
    expect(nowhere.message).toMatch(/QueueId|UserId/);
  });

  it("refuses an agent's key what its profile lacks (contact search, transfer) but lets it start a task (P1)", async () => {
    const { instanceId: InstanceId } = server();
    const ContactId = (await task()).ContactId ?? '';
    const search = await failure(
      agentClient.send(new DescribeContactCommand({ InstanceId, ContactId })),
      'AccessDeniedException',
      403,
    );
    expect(search.message).toContain('ContactSearch.View');
    const transfer = await failure(
      agentClient.send(
        new TransferContactCommand({
          InstanceId,
          ContactId,
          QueueId: s.basicQueue.QueueId,
          ContactFlowId: s.flows.queueTransfer.Id,
        }),
      ),
      'AccessDeniedException',
      403,
    );
    expect(transfer.message).toContain('TransferContact.Enabled');
    await failure(
      agentClient.send(new StopContactCommand({ InstanceId, ContactId })),
      'AccessDeniedException',
      403,
    );
    const own = await agentClient.send(
      new StartTaskContactCommand({
        InstanceId,
        ContactFlowId: s.flows.f3.Id,
        Name: 'Made by agent1',
        Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      }),
    );
    expect(own.ContactId).toMatch(UUID);
  });
});
