/**
 * The console's people sections in Chromium against a real Tsunagi (the scenario set up through the SDK): admin
 * makes the security profile P1 asks for (BasicAgentAccess with RestrictTaskCreation.Access) in Connect's grouped
 * permissions, gives it to a new user (first meeting the server's password rule on the form), changes the user's
 * profiles and deletes the user; then makes a custom agent status, and an access key whose secret — shown once —
 * works with a real @aws-sdk/client-connect client until the key is revoked. Each change is read back through the
 * SDK.
 */
import {
  ConnectClient,
  DescribeSecurityProfileCommand,
  DescribeUserCommand,
  ListAgentStatusesCommand,
  ListQueuesCommand,
  ListSecurityProfilePermissionsCommand,
  ListSecurityProfilesCommand,
  ListUsersCommand,
} from '@aws-sdk/client-connect';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpScenarioViaSdk, type SdkScenario } from '../api/conformance/scenario-sdk.js';
import { describeBrowser } from './browser.js';
import { ADMIN_PASSWORD, startWebServer, type WebServer } from './server.js';

const BROWSER_TEST = 60_000;
const PROFILE = 'Agent - no task creation';

describeBrowser('the console: users, security profiles, agent statuses, access keys', (newPage) => {
  let server: WebServer;
  let s: SdkScenario;

  beforeAll(async () => {
    server = await startWebServer();
    s = await setUpScenarioViaSdk(server.connect, server.instanceId);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  async function logIn(page: Page, section: string) {
    await page.goto(`${server.url}/console#${section}`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  }

  const profileIdOf = async (name: string) => {
    const list = await server.connect.send(
      new ListSecurityProfilesCommand({ InstanceId: server.instanceId, MaxResults: 100 }),
    );
    return list.SecurityProfileSummaryList?.find((p) => p.Name === name)?.Id ?? '';
  };
  const userIdOf = async (username: string) => {
    const list = await server.connect.send(
      new ListUsersCommand({ InstanceId: server.instanceId, MaxResults: 100 }),
    );
    return list.UserSummaryList?.find((u) => u.Username === username)?.Id;
  };

  it(
    'P1: a security profile without task creation, from grouped permissions; a user with it after a weak password',
    async () => {
      const { page, screenshot } = await newPage();
      const { instanceId, connect } = server;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await logIn(page, 'security');
      const profiles = page.getByTestId('security-profiles');
      await profiles.getByRole('rowheader', { name: 'Supervisor', exact: true }).waitFor();

      // The supervisor's current permissions (ListSecurityProfilePermissions) are shown ticked.
      await page.getByRole('button', { name: 'Edit Supervisor' }).click();
      const summary = page.getByTestId('permission-summary');
      await summary.getByText('Permissions chosen: 5.').waitFor();
      for (const label of ['Contact search', 'Reschedule contact', 'Access Contact Control Panel'])
        expect(await summary.getByRole('listitem').filter({ hasText: label }).count()).toBe(1);
      await page.getByLabel('Filter permissions').fill('UpdateContactSchedule');
      expect(await page.getByRole('checkbox', { name: 'Reschedule contact' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Close' }).click();

      // A new profile: Connect's groups, collapsed until opened ("Routing" → "Queues: Create"), and a filter.
      await page.getByRole('button', { name: 'New security profile' }).click();
      const routing = page.getByRole('button', { name: /^Routing \(/ });
      expect(await routing.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('checkbox', { name: 'Queues: Create' }).count()).toBe(0);
      await routing.click();
      expect(await page.getByRole('checkbox', { name: 'Queues: Create' }).isChecked()).toBe(false);
      await page.getByRole('button', { name: /Routing/ }).click();
      expect(await page.getByRole('checkbox', { name: 'Queues: Create' }).count()).toBe(0);

      await page.getByLabel('Name', { exact: true }).fill('Agent (no task creation)');
      await page.getByLabel('Filter permissions').fill('task');
      await page.getByRole('checkbox', { name: 'Restrict task creation' }).check();
      expect(await page.getByRole('checkbox', { name: 'Task templates: Create' }).count()).toBe(1);
      expect(await page.getByRole('checkbox', { name: 'Contact search' }).count()).toBe(0);
      await page.getByLabel('Filter permissions').fill('');
      await page.getByRole('button', { name: /Contact Control Panel \(CCP\)/ }).click();
      await page.getByRole('checkbox', { name: 'Access Contact Control Panel' }).check();
      await summary.getByText('Permissions chosen: 2.').waitFor();
      await screenshot('console-security-profile');

      // Connect's name rule is the server's: parentheses are refused, in its words, on the name.
      await page.getByRole('button', { name: 'Save' }).click();
      const nameError = page.locator('#sp-name-error');
      await nameError.waitFor();
      expect(await nameError.textContent()).toContain('may hold only letters, digits, spaces and _@-');
      expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('security-profile-errors').textContent()).toContain('was not saved');
      await page.getByLabel('Name', { exact: true }).fill(PROFILE);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').getByText(`Saved security profile ${PROFILE}.`).waitFor();
      await profiles.getByRole('rowheader', { name: PROFILE }).waitFor();

      const profileId = await profileIdOf(PROFILE);
      const granted = await connect.send(
        new ListSecurityProfilePermissionsCommand({ InstanceId: instanceId, SecurityProfileId: profileId }),
      );
      expect(granted.Permissions?.sort()).toEqual(['BasicAgentAccess', 'RestrictTaskCreation.Access']);

      // Edited: a description (UpdateSecurityProfile), the permissions kept.
      await page.getByRole('button', { name: `Edit ${PROFILE}` }).click();
      await summary.getByText('Permissions chosen: 2.').waitFor();
      await page
        .getByLabel('Description', { exact: true })
        .fill('Agents who take tasks but may not create them (P1)');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').getByText(`Saved security profile ${PROFILE}.`).waitFor();
      const described = await connect.send(
        new DescribeSecurityProfileCommand({ InstanceId: instanceId, SecurityProfileId: profileId }),
      );
      expect(described.SecurityProfile?.Description).toBe(
        'Agents who take tasks but may not create them (P1)',
      );

      // Users: the scenario's, with names and profiles.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' }).click();
      const users = page.getByTestId('users');
      const agent1 = users.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'agent1' }) });
      await agent1.waitFor();
      expect(await agent1.textContent()).toContain('Callback agents');
      expect(await agent1.textContent()).toContain('agent1 Tsunagi');

      await page.getByRole('button', { name: 'New user' }).click();
      await page.getByLabel('Username').fill('agent1');
      await page.getByLabel('Password').fill('password');
      await page.getByLabel('First name').fill('Aiko');
      await page.getByLabel('Last name').fill('Sato');
      await page.getByLabel('Routing profile').selectOption({ label: 'Callback agents' });
      await page.getByRole('group', { name: 'Security profiles' }).getByLabel(PROFILE).check();
      await page.getByRole('button', { name: 'Create user' }).click();
      const passwordError = page.locator('#user-password-error');
      await passwordError.waitFor();
      expect(await passwordError.textContent()).toContain('Password: must be 8 to 64 characters');
      expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('user-errors').textContent()).toContain('The user was not created');

      await page.getByLabel('Password').fill('Callback2026x');
      await page.getByRole('button', { name: 'Create user' }).click();
      await page
        .locator('#user-username-error')
        .getByText("User with the name 'agent1' already exists")
        .waitFor();
      expect(await page.locator('#user-password-error').count()).toBe(0);

      await page.getByLabel('Username').fill('agent3');
      await page.getByRole('button', { name: 'Create user' }).click();
      await page.getByRole('status').getByText('Created user agent3.').waitFor();
      const agent3 = users.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'agent3' }) });
      await agent3.waitFor();
      expect(await agent3.textContent()).toContain('Aiko Sato');
      expect(await agent3.textContent()).toContain(PROFILE);
      await screenshot('console-users');

      const agent3Id = (await userIdOf('agent3')) ?? '';
      const created = await connect.send(
        new DescribeUserCommand({ InstanceId: instanceId, UserId: agent3Id }),
      );
      expect(created.User?.RoutingProfileId).toBe(s.profile.RoutingProfileId);
      expect(created.User?.SecurityProfileIds).toEqual([profileId]);
      expect(created.User?.IdentityInfo).toMatchObject({ FirstName: 'Aiko', LastName: 'Sato' });

      // Profiles changed one at a time, then the user deleted after a confirmation.
      await page.getByRole('button', { name: 'Change the profiles of agent3' }).click();
      const editor = page.getByTestId('user-editor');
      await editor.getByLabel('Routing profile').selectOption({ label: 'Callback task agents' });
      await editor.getByRole('button', { name: 'Save routing profile' }).click();
      await editor.getByRole('status').getByText('The routing profile of agent3 was changed.').waitFor();
      await editor.getByLabel('Agent', { exact: true }).check();
      await editor.getByRole('button', { name: 'Save security profiles' }).click();
      await editor.getByRole('status').getByText('The security profiles of agent3 were changed.').waitFor();
      const changed = await connect.send(
        new DescribeUserCommand({ InstanceId: instanceId, UserId: agent3Id }),
      );
      expect(changed.User?.RoutingProfileId).toBe(s.taskProfile.RoutingProfileId);
      expect(changed.User?.SecurityProfileIds?.sort()).toEqual([profileId, s.securityProfiles.agent].sort());

      await page.getByRole('button', { name: 'Delete agent3' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete user' });
      await dialog.getByText('Delete user agent3?').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await userIdOf('agent3')).toBe(agent3Id);
      await page.getByRole('button', { name: 'Delete agent3' }).click();
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('status').getByText('Deleted user agent3.').waitFor();
      expect(await userIdOf('agent3')).toBeUndefined();
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );

  it(
    'a custom agent status; an access key shown once works with the SDK until it is revoked',
    async () => {
      const { page, context, screenshot } = await newPage();
      const { instanceId, connect } = server;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await logIn(page, 'statuses');

      const statuses = page.getByTestId('agent-statuses');
      const row = (name: string) =>
        statuses.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      await row('Available').waitFor();
      expect(await row('Available').getByRole('cell').allTextContents()).toEqual(['Routable', 'Yes', '—']);
      await page.getByRole('button', { name: 'New custom status' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Lunch');
      await page.getByLabel('Description', { exact: true }).fill('Away for lunch');
      await page.getByLabel('Display order').fill('3');
      await page.getByRole('button', { name: 'Create status' }).click();
      await page.getByRole('status').getByText('Created status Lunch.').waitFor();
      await row('Lunch').waitFor();
      await expect
        .poll(() => row('Lunch').getByRole('cell').allTextContents())
        .toEqual(['Custom', 'Yes', '3']);
      await screenshot('console-statuses');
      const listed = await connect.send(new ListAgentStatusesCommand({ InstanceId: instanceId }));
      expect(listed.AgentStatusSummaryList?.find((x) => x.Name === 'Lunch')?.Type).toBe('CUSTOM');

      // An access key for admin: the secret once, with a copy button and the SDK's endpoint.
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Access keys' })
        .click();
      await page.getByLabel('User', { exact: true }).selectOption({ label: 'admin' });
      await page.getByLabel('Description', { exact: true }).fill('Reporting script');
      await page.getByRole('button', { name: 'Create access key' }).click();
      const panel = page.getByTestId('new-key');
      await panel.getByText('The secret access key is shown only now.').waitFor();
      const accessKeyId = await panel.getByLabel('Access key ID').inputValue();
      const secretAccessKey = await panel.getByLabel('Secret access key').inputValue();
      expect(accessKeyId).not.toBe('');
      expect(secretAccessKey.length).toBeGreaterThan(20);
      await panel.getByRole('button', { name: 'Copy secret access key' }).click();
      await panel.getByRole('status').getByText('Copied.').waitFor();
      // A string: the root's TypeScript has no DOM types.
      expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secretAccessKey);

      const endpoint = await page.getByTestId('sdk-endpoint').textContent();
      expect(endpoint).toBe(`${server.url}/connect`);
      expect(await page.getByTestId('sdk-example').textContent()).toContain(accessKeyId);
      const keyRow = page.getByTestId(`key-${accessKeyId}`);
      expect(await keyRow.textContent()).toContain('Reporting script');
      expect(await keyRow.textContent()).toContain('Active');
      expect(await page.getByTestId('access-keys').textContent()).not.toContain(secretAccessKey);
      await screenshot('console-access-keys');

      const client = new ConnectClient({
        endpoint: endpoint ?? '',
        region: 'ap-northeast-1',
        credentials: { accessKeyId, secretAccessKey },
        maxAttempts: 1,
      });
      try {
        const queues = await client.send(new ListQueuesCommand({ InstanceId: instanceId }));
        expect(queues.QueueSummaryList?.map((q) => q.Name)).toContain('CallbackQueue');

        await page.getByRole('button', { name: 'Done: I have copied the secret' }).click();
        await panel.waitFor({ state: 'detached' });
        expect(await page.content()).not.toContain(secretAccessKey);

        await page.getByRole('button', { name: `Revoke ${accessKeyId}` }).click();
        const dialog = page.getByRole('dialog', { name: 'Revoke access key' });
        await dialog.getByText(`Revoke access key ${accessKeyId} of admin?`).waitFor();
        await dialog.getByRole('button', { name: 'Revoke' }).click();
        await page.getByRole('status').getByText(`Revoked access key ${accessKeyId}.`).waitFor();
        await expect.poll(() => keyRow.textContent()).toContain('Revoked');
        expect(await keyRow.getByRole('button').count()).toBe(0);
        await expect(client.send(new ListQueuesCommand({ InstanceId: instanceId }))).rejects.toMatchObject({
          name: 'UnrecognizedClientException',
        });
      } finally {
        client.destroy();
      }
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );
});
