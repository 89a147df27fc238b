import { expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { ODD, content, sha256 } from './flow-fixtures.js';

describeStores('flow modules', (env) => {
  const flows = () => env().services.flows;
  const names = async () => (await flows().list(env().instanceId)).items.map((f) => f.Name);

  it('keeps flow modules: create, describe, list by state, update content, delete', async () => {
    const { instanceId } = env();
    const m = await flows().createModule(instanceId, {
      Name: 'Collect account',
      Description: 'Asks for the account number',
      Content: ODD,
      Tags: { kind: 'module' },
    });
    expect(m.Arn).toBe(
      `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/flow-module/${m.Id}`,
    );
    expect(await flows().describeModule(instanceId, m.Arn)).toEqual({
      Arn: m.Arn,
      Id: m.Id,
      Name: 'Collect account',
      Content: ODD,
      Description: 'Asks for the account number',
      State: 'ACTIVE',
      Status: 'PUBLISHED',
      Tags: { kind: 'module' },
      FlowModuleContentSha256: sha256(ODD),
      Version: 1,
    });
    await flows().updateModuleContent(instanceId, m.Id, { Content: content() });
    expect(await flows().describeModule(instanceId, m.Id)).toMatchObject({ Content: content(), Version: 2 });
    await expectConnectError(
      flows().updateModuleContent(instanceId, m.Id, { Content: '{"Actions":[]}' }),
      'InvalidContactFlowException',
      /StartAction is missing/,
    );
    await expectConnectError(
      flows().createModule(instanceId, { Name: 'Broken', Content: '{"StartAction":"x","Actions":[]}' }),
      'InvalidContactFlowException',
      /names no action/,
    );
    await expectConnectError(
      flows().createModule(instanceId, { Name: '   ', Content: content() }),
      'InvalidParameterException',
      /Name/,
    );
    await expectConnectError(
      flows().createModule(instanceId, { Name: 'x'.repeat(128), Content: content() }),
      'InvalidParameterException',
      /Name/,
    );
    expect((await flows().listModules(instanceId)).items).toEqual([
      { Id: m.Id, Arn: m.Arn, Name: 'Collect account', State: 'ACTIVE' },
    ]);
    expect((await flows().listModules(instanceId, { ContactFlowModuleState: 'ARCHIVED' })).items).toEqual([]);
    expect(await names()).toEqual([]);
    await flows().deleteModule(instanceId, m.Arn);
    expect((await flows().listModules(instanceId)).items).toEqual([]);
    await expectConnectError(
      flows().deleteModule(instanceId, m.Id),
      'ResourceNotFoundException',
      new RegExp(m.Id),
    );
  });
});

describeStores(
  'flow quotas',
  (env) => {
    const flows = () => env().services.flows;
    const names = async () => (await flows().list(env().instanceId)).items.map((f) => f.Name);

    it('enforces the flow and module quotas separately', async () => {
      const { instanceId } = env();
      const flow = (Name: string) => ({ Name, Type: 'CONTACT_FLOW' as const, Content: content() });
      await flows().create(instanceId, flow('one'));
      await flows().create(instanceId, flow('two'));
      await expectConnectError(
        flows().create(instanceId, flow('three')),
        'LimitExceededException',
        /at most 2 flows/,
      );
      await flows().createModule(instanceId, { Name: 'm1', Content: content() });
      await expectConnectError(
        flows().createModule(instanceId, { Name: 'm2', Content: content() }),
        'LimitExceededException',
        /at most 1 flow modules/,
      );
      expect(await names()).toEqual(['one', 'two']);
      const other = await env().services.instances.create({ InstanceAlias: 'other-center' });
      await flows().create(other.Id, flow('three'));
    });
  },
  { flowsPerInstance: 2, flowModulesPerInstance: 1 },
);
