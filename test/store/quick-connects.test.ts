import { expect, it } from 'vitest';
import type { Services } from '../../src/app/services.js';
import { describeStores, type TestEnv } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';
import { PASSWORD } from '../support/users.js';
import { content } from './flow-fixtures.js';

type CreateInput = Parameters<Services['quickConnects']['create']>[1];
type Config = CreateInput['QuickConnectConfig'];

/** What quick connects point at: a queue, a user (with its routing profile) and a flow of each type. */
async function world(env: TestEnv) {
  const { services, instanceId } = env;
  const h = await services.hours.create(instanceId, {
    Name: 'Office hours',
    TimeZone: 'Asia/Tokyo',
    Config: [],
  });
  const queue = await services.queues.create(instanceId, {
    Name: 'CallbackQueue',
    HoursOfOperationId: h.HoursOfOperationId,
  });
  const rp = await services.routingProfiles.create(instanceId, {
    Name: 'Agents',
    Description: 'Agents',
    DefaultOutboundQueueId: queue.QueueId,
    MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }],
  });
  const sp = await services.securityProfiles.create(instanceId, {
    SecurityProfileName: 'Agents',
    Permissions: ['BasicAgentAccess'],
  });
  const user = await services.users.create(instanceId, {
    Username: 'yamada',
    Password: PASSWORD,
    SecurityProfileIds: [sp.Id],
    RoutingProfileId: rp.RoutingProfileId,
  });
  const flow = async (Name: string, Type: 'AGENT_TRANSFER' | 'QUEUE_TRANSFER' | 'CONTACT_FLOW') =>
    services.flows.create(instanceId, { Name, Type, Content: content(Name) });
  return {
    queue,
    user,
    agentTransfer: await flow('To agent', 'AGENT_TRANSFER'),
    queueTransfer: await flow('To queue', 'QUEUE_TRANSFER'),
    inbound: await flow('Inbound', 'CONTACT_FLOW'),
  };
}

