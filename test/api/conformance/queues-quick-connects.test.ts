/** Queues and quick connects through the AWS SDK against a whole Tsunagi (SigV4, permissions). */
import {
  AssociateQueueQuickConnectsCommand,
  CreateContactFlowCommand,
  CreateHoursOfOperationCommand,
  CreateQueueCommand,
  CreateQuickConnectCommand,
  DeleteQuickConnectCommand,
  DescribeQueueCommand,
  DescribeQuickConnectCommand,
  DisassociateQueueQuickConnectsCommand,
  ListQueueQuickConnectsCommand,
  ListQueuesCommand,
  ListQuickConnectsCommand,
  UpdateQueueMaxContactsCommand,
  UpdateQueueStatusCommand,
  UpdateQuickConnectConfigCommand,
  paginateListQueueQuickConnects,
  paginateListQueues,
  paginateListQuickConnects,
} from '@aws-sdk/client-connect';
import { beforeAll, expect, it } from 'vitest';
import { flowJson } from '../../support/flows.js';
import { ACCOUNT, REGION, UUID, describeServers, failure, unique } from './harness.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeServers('queues-quick-connects', 'queues and quick connects through the AWS SDK', (server) => {
  let HoursOfOperationId = '';
  let transferFlowId = '';
  beforeAll(async () => {
    const { client, instanceId: InstanceId } = server();
    const h = await client.send(
      new CreateHoursOfOperationCommand({ InstanceId, Name: 'Queue hours', TimeZone: 'UTC', Config: [] }),
    );
    HoursOfOperationId = h.HoursOfOperationId ?? '';
    const f = await client.send(
      new CreateContactFlowCommand({
        InstanceId,
        Name: 'To the queue',
        Type: 'QUEUE_TRANSFER',
        Content: flowJson('Transfer', {
          Transfer: {
            Type: 'TransferContactToQueue',
            Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' },
          },
          End: { Type: 'DisconnectParticipant' },
        }),
      }),
    );
    transferFlowId = f.ContactFlowId ?? '';
  });

  const createQueue = (Name: string, MaxContacts?: number) =>
    server().client.send(
      new CreateQueueCommand({
        InstanceId: server().instanceId,
        Name,
        Description: 'Callbacks wait here',
        HoursOfOperationId,
        ...(MaxContacts !== undefined && { MaxContacts }),
        Tags: { team: 'callbacks' },
      }),
    );
  const phoneQc = (Name: string, PhoneNumber = '+81312340000') =>
    server().client.send(
      new CreateQuickConnectCommand({
        InstanceId: server().instanceId,
        Name,
        Description: 'Call the office',
        QuickConnectConfig: { QuickConnectType: 'PHONE_NUMBER', PhoneConfig: { PhoneNumber } },
      }),
    );

  it('creates a queue, describes what was set, changes its status and capacity, and lists queues paged', async () => {
    const { client, instanceId: InstanceId } = server();
    const name = unique('Callbacks');
    const created = await createQueue(name, 10);
    expect(created.QueueId).toMatch(UUID);
    expect(created.QueueArn).toBe(
      `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${InstanceId}/queue/${created.QueueId}`,
    );
    const QueueId = created.QueueId ?? '';
    const { Queue } = await client.send(new DescribeQueueCommand({ InstanceId, QueueId }));
    expect(Queue).toMatchObject({
      QueueId,
      QueueArn: created.QueueArn,
      Name: name,
      Description: 'Callbacks wait here',
      HoursOfOperationId,
      MaxContacts: 10,
      Status: 'ENABLED',
      Tags: { team: 'callbacks' },
    });
    expect(Queue?.LastModifiedTime).toBeInstanceOf(Date);

    await client.send(new UpdateQueueStatusCommand({ InstanceId, QueueId, Status: 'DISABLED' }));
    await client.send(new UpdateQueueMaxContactsCommand({ InstanceId, QueueId, MaxContacts: 3 }));
    const after = await client.send(new DescribeQueueCommand({ InstanceId, QueueId: created.QueueArn }));
    expect(after.Queue).toMatchObject({ Status: 'DISABLED', MaxContacts: 3 });

    await createQueue(unique('Callbacks'));
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListQueues(
      { client, pageSize: 1 },
      { InstanceId, QueueTypes: ['STANDARD'] },
    )) {
      pages++;
      for (const q of page.QueueSummaryList ?? []) {
        expect(q.QueueType).toBe('STANDARD');
        expect(q.LastModifiedTime).toBeInstanceOf(Date);
        seen.push(q.Id ?? '');
      }
    }
    expect(pages).toBe(seen.length);
    expect(seen).toContain(QueueId);
    expect(seen.length).toBeGreaterThanOrEqual(3); // BasicQueue and the two made here
    const one = await client.send(new ListQueuesCommand({ InstanceId, MaxResults: 1 }));
    expect(one.QueueSummaryList).toHaveLength(1);
    expect(one.NextToken).toEqual(expect.any(String));
  });

  it('creates, describes, reconfigures, lists and deletes quick connects', async () => {
    const { client, instanceId: InstanceId } = server();
    const name = unique('Office');
    const created = await phoneQc(name);
    expect(created.QuickConnectId).toMatch(UUID);
    expect(created.QuickConnectARN).toBe(
      `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${InstanceId}/transfer-destination/${created.QuickConnectId}`,
    );
    const QuickConnectId = created.QuickConnectId ?? '';
    const { QuickConnect } = await client.send(
      new DescribeQuickConnectCommand({ InstanceId, QuickConnectId }),
    );
    expect(QuickConnect).toMatchObject({
      QuickConnectId,
      QuickConnectARN: created.QuickConnectARN,
      Name: name,
      Description: 'Call the office',
      QuickConnectConfig: { QuickConnectType: 'PHONE_NUMBER', PhoneConfig: { PhoneNumber: '+81312340000' } },
    });
    expect(QuickConnect?.LastModifiedTime).toBeInstanceOf(Date);

    const queue = (await createQueue(unique('Transfers'))).QueueId ?? '';
    await client.send(
      new UpdateQuickConnectConfigCommand({
        InstanceId,
        QuickConnectId,
        QuickConnectConfig: {
          QuickConnectType: 'QUEUE',
          QueueConfig: { QueueId: queue, ContactFlowId: transferFlowId },
        },
      }),
    );
    const after = await client.send(new DescribeQuickConnectCommand({ InstanceId, QuickConnectId }));
    expect(after.QuickConnect?.QuickConnectConfig).toEqual({
      QuickConnectType: 'QUEUE',
      QueueConfig: { QueueId: queue, ContactFlowId: transferFlowId },
    });

    await phoneQc(unique('Office'));
    const listed: string[] = [];
    for await (const page of paginateListQuickConnects({ client, pageSize: 1 }, { InstanceId })) {
      expect(page.QuickConnectSummaryList?.length).toBeLessThanOrEqual(1);
      for (const qc of page.QuickConnectSummaryList ?? []) {
        expect(qc.LastModifiedTime).toBeInstanceOf(Date);
        listed.push(`${qc.Id}:${qc.QuickConnectType}`);
      }
    }
    expect(listed).toContain(`${QuickConnectId}:QUEUE`);
    const queuesOnly = await client.send(
      new ListQuickConnectsCommand({ InstanceId, QuickConnectTypes: ['QUEUE'] }),
    );
    expect(queuesOnly.QuickConnectSummaryList?.map((q) => q.QuickConnectType)).toEqual(['QUEUE']);

    await client.send(new DeleteQuickConnectCommand({ InstanceId, QuickConnectId }));
    const gone = await failure(
      client.send(new DescribeQuickConnectCommand({ InstanceId, QuickConnectId })),
      'ResourceNotFoundException',
      404,
    );
    expect(gone.message).toContain(QuickConnectId);
  });

  it('associates quick connects with a queue, lists them paged, and disassociates one', async () => {
    const { client, instanceId: InstanceId } = server();
    const QueueId = (await createQueue(unique('With quick connects'))).QueueId ?? '';
    const qcs = [
      (await phoneQc(unique('Desk'), '+81312340001')).QuickConnectId ?? '',
      (await phoneQc(unique('Desk'), '+81312340002')).QuickConnectId ?? '',
      (await phoneQc(unique('Desk'), '+81312340003')).QuickConnectId ?? '',
    ];
    const answer = await client.send(
      new AssociateQueueQuickConnectsCommand({ InstanceId, QueueId, QuickConnectIds: qcs }),
    );
    expect(answer.$metadata.httpStatusCode).toBe(200);
    const listed: string[] = [];
    let pages = 0;
    for await (const page of paginateListQueueQuickConnects(
      { client, pageSize: 2 },
      { InstanceId, QueueId },
    )) {
      pages++;
      for (const qc of page.QuickConnectSummaryList ?? []) {
        expect(qc).toMatchObject({ QuickConnectType: 'PHONE_NUMBER' });
        expect(qc.Arn).toContain(`/transfer-destination/${qc.Id}`);
        listed.push(qc.Id ?? '');
      }
    }
    expect(pages).toBe(2);
    expect(listed.sort()).toEqual([...qcs].sort());

    await client.send(
      new DisassociateQueueQuickConnectsCommand({ InstanceId, QueueId, QuickConnectIds: [qcs[0] ?? ''] }),
    );
    const left = await client.send(new ListQueueQuickConnectsCommand({ InstanceId, QueueId }));
    expect(left.QuickConnectSummaryList?.map((q) => q.Id).sort()).toEqual([qcs[1], qcs[2]].sort());
  });

  it('refuses: not found naming the id; invalid parameters naming the field; a duplicate name with 409', async () => {
    const { client, instanceId: InstanceId } = server();
    const noQueue = await failure(
      client.send(new DescribeQueueCommand({ InstanceId, QueueId: MISSING })),
      'ResourceNotFoundException',
      404,
    );
    expect(noQueue.message).toContain(MISSING);
    const noHours = await failure(
      client.send(
        new CreateQueueCommand({ InstanceId, Name: unique('Orphan'), HoursOfOperationId: MISSING }),
      ),
      'ResourceNotFoundException',
      404,
    );
    expect(noHours.message).toContain(MISSING);
    const QueueId = (await createQueue(unique('Target'))).QueueId ?? '';
    const noQc = await failure(
      client.send(
        new AssociateQueueQuickConnectsCommand({ InstanceId, QueueId, QuickConnectIds: [MISSING] }),
      ),
      'ResourceNotFoundException',
      404,
    );
    expect(noQc.message).toContain(MISSING);

    const status = await failure(
      client.send(new UpdateQueueStatusCommand({ InstanceId, QueueId, Status: 'PAUSED' as 'ENABLED' })),
      'InvalidParameterException',
      400,
    );
    expect(status.message).toMatch(/Status/);
    const capacity = await failure(
      client.send(new UpdateQueueMaxContactsCommand({ InstanceId, QueueId, MaxContacts: -1 })),
      'InvalidParameterException',
      400,
    );
    expect(capacity.message).toMatch(/MaxContacts/);
    const number = await failure(
      phoneQc(unique('Bad number'), '0312345678'),
      'InvalidParameterException',
      400,
    );
    expect(number.message).toMatch(/QuickConnectConfig\.PhoneConfig\.PhoneNumber/);
    const wrongMember = await failure(
      client.send(
        new CreateQuickConnectCommand({
          InstanceId,
          Name: unique('Mixed'),
          QuickConnectConfig: { QuickConnectType: 'QUEUE', PhoneConfig: { PhoneNumber: '+81312340000' } },
        }),
      ),
      'InvalidParameterException',
      400,
    );
    expect(wrongMember.message).toMatch(/QuickConnectConfig\./);

    const name = unique('Twice');
    await createQueue(name);
    expect((await failure(createQueue(name), 'DuplicateResourceException', 409)).message).toContain(name);
    const qcName = unique('Twice');
    await phoneQc(qcName);
    expect((await failure(phoneQc(qcName), 'DuplicateResourceException', 409)).message).toContain(qcName);
  });
});
