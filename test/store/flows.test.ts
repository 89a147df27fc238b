import { expect, it } from 'vitest';
import type { ConnectError } from '../../src/core/index.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { callbackTemplateRequest } from '../tasks/callback-template.js';

import { ODD, content, sha256 } from './flow-fixtures.js';

const problemsOf = (e: ConnectError) => (e.details.problems ?? []).map((p) => p.message);

describeStores('flows', (env) => {
  const flows = () => env().services.flows;
  const names = async () => (await flows().list(env().instanceId)).items.map((f) => f.Name);

  it('creates, describes, lists, updates and deletes a flow', async () => {
    const { instanceId, clock } = env();
    const f = await flows().create(instanceId, {
      Name: 'Inbound',
      Type: 'CONTACT_FLOW',
      Description: 'Main number',
      Content: content(),
      Tags: { team: 'callbacks' },
    });
    expect(f.Arn).toBe(
      `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/contact-flow/${f.Id}`,
    );
    expect(f.FlowContentSha256).toBe(sha256(content()));
    const described = await flows().describe(instanceId, f.Arn);
    expect(described).toEqual({
      Arn: f.Arn,
      Id: f.Id,
      Name: 'Inbound',
      Type: 'CONTACT_FLOW',
      State: 'ACTIVE',
      Status: 'PUBLISHED',
      Description: 'Main number',
      Content: content(),
      Tags: { team: 'callbacks' },
      FlowContentSha256: sha256(content()),
      Version: 1,
      LastModifiedTime: clock.now(),
      LastModifiedRegion: 'ap-northeast-1',
    });

    await clock.advance(1000);
    await flows().updateContent(instanceId, f.Id, { Content: content('Welcome') });
    expect(await flows().describe(instanceId, f.Id)).toMatchObject({
      Content: content('Welcome'),
      FlowContentSha256: sha256(content('Welcome')),
      Version: 2,
      LastModifiedTime: described.LastModifiedTime + 1000,
    });
    await flows().updateMetadata(instanceId, f.Id, { Name: 'Main', ContactFlowState: 'ARCHIVED' });
    await flows().updateName(instanceId, f.Arn, { Description: 'Archived main number' });
    expect(await flows().describe(instanceId, f.Id)).toMatchObject({
      Name: 'Main',
      State: 'ARCHIVED',
      Description: 'Archived main number',
      Version: 2,
    });
    expect((await flows().list(instanceId)).items).toEqual([
      {
        Id: f.Id,
        Arn: f.Arn,
        Name: 'Main',
        ContactFlowType: 'CONTACT_FLOW',
        ContactFlowState: 'ARCHIVED',
        ContactFlowStatus: 'PUBLISHED',
      },
    ]);

    await flows().delete(instanceId, f.Arn);
    await expectConnectError(
      flows().describe(instanceId, f.Id),
      'ResourceNotFoundException',
      new RegExp(f.Id),
    );
    expect(await names()).toEqual([]);
  });

  it('keeps content byte-for-byte, odd whitespace and non-ASCII included', async () => {
    const { instanceId } = env();
    const f = await flows().create(instanceId, {
      Name: '日本語のフロー',
      Type: 'CONTACT_FLOW',
      Content: ODD,
    });
    const d = await flows().describe(instanceId, f.Id);
    expect(d.Content).toBe(ODD);
    expect(d.Name).toBe('日本語のフロー');
    expect(d.FlowContentSha256).toBe(sha256(ODD));
    const withBom = `\uFEFF${ODD}`;
    await flows().updateContent(instanceId, f.Id, { Content: withBom });
    expect((await flows().describe(instanceId, f.Id)).Content).toBe(withBom);
    await flows().updateContent(instanceId, `${f.Id}:$SAVED`, { Content: `${ODD} ` });
    expect((await flows().describe(instanceId, `${f.Id}:$SAVED`)).Content).toBe(`${ODD} `);
  });

  it('keeps a published content and a saved draft apart (the :$SAVED alias)', async () => {
    const { instanceId } = env();
    const draftOnly = '{"StartAction": "not yet"}';
    const f = await flows().create(instanceId, {
      Name: 'Draft',
      Type: 'CUSTOMER_QUEUE',
      Content: draftOnly,
      Status: 'SAVED',
    });
    // Never published: the plain id and the alias both read the saved content.
    for (const id of [f.Id, `${f.Id}:$SAVED`, `${f.Arn}:$SAVED`])
      expect(await flows().describe(instanceId, id)).toMatchObject({
        Content: draftOnly,
        Status: 'SAVED',
        Version: 1,
      });
    expect((await flows().list(instanceId)).items[0]?.ContactFlowStatus).toBe('SAVED');
    await flows().updateContent(instanceId, `${f.Id}:$SAVED`, { Content: '{"still": "a draft"}' });
    expect(await flows().describe(instanceId, f.Id)).toMatchObject({ Status: 'SAVED', Version: 2 });

    // Publishing validates and publishes.
    await flows().updateContent(instanceId, f.Id, { Content: content('v1') });
    expect(await flows().describe(instanceId, f.Id)).toMatchObject({
      Content: content('v1'),
      Status: 'PUBLISHED',
      Version: 3,
    });

    // A draft saved after publication sits beside the published content.
    await flows().updateContent(instanceId, `${f.Arn}:$SAVED`, { Content: '{"work": "in progress"}' });
    expect(await flows().describe(instanceId, f.Id)).toMatchObject({
      Content: content('v1'),
      FlowContentSha256: sha256(content('v1')),
      Status: 'PUBLISHED',
      Version: 4,
    });
    expect(await flows().describe(instanceId, `${f.Id}:$SAVED`)).toMatchObject({
      Content: '{"work": "in progress"}',
      FlowContentSha256: sha256('{"work": "in progress"}'),
      Status: 'SAVED',
      Version: 4,
    });
    expect((await flows().list(instanceId)).items[0]?.ContactFlowStatus).toBe('PUBLISHED');

    // Publishing again discards the draft.
    await flows().updateContent(instanceId, f.Id, { Content: content('v2') });
    expect(await flows().describe(instanceId, `${f.Id}:$SAVED`)).toMatchObject({
      Content: content('v2'),
      Status: 'PUBLISHED',
      Version: 5,
    });
    await expectConnectError(flows().describe(instanceId, `${f.Id}:3`), 'ResourceNotFoundException', /:3/);
    await expectConnectError(
      flows().updateMetadata(instanceId, `${f.Id}:$SAVED`, { Name: 'x' }),
      'ResourceNotFoundException',
      /\$SAVED/,
    );
  });

  it('refuses content that cannot be published, naming each problem, and changes nothing', async () => {
    const { instanceId } = env();
    const cases: [string, RegExp][] = [
      ['{"Actions": [', /^Content is not valid JSON/],
      ['{"Version": "2019-10-30"}', /^Content has no Actions array$/],
      ['{"Actions": []}', /^StartAction is missing/],
      [JSON.stringify({ StartAction: 'x', Actions: [] }), /^StartAction 'x' names no action/],
      [JSON.stringify({ StartAction: '', Actions: [{ Type: 'Loop' }] }), /^Actions\[0\] has no Identifier$/],
      [
        JSON.stringify({ StartAction: 'a', Actions: [{ Identifier: 'a' }] }),
        /^Actions\[0\] \('a'\) has no Type$/,
      ],
      [
        JSON.stringify({
          StartAction: 'a',
          Actions: [
            { Identifier: 'a', Type: 'T' },
            { Identifier: 'a', Type: 'T' },
          ],
        }),
        /the Identifier 'a' is used by another action/,
      ],
      [
        JSON.stringify({
          StartAction: 'a',
          Actions: [
            { Identifier: 'a', Type: 'T', Transitions: { Errors: [{ ErrorType: 'X', NextAction: 'b' }] } },
          ],
        }),
        /Transitions\.Errors\[0\]\.NextAction goes to 'b', which is not an action/,
      ],
    ];
    for (const [bad, problem] of cases) {
      const err = await expectConnectError(
        flows().create(instanceId, { Name: 'Bad', Type: 'CONTACT_FLOW', Content: bad }),
        'InvalidContactFlowException',
      );
      expect(problemsOf(err)).toHaveLength(1);
      expect(problemsOf(err)[0]).toMatch(problem);
    }
    expect(await names()).toEqual([]);
    // Not even a draft can be saved if it is not JSON.
    await expectConnectError(
      flows().create(instanceId, { Name: 'Bad', Type: 'CONTACT_FLOW', Content: 'nope', Status: 'SAVED' }),
      'InvalidContactFlowException',
      /not valid JSON/,
    );

    const f = await flows().create(instanceId, { Name: 'Good', Type: 'CONTACT_FLOW', Content: content() });
    const err = await expectConnectError(
      flows().updateContent(instanceId, f.Id, { Content: '{"Actions": []}' }),
      'InvalidContactFlowException',
    );
    expect(problemsOf(err)).toEqual(['StartAction is missing: it must name the action the flow starts with']);
    await expectConnectError(
      flows().updateContent(instanceId, `${f.Id}:$SAVED`, { Content: '{' }),
      'InvalidContactFlowException',
    );
    expect(await flows().describe(instanceId, `${f.Id}:$SAVED`)).toMatchObject({
      Content: content(),
      Version: 1,
    });
  });

  it('validates requests, naming the field', async () => {
    const { instanceId } = env();
    const ok = { Name: 'Flow', Type: 'CONTACT_FLOW' as const, Content: content() };
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ Name: '' }, /Name/],
      [{ Type: 'INBOUND' }, /Type/],
      [{ Status: 'DRAFT' }, /Status/],
      [{ Content: '' }, /Content/],
      [{ Content: `"${'x'.repeat(256000)}"` }, /Content/],
      [{ Content: '{"a":"\uD800"}' }, /Content.*surrogate/],
      [{ Tags: { 'aws:owner': 'x' } }, /Tags/],
    ];
    for (const [change, field] of bad)
      await expectConnectError(
        flows().create(instanceId, { ...ok, ...change }),
        'InvalidParameterException',
        field,
      );
    await expectConnectError(
      flows().list(instanceId, { ContactFlowTypes: ['INBOUND' as 'CAMPAIGN'] }),
      'InvalidParameterException',
      /ContactFlowTypes\[0\]/,
    );
    await expectConnectError(
      flows().updateMetadata(instanceId, 'x', { ContactFlowState: 'DELETED' as 'ACTIVE' }),
      'InvalidParameterException',
      /ContactFlowState/,
    );
    await expectConnectError(
      flows().list(instanceId, { MaxResults: 0 }),
      'InvalidParameterException',
      /MaxResults/,
    );
    expect(await names()).toEqual([]);
  });

  it('refuses unknown instances and flows, and a module where a flow is expected', async () => {
    const { instanceId } = env();
    const flow = { Name: 'F', Type: 'CONTACT_FLOW' as const, Content: content() };
    await expectConnectError(
      flows().create('no-such-instance', flow),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
    await expectConnectError(
      flows().describe(instanceId, 'missing-flow'),
      'ResourceNotFoundException',
      /missing-flow/,
    );
    await expectConnectError(
      flows().updateContent(instanceId, 'missing-flow', { Content: content() }),
      'ResourceNotFoundException',
      /missing-flow/,
    );
    await expectConnectError(
      flows().delete(instanceId, 'missing-flow'),
      'ResourceNotFoundException',
      /missing-flow/,
    );
    const m = await flows().createModule(instanceId, { Name: 'Module', Content: content() });
    await expectConnectError(
      flows().describe(instanceId, m.Id),
      'ResourceNotFoundException',
      new RegExp(m.Id),
    );
    await expectConnectError(flows().delete(instanceId, m.Id), 'ResourceNotFoundException', new RegExp(m.Id));
    const f = await flows().create(instanceId, flow);
    await expectConnectError(
      flows().describeModule(instanceId, f.Id),
      'ResourceNotFoundException',
      new RegExp(f.Id),
    );
  });

  it('keeps names unique across flows and modules', async () => {
    const { instanceId } = env();
    const flow = { Name: 'Greeting', Type: 'CONTACT_FLOW' as const, Content: content() };
    const f = await flows().create(instanceId, flow);
    await expectConnectError(flows().create(instanceId, flow), 'DuplicateResourceException', /Greeting/);
    await expectConnectError(
      flows().createModule(instanceId, { Name: 'Greeting', Content: content() }),
      'DuplicateResourceException',
      /Greeting/,
    );
    const other = await flows().create(instanceId, { ...flow, Name: 'Other' });
    await expectConnectError(
      flows().updateName(instanceId, other.Id, { Name: 'Greeting' }),
      'DuplicateResourceException',
      /Greeting/,
    );
    await flows().updateName(instanceId, f.Id, { Name: 'Greeting' });
    expect(await names()).toEqual(['Greeting', 'Other']);
  });

  it('lists by type, in pages, without modules', async () => {
    const { instanceId } = env();
    for (const [Name, Type] of [
      ['C queue', 'CUSTOMER_QUEUE'],
      ['A inbound', 'CONTACT_FLOW'],
      ['B transfer', 'QUEUE_TRANSFER'],
    ] as const)
      await flows().create(instanceId, { Name, Type, Content: content() });
    await flows().createModule(instanceId, { Name: 'D module', Content: content() });
    const page1 = await flows().list(instanceId, { MaxResults: 2 });
    expect(page1.items.map((f) => f.Name)).toEqual(['A inbound', 'B transfer']);
    const page2 = await flows().list(instanceId, { MaxResults: 2, NextToken: page1.nextToken });
    expect(page2.items.map((f) => f.Name)).toEqual(['C queue']);
    expect(page2.nextToken).toBeUndefined();
    const filtered = await flows().list(instanceId, {
      ContactFlowTypes: ['CUSTOMER_QUEUE', 'QUEUE_TRANSFER'],
    });
    expect(filtered.items.map((f) => [f.Name, f.ContactFlowType])).toEqual([
      ['B transfer', 'QUEUE_TRANSFER'],
      ['C queue', 'CUSTOMER_QUEUE'],
    ]);
    await expectConnectError(
      flows().list(instanceId, { ContactFlowTypes: ['CONTACT_FLOW'], NextToken: page1.nextToken }),
      'InvalidParameterException',
      /NextToken/,
    );
  });

  it('refuses to delete a flow while a phone number, quick connect or task template uses it', async () => {
    const e: TestEnv = env();
    const { instanceId, services, store } = e;
    const f = await flows().create(instanceId, { Name: 'Inbound', Type: 'CONTACT_FLOW', Content: content() });
    const transfer = await flows().create(instanceId, {
      Name: 'Transfer',
      Type: 'QUEUE_TRANSFER',
      Content: content(),
    });
    const number = await services.phoneNumbers.claim({
      InstanceId: instanceId,
      PhoneNumber: '+815012345678',
    });
    await services.phoneNumbers.associateContactFlow(number.PhoneNumberId, {
      InstanceId: instanceId,
      ContactFlowId: f.Arn,
    });
    await store.repos.quickConnects.insert({
      InstanceId: instanceId,
      QuickConnectId: 'qc-1',
      QuickConnectARN: '',
      Name: 'To the callback team',
      QuickConnectConfig: { QuickConnectType: 'FLOW', FlowConfig: { ContactFlowId: transfer.Id } },
      Tags: {},
      LastModifiedTime: 0,
    });
    const template = await services.taskTemplates.create(instanceId, callbackTemplateRequest(f.Id));

    const err = await expectConnectError(
      flows().delete(instanceId, f.Id),
      'ResourceInUseException',
      new RegExp(`phone number ${number.PhoneNumberId}; task template ${template.Id}`),
    );
    expect(err.details).toMatchObject({ resourceType: 'Contact flow', resourceId: f.Id });
    await expectConnectError(
      flows().delete(instanceId, transfer.Id),
      'ResourceInUseException',
      /quick connect qc-1/,
    );
    expect(await names()).toEqual(['Inbound', 'Transfer']);

    await services.phoneNumbers.disassociateContactFlow(number.PhoneNumberId, { InstanceId: instanceId });
    await services.taskTemplates.delete(instanceId, template.Id);
    await store.repos.quickConnects.delete(instanceId, 'qc-1');
    await flows().delete(instanceId, f.Id);
    await flows().delete(instanceId, transfer.Id);
    expect(await names()).toEqual([]);
  });
});
