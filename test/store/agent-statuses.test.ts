import { expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';

describeStores('agent statuses', (env) => {
  const statuses = () => env().services.agentStatuses;
  const names = async (input: Parameters<ReturnType<typeof statuses>['list']>[1] = {}) =>
    (await statuses().list(env().instanceId, input)).items.map((s) => `${s.Name}:${s.Type}`);

  it('gives every instance Available and Offline, once', async () => {
    const { instanceId } = env();
    const [available, offline] = await statuses().ensureDefaults(instanceId);
    expect(available).toMatchObject({ Name: 'Available', Type: 'ROUTABLE', State: 'ENABLED', Tags: {} });
    expect(offline).toMatchObject({ Name: 'Offline', Type: 'OFFLINE', State: 'ENABLED', Tags: {} });
    expect(await statuses().describe(instanceId, available?.AgentStatusId ?? '')).toEqual(available);

    expect(await statuses().ensureDefaults(instanceId)).toEqual([available, offline]);
    const racing = await Promise.all([
      statuses().ensureDefaults(instanceId),
      statuses().ensureDefaults(instanceId),
    ]);
    expect(racing).toEqual([
      [available, offline],
      [available, offline],
    ]);
    // A renamed built-in is still the built-in: it is not made again.
    await statuses().update(instanceId, available?.AgentStatusId ?? '', { Name: 'Ready' });
    await statuses().ensureDefaults(instanceId);
    expect(await names()).toEqual(['Offline:OFFLINE', 'Ready:ROUTABLE']);
    await expectConnectError(
      statuses().ensureDefaults('no-such-instance'),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
  });

  it('creates, reads, updates and lists custom statuses; there is no delete', async () => {
    const { instanceId } = env();
    const lunch = await statuses().create(instanceId, {
      Name: 'Lunch',
      Description: 'Out for lunch',
      State: 'ENABLED',
      DisplayOrder: 3,
      Tags: { team: 'callbacks' },
    });
    expect(lunch.AgentStatusARN).toBe(
      `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/agent-state/${lunch.AgentStatusId}`,
    );
    expect(lunch).toMatchObject({
      Name: 'Lunch',
      Description: 'Out for lunch',
      Type: 'CUSTOM',
      State: 'ENABLED',
      DisplayOrder: 3,
      Tags: { team: 'callbacks' },
      LastModifiedTime: env().clock.now(),
    });
    expect(await statuses().describe(instanceId, lunch.AgentStatusARN)).toEqual(lunch);
    // The built-in statuses were made with the first custom one.
    expect(await names()).toEqual(['Available:ROUTABLE', 'Lunch:CUSTOM', 'Offline:OFFLINE']);

    await env().clock.advance(1000);
    const updated = await statuses().update(instanceId, lunch.AgentStatusId, {
      Name: 'Break',
      State: 'DISABLED',
      DisplayOrder: 7,
    });
    expect(updated).toMatchObject({
      Name: 'Break',
      Description: 'Out for lunch',
      State: 'DISABLED',
      DisplayOrder: 7,
    });
    expect(updated.LastModifiedTime).toBe(lunch.LastModifiedTime + 1000);
    expect(await statuses().describe(instanceId, lunch.AgentStatusId)).toEqual(updated);
    const reset = await statuses().update(instanceId, lunch.AgentStatusId, {
      ResetOrderNumber: true,
      Description: '',
    });
    expect(reset.DisplayOrder).toBeUndefined();
    expect(reset.Description).toBeUndefined();
    expect(await statuses().describe(instanceId, lunch.AgentStatusId)).toEqual(reset);

    // A DISABLED status stays listed.
    await statuses().create(instanceId, { Name: 'Training', State: 'ENABLED' });
    const page1 = await statuses().list(instanceId, { MaxResults: 2 });
    expect(page1.items).toEqual([
      expect.objectContaining({ Name: 'Available', Type: 'ROUTABLE' }),
      {
        Id: lunch.AgentStatusId,
        Arn: lunch.AgentStatusARN,
        Name: 'Break',
        Type: 'CUSTOM',
        LastModifiedTime: reset.LastModifiedTime,
      },
    ]);
    const page2 = await statuses().list(instanceId, { MaxResults: 2, NextToken: page1.nextToken });
    expect(page2.items.map((s) => s.Name)).toEqual(['Offline', 'Training']);
    expect(page2.nextToken).toBeUndefined();
    expect(await names({ AgentStatusTypes: ['CUSTOM'] })).toEqual(['Break:CUSTOM', 'Training:CUSTOM']);
    expect(await names({ AgentStatusTypes: ['ROUTABLE', 'OFFLINE'] })).toEqual([
      'Available:ROUTABLE',
      'Offline:OFFLINE',
    ]);
    await expectConnectError(
      statuses().list(instanceId, { AgentStatusTypes: ['ROUTABLE'], NextToken: page1.nextToken }),
      'InvalidParameterException',
      /NextToken/,
    );
    expect('delete' in statuses()).toBe(false);
  });

  it('refuses bad fields, built-in types, clashing names and missing statuses, changing nothing', async () => {
    const { instanceId } = env();
    const [available, offline] = await statuses().ensureDefaults(instanceId);
    const lunch = await statuses().create(instanceId, { Name: 'Lunch', State: 'ENABLED', DisplayOrder: 2 });
    const before = await statuses().list(instanceId);

    const badCreates: [Parameters<ReturnType<typeof statuses>['create']>[1], RegExp][] = [
      [{ Name: '', State: 'ENABLED' }, /Name/],
      [{ Name: 'x'.repeat(128), State: 'ENABLED' }, /Name/],
      [{ Name: 'Meeting', State: 'ENABLED', Description: 'x'.repeat(251) }, /Description/],
      [{ Name: 'Meeting', State: 'ENABLED', Description: '' }, /Description/],
      [{ Name: 'Meeting', State: 'ENABLED', DisplayOrder: 0 }, /DisplayOrder/],
      [{ Name: 'Meeting', State: 'ENABLED', DisplayOrder: 51 }, /DisplayOrder/],
      [{ Name: 'Meeting', State: 'BUSY' as 'ENABLED' }, /State/],
      [{ Name: 'Meeting', State: 'ENABLED', Type: 'ROUTABLE' as 'CUSTOM' }, /Type: only CUSTOM/],
      [{ Name: 'Meeting', State: 'ENABLED', Type: 'OFFLINE' as 'CUSTOM' }, /Type: only CUSTOM/],
    ];
    for (const [input, message] of badCreates)
      await expectConnectError(statuses().create(instanceId, input), 'InvalidParameterException', message);
    await expectConnectError(
      statuses().create(instanceId, { Name: 'Available', State: 'ENABLED' }),
      'DuplicateResourceException',
      /Available/,
    );
    await expectConnectError(
      statuses().create('no-such-instance', { Name: 'Meeting', State: 'ENABLED' }),
      'ResourceNotFoundException',
      /no-such-instance/,
    );

    const id = lunch.AgentStatusId;
    await expectConnectError(
      statuses().update(instanceId, id, { Name: 'Offline' }),
      'DuplicateResourceException',
      /Offline/,
    );
    await expectConnectError(
      statuses().update(instanceId, available?.AgentStatusId ?? '', { Name: 'Lunch' }),
      'DuplicateResourceException',
      /Lunch/,
    );
    await expectConnectError(
      statuses().update(instanceId, offline?.AgentStatusId ?? '', { State: 'DISABLED' }),
      'InvalidParameterException',
      /State: the built-in OFFLINE status 'Offline' cannot be disabled/,
    );
    await expectConnectError(
      statuses().update(instanceId, id, { DisplayOrder: 4, ResetOrderNumber: true }),
      'InvalidParameterException',
      /ResetOrderNumber/,
    );
    await expectConnectError(
      statuses().update(instanceId, id, { DisplayOrder: 51 }),
      'InvalidParameterException',
      /DisplayOrder/,
    );
    await expectConnectError(
      statuses().update(instanceId, id, { Description: 'x'.repeat(251) }),
      'InvalidParameterException',
      /Description/,
    );
    await expectConnectError(
      statuses().update(instanceId, 'no-such-status', { Name: 'X' }),
      'ResourceNotFoundException',
      /no-such-status/,
    );
    await expectConnectError(
      statuses().describe(instanceId, 'no-such-status'),
      'ResourceNotFoundException',
      /no-such-status/,
    );
    await expectConnectError(
      statuses().list(instanceId, { AgentStatusTypes: ['AWAY' as 'CUSTOM'] }),
      'InvalidParameterException',
      /AgentStatusTypes\[0\]/,
    );
    expect(await statuses().list(instanceId)).toEqual(before);
    expect(await statuses().describe(instanceId, id)).toEqual(lunch);
  });
});

describeStores(
  'agent status quota',
  (env) => {
    it('counts the built-in statuses in the quota', async () => {
      const { services, instanceId, limits } = env();
      expect(limits.agentStatusesPerInstance).toBe(3);
      await services.agentStatuses.create(instanceId, { Name: 'Lunch', State: 'ENABLED' });
      await expectConnectError(
        services.agentStatuses.create(instanceId, { Name: 'Break', State: 'ENABLED' }),
        'LimitExceededException',
        /at most 3 agent statuses/,
      );
      expect((await services.agentStatuses.list(instanceId)).items.map((s) => s.Name)).toEqual([
        'Available',
        'Lunch',
        'Offline',
      ]);
    });
  },
  { agentStatusesPerInstance: 3 },
);

describeStores('agent statuses of a new instance', (env) => {
  it('has Available and Offline from the start', async () => {
    const { services, instanceId } = env();
    const list = await services.agentStatuses.list(instanceId);
    expect(list.items.map((s) => [s.Name, s.Type])).toEqual([
      ['Available', 'ROUTABLE'],
      ['Offline', 'OFFLINE'],
    ]);
  });
});
