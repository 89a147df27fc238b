import { expect, it } from 'vitest';
import { describeStores } from '../support/env.js';
import { expectConnectError } from '../support/errors.js';

// rule P1..P3: the names the scenario's checks use.
const agentPermissions = ['BasicAgentAccess', 'OutboundCallAccess', 'TransferDestinations.View'];
const supervisorPermissions = ['ContactSearch.View', 'UpdateContactSchedule.Enabled', 'BasicAgentAccess'];

describeStores('security profiles', (env) => {
  it('creates, reads, updates, lists and deletes', async () => {
    const { services, instanceId } = env();
    const sp = await services.securityProfiles.create(instanceId, {
      SecurityProfileName: 'Callback agents',
      Description: 'Agents who call customers back',
      Permissions: [...agentPermissions, 'BasicAgentAccess'],
      Tags: { team: 'callbacks' },
    });
    expect(sp.Arn).toBe(
      `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/security-profile/${sp.Id}`,
    );
    expect(sp).toMatchObject({
      SecurityProfileName: 'Callback agents',
      OrganizationResourceId: instanceId,
      Description: 'Agents who call customers back',
      Permissions: ['BasicAgentAccess', 'OutboundCallAccess', 'TransferDestinations.View'],
      Tags: { team: 'callbacks' },
    });
    expect(await services.securityProfiles.describe(instanceId, sp.Id)).toEqual(sp);
    expect(await services.securityProfiles.describe(instanceId, sp.Arn)).toEqual(sp);

    await env().clock.advance(5000);
    const updated = await services.securityProfiles.update(instanceId, sp.Id, {
      Description: 'Callback agents who may reschedule',
      Permissions: supervisorPermissions,
    });
    expect(updated.Permissions).toEqual([
      'BasicAgentAccess',
      'ContactSearch.View',
      'UpdateContactSchedule.Enabled',
    ]);
    expect(updated.LastModifiedTime).toBe(sp.LastModifiedTime + 5000);
    expect(await services.securityProfiles.describe(instanceId, sp.Id)).toEqual(updated);

    // Description alone keeps the permissions.
    const described = await services.securityProfiles.update(instanceId, sp.Id, { Description: 'Renamed' });
    expect(described.Permissions).toEqual(updated.Permissions);

    const admin = await services.securityProfiles.create(instanceId, { SecurityProfileName: 'Admin' });
    expect(admin.Permissions).toEqual([]);
    const page1 = await services.securityProfiles.list(instanceId, { MaxResults: 1 });
    expect(page1.items).toEqual([
      { Id: admin.Id, Arn: admin.Arn, Name: 'Admin', LastModifiedTime: admin.LastModifiedTime },
    ]);
    const page2 = await services.securityProfiles.list(instanceId, {
      MaxResults: 1,
      NextToken: page1.nextToken,
    });
    expect(page2.items.map((s) => s.Name)).toEqual(['Callback agents']);
    expect(page2.nextToken).toBeUndefined();

    await services.securityProfiles.delete(instanceId, sp.Arn);
    await expectConnectError(
      services.securityProfiles.describe(instanceId, sp.Id),
      'ResourceNotFoundException',
      new RegExp(sp.Id),
    );
    expect((await services.securityProfiles.list(instanceId)).items.map((s) => s.Name)).toEqual(['Admin']);
  });

  it('lists a profile permissions a page at a time', async () => {
    const { services, instanceId } = env();
    const sp = await services.securityProfiles.create(instanceId, {
      SecurityProfileName: 'Supervisors',
      Permissions: [...supervisorPermissions, 'MyContacts.View', 'TaskTemplates.View'],
    });
    const first = await services.securityProfiles.listPermissions(instanceId, sp.Id, { MaxResults: 3 });
    expect(first.items).toEqual(['BasicAgentAccess', 'ContactSearch.View', 'MyContacts.View']);
    expect(first.lastModifiedTime).toBe(sp.LastModifiedTime);
    const second = await services.securityProfiles.listPermissions(instanceId, sp.Arn, {
      MaxResults: 3,
      NextToken: first.nextToken,
    });
    expect(second.items).toEqual(['TaskTemplates.View', 'UpdateContactSchedule.Enabled']);
    expect(second.nextToken).toBeUndefined();
    await expectConnectError(
      services.securityProfiles.listPermissions(instanceId, sp.Id, { NextToken: 'made-up' }),
      'InvalidParameterException',
      /NextToken/,
    );
    await expectConnectError(
      services.securityProfiles.listPermissions(instanceId, 'no-such-profile'),
      'ResourceNotFoundException',
      /no-such-profile/,
    );
  });

  it('refuses unknown permissions and bad values, naming them, and changes nothing', async () => {
    const { services, instanceId } = env();
    const err = await expectConnectError(
      services.securityProfiles.create(instanceId, {
        SecurityProfileName: 'Agents',
        Permissions: ['BasicAgentAccess', 'Contacts.Teleport'],
      }),
      'InvalidParameterException',
      /Permissions\[1\].*Contacts\.Teleport/,
    );
    expect(err.message).not.toMatch(/BasicAgentAccess/);
    await expectConnectError(
      services.securityProfiles.create(instanceId, { SecurityProfileName: 'Agents/Night' }),
      'InvalidParameterException',
      /SecurityProfileName/,
    );
    await expectConnectError(
      services.securityProfiles.create(instanceId, { SecurityProfileName: 'x'.repeat(128) }),
      'InvalidParameterException',
      /SecurityProfileName/,
    );
    await expectConnectError(
      services.securityProfiles.create(instanceId, {
        SecurityProfileName: 'Agents',
        Description: 'd'.repeat(251),
      }),
      'InvalidParameterException',
      /Description/,
    );
    await expectConnectError(
      services.securityProfiles.create(instanceId, {
        SecurityProfileName: 'Agents',
        Permissions: Array.from({ length: 501 }, () => 'BasicAgentAccess'),
      }),
      'InvalidParameterException',
      /Permissions/,
    );
    await expectConnectError(
      services.securityProfiles.create(instanceId, {
        SecurityProfileName: 'Agents',
        AllowedAccessControlTags: { team: 'callbacks' },
      }),
      'InvalidParameterException',
      /AllowedAccessControlTags/,
    );
    expect((await services.securityProfiles.list(instanceId)).items).toEqual([]);

    const sp = await services.securityProfiles.create(instanceId, {
      SecurityProfileName: 'Agents',
      Permissions: agentPermissions,
    });
    await expectConnectError(
      services.securityProfiles.update(instanceId, sp.Id, { Permissions: ['BasicAgentAccess', 'Nope.View'] }),
      'InvalidParameterException',
      /Nope\.View/,
    );
    expect(await services.securityProfiles.describe(instanceId, sp.Id)).toEqual(sp);
    await expectConnectError(
      services.securityProfiles.create(instanceId, { SecurityProfileName: 'Agents' }),
      'DuplicateResourceException',
      /Agents/,
    );
    await expectConnectError(
      services.securityProfiles.update(instanceId, 'missing-profile', { Description: 'x' }),
      'ResourceNotFoundException',
      /missing-profile/,
    );
    await expectConnectError(
      services.securityProfiles.create('no-such-instance', { SecurityProfileName: 'Agents' }),
      'ResourceNotFoundException',
      /no-such-instance/,
    );
  });

  it('accepts the legacy names Connect still takes', async () => {
    const { services, instanceId } = env();
    const sp = await services.securityProfiles.create(instanceId, {
      SecurityProfileName: 'Quality',
      Permissions: ['ListenCallRecordings', 'RedactedData.View', 'DownloadCallRecordings'],
    });
    expect(sp.Permissions).toHaveLength(3);
  });

  it('gives the union of the permissions of several profiles', async () => {
    const { services, instanceId } = env();
    const a = await services.securityProfiles.create(instanceId, {
      SecurityProfileName: 'Agents',
      Permissions: agentPermissions,
    });
    const s = await services.securityProfiles.create(instanceId, {
      SecurityProfileName: 'Supervisors',
      Permissions: supervisorPermissions,
    });
    const union = await services.securityProfiles.permissionsOf(instanceId, [a.Id, s.Arn]);
    expect([...union].sort()).toEqual([
      'BasicAgentAccess',
      'ContactSearch.View',
      'OutboundCallAccess',
      'TransferDestinations.View',
      'UpdateContactSchedule.Enabled',
    ]);
    expect((await services.securityProfiles.permissionsOf(instanceId, [])).size).toBe(0);
  });
});

describeStores(
  'security profile quota',
  (env) => {
    it('enforces the security profiles per instance', async () => {
      const { services, instanceId, limits } = env();
      expect(limits.securityProfilesPerInstance).toBe(2);
      await services.securityProfiles.create(instanceId, { SecurityProfileName: 'A' });
      await services.securityProfiles.create(instanceId, { SecurityProfileName: 'B' });
      await expectConnectError(
        services.securityProfiles.create(instanceId, { SecurityProfileName: 'C' }),
        'LimitExceededException',
        /2 security profiles/,
      );
      expect((await services.securityProfiles.list(instanceId)).items.map((s) => s.Name)).toEqual(['A', 'B']);
    });
  },
  { securityProfilesPerInstance: 2 },
);
