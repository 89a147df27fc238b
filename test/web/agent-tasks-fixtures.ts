/**
 * What test/web/agent-tasks.test.ts adds to the SDK scenario, and how it acts: a quick connect whose transfer flow
 * fails on tasks (X2), an agent whose security profile restricts task creation (P1), logging an agent in,
 * starting a callback task through StartTaskContact, accepting an offer.
 */
import {
  AssociateQueueQuickConnectsCommand,
  CreateContactFlowCommand,
  CreateQuickConnectCommand,
  CreateSecurityProfileCommand,
  CreateUserCommand,
  StartTaskContactCommand,
  type ConnectClient,
} from '@aws-sdk/client-connect';
import type { Page } from 'playwright-core';
import { PASSWORD, type SdkScenario } from '../api/conformance/scenario-sdk.js';
import { flowJson } from '../support/flows.js';
import type { WebServer } from './server.js';

/** X2's quick connect "Callback queue (menu)" on CallbackQueue, and agent3 who may not create tasks (P1). */
export async function addX2QuickConnectAndRestrictedAgent(
  connect: ConnectClient,
  InstanceId: string,
  s: SdkScenario,
): Promise<void> {
  // X2: a transfer flow that asks for a key first; Get customer input fails on the TASK channel.
  const menu = await connect.send(
    new CreateContactFlowCommand({
      InstanceId,
      Name: 'Transfer with a menu',
      Type: 'QUEUE_TRANSFER',
      Content: flowJson('Menu', {
        Menu: {
          Type: 'GetParticipantInput',
          Parameters: {
            Text: 'Press 1 to be transferred.',
            InputTimeLimitSeconds: '5',
            StoreInput: 'False',
          },
          Conditions: [['1', 'Transfer']],
          Errors: { NoMatchingError: 'End', InputTimeLimitExceeded: 'End', NoMatchingCondition: 'End' },
        },
        Transfer: {
          Type: 'TransferContactToQueue',
          Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' },
        },
        End: { Type: 'DisconnectParticipant' },
      }),
    }),
  );
  const broken = await connect.send(
    new CreateQuickConnectCommand({
      InstanceId,
      Name: 'Callback queue (menu)',
      QuickConnectConfig: {
        QuickConnectType: 'QUEUE',
        QueueConfig: { QueueId: s.callbackQueue.QueueId, ContactFlowId: menu.ContactFlowId },
      },
    }),
  );
  await connect.send(
    new AssociateQueueQuickConnectsCommand({
      InstanceId,
      QueueId: s.callbackQueue.QueueId,
      QuickConnectIds: [broken.QuickConnectId ?? ''],
    }),
  );
  // P1: an agent whose security profile restricts task creation.
  const restricted = await connect.send(
    new CreateSecurityProfileCommand({
      InstanceId,
      SecurityProfileName: 'Agent without task creation',
      Permissions: ['BasicAgentAccess', 'RestrictTaskCreation.Access'],
    }),
  );
  await connect.send(
    new CreateUserCommand({
      InstanceId,
      Username: 'agent3',
      Password: PASSWORD,
      SecurityProfileIds: [restricted.SecurityProfileId ?? ''],
      RoutingProfileId: s.taskProfile.RoutingProfileId,
      PhoneConfig: { PhoneType: 'SOFT_PHONE' },
    }),
  );
}

/** Logs `username` in to /agent and, unless told otherwise, makes them Available. */
export async function logInAgent(page: Page, url: string, username: string, available: boolean) {
  await page.goto(`${url}/agent`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText(`Logged in as ${username}`).waitFor();
  await page.locator('.connection.open').waitFor();
  if (!available) return;
  await page.getByLabel('Status').selectOption({ label: 'Available' });
  await page.getByTestId('announcer').getByText('Status: Available').waitFor();
}

/** A callback task made through StartTaskContact, routed by flow F3 to CallbackQueue. */
export async function startCallbackTask(
  server: WebServer,
  s: SdkScenario,
  Name: string,
  ScheduledTime?: Date,
): Promise<string> {
  const started = await server.connect.send(
    new StartTaskContactCommand({
      InstanceId: server.instanceId,
      TaskTemplateId: s.template.Id,
      Name,
      Attributes: { CallbackQueue: s.callbackQueue.QueueArn },
      References: { PhoneNumber: { Type: 'STRING', Value: '+819012345678' } },
      ...(ScheduledTime && { ScheduledTime }),
    }),
  );
  return started.ContactId ?? '';
}

/** Accepts the offer of the contact named `name`. */
export async function accept(page: Page, name: string): Promise<void> {
  const offer = page.getByTestId('offer').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await offer.getByRole('button', { name: `Accept ${name}` }).click();
  await page
    .getByTestId('contact-list')
    .getByRole('button', { name: new RegExp(name) })
    .waitFor();
}
