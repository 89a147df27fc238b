/** Flows and phone numbers through the AWS SDK against a whole Tsunagi (SigV4, permissions). */
import {
  AssociatePhoneNumberContactFlowCommand,
  ClaimPhoneNumberCommand,
  CreateContactFlowCommand,
  CreateInstanceCommand,
  DeleteContactFlowCommand,
  DescribeContactFlowCommand,
  DescribePhoneNumberCommand,
  ListContactFlowsCommand,
  ListPhoneNumbersV2Command,
  UpdateContactFlowContentCommand,
  paginateListContactFlows,
  paginateListPhoneNumbersV2,
  type ContactFlowType,
} from '@aws-sdk/client-connect';
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { flowJson } from '../../support/flows.js';
import { ACCOUNT, REGION, UUID, describeServers, failure, unique } from './harness.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

const greeting = (Text: string) =>
  flowJson('Greet', {
    Greet: {
      Type: 'MessageParticipant',
      Parameters: { Text },
      Next: 'End',
      Errors: { NoMatchingError: 'End' },
    },
    End: { Type: 'DisconnectParticipant' },
  });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describeServers('flows-numbers', 'flows and phone numbers through the AWS SDK', (server) => {
  const createFlow = (Name: string, Content = greeting('Hello'), Type: ContactFlowType = 'CONTACT_FLOW') =>
    server().client.send(
      new CreateContactFlowCommand({
        InstanceId: server().instanceId,
        Name,
        Type,
        Description: 'Says hello',
        Content,
        Tags: { team: 'callbacks' },
      }),
    );

  it('creates a flow, describes what was set, replaces its content, lists flows paged, and deletes it', async () => {
    const { client, instanceId: InstanceId } = server();
    const name = unique('Greeting');
    const content = greeting('Thank you for calling.');
    const created = await createFlow(name, content);
    expect(created.ContactFlowId).toMatch(UUID);
    expect(created.ContactFlowArn).toBe(
      `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${InstanceId}/contact-flow/${created.ContactFlowId}`,
    );
    expect(created.FlowContentSha256).toBe(sha256(content));
    const ContactFlowId = created.ContactFlowId ?? '';
    const { ContactFlow } = await client.send(new DescribeContactFlowCommand({ InstanceId, ContactFlowId }));
    expect(ContactFlow).toMatchObject({
      Id: ContactFlowId,
      Arn: created.ContactFlowArn,
      Name: name,
      Type: 'CONTACT_FLOW',
      State: 'ACTIVE',
      Status: 'PUBLISHED',
      Description: 'Says hello',
      Content: content,
      Tags: { team: 'callbacks' },
    });

    const next = greeting('Welcome back.');
    await client.send(new UpdateContactFlowContentCommand({ InstanceId, ContactFlowId, Content: next }));
    const after = await client.send(
      new DescribeContactFlowCommand({ InstanceId, ContactFlowId: created.ContactFlowArn }),
    );
    expect(after.ContactFlow?.Content).toBe(next);

    await createFlow(unique('Queue flow'), greeting('Please hold.'), 'CUSTOMER_QUEUE');
    const seen: string[] = [];
    for await (const page of paginateListContactFlows({ client, pageSize: 1 }, { InstanceId })) {
      expect(page.ContactFlowSummaryList?.length).toBeLessThanOrEqual(1);
      for (const f of page.ContactFlowSummaryList ?? []) {
        expect(f.Arn).toContain(`/contact-flow/${f.Id}`);
        seen.push(`${f.Name}/${f.ContactFlowType}/${f.ContactFlowState}`);
      }
    }
    expect(seen).toContain(`${name}/CONTACT_FLOW/ACTIVE`);
    const queueFlows = await client.send(
      new ListContactFlowsCommand({ InstanceId, ContactFlowTypes: ['CUSTOMER_QUEUE'] }),
    );
    expect(new Set(queueFlows.ContactFlowSummaryList?.map((f) => f.ContactFlowType))).toEqual(
      new Set(['CUSTOMER_QUEUE']),
    );

    await client.send(new DeleteContactFlowCommand({ InstanceId, ContactFlowId }));
    const gone = await failure(
      client.send(new DescribeContactFlowCommand({ InstanceId, ContactFlowId })),
      'ResourceNotFoundException',
      404,
    );
    expect(gone.message).toContain(ContactFlowId);
  });

  it('claims numbers, describes one, lists them paged and filtered, and binds one to a flow', async () => {
    const { client, instanceId: InstanceId } = server();
    const instanceArn = `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${InstanceId}`;
    const claimed = await client.send(
      new ClaimPhoneNumberCommand({
        InstanceId,
        PhoneNumber: '+81355550001',
        PhoneNumberDescription: 'Tokyo office',
      }),
    );
    expect(claimed.PhoneNumberId).toMatch(UUID);
    expect(claimed.PhoneNumberArn).toBe(
      `arn:aws:connect:${REGION}:${ACCOUNT}:phone-number/${claimed.PhoneNumberId}`,
    );
    await client.send(new ClaimPhoneNumberCommand({ TargetArn: instanceArn, PhoneNumber: '+18005550002' }));
    await client.send(new ClaimPhoneNumberCommand({ InstanceId, PhoneNumber: '+81355550003' }));

    const PhoneNumberId = claimed.PhoneNumberId ?? '';
    const { ClaimedPhoneNumberSummary } = await client.send(
      new DescribePhoneNumberCommand({ PhoneNumberId }),
    );
    expect(ClaimedPhoneNumberSummary).toMatchObject({
      PhoneNumberId,
      PhoneNumberArn: claimed.PhoneNumberArn,
      PhoneNumber: '+81355550001',
      PhoneNumberCountryCode: 'JP',
      PhoneNumberType: 'DID',
      PhoneNumberDescription: 'Tokyo office',
      TargetArn: instanceArn,
      InstanceId,
      PhoneNumberStatus: { Status: 'CLAIMED' },
    });

    const numbers: string[] = [];
    let pages = 0;
    for await (const page of paginateListPhoneNumbersV2({ client, pageSize: 2 }, { InstanceId })) {
      pages++;
      for (const n of page.ListPhoneNumbersSummaryList ?? []) {
        expect(n).toMatchObject({ TargetArn: instanceArn, InstanceId });
        numbers.push(`${n.PhoneNumber}/${n.PhoneNumberCountryCode}/${n.PhoneNumberType}`);
      }
    }
    expect(pages).toBe(2);
    expect(numbers.sort()).toEqual([
      '+18005550002/US/TOLL_FREE',
      '+81355550001/JP/DID',
      '+81355550003/JP/DID',
    ]);
    const japan = await client.send(
      new ListPhoneNumbersV2Command({
        TargetArn: instanceArn,
        PhoneNumberCountryCodes: ['JP'],
        PhoneNumberPrefix: '+8135555',
      }),
    );
    expect(japan.ListPhoneNumbersSummaryList?.map((n) => n.PhoneNumber).sort()).toEqual([
      '+81355550001',
      '+81355550003',
    ]);

    const ContactFlowId = (await createFlow(unique('Inbound'))).ContactFlowId ?? '';
    const bound = await client.send(
      new AssociatePhoneNumberContactFlowCommand({ PhoneNumberId, InstanceId, ContactFlowId }),
    );
    expect(bound.$metadata.httpStatusCode).toBe(200);
  });

  it('a ClaimPhoneNumber retried with the same ClientToken returns the first number', async () => {
    const { client, instanceId: InstanceId } = server();
    const request = { InstanceId, PhoneNumber: '+81355550009', ClientToken: 'claim-token-1' };
    const first = await client.send(new ClaimPhoneNumberCommand(request));
    const again = await client.send(new ClaimPhoneNumberCommand(request));
    expect(again.PhoneNumberId).toBe(first.PhoneNumberId);
    expect(again.PhoneNumberArn).toBe(first.PhoneNumberArn);
    await failure(
      client.send(new ClaimPhoneNumberCommand({ ...request, PhoneNumber: '+81355550010' })),
      'IdempotencyException',
      409,
    );
  });

  it("keeps a key to its instance's numbers: another instance's are neither listed, described, nor claimable there", async () => {
    const { client, instanceId: InstanceId, tsunagi } = server();
    const other = await client.send(
      new CreateInstanceCommand({
        InstanceAlias: 'numbers-elsewhere',
        IdentityManagementType: 'CONNECT_MANAGED',
        InboundCallsEnabled: true,
        OutboundCallsEnabled: true,
      }),
    );
    const theirs = await tsunagi.services.phoneNumbers.claim({
      InstanceId: other.Id,
      PhoneNumber: '+81355550099',
    });
    const listed: string[] = [];
    for await (const page of paginateListPhoneNumbersV2({ client }, {}))
      listed.push(...(page.ListPhoneNumbersSummaryList ?? []).map((n) => n.InstanceId ?? ''));
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed)).toEqual(new Set([InstanceId]));
    const described = await failure(
      client.send(new DescribePhoneNumberCommand({ PhoneNumberId: theirs.PhoneNumberId })),
      'ResourceNotFoundException',
      404,
    );
    expect(described.message).toContain(theirs.PhoneNumberId);
    for (const call of [
      () => client.send(new ListPhoneNumbersV2Command({ TargetArn: other.Arn })),
      () => client.send(new ClaimPhoneNumberCommand({ TargetArn: other.Arn, PhoneNumber: '+81355550098' })),
      () => client.send(new ClaimPhoneNumberCommand({ InstanceId: other.Id, PhoneNumber: '+81355550098' })),
    ])
      expect((await failure(call(), 'AccessDeniedException', 403)).message).toContain(other.Id);
  });

  it('refuses: not found naming the id; invalid parameters naming the field; a duplicate name with 409', async () => {
    const { client, instanceId: InstanceId } = server();
    for (const call of [
      () => client.send(new DescribeContactFlowCommand({ InstanceId, ContactFlowId: MISSING })),
      () =>
        client.send(
          new UpdateContactFlowContentCommand({ InstanceId, ContactFlowId: MISSING, Content: greeting('x') }),
        ),
      () => client.send(new DescribePhoneNumberCommand({ PhoneNumberId: MISSING })),
    ])
      expect((await failure(call(), 'ResourceNotFoundException', 404)).message).toContain(MISSING);
    const claimed = await client.send(
      new ClaimPhoneNumberCommand({ InstanceId, PhoneNumber: '+81355550020' }),
    );
    const noFlow = await failure(
      client.send(
        new AssociatePhoneNumberContactFlowCommand({
          PhoneNumberId: claimed.PhoneNumberId,
          InstanceId,
          ContactFlowId: MISSING,
        }),
      ),
      'ResourceNotFoundException',
      404,
    );
    expect(noFlow.message).toContain(MISSING);

    const number = await failure(
      client.send(new ClaimPhoneNumberCommand({ InstanceId, PhoneNumber: '03-5555-0001' })),
      'InvalidParameterException',
      400,
    );
    expect(number.message).toMatch(/^PhoneNumber/);
    const taken = await failure(
      client.send(new ClaimPhoneNumberCommand({ InstanceId, PhoneNumber: '+81355550020' })),
      'InvalidParameterException',
      400,
    );
    expect(taken.message).toMatch(/PhoneNumber.*already claimed/);
    const type = await failure(
      client.send(
        new CreateContactFlowCommand({
          InstanceId,
          Name: unique('Typo'),
          Type: 'CONTACT_FLOWS' as ContactFlowType,
          Content: greeting('x'),
        }),
      ),
      'InvalidParameterException',
      400,
    );
    expect(type.message).toMatch(/^Type/);
    const broken = await failure(
      createFlow(
        unique('Broken'),
        flowJson('Greet', {
          Greet: { Type: 'MessageParticipant', Parameters: { Text: 'x' }, Next: 'Nowhere' },
        }),
      ),
      'InvalidContactFlowException',
      400,
    );
    expect(JSON.stringify(broken.problems)).toContain('Nowhere');

    const name = unique('Twice');
    await createFlow(name);
    expect((await failure(createFlow(name), 'DuplicateResourceException', 409)).message).toContain(name);
  });
});
