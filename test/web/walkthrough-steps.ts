/**
 * How test/web/scenario-walkthrough.test.ts acts in the console, as an administrator would: logging in, importing
 * a flow from a file or a paste, making security profiles, users, routing profiles and quick connects through
 * their forms; the transfer flows it pastes; and the SDK reads it checks the server's state with.
 */
import { join } from 'node:path';
import {
  DescribeContactCommand,
  DescribeRoutingProfileCommand,
  DescribeUserCommand,
  GetTaskTemplateCommand,
  ListContactFlowsCommand,
  ListQueueQuickConnectsCommand,
  ListQueuesCommand,
  ListRoutingProfilesCommand,
  ListSecurityProfilePermissionsCommand,
  ListSecurityProfilesCommand,
  ListTaskTemplatesCommand,
  ListUsersCommand,
  SearchContactsCommand,
  type ContactSearchSummary,
} from '@aws-sdk/client-connect';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '../support/cli.js';
import { flowJson } from '../support/flows.js';
import { CALLBACK_DESCRIPTION } from '../tasks/callback-template.js';
import type { BrowserTest } from './browser.js';
import type { WebServer } from './server.js';

export const EXAMPLES = join(repoRoot, 'examples/callback-via-task');

/** A queue or agent transfer flow: Transfer to queue, then Disconnect (as the SDK set-up's "toQueue"). */
export const TO_QUEUE = flowJson('Transfer', {
  Transfer: { Type: 'TransferContactToQueue', Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' } },
  End: { Type: 'DisconnectParticipant' },
});

/** X2: a queue transfer flow that asks for a key first; Get customer input fails on the TASK channel. */
export const MENU = flowJson('Menu', {
  Menu: {
    Type: 'GetParticipantInput',
    Parameters: { Text: 'Press 1 to be transferred.', InputTimeLimitSeconds: '5', StoreInput: 'False' },
    Conditions: [['1', 'Transfer']],
    Errors: { NoMatchingError: 'End', InputTimeLimitExceeded: 'End', NoMatchingCondition: 'End' },
  },
  Transfer: { Type: 'TransferContactToQueue', Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' } },
  End: { Type: 'DisconnectParticipant' },
});

/** A screenshot named walkthrough-<NN-name>: the number gives the order of the walk. */
export const shot = (bt: BrowserTest, name: string) => bt.screenshot(`walkthrough-${name}`);

/** Logs in to /console#<section> and answers the sections' navigation. */
export async function logInConsole(
  page: Page,
  url: string,
  username: string,
  password: string,
  section: string,
): Promise<Locator> {
  await page.goto(`${url}/console#${section}`);
  await page.getByRole('heading', { name: 'Log in to the administration console' }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.waitFor();
  return nav;
}

export async function goTo(page: Page, section: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: section, exact: true })
    .click();
}

type FlowSource = { file: string } | { paste: string; name?: string; type?: string };

/**
 * Imports a flow on the Flows page: a file (its name and type come from the export), or pasted JSON with the name
 * and type typed when the paste does not carry them. Waits for the checks to pass and for the confirmation.
 */
export async function importFlow(
  page: Page,
  source: FlowSource,
  name: string,
  type: string,
): Promise<Locator> {
  await page.getByRole('button', { name: 'Import a flow' }).click();
  const form = page.getByRole('form', { name: 'Import a flow' });
  if ('file' in source) await form.getByLabel('Flow file (.json)').setInputFiles(join(EXAMPLES, source.file));
  else await form.getByLabel('Or paste the flow JSON').fill(source.paste);
  if ('paste' in source && source.name) await form.getByLabel('Name', { exact: true }).fill(source.name);
  if ('paste' in source && source.type)
    await form.getByLabel('Type', { exact: true }).selectOption(source.type);
  // A chosen file is read asynchronously: its name fills the field a moment later.
  await expect.poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
  expect(await form.getByLabel('Type', { exact: true }).inputValue()).toBe(type);
  await form.getByTestId('lint-clean').or(form.getByTestId('lint-warnings')).first().waitFor();
  // Every ARN of the export was bound to a resource of this instance by its name.
  expect(await form.locator('[data-testid="import-references"] li.missing').count()).toBe(0);
  await form.getByRole('button', { name: 'Save the flow' }).click();
  await page.getByRole('status').getByText(`Imported ${name}.`).waitFor();
  return form;
}

export async function createQueue(page: Page, name: string, description: string): Promise<void> {
  await page.getByRole('button', { name: 'New queue' }).click();
  const form = page.getByRole('form', { name: 'New queue' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel(/^Description/).fill(description);
  await form.getByLabel('Hours of operation').selectOption({ label: 'Basic Hours' });
  await form.getByRole('button', { name: 'Create queue' }).click();
  await page.getByRole('status').getByText(`Created queue ${name}.`).waitFor();
}

/**
 * Fills a new template as the scenario's (T3) in the editor: flow F3, Description with its default text and not
 * editable — and, as a first try, required too (which T5 refuses) —, and the editable TEXT field PhoneNumber.
 * Returns the Description field's row.
 */
export async function fillCallbackTemplate(page: Page, name = 'Callback request'): Promise<Locator> {
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page
    .getByLabel('Description', { exact: true })
    .fill('A caller waiting in queue asked for a callback');
  await page.getByLabel('Flow', { exact: true }).selectOption({ label: 'Callback task' });
  await page.getByRole('button', { name: 'Add a field' }).click();
  const description = page.getByTestId('field-row-1');
  await description.getByRole('textbox', { name: /^Field name/ }).fill('Description');
  await description.getByRole('combobox', { name: /^Type/ }).selectOption('DESCRIPTION');
  await description.getByRole('checkbox', { name: /^Editable/ }).uncheck();
  await description.getByRole('checkbox', { name: /^Required/ }).check();
  await description.getByRole('textbox', { name: /^Default/ }).fill(CALLBACK_DESCRIPTION);
  await page.getByRole('button', { name: 'Add a field' }).click();
  const phone = page.getByTestId('field-row-2');
  await phone.getByRole('textbox', { name: /^Field name/ }).fill('PhoneNumber');
  await phone.getByRole('textbox', { name: /^Field description/ }).fill("The caller's phone number");
  return description;
}

/** A security profile from the grouped permissions: each [API name, label] found with the filter and ticked. */
export async function createSecurityProfile(
  page: Page,
  name: string,
  grants: readonly (readonly [string, string])[],
): Promise<void> {
  await page.getByRole('button', { name: 'New security profile' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  for (const [apiName, label] of grants) {
    await page.getByLabel('Filter permissions').fill(apiName);
    await page.getByRole('checkbox', { name: label, exact: true }).check();
  }
  await page.getByLabel('Filter permissions').fill('');
  await page.getByTestId('permission-summary').getByText(`Permissions chosen: ${grants.length}.`).waitFor();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').getByText(`Saved security profile ${name}.`).waitFor();
}

export async function createUser(
  page: Page,
  user: { username: string; password: string; routing: string; security: string; first: string },
): Promise<void> {
  await page.getByRole('button', { name: 'New user' }).click();
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByLabel('First name').fill(user.first);
  await page.getByLabel('Last name').fill('Tsunagi');
  await page.getByLabel('Routing profile').selectOption({ label: user.routing });
  await page
    .getByRole('group', { name: 'Security profiles' })
    .getByLabel(user.security, { exact: true })
    .check();
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.getByRole('status').getByText(`Created user ${user.username}.`).waitFor();
}

/** A routing profile: voice (1) or not, TASK with its concurrency, both routing any channel (S1, S2, S3). */
export async function createRoutingProfile(
  page: Page,
  profile: { name: string; voice: boolean; task: number; queues: readonly (readonly [string, string])[] },
): Promise<void> {
  await page.getByRole('button', { name: 'New routing profile' }).click();
  const form = page.getByRole('form', { name: 'New routing profile' });
  await form.getByLabel('Name', { exact: true }).fill(profile.name);
  await form.getByLabel('Description').fill(`${profile.name} of the callback scenario`);
  await form.getByLabel('Default outbound queue').selectOption({ label: 'BasicQueue' });
  if (profile.voice)
    await form.getByLabel('Voice cross-channel behaviour').selectOption({ label: 'Route any channel' });
  else await form.getByLabel('Handle Voice').uncheck();
  await form.getByLabel('Handle Task').check();
  await form.getByLabel('Task contacts at a time').fill(String(profile.task));
  await form.getByLabel('Task cross-channel behaviour').selectOption({ label: 'Route any channel' });
  for (const [i, [queue, channel]] of profile.queues.entries()) {
    await form.getByRole('button', { name: 'Add a queue' }).click();
    const row = form.getByTestId(`queue-row-${i + 1}`);
    await row.getByRole('combobox', { name: /^Queue/ }).selectOption({ label: queue });
    await row.getByRole('combobox', { name: /^Channel/ }).selectOption({ label: channel });
  }
  await form.getByRole('button', { name: 'Create routing profile' }).click();
  await page.getByRole('status').getByText(`Created routing profile ${profile.name}.`).waitFor();
}

/** A quick connect to a queue or a user with its transfer flow; answers the page's status after creation. */
export async function createQuickConnect(
  page: Page,
  qc: { name: string; type: 'Queue' | 'User'; target: string; flow: string },
): Promise<Locator> {
  await page.getByRole('button', { name: 'New quick connect' }).click();
  const form = page.getByRole('form', { name: 'New quick connect' });
  await form.getByLabel('Name', { exact: true }).fill(qc.name);
  await form.getByLabel('Type').selectOption({ label: qc.type });
  await form.getByLabel(qc.type, { exact: true }).selectOption({ label: qc.target });
  await form.getByLabel('Flow', { exact: true }).selectOption({ label: qc.flow });
  await form.getByRole('button', { name: 'Create quick connect' }).click();
  const status = page.getByTestId('qc-status');
  await status.getByText(`Created quick connect ${qc.name}.`).waitFor();
  return status;
}

/** Adds the quick connects to a queue on the Queues page (its details panel). */
export async function addQuickConnects(page: Page, queue: string, names: readonly string[]): Promise<void> {
  await page.getByRole('button', { name: `Manage ${queue}` }).click();
  const details = page.getByRole('region', { name: `Queue: ${queue}` });
  for (const name of names) {
    await details.getByLabel('Quick connect to add').selectOption({ label: name });
    await details.getByRole('button', { name: 'Add quick connect' }).click();
    await details.getByRole('status').getByText(`Added ${name}.`).waitFor();
  }
}

/** Claims the number on the Phone numbers page and binds it to the flow. */
export async function claimAndBind(page: Page, number: string, flow: string): Promise<void> {
  const claim = page.getByRole('form', { name: 'Claim a number' });
  await claim.getByLabel('Phone number').fill(number);
  await claim.getByRole('button', { name: 'Claim' }).click();
  await page.getByRole('status').getByText(`Claimed ${number}.`).waitFor();
  const row = page.getByTestId(`number-${number}`);
  await row.getByLabel(`Inbound flow for ${number}`).selectOption({ label: flow });
  await row.getByRole('button', { name: `Bind ${number} to the chosen flow` }).click();
  await page.getByRole('status').getByText(`${number} now runs ${flow}.`).waitFor();
}

/** A caller scripted through the web-phone API (docs/API.md "Web-phone API"): dials, and later hangs up. */
export async function dialScripted(url: string, To: string, From: string) {
  const dialled = await fetch(`${url}/api/phone/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ To, From }),
  });
  expect(dialled.status).toBe(201);
  const call = (await dialled.json()) as { CallId: string; Token: string };
  return {
    /** The call's VOICE contact. */
    contactId: call.CallId,
    hangUp: async () =>
      (
        await fetch(`${url}/api/phone/calls/${call.CallId}`, {
          method: 'DELETE',
          headers: { 'x-call-token': call.Token },
        })
      ).status,
  };
}

/** Reads through the administrator's SDK client. */
export function reader(server: WebServer) {
  const { connect, instanceId: InstanceId } = server;
  const idOf = (list: { Name?: string; Id?: string }[] | undefined, name: string) =>
    list?.find((x) => x.Name === name)?.Id ?? '';
  const flows = async () =>
    (await connect.send(new ListContactFlowsCommand({ InstanceId }))).ContactFlowSummaryList ?? [];
  const read = {
    contact: async (ContactId: string) =>
      (await connect.send(new DescribeContactCommand({ InstanceId, ContactId }))).Contact,
    userId: async (username: string) =>
      (await connect.send(new ListUsersCommand({ InstanceId, MaxResults: 100 }))).UserSummaryList?.find(
        (u) => u.Username === username,
      )?.Id ?? '',
    user: async (username: string) =>
      (await connect.send(new DescribeUserCommand({ InstanceId, UserId: await read.userId(username) }))).User,
    /** Each flow's type by its name. */
    flowTypes: async (): Promise<Record<string, string | undefined>> =>
      Object.fromEntries((await flows()).map((f) => [f.Name ?? '', f.ContactFlowType])),
    flowId: async (name: string) => (await flows()).find((f) => f.Name === name)?.Id,
    /** The instance's one template, in full. */
    template: async () => {
      const list = await connect.send(new ListTaskTemplatesCommand({ InstanceId }));
      const TaskTemplateId = list.TaskTemplates?.[0]?.Id ?? '';
      return connect.send(new GetTaskTemplateCommand({ InstanceId, TaskTemplateId }));
    },
    routingProfileId: async (name: string) =>
      idOf(
        (await connect.send(new ListRoutingProfilesCommand({ InstanceId }))).RoutingProfileSummaryList,
        name,
      ),
    routingProfile: async (name: string) =>
      (
        await connect.send(
          new DescribeRoutingProfileCommand({
            InstanceId,
            RoutingProfileId: await read.routingProfileId(name),
          }),
        )
      ).RoutingProfile,
    /** The permissions of the security profile of that name, sorted. */
    permissions: async (name: string) => {
      const list = await connect.send(new ListSecurityProfilesCommand({ InstanceId }));
      const SecurityProfileId = idOf(list.SecurityProfileSummaryList, name);
      const granted = await connect.send(
        new ListSecurityProfilePermissionsCommand({ InstanceId, SecurityProfileId }),
      );
      return granted.Permissions?.sort();
    },
    /** The names of the quick connects of the queue of that name, sorted. */
    queueQuickConnects: async (name: string) => {
      const queues = await connect.send(new ListQueuesCommand({ InstanceId, QueueTypes: ['STANDARD'] }));
      const QueueId = idOf(queues.QueueSummaryList, name);
      const list = await connect.send(new ListQueueQuickConnectsCommand({ InstanceId, QueueId }));
      return list.QuickConnectSummaryList?.map((q) => q.Name).sort();
    },
    /** Tasks initiated (or, with `scheduled`, scheduled) between `from` and `to`. */
    tasks: async (from: number, to: number, scheduled = false): Promise<ContactSearchSummary[]> =>
      (
        await connect.send(
          new SearchContactsCommand({
            InstanceId,
            TimeRange: {
              Type: scheduled ? 'SCHEDULED_TIMESTAMP' : 'INITIATION_TIMESTAMP',
              StartTime: new Date(from),
              EndTime: new Date(to),
            },
            SearchCriteria: { Channels: ['TASK'] },
          }),
        )
      ).Contacts ?? [],
  };
  return read;
}

/** A datetime-local value for epoch ms `at`, as a browser in Asia/Tokyo reads it (Japan has no DST). */
export const tokyoInput = (at: number) => new Date(at + 9 * 3_600_000).toISOString().slice(0, 16);

/** How the apps write a date and time (useI18n().dateTime in English), in the page's time zone. */
export const shownAs = (page: Page, at: number) =>
  page.evaluate(
    (ms) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(ms),
    at,
  );

/**
 * A caller on the web phone (at `phoneUrl`) dials `number` from `caller`, hears the greeting and the callback
 * offer while queued, presses 2, is told they will be called back at their number, and the call ends.
 */
export async function callAndPress2(
  page: Page,
  phoneUrl: string,
  call: { number: string; caller: string },
  shots: { waiting: () => Promise<void>; calledBack: () => Promise<void> },
): Promise<void> {
  await page.goto(phoneUrl);
  await page.getByLabel('Number to call').fill(call.number);
  await page.getByLabel('Your number (optional)').fill(call.caller);
  await page.getByRole('button', { name: 'Call' }).click();
  const transcript = page.getByTestId('transcript');
  await transcript.getByText('Thank you for calling. Please hold for the next available agent.').waitFor();
  await transcript
    .getByText('To keep waiting, stay on the line. To have an agent call you back, press 2.')
    .first()
    .waitFor();
  await page.locator('[data-testid="call-state"][data-state="queued"]').waitFor();
  await shots.waiting();
  await page.getByRole('group', { name: 'Keypad' }).getByRole('button', { name: '2', exact: true }).click();
  await transcript.getByText(`Thank you. An agent will call you back at ${call.caller}. Goodbye.`).waitFor();
  await page.locator('[data-testid="call-state"][data-state="ended"]').waitFor();
  await shots.calledBack();
}
