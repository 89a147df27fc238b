import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../../src/store/kysely/schema.js';
import type { Store } from '../../src/store/ports/index.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { CALLBACK_DESCRIPTION, callbackTemplateRequest } from '../tasks/callback-template.js';

const ref = (Name: string) => ({ Id: { Name } });

/** A flow row, written straight to the table (the flow service is another piece's). */
async function addFlow(env: TestEnv, name: string, type = 'CONTACT_FLOW'): Promise<string> {
  const { db } = env.store as Store & { db: Kysely<Database> };
  const id = `flow-${name}`;
  await db
    .insertInto('flows')
    .values({
      id,
      instance_id: env.instanceId,
      name,
      type,
      description: null,
      content: '{"Version":"2019-10-30","StartAction":"a","Actions":[]}',
      content_sha256: '',
      status: 'PUBLISHED',
      state: 'ACTIVE',
      version: 1,
      tags_json: '{}',
      last_modified_time: 0,
    })
    .execute();
  return id;
}

/** The PropertyList of a refused call, as [path, reason] pairs. */
async function refusedProperties(promise: Promise<unknown>, message?: RegExp) {
  const err = await expectConnectError(promise, 'PropertyValidationException', message);
  return (err.details.propertyList ?? []).map((p) => [p.PropertyPath, p.Reason]);
}

