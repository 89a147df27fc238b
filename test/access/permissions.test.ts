import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ALL_PERMISSIONS,
  PERMISSION_CATALOGUE,
  isKnownPermission,
  type PermissionName,
} from '../../src/access/permissions.js';

/** Every name that ../shared/reference/connect-api.md (CreateSecurityProfile) lists. */
const REFERENCE_NAMES = [
  'BasicAgentAccess',
  'OutboundCallAccess',
  'RestrictTaskCreation.Access',
  'SelfAssignContacts.Access',
  'AudioDeviceSettings.Access',
  'RestrictPhoneTypeSettings.Access',
  'RequireEndContactConfirmation.Enabled',
  'VideoContact.Access',
  'OutboundEmail.Create',
  'UpdateContactSchedule.Enabled',
  'TransferContact.Enabled',
  'StopContact.Enabled',
  'Contacts.Tag.Edit',
  'ManualAssignAnyContact.Enable',
  'ManualAssignMyContacts.Enable',
  'ContactSearch.View',
  'MyContacts.View',
  'RestrictContactAccessByHierarchy.View',
  'ContactAttributes.View',
  'ConfigureContactAttributes.View',
  'ContactSearchWithKeywords.Access',
  'ContactSearchWithKeywords.View',
  'ContactSearchWithCharacteristics.Access',
  'ContactSearchWithCharacteristics.View',
  'AccessMetrics',
  'AccessMetrics.RealTimeMetrics.Access',
  'AccessMetrics.HistoricalMetrics.Access',
  'AccessMetrics.AgentActivityAudit.Access',
  'AccessMetrics.Dashboards.Access',
  'RealTimeMetrics.Access',
  'HistoricalMetrics.Access',
  'AgentActivityAudit.Access',
  ...['Create', 'Edit', 'View', 'Delete'].map((a) => `TaskTemplates.${a}`),
  ...['Create', 'Edit', 'View', 'Delete'].map((a) => `TransferDestinations.${a}`),
  ...['Create', 'Edit', 'EnableAndDisable', 'View'].map((a) => `Queues.${a}`),
  ...['Create', 'Edit', 'View'].map((a) => `RoutingPolicies.${a}`),
  ...['Create', 'Edit', 'View', 'Delete'].map((a) => `HoursOfOperation.${a}`),
  ...['Create', 'Edit', 'Publish', 'View', 'Delete'].map((a) => `ContactFlows.${a}`),
  ...['Create', 'Edit', 'Publish', 'View', 'Delete'].map((a) => `ContactFlowModules.${a}`),
  ...['Claim', 'Edit', 'View', 'Release'].map((a) => `PhoneNumbers.${a}`),
  ...['Create', 'Edit', 'View', 'Delete'].map((a) => `Prompts.${a}`),
  ...['Create', 'Edit', 'EditPermission', 'View', 'Delete'].map((a) => `Users.${a}`),
  ...['Create', 'Edit', 'View', 'Delete'].map((a) => `SecurityProfiles.${a}`),
  ...['Create', 'Edit', 'EnableAndDisable', 'View'].map((a) => `AgentStates.${a}`),
  ...['Create', 'Edit', 'EnableAndDisable', 'View'].map((a) => `AgentGrouping.${a}`),
  'ListenCallRecordings',
  'RedactedData.View',
  'DownloadCallRecordings',
];

describe('permission catalogue', () => {
  it('knows every name of the reference', () => {
    expect(REFERENCE_NAMES.filter((n) => !isKnownPermission(n))).toEqual([]);
  });

  it('lists each name once, in labelled groups and rows a console can render', () => {
    expect(new Set(ALL_PERMISSIONS).size).toBe(ALL_PERMISSIONS.length);
    expect(ALL_PERMISSIONS.length).toBeGreaterThan(200);
    const groups = PERMISSION_CATALOGUE.map((g) => g.label);
    expect(new Set(groups).size).toBe(groups.length);
    expect(groups).toEqual(
      expect.arrayContaining([
        'Routing',
        'Users and permissions',
        'Contact Control Panel (CCP)',
        'Contact Actions',
      ]),
    );
    for (const group of PERMISSION_CATALOGUE) {
      expect(group.features.length).toBeGreaterThan(0);
      for (const row of group.features) {
        expect(row.label).not.toBe('');
        expect(row.names.length).toBeGreaterThan(0);
        for (const name of row.names) expect(name).toMatch(/^[A-Za-z][A-Za-z.]*[A-Za-z]$/);
      }
    }
    const groupOf = (name: string) =>
      PERMISSION_CATALOGUE.find((g) => g.features.some((f) => (f.names as readonly string[]).includes(name)))
        ?.label;
    expect(groupOf('RestrictTaskCreation.Access')).toBe('Contact Control Panel (CCP)');
    expect(groupOf('UpdateContactSchedule.Enabled')).toBe('Contact Actions');
    expect(groupOf('TaskTemplates.Edit')).toBe('Routing');
    expect(groupOf('ListenCallRecordings')).toBe('Legacy permissions');
  });

  it('refuses names Connect does not have, spelled exactly', () => {
    for (const name of [
      '',
      'basicagentaccess',
      'BasicAgentAccess ',
      'Queues.Delete',
      'Contacts.Teleport',
      'Users',
    ])
      expect(isKnownPermission(name), name).toBe(false);
  });

  it('types the names', () => {
    expectTypeOf<'TaskTemplates.Create'>().toMatchTypeOf<PermissionName>();
    expectTypeOf<'ContactSearch.View'>().toMatchTypeOf<PermissionName>();
    expectTypeOf<'Queues.Delete'>().not.toMatchTypeOf<PermissionName>();
    const name: string = 'BasicAgentAccess';
    if (isKnownPermission(name)) expectTypeOf(name).toEqualTypeOf<PermissionName>();
  });
});
