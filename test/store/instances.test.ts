import { expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';

describeStores('instances', (env) => {
  it('creates, reads, lists, updates attributes and deletes, with everything the instance holds', async () => {
    const { services } = env();
    const created = await services.instances.create({
      InstanceAlias: 'osaka-center',
      OutboundCallsEnabled: false,
    });
    expect(created).toMatchObject({
      InstanceAlias: 'osaka-center',
      InstanceStatus: 'ACTIVE',
      IdentityManagementType: 'CONNECT_MANAGED',
      InboundCallsEnabled: true,
      OutboundCallsEnabled: false,
    });
    expect(created.Arn).toBe(`arn:aws:connect:ap-northeast-1:123456789012:instance/${created.Id}`);
    expect(await services.instances.describe(created.Arn)).toEqual(created);

    const list = await services.instances.list({ MaxResults: 1 });
    expect(list.items).toHaveLength(1);
    const rest = await services.instances.list({ MaxResults: 1, NextToken: list.nextToken });
    expect([...list.items, ...rest.items].map((i) => i.InstanceAlias)).toEqual([
      'test-center',
      'osaka-center',
    ]);

    await services.instances.updateAttribute(created.Id, { AttributeType: 'OUTBOUND_CALLS', Value: 'true' });
    await services.instances.updateAttribute(created.Id, {
      AttributeType: 'CONTACTFLOW_LOGS',
      Value: 'true',
    });
    expect(await services.instances.describeAttribute(created.Id, 'OUTBOUND_CALLS')).toEqual({
      AttributeType: 'OUTBOUND_CALLS',
      Value: 'true',
    });
    expect(await services.instances.describeAttribute(created.Id, 'CONTACTFLOW_LOGS')).toEqual({
      AttributeType: 'CONTACTFLOW_LOGS',
      Value: 'true',
    });
    expect(await services.instances.describeAttribute(created.Id, 'CONTACT_LENS')).toEqual({
      AttributeType: 'CONTACT_LENS',
      Value: 'false',
    });

    const hours = await services.hours.create(created.Id, { Name: 'All day', TimeZone: 'UTC', Config: [] });
    await services.queues.create(created.Id, { Name: 'Q', HoursOfOperationId: hours.HoursOfOperationId });
    await services.instances.delete(created.Id);
    await expectConnectError(
      services.instances.describe(created.Id),
      'ResourceNotFoundException',
      new RegExp(created.Id),
    );
    await expectConnectError(
      services.hours.describe(created.Id, hours.HoursOfOperationId),
      'ResourceNotFoundException',
    );
    expect((await services.instances.list()).items.map((i) => i.InstanceAlias)).toEqual(['test-center']);
  });

  it('refuses bad input naming the field, duplicates, and unknown instances', async () => {
    const { services } = env();
    await expectConnectError(
      services.instances.create({ InstanceAlias: 'd-starts-like-a-directory' }),
      'InvalidParameterException',
      /InstanceAlias/,
    );
    await expectConnectError(
      services.instances.create({ InstanceAlias: 'test-center' }),
      'DuplicateResourceException',
      /test-center/,
    );
    await expectConnectError(
      services.instances.updateAttribute(env().instanceId, { AttributeType: 'NOT_A_THING', Value: 'true' }),
      'InvalidParameterException',
      /AttributeType/,
    );
    await expectConnectError(
      services.instances.updateAttribute(env().instanceId, { AttributeType: 'INBOUND_CALLS', Value: 'yes' }),
      'InvalidParameterException',
      /Value/,
    );
    await expectConnectError(
      services.instances.delete('no-such-instance'),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
    expect((await services.instances.describe(env().instanceId)).InboundCallsEnabled).toBe(true);
  });
});
