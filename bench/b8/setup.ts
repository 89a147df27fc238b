/**
 * B8's configuration, made over the Connect API with the real SDK as a script would: always-open hours, a queue,
 * a CONTACT_FLOW task flow that transfers to it, a routing profile (TASK, `concurrency` slots) on that queue, a
 * security profile with BasicAgentAccess, and `agents` users with a known password.
 */
import http from 'node:http';
import {
  ConnectClient,
  CreateContactFlowCommand,
  CreateHoursOfOperationCommand,
  CreateQueueCommand,
  CreateRoutingProfileCommand,
  CreateSecurityProfileCommand,
  CreateUserCommand,
  ListAgentStatusesCommand,
} from '@aws-sdk/client-connect';
import type { ServerKey } from './server.js';

export const AGENT_PASSWORD = 'CrashTest2026';

/** An SDK client of the server at `url` (no retries of its own: B8 retries by hand, with the same token). */
export function connectClient(url: string, key: ServerKey, sockets = 64): ConnectClient {
  return new ConnectClient({
    endpoint: `${url}/connect`,
    region: 'us-east-1',
    credentials: key,
    maxAttempts: 1,
    requestHandler: {
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: sockets }),
      requestTimeout: 30_000,
    },
  });
}

export interface CrashSetup {
  queueId: string;
  flowId: string;
  availableStatusId: string;
  usernames: string[];
}

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

/** The task flow: set the working queue, transfer to it (an error on either ends the task). */
function taskFlow(queueArn: string): string {
  const toEnd = (...types: string[]) => types.map((ErrorType) => ({ ErrorType, NextAction: 'end' }));
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'set-queue',
    Actions: [
      {
        Identifier: 'set-queue',
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId: queueArn },
        Transitions: { NextAction: 'transfer', Errors: toEnd('NoMatchingError') },
      },
      {
        Identifier: 'transfer',
        Type: 'TransferContactToQueue',
        Parameters: {},
        Transitions: { Errors: toEnd('NoMatchingError', 'QueueAtCapacity') },
      },
      { Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  });
}

export async function setUpCrashTest(
  connect: ConnectClient,
  InstanceId: string,
  options: { agents: number; concurrency: number },
): Promise<CrashSetup> {
  const hours = await connect.send(
    new CreateHoursOfOperationCommand({
      InstanceId,
      Name: 'Always open',
      TimeZone: 'UTC',
      Config: DAYS.map((Day) => ({
        Day,
        StartTime: { Hours: 0, Minutes: 0 },
        EndTime: { Hours: 0, Minutes: 0 },
      })),
    }),
  );
  const queue = await connect.send(
    new CreateQueueCommand({ InstanceId, Name: 'Crash tasks', HoursOfOperationId: hours.HoursOfOperationId }),
  );
  const flow = await connect.send(
    new CreateContactFlowCommand({
      InstanceId,
      Name: 'Crash task to queue',
      Type: 'CONTACT_FLOW',
      Content: taskFlow(queue.QueueArn ?? ''),
    }),
  );
  const profile = await connect.send(
    new CreateRoutingProfileCommand({
      InstanceId,
      Name: 'Crash task agents',
      Description: 'Tasks of the crash test',
      DefaultOutboundQueueId: queue.QueueId,
      MediaConcurrencies: [{ Channel: 'TASK', Concurrency: options.concurrency }],
      QueueConfigs: [{ QueueReference: { QueueId: queue.QueueId, Channel: 'TASK' }, Priority: 1, Delay: 0 }],
    }),
  );
  const security = await connect.send(
    new CreateSecurityProfileCommand({
      InstanceId,
      SecurityProfileName: 'Crash agents',
      Permissions: ['BasicAgentAccess'],
    }),
  );
  const usernames: string[] = [];
  for (let i = 1; i <= options.agents; i++) {
    const Username = `crash-agent-${i}`;
    await connect.send(
      new CreateUserCommand({
        InstanceId,
        Username,
        Password: AGENT_PASSWORD,
        SecurityProfileIds: [security.SecurityProfileId ?? ''],
        RoutingProfileId: profile.RoutingProfileId,
        PhoneConfig: { PhoneType: 'SOFT_PHONE' },
      }),
    );
    usernames.push(Username);
  }
  const statuses = await connect.send(new ListAgentStatusesCommand({ InstanceId }));
  const available = statuses.AgentStatusSummaryList?.find((s) => s.Name === 'Available')?.Id;
  if (!available) throw new Error('the built-in status Available is missing');
  return {
    queueId: queue.QueueId ?? '',
    flowId: flow.ContactFlowId ?? '',
    availableStatusId: available,
    usernames,
  };
}