describeStores('quick connects', (env) => {
  const qcs = () => env().services.quickConnects;

  it('creates each type, reads, lists and deletes, keeping ids where ARNs were given', async () => {
    const { services, instanceId } = env();
    const w = await world(env());
    const toAgent = await qcs().create(instanceId, {
      Name: 'Yamada',
      Description: 'Straight to Yamada',
      QuickConnectConfig: {
        QuickConnectType: 'USER',
        UserConfig: { UserId: w.user.Arn, ContactFlowId: w.agentTransfer.Arn },
      },
      Tags: { team: 'callbacks' },
    });
    expect(toAgent.QuickConnectARN).toBe(
      `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/transfer-destination/${toAgent.QuickConnectId}`,
    );
    expect(toAgent).toMatchObject({
      Name: 'Yamada',
      Description: 'Straight to Yamada',
      QuickConnectConfig: {
        QuickConnectType: 'USER',
        UserConfig: { UserId: w.user.Id, ContactFlowId: w.agentTransfer.Id },
      },
      Tags: { team: 'callbacks' },
      LastModifiedTime: env().clock.now(),
    });
    expect(await qcs().describe(instanceId, toAgent.QuickConnectARN)).toEqual(toAgent);

    const configs: Record<string, Config> = {
      Callbacks: {
        QuickConnectType: 'QUEUE',
        QueueConfig: { QueueId: w.queue.QueueArn, ContactFlowId: w.queueTransfer.Id },
      },
      Supervisor: { QuickConnectType: 'PHONE_NUMBER', PhoneConfig: { PhoneNumber: '+815012345678' } },
      Survey: { QuickConnectType: 'FLOW', FlowConfig: { ContactFlowId: w.inbound.Arn } },
    };
    const made = [toAgent];
    for (const [Name, QuickConnectConfig] of Object.entries(configs))
      made.push(await qcs().create(instanceId, { Name, QuickConnectConfig }));
    expect(made.map((qc) => qc.QuickConnectConfig)).toEqual([
      toAgent.QuickConnectConfig,
      {
        QuickConnectType: 'QUEUE',
        QueueConfig: { QueueId: w.queue.QueueId, ContactFlowId: w.queueTransfer.Id },
      },
      { QuickConnectType: 'PHONE_NUMBER', PhoneConfig: { PhoneNumber: '+815012345678' } },
      { QuickConnectType: 'FLOW', FlowConfig: { ContactFlowId: w.inbound.Id } },
    ]);
    for (const qc of made) expect(await qcs().describe(instanceId, qc.QuickConnectId)).toEqual(qc);

    const page1 = await qcs().list(instanceId, { MaxResults: 3 });
    expect(page1.items.map((s) => s.Name)).toEqual(['Callbacks', 'Supervisor', 'Survey']);
    expect(page1.items[0]).toEqual({
      Id: made[1]?.QuickConnectId,
      Arn: made[1]?.QuickConnectARN,
      Name: 'Callbacks',
      QuickConnectType: 'QUEUE',
      LastModifiedTime: made[1]?.LastModifiedTime,
    });
    const page2 = await qcs().list(instanceId, { MaxResults: 3, NextToken: page1.nextToken });
    expect(page2.items.map((s) => s.Name)).toEqual(['Yamada']);
    expect(page2.nextToken).toBeUndefined();
    const filtered = await qcs().list(instanceId, { QuickConnectTypes: ['USER', 'QUEUE'] });
    expect(filtered.items.map((s) => `${s.Name}:${s.QuickConnectType}`)).toEqual([
      'Callbacks:QUEUE',
      'Yamada:USER',
    ]);
    await expectConnectError(
      qcs().list(instanceId, { QuickConnectTypes: ['USER'], NextToken: page1.nextToken }),
      'InvalidParameterException',
      /NextToken/,
    );

    // What points at the user and the queue keeps them; deleting the quick connect leaves its queues.
    await services.queues.associateQuickConnects(instanceId, w.queue.QueueId, {
      QuickConnectIds: made.map((qc) => qc.QuickConnectId),
    });
    await expectConnectError(services.users.delete(instanceId, w.user.Id), 'ResourceInUseException');
    await expectConnectError(services.queues.delete(instanceId, w.queue.QueueId), 'ResourceInUseException');
    await qcs().delete(instanceId, toAgent.QuickConnectARN);
    await expectConnectError(
      qcs().describe(instanceId, toAgent.QuickConnectId),
      'ResourceNotFoundException',
      new RegExp(toAgent.QuickConnectId),
    );
    const onQueue = await services.queues.listQuickConnects(instanceId, w.queue.QueueId);
    expect(onQueue.items.map((qc) => qc.Name)).toEqual(['Callbacks', 'Supervisor', 'Survey']);
    await services.users.delete(instanceId, w.user.Id);
    await expectConnectError(
      qcs().delete(instanceId, toAgent.QuickConnectId),
      'ResourceNotFoundException',
      new RegExp(toAgent.QuickConnectId),
    );
  });

  it('wants exactly the config of its type, and what it names, naming the field', async () => {
    const { instanceId } = env();
    const w = await world(env());
    const userConfig = { UserId: w.user.Id, ContactFlowId: w.agentTransfer.Id };
    const agentQueue = (await env().services.queues.list(instanceId, { QueueTypes: ['AGENT'] })).items[0];
    const module = await env().services.flows.createModule(instanceId, {
      Name: 'Helper',
      Content: content('m'),
    });
    const cases: [Config, string, RegExp][] = [
      [
        { QuickConnectType: 'USER' },
        'InvalidParameterException',
        /QuickConnectConfig\.UserConfig: is required for QuickConnectType USER/,
      ],
      [
        { QuickConnectType: 'USER', UserConfig: userConfig, FlowConfig: { ContactFlowId: w.inbound.Id } },
        'InvalidParameterException',
        /QuickConnectConfig\.FlowConfig: is not allowed for QuickConnectType USER/,
      ],
      [
        { QuickConnectType: 'QUEUE', UserConfig: userConfig },
        'InvalidParameterException',
        /QuickConnectConfig\.UserConfig: is not allowed for QuickConnectType QUEUE/,
      ],
      [
        { QuickConnectType: 'PHONE_NUMBER', PhoneConfig: { PhoneNumber: '0312345678' } },
        'InvalidParameterException',
        /QuickConnectConfig\.PhoneConfig\.PhoneNumber/,
      ],
      [
        { QuickConnectType: 'EMAIL' as 'USER' },
        'InvalidParameterException',
        /QuickConnectConfig\.QuickConnectType/,
      ],
      [
        { QuickConnectType: 'USER', UserConfig: { UserId: w.user.Id, ContactFlowId: '' } },
        'InvalidParameterException',
        /QuickConnectConfig\.UserConfig\.ContactFlowId/,
      ],
      [
        { QuickConnectType: 'USER', UserConfig: { ...userConfig, UserId: 'no-such-user' } },
        'ResourceNotFoundException',
        /no-such-user/,
      ],
      [
        { QuickConnectType: 'USER', UserConfig: { ...userConfig, ContactFlowId: 'no-such-flow' } },
        'ResourceNotFoundException',
        /no-such-flow/,
      ],
      [
        { QuickConnectType: 'USER', UserConfig: { ...userConfig, ContactFlowId: w.queueTransfer.Id } },
        'InvalidParameterException',
        /QuickConnectConfig\.UserConfig\.ContactFlowId: flow .* is of type QUEUE_TRANSFER; a USER quick connect needs a flow of type AGENT_TRANSFER/,
      ],
      [
        {
          QuickConnectType: 'QUEUE',
          QueueConfig: { QueueId: 'no-such-queue', ContactFlowId: w.queueTransfer.Id },
        },
        'ResourceNotFoundException',
        /no-such-queue/,
      ],
      [
        { QuickConnectType: 'QUEUE', QueueConfig: { QueueId: w.queue.QueueId, ContactFlowId: w.inbound.Id } },
        'InvalidParameterException',
        /QuickConnectConfig\.QueueConfig\.ContactFlowId: flow .* is of type CONTACT_FLOW; .* QUEUE_TRANSFER/,
      ],
      [
        {
          QuickConnectType: 'QUEUE',
          QueueConfig: { QueueId: agentQueue?.QueueId ?? '', ContactFlowId: w.queueTransfer.Id },
        },
        'InvalidParameterException',
        /QuickConnectConfig\.QueueConfig\.QueueId: queue .* is an agent queue/,
      ],
      [
        { QuickConnectType: 'FLOW', FlowConfig: { ContactFlowId: w.agentTransfer.Id } },
        'InvalidParameterException',
        /QuickConnectConfig\.FlowConfig\.ContactFlowId: flow .* is of type AGENT_TRANSFER; .* CONTACT_FLOW/,
      ],
      [
        { QuickConnectType: 'FLOW', FlowConfig: { ContactFlowId: module.Id } },
        'InvalidParameterException',
        /ContactFlowId: flow .* is of type MODULE/,
      ],
    ];
    for (const [QuickConnectConfig, code, message] of cases)
      await expectConnectError(
        qcs().create(instanceId, { Name: 'Transfer', QuickConnectConfig }),
        code as 'InvalidParameterException',
        message,
      );
    const phone: Config = { QuickConnectType: 'PHONE_NUMBER', PhoneConfig: { PhoneNumber: '+815012345678' } };
    for (const [input, message] of [
      [{ Name: '', QuickConnectConfig: phone }, /Name/],
      [{ Name: 'x'.repeat(128), QuickConnectConfig: phone }, /Name/],
      [{ Name: 'Transfer', Description: '', QuickConnectConfig: phone }, /Description/],
      [{ Name: 'Transfer', Description: 'x'.repeat(251), QuickConnectConfig: phone }, /Description/],
    ] as const)
      await expectConnectError(qcs().create(instanceId, input), 'InvalidParameterException', message);
    await expectConnectError(
      qcs().create('no-such-instance', { Name: 'Transfer', QuickConnectConfig: phone }),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
    expect((await qcs().list(instanceId)).items).toEqual([]);
    await qcs().create(instanceId, { Name: 'Transfer', QuickConnectConfig: phone });
    await expectConnectError(
      qcs().create(instanceId, { Name: 'Transfer', QuickConnectConfig: phone }),
      'DuplicateResourceException',
      /Transfer/,
    );
    expect((await qcs().list(instanceId)).items.map((s) => s.Name)).toEqual(['Transfer']);
  });

  it('updates config and name, refusing what it would refuse at creation without changing anything', async () => {
    const { instanceId } = env();
    const w = await world(env());
    const qc = await qcs().create(instanceId, {
      Name: 'Yamada',
      Description: 'Straight to Yamada',
      QuickConnectConfig: {
        QuickConnectType: 'USER',
        UserConfig: { UserId: w.user.Id, ContactFlowId: w.agentTransfer.Id },
      },
    });
    await qcs().create(instanceId, {
      Name: 'Supervisor',
      QuickConnectConfig: { QuickConnectType: 'PHONE_NUMBER', PhoneConfig: { PhoneNumber: '+815012345678' } },
    });
    const id = qc.QuickConnectId;
    await expectConnectError(
      qcs().updateConfig(instanceId, id, {
        QuickConnectConfig: {
          QuickConnectType: 'QUEUE',
          QueueConfig: { QueueId: w.queue.QueueId, ContactFlowId: w.agentTransfer.Id },
        },
      }),
      'InvalidParameterException',
      /QuickConnectConfig\.QueueConfig\.ContactFlowId: flow .* is of type AGENT_TRANSFER/,
    );
    await expectConnectError(
      qcs().updateConfig(instanceId, id, { QuickConnectConfig: { QuickConnectType: 'FLOW' } }),
      'InvalidParameterException',
      /QuickConnectConfig\.FlowConfig: is required/,
    );
    await expectConnectError(
      qcs().updateConfig(instanceId, id, { QuickConnectConfig: undefined }),
      'InvalidParameterException',
      /QuickConnectConfig/,
    );
    await expectConnectError(
      qcs().updateName(instanceId, id, { Name: 'Supervisor' }),
      'DuplicateResourceException',
      /Supervisor/,
    );
    await expectConnectError(
      qcs().updateName(instanceId, id, { Name: '' }),
      'InvalidParameterException',
      /Name/,
    );
    await expectConnectError(
      qcs().updateName(instanceId, 'no-such-qc', { Name: 'X' }),
      'ResourceNotFoundException',
      /no-such-qc/,
    );
    expect(await qcs().describe(instanceId, id)).toEqual(qc);

    await env().clock.advance(1000);
    const retyped = await qcs().updateConfig(instanceId, qc.QuickConnectARN, {
      QuickConnectConfig: {
        QuickConnectType: 'QUEUE',
        QueueConfig: { QueueId: w.queue.QueueId, ContactFlowId: w.queueTransfer.Id },
      },
    });
    expect(retyped.QuickConnectConfig).toEqual({
      QuickConnectType: 'QUEUE',
      QueueConfig: { QueueId: w.queue.QueueId, ContactFlowId: w.queueTransfer.Id },
    });
    expect(retyped.LastModifiedTime).toBe(qc.LastModifiedTime + 1000);
    expect(await qcs().describe(instanceId, id)).toEqual(retyped);
    // No longer pointing at the user, the quick connect does not keep it.
    await env().services.users.delete(instanceId, w.user.Id);

    const renamed = await qcs().updateName(instanceId, id, { Name: 'Callbacks' });
    expect(renamed).toMatchObject({ Name: 'Callbacks', Description: 'Straight to Yamada' });
    const bare = await qcs().updateName(instanceId, id, { Description: '' });
    expect(bare.Description).toBeUndefined();
    expect(await qcs().describe(instanceId, id)).toEqual(bare);
    expect((await qcs().list(instanceId, { QuickConnectTypes: ['QUEUE'] })).items.map((s) => s.Name)).toEqual(
      ['Callbacks'],
    );
  });
});

describeStores(
  'quick connect quota',
  (env) => {
    it('enforces quick connects per instance', async () => {
      const { services, instanceId, limits } = env();
      expect(limits.quickConnectsPerInstance).toBe(2);
      const phone = (PhoneNumber: string): Config => ({
        QuickConnectType: 'PHONE_NUMBER',
        PhoneConfig: { PhoneNumber },
      });
      await services.quickConnects.create(instanceId, {
        Name: 'A',
        QuickConnectConfig: phone('+815012345671'),
      });
      await services.quickConnects.create(instanceId, {
        Name: 'B',
        QuickConnectConfig: phone('+815012345672'),
      });
      await expectConnectError(
        services.quickConnects.create(instanceId, { Name: 'C', QuickConnectConfig: phone('+815012345673') }),
        'LimitExceededException',
        /at most 2 quick connects/,
      );
      expect((await services.quickConnects.list(instanceId)).items.map((s) => s.Name)).toEqual(['A', 'B']);
    });
  },
  { quickConnectsPerInstance: 2 },
);
