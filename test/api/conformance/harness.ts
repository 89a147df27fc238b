/**
 * The Connect API conformance suite's server: a whole Tsunagi (`startTsunagi`: SigV4 against access keys,
 * permissions per operation, every handler) on a fresh SQLite file and on a fresh PostgreSQL schema, driven by
 * the real `@aws-sdk/client-connect` (maxAttempts 1) signing with the bootstrap key of the built-in administrator.
 * The engine runs on a FakeClock (scheduling is stepped by the test); SigV4 checks the real time.
 *
 * Every client records the operations that succeeded through it (a middleware reads the command's name), and the
 * last test of each file checks that the file exercised every operation COVERAGE gives it; coverage.test.ts
 * checks that COVERAGE names every operation Tsunagi supports.
 */
import { createSchema, urlWithSchema } from '../../support/pg-schema.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectClient, ConnectServiceException } from '@aws-sdk/client-connect';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../../src/app/config.js';
import { startTsunagi, type Tsunagi } from '../../../src/app/runtime.js';
import { FakeClock } from '../../../src/core/index.js';
import type { SupportedOperationName } from '../../../src/api/connect/types.js';

export const REGION = 'ap-northeast-1';
export const ACCOUNT = '123456789012';
export const BOOTSTRAP = {
  accessKeyId: 'AKIACONFORMANCE0000',
  secretAccessKey: 'conformance/secret/0123456789abcdefABCDEF',
};
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const HOUR = 3_600_000;

/** Which test file must exercise which operations (each successfully, at least once, on each store). */
export const COVERAGE = {
  'instances-hours': [
    'CreateInstance',
    'DescribeInstance',
    'ListInstances',
    'CreateHoursOfOperation',
    'DescribeHoursOfOperation',
    'ListHoursOfOperations',
    'UpdateHoursOfOperation',
    'DeleteHoursOfOperation',
  ],
  'queues-quick-connects': [
    'CreateQueue',
    'DescribeQueue',
    'ListQueues',
    'UpdateQueueStatus',
    'UpdateQueueMaxContacts',
    'AssociateQueueQuickConnects',
    'DisassociateQueueQuickConnects',
    'ListQueueQuickConnects',
    'CreateQuickConnect',
    'DescribeQuickConnect',
    'ListQuickConnects',
    'DeleteQuickConnect',
    'UpdateQuickConnectConfig',
  ],
  'routing-profiles': [
    'CreateRoutingProfile',
    'DescribeRoutingProfile',
    'ListRoutingProfiles',
    'AssociateRoutingProfileQueues',
    'ListRoutingProfileQueues',
    'UpdateRoutingProfileConcurrency',
    'UpdateRoutingProfileQueues',
  ],
  'users-security': [
    'CreateUser',
    'DescribeUser',
    'ListUsers',
    'DeleteUser',
    'UpdateUserRoutingProfile',
    'UpdateUserSecurityProfiles',
    'CreateSecurityProfile',
    'DescribeSecurityProfile',
    'ListSecurityProfiles',
    'UpdateSecurityProfile',
    'DeleteSecurityProfile',
    'ListSecurityProfilePermissions',
  ],
  'flows-numbers': [
    'CreateContactFlow',
    'DescribeContactFlow',
    'ListContactFlows',
    'UpdateContactFlowContent',
    'DeleteContactFlow',
    'ClaimPhoneNumber',
    'ListPhoneNumbersV2',
    'DescribePhoneNumber',
    'AssociatePhoneNumberContactFlow',
  ],
  'task-templates': [
    'CreateTaskTemplate',
    'GetTaskTemplate',
    'UpdateTaskTemplate',
    'ListTaskTemplates',
    'DeleteTaskTemplate',
  ],
  contacts: [
    'StartTaskContact',
    'DescribeContact',
    'StopContact',
    'TransferContact',
    'UpdateContact',
    'UpdateContactAttributes',
    'GetContactAttributes',
    'ListContactReferences',
  ],
  'agents-metrics': [
    'PutUserStatus',
    'ListAgentStatuses',
    'CreateAgentStatus',
    'DescribeAgentStatus',
    'UpdateAgentStatus',
    'GetCurrentMetricData',
    'GetCurrentUserData',
  ],
  scenario: ['UpdateContactSchedule', 'SearchContacts'],
} as const satisfies Record<string, readonly SupportedOperationName[]>;

export type ConformanceFile = keyof typeof COVERAGE;

export interface Server {
  tsunagi: Tsunagi;
  /** The administrator's client (the bootstrap key). */
  client: ConnectClient;
  /** The default instance: the administrator's. */
  instanceId: string;
  clock: FakeClock;
  kind: 'sqlite' | 'postgres';
  /** A client signing with another access key (its successes count as exercised too). */
  clientFor(key: { AccessKeyId: string; SecretAccessKey: string }): ConnectClient;
  /** Moves the engine's clock and waits until every command it started is done. */
  advance(ms: number): Promise<void>;
  /** Waits until the engine has handled everything pending. */
  idle(): Promise<void>;
  /** Names of the operations that succeeded through this server's clients. */
  exercised: Set<string>;
}

