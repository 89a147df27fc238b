import { expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { content } from './flow-fixtures.js';

const ACCOUNT = 'arn:aws:connect:ap-northeast-1:123456789012';

describeStores('phone numbers', (env) => {
  const numbers = () => env().services.phoneNumbers;
  const claim = (PhoneNumber: string, InstanceId = env().instanceId) =>
    numbers().claim({ InstanceId, PhoneNumber });
  const listed = async (input: Parameters<ReturnType<typeof numbers>['listV2']>[0] = {}) =>
    (await numbers().listV2(input)).items.map((p) => p.PhoneNumber);
  const inboundFlow = (Name = 'Inbound', Type: 'CONTACT_FLOW' | 'CUSTOMER_QUEUE' = 'CONTACT_FLOW') =>
    env().services.flows.create(env().instanceId, { Name, Type, Content: content() });

  it('claims a number, describes it by id and ARN, updates its description and releases it', async () => {
    const { instanceId, clock } = env();
    const p = await numbers().claim({
      TargetArn: `${ACCOUNT}:instance/${instanceId}`,
      PhoneNumber: '+815012345678',
      PhoneNumberDescription: 'Main line — 代表',
      Tags: { site: 'tokyo' },
    });
    expect(p.PhoneNumberArn).toBe(`${ACCOUNT}:phone-number/${p.PhoneNumberId}`);
    const expected = {
      PhoneNumberId: p.PhoneNumberId,
      PhoneNumberArn: p.PhoneNumberArn,
      PhoneNumber: '+815012345678',
      PhoneNumberCountryCode: 'JP',
      PhoneNumberType: 'DID',
      PhoneNumberDescription: 'Main line — 代表',
      TargetArn: `${ACCOUNT}:instance/${instanceId}`,
      InstanceId: instanceId,
      Tags: { site: 'tokyo' },
      PhoneNumberStatus: { Status: 'CLAIMED' },
      LastModifiedTime: clock.now(),
    };
    expect(await numbers().describe(p.PhoneNumberId)).toEqual(expected);
    expect(await numbers().describe(p.PhoneNumberArn)).toEqual(expected);

    await clock.advance(500);
    await numbers().updateMetadata(p.PhoneNumberArn, { PhoneNumberDescription: 'Support line' });
    expect(await numbers().describe(p.PhoneNumberId)).toEqual({
      ...expected,
      PhoneNumberDescription: 'Support line',
      LastModifiedTime: expected.LastModifiedTime + 500,
    });

    await numbers().release(p.PhoneNumberArn);
    await expectConnectError(
      numbers().describe(p.PhoneNumberId),
      'ResourceNotFoundException',
      new RegExp(p.PhoneNumberId),
    );
    expect(await listed()).toEqual([]);
    // A released number can be claimed again.
    expect((await claim('+815012345678')).PhoneNumber).toBe('+815012345678');
  });

  it('derives country and type from the number', async () => {
    const cases: [string, string, string][] = [
      ['+12065550100', 'US', 'DID'],
      ['+18005550100', 'US', 'TOLL_FREE'],
      ['+81312345678', 'JP', 'DID'],
      ['+81120123456', 'JP', 'TOLL_FREE'],
      ['+442071234567', 'GB', 'DID'],
      ['+331234567890', 'FR', 'DID'],
      ['+4930123456', 'DE', 'DID'],
      ['+61212345678', 'AU', 'DID'],
      ['+74951234567', 'RU', 'DID'],
      ['+77011234567', 'KZ', 'DID'],
      ['+97141234567', 'AE', 'DID'],
      ['+35312345678', 'IE', 'DID'],
      ['+80012345678', 'US', 'UIFN'],
      ['+88212345678', 'US', 'DID'],
    ];
    const other = await env().services.instances.create({ InstanceAlias: 'plan-center' });
    const others = await Promise.all(
      Array.from({ length: 2 }, (_, i) => env().services.instances.create({ InstanceAlias: `plan-${i}` })),
    );
    const targets = [env().instanceId, other.Id, ...others.map((o) => o.Id)];
    for (const [i, [number, country, type]] of cases.entries()) {
      const p = await claim(number, targets[Math.floor(i / 4)]);
      expect([p.PhoneNumber, p.PhoneNumberCountryCode, p.PhoneNumberType]).toEqual([number, country, type]);
    }
  });

  it('refuses a number claimed anywhere, bad input naming the field, and unknown targets', async () => {
    const { instanceId, services } = env();
    const other = await services.instances.create({ InstanceAlias: 'other-center' });
    await claim('+815012345678');
    await expectConnectError(
      claim('+815012345678'),
      'InvalidParameterException',
      /PhoneNumber: \+815012345678 is already claimed/,
    );
    await expectConnectError(
      claim('+815012345678', other.Id),
      'InvalidParameterException',
      /already claimed/,
    );
    expect(await listed({ InstanceId: other.Id })).toEqual([]);

    await expectConnectError(claim('0312345678'), 'InvalidParameterException', /PhoneNumber/);
    await expectConnectError(claim('+0123'), 'InvalidParameterException', /PhoneNumber/);
    await expectConnectError(
      numbers().claim({ PhoneNumber: '+815099999999' }),
      'InvalidParameterException',
      /TargetArn or InstanceId/,
    );
    await expectConnectError(
      numbers().claim({
        TargetArn: `${ACCOUNT}:instance/${instanceId}/queue/q1`,
        PhoneNumber: '+815099999999',
      }),
      'InvalidParameterException',
      /TargetArn: must be the ARN of an instance/,
    );
    await expectConnectError(
      numbers().claim({
        TargetArn: `${ACCOUNT}:instance/${instanceId}`,
        InstanceId: other.Id,
        PhoneNumber: '+815099999999',
      }),
      'InvalidParameterException',
      /TargetArn: names instance/,
    );
    await expectConnectError(
      numbers().claim({
        InstanceId: instanceId,
        PhoneNumber: '+815099999999',
        PhoneNumberDescription: 'x'.repeat(501),
      }),
      'InvalidParameterException',
      /PhoneNumberDescription/,
    );
    await expectConnectError(
      numbers().claim({ InstanceId: instanceId, PhoneNumber: '+815099999999', Tags: { 'aws:x': 'y' } }),
      'InvalidParameterException',
      /Tags/,
    );
    await expectConnectError(
      claim('+815099999999', 'no-such-instance'),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
    await expectConnectError(
      numbers().claim({
        TargetArn: `arn:aws:connect:us-west-2:999999999999:instance/${instanceId}`,
        PhoneNumber: '+815099999999',
      }),
      'ResourceNotFoundException',
      /us-west-2/,
    );
    await expectConnectError(
      numbers().describe('no-such-number'),
      'ResourceNotFoundException',
      /no-such-number/,
    );
    await expectConnectError(
      numbers().release('no-such-number'),
      'ResourceNotFoundException',
      /no-such-number/,
    );
    await expectConnectError(
      numbers().updateMetadata('no-such-number', { PhoneNumberDescription: 'x' }),
      'ResourceNotFoundException',
      /no-such-number/,
    );
    expect(await listed()).toEqual(['+815012345678']);
  });

  it('lists V2 by target, type, country and prefix, in pages; and the legacy list', async () => {
    const { instanceId, services } = env();
    const other = await services.instances.create({ InstanceAlias: 'other-center' });
    await claim('+815012345678');
    await claim('+81120123456');
    await claim('+12065550100');
    await claim('+442071234567', other.Id);

    expect(await listed()).toEqual(['+12065550100', '+442071234567', '+81120123456', '+815012345678']);
    expect(await listed({ InstanceId: instanceId })).toEqual([
      '+12065550100',
      '+81120123456',
      '+815012345678',
    ]);
    expect(await listed({ TargetArn: `${ACCOUNT}:instance/${other.Id}` })).toEqual(['+442071234567']);
    expect(await listed({ PhoneNumberCountryCodes: ['JP', 'GB'] })).toEqual([
      '+442071234567',
      '+81120123456',
      '+815012345678',
    ]);
    expect(await listed({ PhoneNumberTypes: ['TOLL_FREE'] })).toEqual(['+81120123456']);
    expect(await listed({ PhoneNumberPrefix: '+8150' })).toEqual(['+815012345678']);
    expect(await listed({ PhoneNumberPrefix: '81' })).toEqual(['+81120123456', '+815012345678']);

    const page1 = await numbers().listV2({ InstanceId: instanceId, MaxResults: 2 });
    expect(page1.items.map((p) => p.PhoneNumber)).toEqual(['+12065550100', '+81120123456']);
    const page2 = await numbers().listV2({
      InstanceId: instanceId,
      MaxResults: 2,
      NextToken: page1.nextToken,
    });
    expect(page2.items.map((p) => p.PhoneNumber)).toEqual(['+815012345678']);
    expect(page2.nextToken).toBeUndefined();
    await expectConnectError(
      numbers().listV2({ InstanceId: other.Id, NextToken: page1.nextToken }),
      'InvalidParameterException',
      /NextToken/,
    );
    await expectConnectError(
      numbers().listV2({ PhoneNumberPrefix: '+81-50' }),
      'InvalidParameterException',
      /PhoneNumberPrefix/,
    );
    await expectConnectError(
      numbers().listV2({ PhoneNumberCountryCodes: ['jp'] }),
      'InvalidParameterException',
      /PhoneNumberCountryCodes\[0\]/,
    );
    await expectConnectError(
      numbers().listV2({ PhoneNumberTypes: ['MOBILE' as 'DID'] }),
      'InvalidParameterException',
      /PhoneNumberTypes\[0\]/,
    );
    await expectConnectError(
      numbers().listV2({ InstanceId: 'no-such-instance' }),
      'ResourceNotFoundException',
      /no-such-instance/,
    );

    const legacy = await numbers().list(instanceId, { PhoneNumberCountryCodes: ['JP'] });
    const jp = (await numbers().listV2({ PhoneNumberCountryCodes: ['JP'] })).items;
    expect(legacy.items).toEqual(
      jp.map((p) => ({
        Id: p.PhoneNumberId,
        Arn: `${ACCOUNT}:instance/${instanceId}/phone-number/${p.PhoneNumberId}`,
        PhoneNumber: p.PhoneNumber,
        PhoneNumberType: p.PhoneNumberType,
        PhoneNumberCountryCode: 'JP',
      })),
    );
    expect((await numbers().list(other.Id)).items.map((p) => p.PhoneNumber)).toEqual(['+442071234567']);
    await expectConnectError(
      numbers().list('no-such-instance'),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
  });

  it('associates an inbound flow, finds the number with its flow, and disassociates', async () => {
    const { instanceId, services } = env();
    const p = await claim('+815012345678');
    const f = await inboundFlow();
    await numbers().associateContactFlow(p.PhoneNumberArn, { InstanceId: instanceId, ContactFlowId: f.Arn });
    expect((await numbers().describe(p.PhoneNumberId)).ContactFlowId).toBe(f.Id);
    const found = await numbers().findByNumber('+815012345678');
    expect(found?.phoneNumber.PhoneNumberId).toBe(p.PhoneNumberId);
    expect(found?.flow).toMatchObject({ Id: f.Id, Type: 'CONTACT_FLOW', Content: content() });
    expect(await numbers().findByNumber('+815000000000')).toBeUndefined();

    await numbers().disassociateContactFlow(p.PhoneNumberId, { InstanceId: instanceId });
    expect((await numbers().describe(p.PhoneNumberId)).ContactFlowId).toBeUndefined();
    expect(await numbers().findByNumber('+815012345678')).toEqual({
      phoneNumber: await numbers().describe(p.PhoneNumberId),
    });
    await services.flows.delete(instanceId, f.Id);
  });

  it('refuses to associate a missing, non-inbound or archived flow, or a number of another instance', async () => {
    const { instanceId, services } = env();
    const p = await claim('+815012345678');
    const associate = (ContactFlowId: string, InstanceId = instanceId) =>
      numbers().associateContactFlow(p.PhoneNumberId, { InstanceId, ContactFlowId });
    await expectConnectError(associate('missing-flow'), 'ResourceNotFoundException', /missing-flow/);
    const queueFlow = await inboundFlow('Queue music', 'CUSTOMER_QUEUE');
    await expectConnectError(
      associate(queueFlow.Id),
      'InvalidParameterException',
      /ContactFlowId: .*CUSTOMER_QUEUE/,
    );
    const m = await services.flows.createModule(instanceId, { Name: 'Module', Content: content() });
    await expectConnectError(associate(m.Id), 'ResourceNotFoundException', new RegExp(m.Id));
    const archived = await inboundFlow('Old');
    await services.flows.updateMetadata(instanceId, archived.Id, { ContactFlowState: 'ARCHIVED' });
    await expectConnectError(
      associate(archived.Id),
      'InvalidParameterException',
      /ContactFlowId: .*archived/,
    );
    const other = await services.instances.create({ InstanceAlias: 'other-center' });
    const f = await inboundFlow();
    await expectConnectError(
      associate(f.Id, other.Id),
      'ResourceNotFoundException',
      new RegExp(p.PhoneNumberId),
    );
    await expectConnectError(
      numbers().disassociateContactFlow(p.PhoneNumberId, { InstanceId: other.Id }),
      'ResourceNotFoundException',
      new RegExp(p.PhoneNumberId),
    );
    await expectConnectError(
      numbers().associateContactFlow(p.PhoneNumberId, { InstanceId: instanceId, ContactFlowId: '' }),
      'InvalidParameterException',
      /ContactFlowId/,
    );
    expect((await numbers().describe(p.PhoneNumberId)).ContactFlowId).toBeUndefined();
  });

  it('refuses to release a number a queue uses as its outbound caller id', async () => {
    const { instanceId, services } = env();
    const p = await claim('+815012345678');
    const hours = await services.hours.create(instanceId, { Name: 'Always', TimeZone: 'UTC', Config: [] });
    const q = await services.queues.create(instanceId, {
      Name: 'Outbound',
      HoursOfOperationId: hours.HoursOfOperationId,
      OutboundCallerConfig: { OutboundCallerIdNumberId: p.PhoneNumberArn },
    });
    await expectConnectError(
      numbers().release(p.PhoneNumberId),
      'ResourceInUseException',
      new RegExp(`queue ${q.QueueId}`),
    );
    expect(await listed()).toEqual(['+815012345678']);
    await services.queues.delete(instanceId, q.QueueId);
    await numbers().release(p.PhoneNumberId);
    expect(await listed()).toEqual([]);
  });

  it('enforces the per-instance quota', async () => {
    const { limits, services } = env();
    for (let i = 0; i < limits.phoneNumbersPerInstance; i++) await claim(`+8150000000${i}`);
    await expectConnectError(claim('+815099999999'), 'LimitExceededException', /at most 5 phone numbers/);
    expect(await listed({ PhoneNumberPrefix: '+815099' })).toEqual([]);
    const other = await services.instances.create({ InstanceAlias: 'other-center' });
    await claim('+815099999999', other.Id);
  });
});
