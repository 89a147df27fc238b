/**
 * The console's flows and phone numbers in Chromium against a real Tsunagi: the administrator imports the
 * scenario's four flows (examples/callback-via-task) through the UI — files and a pasted DescribeContactFlow
 * export —, first meets a broken paste (lint names the block, nothing is saved), sees each flow's example ARNs
 * bound to this instance by name, meets DuplicateResourceException and then replaces a flow's content on
 * purpose, sees a flow's picture, exports it (the file is the stored content), and claims a number and binds it
 * to the inbound flow. The server's state is read back through the SDK.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateQueueCommand,
  CreateTaskTemplateCommand,
  DescribeContactFlowCommand,
  DescribePhoneNumberCommand,
  ListContactFlowsCommand,
  ListHoursOfOperationsCommand,
  ListPhoneNumbersV2Command,
} from '@aws-sdk/client-connect';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';
import { callbackTemplateRequest } from '../tasks/callback-template.js';
import { describeBrowser } from './browser.js';
import { ADMIN_PASSWORD, startWebServer, type WebServer } from './server.js';

const BROWSER_TEST = 60_000;
const EXAMPLES = join(repoRoot, 'examples/callback-via-task');
const example = (file: string) => readFileSync(join(EXAMPLES, file), 'utf8');
const NUMBER = '+81312345678';

describeBrowser("the console's flows and phone numbers", (newPage) => {
  let server: WebServer;
  let callbackQueueArn: string;

  beforeAll(async () => {
    server = await startWebServer();
    const { connect, instanceId: InstanceId } = server;
    // The queue F2 names (BasicQueue comes with the instance); the template comes once F3 is imported.
    const hours = await connect.send(new ListHoursOfOperationsCommand({ InstanceId }));
    const HoursOfOperationId = hours.HoursOfOperationSummaryList?.[0]?.Id;
    const queue = await connect.send(
      new CreateQueueCommand({ InstanceId, Name: 'CallbackQueue', HoursOfOperationId }),
    );
    callbackQueueArn = queue.QueueArn ?? '';
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  /** The instance's flows by name, read through the SDK. */
  const storedFlows = async () => {
    const list = await server.connect.send(new ListContactFlowsCommand({ InstanceId: server.instanceId }));
    return new Map((list.ContactFlowSummaryList ?? []).map((f) => [f.Name ?? '', f.Id ?? '']));
  };
  const content = async (ContactFlowId: string) =>
    (
      await server.connect.send(
        new DescribeContactFlowCommand({ InstanceId: server.instanceId, ContactFlowId }),
      )
    ).ContactFlow;

  /** Opens the import form, gives it the flow, waits for the checks, saves; answers the form. */
  async function importFlow(page: Page, source: { file: string } | { paste: string }, name: string) {
    await page.getByRole('button', { name: 'Import a flow' }).click();
    const form = page.getByRole('form', { name: 'Import a flow' });
    if ('file' in source)
      await form.getByLabel('Flow file (.json)').setInputFiles(join(EXAMPLES, source.file));
    else await form.getByLabel('Or paste the flow JSON').fill(source.paste);
    // A chosen file is read asynchronously: its name fills the field a moment later.
    await expect.poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    await form.getByRole('button', { name: 'Save the flow' }).click();
    await page.getByRole('status').getByText(`Imported ${name}.`).waitFor();
    return form;
  }

  it(
    'imports the scenario flows with lint and bound references, draws and exports one, binds a number to F1',
    async () => {
      const { page, screenshot } = await newPage();
      const { connect, instanceId: InstanceId } = server;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));

      await page.goto(`${server.url}/console#flows`);
      await page.getByLabel('Username').fill('admin');
      await page.getByLabel('Password').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { name: 'Flows', level: 2 }).waitFor();
      await page.getByText('No flows yet.').waitFor();

      // A broken paste: Greeting's next action names a block F1 does not have. Lint names the block; no save.
      const broken = JSON.parse(example('F1-inbound.json')) as {
        Actions: { Identifier: string; Transitions: { NextAction?: string } }[];
      };
      const greeting = broken.Actions.find((a) => a.Identifier === 'Greeting');
      if (greeting) greeting.Transitions.NextAction = 'Say goodbye';
      await page.getByRole('button', { name: 'Import a flow' }).click();
      const form = page.getByRole('form', { name: 'Import a flow' });
      await form.getByLabel('Or paste the flow JSON').fill(JSON.stringify(broken, null, 2));
      await expect.poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe('Callback inbound');
      await expect.poll(() => form.getByLabel('Type', { exact: true }).inputValue()).toBe('CONTACT_FLOW');
      const lintErrors = form.getByTestId('lint-errors');
      await lintErrors.waitFor();
      expect(await lintErrors.textContent()).toContain(
        "Block Greeting (MessageParticipant): Actions[1] ('Greeting'): Transitions.NextAction goes to 'Say goodbye', which is not an action",
      );
      expect(await form.getByTestId('fg-block-Greeting').getAttribute('class')).toBe('fg-block error');
      expect(await form.getByRole('button', { name: 'Save the flow' }).isDisabled()).toBe(true);
      await form.getByText('Fix the errors first.').waitFor();
      await screenshot('console-flow-import-lint');
      await form.getByRole('button', { name: 'Close' }).click();
      expect((await storedFlows()).size).toBe(0);

      // F4 and F3 from files; F3's reference to F4 is bound to the flow just imported.
      await importFlow(page, { file: 'F4-task-queue.json' }, 'Callback task queue');
      await page.getByRole('button', { name: 'Import a flow' }).click();
      await form.getByLabel('Flow file (.json)').setInputFiles(join(EXAMPLES, 'F3-task.json'));
      await form
        .getByTestId('import-references')
        .getByText('Flow Callback task queue: found in this instance')
        .waitFor();
      await form.getByTestId('lint-clean').waitFor();
      await form.getByRole('button', { name: 'Save the flow' }).click();
      await page.getByRole('status').getByText('Imported Callback task.').waitFor();

      // The template F2 creates its tasks from (made as a script would), then F2 pasted as DescribeContactFlow gives it.
      let flows = await storedFlows();
      await connect.send(
        new CreateTaskTemplateCommand({
          InstanceId,
          ...callbackTemplateRequest(flows.get('Callback task') ?? ''),
        }),
      );
      const described = {
        ContactFlow: {
          Name: 'Callback customer queue',
          Type: 'CUSTOMER_QUEUE',
          Description: 'F2, pasted as DescribeContactFlow answers it',
          Content: example('F2-customer-queue.json'),
        },
      };
      await page.getByRole('button', { name: 'Import a flow' }).click();
      await form.getByLabel('Or paste the flow JSON').fill(JSON.stringify(described));
      await expect.poll(() => form.getByLabel('Type', { exact: true }).inputValue()).toBe('CUSTOMER_QUEUE');
      await expect
        .poll(() => form.getByLabel('Description', { exact: true }).inputValue())
        .toBe(described.ContactFlow.Description);
      const refs = form.getByTestId('import-references');
      await refs.getByText('Task template Callback request: found').waitFor();
      await refs.getByText('Flow Callback task: found').waitFor();
      await refs.getByText('Queue CallbackQueue: found').waitFor();
      expect(await refs.locator('li.missing').count()).toBe(0);
      await form.getByRole('button', { name: 'Save the flow' }).click();
      await page.getByRole('status').getByText('Imported Callback customer queue.').waitFor();

      await importFlow(page, { file: 'F1-inbound.json' }, 'Callback inbound');

      // F4 again: refused as a duplicate (in words, on the form), then replaced on purpose.
      await page.getByRole('button', { name: 'Import a flow' }).click();
      await form.getByLabel('Flow file (.json)').setInputFiles(join(EXAMPLES, 'F4-task-queue.json'));
      await form
        .getByTestId('import-exists')
        .getByText('A flow named Callback task queue already exists')
        .waitFor();
      await form.getByRole('button', { name: 'Save the flow' }).click();
      await form
        .getByRole('alert')
        .getByText(/^The flow was not saved: .*Callback task queue/)
        .waitFor();
      await form.getByLabel('Replace the content of the existing flow with this one').check();
      await form.getByRole('button', { name: 'Replace the content' }).click();
      await page.getByRole('status').getByText('Replaced the content of Callback task queue.').waitFor();

      flows = await storedFlows();
      expect([...flows.keys()].sort()).toEqual([
        'Callback customer queue',
        'Callback inbound',
        'Callback task',
        'Callback task queue',
      ]);
      expect((await content(flows.get('Callback task queue') ?? ''))?.Version).toBe(2);
      // Every example ARN was bound to this instance's resources.
      const f1 = (await content(flows.get('Callback inbound') ?? ''))?.Content ?? '';
      const f2 = (await content(flows.get('Callback customer queue') ?? ''))?.Content ?? '';
      expect(f1).not.toContain('instance/example/');
      expect(f2).not.toContain('instance/example/');
      expect(f2).toContain(callbackQueueArn);
      expect(f1).toContain(`contact-flow/${flows.get('Callback customer queue')}`);

      const table = page.getByTestId('flows');
      await table.getByRole('cell', { name: described.ContactFlow.Description }).waitFor();
      await table.getByRole('cell', { name: /^F1: the inbound flow bound to the phone number/ }).waitFor();
      expect(await table.locator('tbody tr').count()).toBe(4);
      await table.getByRole('row', { name: /Callback customer queue Customer queue Published/ }).waitFor();
      await screenshot('console-flows-list');

      // The picture of F2: every block, the keypress branch "2", and the list for those who do not see it.
      await table.getByRole('button', { name: 'Show Callback customer queue' }).click();
      const view = page.getByTestId('flow-view');
      const svg = view.getByTestId('flow-graph');
      await svg.waitFor();
      const blocks = JSON.parse(example('F2-customer-queue.json')) as { Actions: { Identifier: string }[] };
      expect(await svg.locator('[data-block]').count()).toBe(blocks.Actions.length);
      for (const a of blocks.Actions) await svg.locator(`[data-block="${a.Identifier}"]`).waitFor();
      expect(await svg.locator('[data-block="Offer callback"] .fg-port.condition').textContent()).toBe('2');
      expect(await svg.locator('[data-block="Offer callback"] .fg-port.error').allTextContents()).toEqual([
        'Timeout',
        'NoMatchingCondition',
        'NoMatchingError',
      ]);
      expect(await svg.locator('path.fg-edge').count()).toBeGreaterThan(blocks.Actions.length);
      // What a block does, in this instance's names (the content holds the ARNs the import bound).
      expect(await svg.locator('[data-block="Create callback task"] .fg-summary').textContent()).toBe(
        'Callback request',
      );
      await view.getByText('Blocks and branches, as a list').click();
      await view
        .getByTestId('block-item-Offer callback')
        .getByText('2 → Create callback task (CreateTask)')
        .waitFor();
      await screenshot('console-flow-graph');
      await view.getByRole('button', { name: 'Actual size' }).click();
      await view.getByRole('button', { name: 'Zoom in' }).click();
      await view.getByText('Scale: 125%').waitFor();
      expect(Number(await svg.getAttribute('width'))).toBeGreaterThan(
        Number(await svg.getAttribute('viewBox').then((v) => v?.split(' ')[2])),
      );

      // Export: the file is the stored content, byte for byte.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        view.getByRole('button', { name: 'Export', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('Callback customer queue.json');
      const file = readFileSync(await download.path(), 'utf8');
      expect(file).toBe(f2);
      expect(JSON.parse(file)).toEqual(JSON.parse(f2));

      // Phone numbers: a wrong number is refused in words; a right one claimed and bound to F1.
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Phone numbers' })
        .click();
      await page.getByText('No phone numbers yet.').waitFor();
      const claim = page.getByRole('form', { name: 'Claim a number' });
      await claim.getByLabel('Phone number').fill('03-1234-5678');
      await claim.getByRole('button', { name: 'Claim' }).click();
      await claim
        .getByRole('alert')
        .getByText(/PhoneNumber/)
        .waitFor();
      await claim.getByLabel('Phone number').fill(NUMBER);
      await claim.getByRole('button', { name: 'Claim' }).click();
      await page.getByRole('status').getByText(`Claimed ${NUMBER}.`).waitFor();
      const row = page.getByTestId(`number-${NUMBER}`);
      await row.getByRole('cell', { name: 'Japan (JP)' }).waitFor();
      await row.getByRole('cell', { name: 'Direct (DID)' }).waitFor();
      expect(await row.getByTestId('number-flow').textContent()).toBe('None: calls to it are not answered');
      const choice = row.getByLabel(`Inbound flow for ${NUMBER}`);
      expect(await choice.locator('option').allTextContents()).toEqual([
        'Choose a flow',
        'Callback inbound',
        'Callback task',
      ]);
      await choice.selectOption({ label: 'Callback inbound' });
      await row.getByRole('button', { name: `Bind ${NUMBER} to the chosen flow` }).click();
      await page.getByRole('status').getByText(`${NUMBER} now runs Callback inbound.`).waitFor();
      await row.getByTestId('number-flow').getByText('Callback inbound').waitFor();
      await screenshot('console-numbers');

      const numbers = await connect.send(new ListPhoneNumbersV2Command({ InstanceId }));
      expect(numbers.ListPhoneNumbersSummaryList?.map((n) => n.PhoneNumber)).toEqual([NUMBER]);
      const PhoneNumberId = numbers.ListPhoneNumbersSummaryList?.[0]?.PhoneNumberId ?? '';
      const claimed = (await connect.send(new DescribePhoneNumberCommand({ PhoneNumberId })))
        .ClaimedPhoneNumberSummary;
      expect(claimed).toMatchObject({
        PhoneNumber: NUMBER,
        PhoneNumberCountryCode: 'JP',
        PhoneNumberType: 'DID',
        PhoneNumberStatus: { Status: 'CLAIMED' },
      });
      // Connect's API has no member for a number's flow: the binding is read from the service.
      expect((await server.tsunagi.services.phoneNumbers.describe(PhoneNumberId)).ContactFlowId).toBe(
        flows.get('Callback inbound'),
      );
      expect(errors).toEqual([]);
    },
    BROWSER_TEST,
  );
});