function recordingClient(
  exercised: Set<string>,
  url: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
): ConnectClient {
  const client = new ConnectClient({
    endpoint: `${url}/connect`,
    region: REGION,
    credentials,
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName) exercised.add(context.commandName.replace(/Command$/, ''));
      return result;
    },
    { step: 'initialize', name: 'recordExercisedOperation' },
  );
  return client;
}

let serverSeq = 0;

/** A Tsunagi on `kind`: a SQLite file in a temp folder, or a PostgreSQL URL whose search_path is a new schema. */
async function startServer(kind: 'sqlite' | 'postgres'): Promise<Server & { stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagi-conformance-'));
  let database = join(dir, 'tsunagi.db');
  let schema: string | undefined;
  const pgUrl = inject('postgresUrl');
  if (kind === 'postgres') {
    if (!pgUrl) throw new Error('PostgreSQL is not available for this run');
    schema = `${inject('schemaPrefix')}_c${process.pid}_${serverSeq++}`.toLowerCase();
    await createSchema(pgUrl, schema);
    database = urlWithSchema(pgUrl, schema);
  }
  const env = {
    TSUNAGI_BOOTSTRAP_ACCESS_KEY_ID: BOOTSTRAP.accessKeyId,
    TSUNAGI_BOOTSTRAP_SECRET_ACCESS_KEY: BOOTSTRAP.secretAccessKey,
    TSUNAGI_ADMIN_PASSWORD: 'Conformance2026',
    TSUNAGI_REGION: REGION,
    TSUNAGI_ACCOUNT_ID: ACCOUNT,
    // The PostgreSQL half would otherwise keep its master key in ./data.
    TSUNAGI_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  };
  const config = loadConfig({ port: 0, database }, env);
  const clock = new FakeClock();
  const previousKey = process.env.TSUNAGI_MASTER_KEY;
  process.env.TSUNAGI_MASTER_KEY = env.TSUNAGI_MASTER_KEY;
  let tsunagi: Tsunagi;
  try {
    tsunagi = await startTsunagi(config, { clock });
  } finally {
    if (previousKey === undefined) delete process.env.TSUNAGI_MASTER_KEY;
    else process.env.TSUNAGI_MASTER_KEY = previousKey;
  }
  const exercised = new Set<string>();
  const clients: ConnectClient[] = [];
  const clientFor = (key: { AccessKeyId: string; SecretAccessKey: string }) => {
    const c = recordingClient(exercised, tsunagi.url, {
      accessKeyId: key.AccessKeyId,
      secretAccessKey: key.SecretAccessKey,
    });
    clients.push(c);
    return c;
  };
  const client = clientFor({
    AccessKeyId: BOOTSTRAP.accessKeyId,
    SecretAccessKey: BOOTSTRAP.secretAccessKey,
  });
  const idle = () => tsunagi.engine.idle();
  return {
    tsunagi,
    client,
    instanceId: tsunagi.defaultInstance.Id,
    clock,
    kind,
    clientFor,
    idle,
    async advance(ms) {
      await clock.advance(ms);
      await idle();
    },
    exercised,
    async stop() {
      for (const c of clients) c.destroy();
      await tsunagi.close();
      if (schema && pgUrl) await createSchema(pgUrl, schema, true);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `body` runs against one Tsunagi per store (SQLite, then PostgreSQL when it answers), started once for the file.
 * The file's last test checks that every operation COVERAGE gives `file` succeeded at least once.
 */
export function describeServers(
  file: ConformanceFile,
  title: string,
  body: (server: () => Server) => void,
): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe.skipIf(kind === 'postgres' && !inject('postgresUrl'))(`${title} [${kind}]`, () => {
      let server: (Server & { stop(): Promise<void> }) | undefined;
      beforeAll(async () => {
        server = await startServer(kind);
      });
      afterAll(async () => {
        await server?.stop();
        server = undefined;
      });
      const current = () => {
        if (!server) throw new Error('no server');
        return server;
      };
      body(current);
      it(`exercised every operation of ${file}`, () => {
        const missing = COVERAGE[file].filter((op) => !current().exercised.has(op));
        expect(missing, 'operations no test of this file called successfully').toEqual([]);
      });
    });
  }
}

/** The service exception `promise` fails with, checked for its code and HTTP status. */
export async function failure(
  promise: Promise<unknown>,
  name: string,
  status?: number,
): Promise<ConnectServiceException & Record<string, unknown>> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectServiceException);
    const err = e as ConnectServiceException & Record<string, unknown>;
    expect(err.name, err.message).toBe(name);
    if (status !== undefined) expect(err.$metadata.httpStatusCode).toBe(status);
    return err;
  }
  throw new Error(`expected ${name}, but the call succeeded`);
}

/** A name no other test of the file uses. */
let nameSeq = 0;
export const unique = (prefix: string): string => `${prefix} ${++nameSeq}`;