describeStores('task templates', (env) => {
  const templates = () => env().services.taskTemplates;
  const listNames = async () => (await templates().list(env().instanceId)).items.map((t) => t.Name);

  it('creates the scenario template and reads it back (rule T3)', async () => {
    const { instanceId } = env();
    const f3 = await addFlow(env(), 'Task flow F3');
    const t = await templates().create(instanceId, callbackTemplateRequest(f3));
    expect(t.Arn).toBe(
      `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/task-template/${t.Id}`,
    );
    expect(t).toMatchObject({
      Name: 'Callback request',
      ContactFlowId: f3,
      Status: 'ACTIVE',
      Version: 1,
      Fields: [
        { Id: { Name: 'Task name' }, Type: 'NAME' },
        { Id: { Name: 'Description' }, Type: 'DESCRIPTION' },
        { Id: { Name: 'PhoneNumber' }, Type: 'TEXT', Description: "The caller's phone number" },
      ],
      Constraints: {
        RequiredFields: [ref('Task name')],
        ReadOnlyFields: [ref('Description')],
        InvisibleFields: [],
      },
      Defaults: { DefaultFieldValues: [{ Id: { Name: 'Description' }, DefaultValue: CALLBACK_DESCRIPTION }] },
    });
    expect(await templates().get(instanceId, t.Id)).toEqual(t);
    expect(await templates().get(instanceId, t.Arn)).toEqual(t);
    expect((await templates().list(instanceId)).items).toEqual([
      {
        Id: t.Id,
        Arn: t.Arn,
        Name: 'Callback request',
        Description: 'A caller waiting in queue asked for a callback',
        Status: 'ACTIVE',
        CreatedTime: t.CreatedTime,
        LastModifiedTime: t.CreatedTime,
      },
    ]);
    // The flow service will refuse to delete F3 while the template uses it.
    expect(await env().store.repos.taskTemplates.usingFlow(instanceId, f3)).toEqual([t.Id]);
  });

  it('refuses a read-only field that is still required, naming it, and stores nothing (rule T5)', async () => {
    const { instanceId } = env();
    const req = callbackTemplateRequest(await addFlow(env(), 'F3'));
    const err = await expectConnectError(
      templates().create(instanceId, {
        ...req,
        Constraints: { ...req.Constraints, RequiredFields: [ref('Task name'), ref('Description')] },
      }),
      'PropertyValidationException',
      /field 'Description' is read-only and required: a read-only field cannot be required/,
    );
    expect(err.details.propertyList).toEqual([
      {
        PropertyPath: 'Constraints.ReadOnlyFields[0]',
        Reason: 'NOT_SUPPORTED',
        Message: expect.stringMatching(/'Description'.*the agent could never fill it in/) as string,
      },
    ]);
    expect(await listNames()).toEqual([]);
  });

  it('reports every broken rule in one PropertyValidationException, and stores nothing', async () => {
    const { instanceId } = env();
    const queueFlow = await addFlow(env(), 'Queue music', 'CUSTOMER_QUEUE');
    const list = await refusedProperties(
      templates().create(instanceId, {
        Name: 'Broken',
        ContactFlowId: queueFlow,
        SelfAssignFlowId: 'flow-missing',
        Fields: [
          { Id: { Name: 'Title' }, Type: 'NAME' },
          { Id: { Name: 'Title' }, Type: 'TEXT' },
          { Id: { Name: 'Colour' }, Type: 'SINGLE_SELECT', SingleSelectOptions: ['Red', 'Blue'] },
          { Id: { Name: 'Count' }, Type: 'NUMBER' },
        ],
        Constraints: {
          RequiredFields: [ref('Colour')],
          ReadOnlyFields: [ref('Count')],
          InvisibleFields: [ref('Count'), ref('Size')],
        },
        Defaults: {
          DefaultFieldValues: [
            { Id: { Name: 'Colour' }, DefaultValue: 'Green' },
            { Id: { Name: 'Count' }, DefaultValue: 'three' },
          ],
        },
      }),
      /field name 'Title' is used by two fields/,
    );
    expect(list).toEqual([
      ['Fields[1].Id.Name', 'UNIQUE_CONSTRAINT_VIOLATED'],
      ['Constraints.InvisibleFields[1].Id.Name', 'REFERENCED_RESOURCE_NOT_FOUND'],
      ['Constraints.RequiredFields', 'REQUIRED_PROPERTY_MISSING'],
      ['Constraints.InvisibleFields[0]', 'NOT_SUPPORTED'],
      ['Defaults.DefaultFieldValues[0].DefaultValue', 'TYPE_MISMATCH'],
      ['Defaults.DefaultFieldValues[1].DefaultValue', 'TYPE_MISMATCH'],
      ['ContactFlowId', 'TYPE_MISMATCH'],
      ['SelfAssignFlowId', 'REFERENCED_RESOURCE_NOT_FOUND'],
    ]);
    expect(await listNames()).toEqual([]);
  });

  it('refuses references to missing flows and quick connects, and needs a flow or a QUICK_CONNECT field', async () => {
    const { instanceId, store } = env();
    const req = callbackTemplateRequest('no-such-flow');
    expect(
      await refusedProperties(templates().create(instanceId, req), /flow no-such-flow does not exist/),
    ).toEqual([['ContactFlowId', 'REFERENCED_RESOURCE_NOT_FOUND']]);
    const { ContactFlowId: _none, ...noFlow } = req;
    expect(await refusedProperties(templates().create(instanceId, noFlow))).toEqual([
      ['ContactFlowId', 'REQUIRED_PROPERTY_MISSING'],
    ]);
    const withQuickConnect = (DefaultValue: string) => ({
      ...noFlow,
      Fields: [...noFlow.Fields, { Id: { Name: 'Send to' }, Type: 'QUICK_CONNECT' as const }],
      Defaults: { DefaultFieldValues: [{ Id: { Name: 'Send to' }, DefaultValue }] },
    });
    expect(
      await refusedProperties(templates().create(instanceId, withQuickConnect('qc-missing')), /qc-missing/),
    ).toEqual([['Defaults.DefaultFieldValues[0].DefaultValue', 'REFERENCED_RESOURCE_NOT_FOUND']]);
    expect(await listNames()).toEqual([]);

    await store.repos.quickConnects.insert({
      InstanceId: instanceId,
      QuickConnectId: 'qc-1',
      QuickConnectARN: '',
      Name: 'Supervisor line',
      QuickConnectConfig: { QuickConnectType: 'PHONE_NUMBER', PhoneConfig: { PhoneNumber: '+815012345678' } },
      Tags: {},
      LastModifiedTime: 0,
    });
    const t = await templates().create(instanceId, withQuickConnect('qc-1'));
    expect(t.ContactFlowId).toBeUndefined();
    // An ARN names the flow as well as its id; the template keeps the id.
    const f3 = await addFlow(env(), 'F3');
    const byArn = await templates().create(instanceId, {
      ...callbackTemplateRequest(
        `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/contact-flow/${f3}`,
      ),
      Name: 'By ARN',
    });
    expect(byArn.ContactFlowId).toBe(f3);
  });

  it('keeps template names unique in the instance', async () => {
    const { instanceId } = env();
    const req = callbackTemplateRequest(await addFlow(env(), 'F3'));
    await templates().create(instanceId, req);
    expect(
      await refusedProperties(templates().create(instanceId, req), /named 'Callback request' already exists/),
    ).toEqual([['Name', 'RESOURCE_NAME_ALREADY_EXISTS']]);
    expect(await listNames()).toEqual(['Callback request']);

    // Two requests at once, however they interleave: one wins, the other gets the same error.
    const racing = await Promise.allSettled([
      templates().create(instanceId, { ...req, Name: 'Raced' }),
      templates().create(instanceId, { ...req, Name: 'Raced' }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = racing.find((r) => r.status === 'rejected');
    expect(lost?.reason).toMatchObject({
      code: 'PropertyValidationException',
      details: { propertyList: [expect.objectContaining({ Reason: 'RESOURCE_NAME_ALREADY_EXISTS' })] },
    });
    expect(await listNames()).toEqual(['Callback request', 'Raced']);
  });

  it('creates INACTIVE templates and filters and pages the list', async () => {
    const { instanceId } = env();
    const req = callbackTemplateRequest(await addFlow(env(), 'F3'));
    await templates().create(instanceId, req);
    const off = await templates().create(instanceId, {
      ...req,
      Name: 'Archived callbacks',
      Status: 'INACTIVE',
    });
    expect(off.Status).toBe('INACTIVE');
    await templates().create(instanceId, { ...req, Name: 'Billing follow-up' });

    const inactive = await templates().list(instanceId, { Status: 'INACTIVE' });
    expect(inactive.items.map((t) => [t.Name, t.Status])).toEqual([['Archived callbacks', 'INACTIVE']]);
    const active = await templates().list(instanceId, { Status: 'ACTIVE' });
    expect(active.items.map((t) => t.Name)).toEqual(['Billing follow-up', 'Callback request']);
    expect(
      (await templates().list(instanceId, { Name: 'Callback request' })).items.map((t) => t.Name),
    ).toEqual(['Callback request']);
    expect((await templates().list(instanceId, { Name: 'Callback', Status: 'ACTIVE' })).items).toEqual([]);

    const page1 = await templates().list(instanceId, { MaxResults: 2 });
    expect(page1.items.map((t) => t.Name)).toEqual(['Archived callbacks', 'Billing follow-up']);
    const page2 = await templates().list(instanceId, { MaxResults: 2, NextToken: page1.nextToken });
    expect(page2.items.map((t) => t.Name)).toEqual(['Callback request']);
    expect(page2.nextToken).toBeUndefined();
    await expectConnectError(
      templates().list(instanceId, { Status: 'ACTIVE', NextToken: page1.nextToken }),
      'InvalidParameterException',
      /NextToken/,
    );
  });

  it('replaces the whole template on update and keeps every version', async () => {
    const { instanceId, clock } = env();
    const f3 = await addFlow(env(), 'F3');
    const v1 = await templates().create(instanceId, callbackTemplateRequest(f3));
    await clock.advance(60_000);
    const v2 = await templates().update(instanceId, v1.Arn, {
      ContactFlowId: f3,
      Status: 'INACTIVE',
      Fields: [{ Id: { Name: 'Task name' }, Type: 'NAME' }],
      Constraints: { RequiredFields: [ref('Task name')] },
    });
    expect(v2).toEqual({
      ...v1,
      Description: undefined,
      Status: 'INACTIVE',
      Fields: [{ Id: { Name: 'Task name' }, Type: 'NAME' }],
      Constraints: { RequiredFields: [ref('Task name')], ReadOnlyFields: [], InvisibleFields: [] },
      Defaults: { DefaultFieldValues: [] },
      Version: 2,
      LastModifiedTime: v1.CreatedTime + 60_000,
    });
    expect(v2).not.toHaveProperty('Description');
    expect(await templates().get(instanceId, v1.Id)).toEqual(v2);
    expect(await templates().get(instanceId, v1.Id, { SnapshotVersion: '1' })).toEqual(v1);
    expect(await templates().get(instanceId, v1.Id, { SnapshotVersion: '2' })).toEqual(v2);
    for (const SnapshotVersion of ['3', '0', 'latest'])
      await expectConnectError(
        templates().get(instanceId, v1.Id, { SnapshotVersion }),
        'ResourceNotFoundException',
        new RegExp(`${v1.Id} has no version '${SnapshotVersion}'`),
      );
  });

  it('refuses a bad update, naming the problem, and keeps the template as it was', async () => {
    const { instanceId } = env();
    const req = callbackTemplateRequest(await addFlow(env(), 'F3'));
    const t = await templates().create(instanceId, req);
    await templates().create(instanceId, { ...req, Name: 'Other' });
    const t5 = {
      ...req,
      Constraints: { ...req.Constraints, RequiredFields: [ref('Task name'), ref('Description')] },
    };
    expect(
      await refusedProperties(
        templates().update(instanceId, t.Id, { ...t5, Status: 'ACTIVE' }),
        /'Description'/,
      ),
    ).toEqual([['Constraints.ReadOnlyFields[0]', 'NOT_SUPPORTED']]);
    expect(await refusedProperties(templates().update(instanceId, t.Id, req), /Status/)).toEqual([
      ['Status', 'REQUIRED_PROPERTY_MISSING'],
    ]);
    expect(
      await refusedProperties(
        templates().update(instanceId, t.Id, { ...req, Name: 'Other', Status: 'ACTIVE' }),
      ),
    ).toEqual([['Name', 'RESOURCE_NAME_ALREADY_EXISTS']]);
    expect(await templates().get(instanceId, t.Id)).toEqual(t);
    await expectConnectError(
      templates().get(instanceId, t.Id, { SnapshotVersion: '2' }),
      'ResourceNotFoundException',
    );
    await expectConnectError(
      templates().update(instanceId, 'no-such-template', { ...req, Status: 'ACTIVE' }),
      'ResourceNotFoundException',
      /no-such-template/,
    );
  });

  it('deletes a template with its versions', async () => {
    const { instanceId, store } = env();
    const f3 = await addFlow(env(), 'F3');
    const t = await templates().create(instanceId, callbackTemplateRequest(f3));
    await templates().update(instanceId, t.Id, { ...callbackTemplateRequest(f3), Status: 'ACTIVE' });
    await templates().delete(instanceId, t.Arn);
    await expectConnectError(
      templates().get(instanceId, t.Id),
      'ResourceNotFoundException',
      new RegExp(t.Id),
    );
    expect(await store.repos.taskTemplates.getVersion(instanceId, t.Id, 1)).toBeUndefined();
    expect(await listNames()).toEqual([]);
    await expectConnectError(
      templates().delete(instanceId, t.Id),
      'ResourceNotFoundException',
      new RegExp(t.Id),
    );
    // The name is free again.
    expect((await templates().create(instanceId, callbackTemplateRequest(f3))).Version).toBe(1);
  });

  it('refuses malformed requests as InvalidParameterException naming the field', async () => {
    const { instanceId } = env();
    const req = callbackTemplateRequest(await addFlow(env(), 'F3'));
    const cases: [unknown, RegExp][] = [
      [{ ...req, Name: 'x'.repeat(101) }, /Name/],
      [{ ...req, Fields: [...req.Fields, { Id: { Name: 'C' }, Type: 'COLOUR' }] }, /Fields\[3\]\.Type/],
      [{ ...req, Fields: [{ Id: { Name: '' }, Type: 'NAME' }] }, /Fields\[0\]\.Id\.Name/],
      [{ ...req, Status: 'PAUSED' }, /Status/],
      [
        { ...req, Defaults: { DefaultFieldValues: [{ Id: { Name: 'Description' } }] } },
        /DefaultValue is required/,
      ],
    ];
    for (const [input, field] of cases)
      await expectConnectError(
        templates().create(instanceId, input as Parameters<ReturnType<typeof templates>['create']>[1]),
        'InvalidParameterException',
        field,
      );
    await expectConnectError(
      templates().create('no-such-instance', req),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
    expect(await listNames()).toEqual([]);
  });
});

describeStores(
  'task template quotas',
  (env) => {
    it('refuses templates and fields over the quotas with ServiceQuotaExceededException', async () => {
      const { services, instanceId } = env();
      const req = callbackTemplateRequest(await addFlow(env(), 'F3'));
      const tooManyFields = {
        ...req,
        Fields: [
          ...req.Fields,
          { Id: { Name: 'A' }, Type: 'TEXT' as const },
          { Id: { Name: 'B' }, Type: 'URL' as const },
        ],
      };
      const err = await expectConnectError(
        services.taskTemplates.create(instanceId, tooManyFields),
        'ServiceQuotaExceededException',
        /at most 4 fields/,
      );
      expect(err.details.reason).toEqual({ TaskTemplateQuota: 'FIELDS_PER_TASK_TEMPLATE' });
      const t = await services.taskTemplates.create(instanceId, {
        ...tooManyFields,
        Fields: tooManyFields.Fields.slice(0, 4),
      });
      await expectConnectError(
        services.taskTemplates.update(instanceId, t.Id, { ...tooManyFields, Status: 'ACTIVE' }),
        'ServiceQuotaExceededException',
        /at most 4 fields/,
      );

      await services.taskTemplates.create(instanceId, { ...req, Name: 'Second' });
      const full = await expectConnectError(
        services.taskTemplates.create(instanceId, { ...req, Name: 'Third' }),
        'ServiceQuotaExceededException',
        /at most 2 task templates/,
      );
      expect(full.details.reason).toEqual({ TaskTemplateQuota: 'TASK_TEMPLATES_PER_INSTANCE' });
      expect((await services.taskTemplates.list(instanceId)).items.map((x) => x.Name)).toEqual([
        'Callback request',
        'Second',
      ]);
    });
  },
  { taskTemplatesPerInstance: 2, fieldsPerTaskTemplate: 4 },
);
