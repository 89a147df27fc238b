import {
  ConnectServiceException,
  CreateHoursOfOperationCommand,
  CreateInstanceCommand,
  DeleteHoursOfOperationCommand,
  DescribeHoursOfOperationCommand,
  DescribeInstanceCommand,
  ListBotsCommand,
  ListHoursOfOperationsCommand,
  ListInstancesCommand,
  UpdateContactScheduleCommand,
  UpdateHoursOfOperationCommand,
  paginateListHoursOfOperations,
  type CreateHoursOfOperationCommandInput,
} from '@aws-sdk/client-connect';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WireError } from '../../src/api/connect/errors.js';
import { describeStores } from '../support/env.js';
import { startConnectApi, type ConnectApiHarness } from './connect-harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const officeHours = (instanceId: string, Name = 'Office hours'): CreateHoursOfOperationCommandInput => ({
  InstanceId: instanceId,
  Name,
  TimeZone: 'Asia/Tokyo',
  Config: [{ Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 18, Minutes: 30 } }],
  Tags: { team: 'callbacks' },
});

/** The service exception `promise` fails with. */
async function failure(promise: Promise<unknown>): Promise<ConnectServiceException> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectServiceException);
    return e as ConnectServiceException;
  }
  throw new Error('expected the call to fail');
}

describeStores('Connect API over HTTP with the AWS SDK', (env) => {
  let api: ConnectApiHarness;
  beforeEach(async () => {
    api = await startConnectApi(env());
  });
  afterEach(async () => {
    await api.close();
  });

  it('creates, describes and lists instances; timestamps come back as Dates', async () => {
    const { client } = api;
    const created = await client.send(
      new CreateInstanceCommand({
        InstanceAlias: 'second-center',
        IdentityManagementType: 'CONNECT_MANAGED',
        InboundCallsEnabled: true,
        OutboundCallsEnabled: false,
      }),
    );
    expect(created.Arn).toBe(`arn:aws:connect:ap-northeast-1:123456789012:instance/${created.Id}`);
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.$metadata.requestId).toMatch(UUID);

    const { Instance } = await client.send(new DescribeInstanceCommand({ InstanceId: created.Id }));
    expect(Instance).toEqual({
      Id: created.Id,
      Arn: created.Arn,
      InstanceAlias: 'second-center',
      IdentityManagementType: 'CONNECT_MANAGED',
      InstanceStatus: 'ACTIVE',
      InboundCallsEnabled: true,
      OutboundCallsEnabled: false,
      CreatedTime: new Date(env().clock.now()),
      Tags: {},
    });
    const byArn = await client.send(new DescribeInstanceCommand({ InstanceId: created.Arn }));
    expect(byArn.Instance?.Id).toBe(created.Id);

    const page1 = await client.send(new ListInstancesCommand({ MaxResults: 1 }));
    expect(page1.InstanceSummaryList).toHaveLength(1);
    expect(page1.InstanceSummaryList?.[0]?.CreatedTime).toBeInstanceOf(Date);
    const page2 = await client.send(new ListInstancesCommand({ MaxResults: 1, NextToken: page1.NextToken }));
    expect(page2.NextToken).toBeUndefined();
    expect(
      [...(page1.InstanceSummaryList ?? []), ...(page2.InstanceSummaryList ?? [])].map(
        (i) => i.InstanceAlias,
      ),
    ).toEqual(expect.arrayContaining(['test-center', 'second-center']));
  });

  it('creates, describes, updates and deletes hours of operation', async () => {
    const { client } = api;
    const { instanceId, clock } = env();
    const created = await client.send(new CreateHoursOfOperationCommand(officeHours(instanceId)));
    expect(created.HoursOfOperationArn).toBe(
      `arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/operating-hours/${created.HoursOfOperationId}`,
    );
    const described = await client.send(
      new DescribeHoursOfOperationCommand({
        InstanceId: instanceId,
        HoursOfOperationId: created.HoursOfOperationId,
      }),
    );
    expect(described.HoursOfOperation).toEqual({
      HoursOfOperationId: created.HoursOfOperationId,
      HoursOfOperationArn: created.HoursOfOperationArn,
      Name: 'Office hours',
      TimeZone: 'Asia/Tokyo',
      Config: [{ Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 18, Minutes: 30 } }],
      Tags: { team: 'callbacks' },
      LastModifiedTime: new Date(clock.now()),
    });

    await clock.advance(1500);
    const updated = await client.send(
      new UpdateHoursOfOperationCommand({
        InstanceId: instanceId,
        HoursOfOperationId: created.HoursOfOperationId,
        Name: 'Weekdays',
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(200);
    const after = await client.send(
      new DescribeHoursOfOperationCommand({
        InstanceId: instanceId,
        HoursOfOperationId: created.HoursOfOperationId,
      }),
    );
    expect(after.HoursOfOperation?.Name).toBe('Weekdays');
    expect(after.HoursOfOperation?.LastModifiedTime).toEqual(new Date(clock.now()));

    await client.send(
      new DeleteHoursOfOperationCommand({
        InstanceId: instanceId,
        HoursOfOperationId: created.HoursOfOperationId,
      }),
    );
    const gone = await failure(
      client.send(
        new DescribeHoursOfOperationCommand({
          InstanceId: instanceId,
          HoursOfOperationId: created.HoursOfOperationId,
        }),
      ),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
    expect(gone.$metadata.httpStatusCode).toBe(404);
    expect(gone.message).toBe(`Hours of operation not found: ${created.HoursOfOperationId}`);
    expect(gone.$metadata.requestId).toMatch(UUID);
  });

  it('takes ARNs as path labels (percent-encoded by the SDK)', async () => {
    const { client } = api;
    const { instanceId, services } = env();
    const instance = await services.instances.describe(instanceId);
    const created = await client.send(new CreateHoursOfOperationCommand(officeHours(instance.Arn)));
    const described = await client.send(
      new DescribeHoursOfOperationCommand({
        InstanceId: instance.Arn,
        HoursOfOperationId: created.HoursOfOperationArn,
      }),
    );
    expect(described.HoursOfOperation?.HoursOfOperationId).toBe(created.HoursOfOperationId);
  });

  it('refuses invalid parameters naming the field, and duplicates with 409', async () => {
    const { client } = api;
    const { instanceId } = env();
    const badZone = await failure(
      client.send(
        new CreateHoursOfOperationCommand({ ...officeHours(instanceId), TimeZone: 'Mars/Olympus' }),
      ),
    );
    expect(badZone.name).toBe('InvalidParameterException');
    expect(badZone.$metadata.httpStatusCode).toBe(400);
    expect(badZone.message).toMatch(/^TimeZone/);

    const wrongType = await failure(
      client.send(
        new CreateHoursOfOperationCommand({
          ...officeHours(instanceId),
          Config: [
            {
              Day: 'MONDAY',
              StartTime: { Hours: '9' as unknown as number, Minutes: 0 },
              EndTime: { Hours: 18, Minutes: 0 },
            },
          ],
        }),
      ),
    );
    expect(wrongType.name).toBe('InvalidParameterException');
    expect(wrongType.message).toBe('Config[0].StartTime.Hours: must be a number');

    await client.send(new CreateHoursOfOperationCommand(officeHours(instanceId)));
    const dup = await failure(client.send(new CreateHoursOfOperationCommand(officeHours(instanceId))));
    expect(dup.name).toBe('DuplicateResourceException');
    expect(dup.$metadata.httpStatusCode).toBe(409);
    expect(dup.message).toMatch(/Office hours/);
  });

  it('pages with MaxResults and NextToken (the SDK paginator)', async () => {
    const { client } = api;
    const { instanceId } = env();
    const names = ['A', 'B', 'C', 'D', 'E'];
    for (const n of names) await client.send(new CreateHoursOfOperationCommand(officeHours(instanceId, n)));
    const pages: string[][] = [];
    for await (const page of paginateListHoursOfOperations(
      { client, pageSize: 2 },
      { InstanceId: instanceId },
    ))
      pages.push((page.HoursOfOperationSummaryList ?? []).map((h) => h.Name ?? ''));
    expect(pages).toEqual([['A', 'B'], ['C', 'D'], ['E']]);

    const one = await client.send(
      new ListHoursOfOperationsCommand({ InstanceId: instanceId, MaxResults: 1 }),
    );
    const first = one.HoursOfOperationSummaryList?.[0];
    expect(Object.keys(first ?? {}).sort()).toEqual(['Arn', 'Id', 'LastModifiedTime', 'Name']);
    expect(first).toMatchObject({ Name: 'A', LastModifiedTime: new Date(env().clock.now()) });
    expect(first?.Arn).toBe(
      `${(await env().services.instances.describe(instanceId)).Arn}/operating-hours/${first?.Id}`,
    );
    const badToken = await failure(
      client.send(new ListHoursOfOperationsCommand({ InstanceId: instanceId, NextToken: 'nonsense' })),
    );
    expect(badToken.name).toBe('InvalidParameterException');
    expect(badToken.message).toMatch(/^NextToken/);
  });

  it('refuses an operation Tsunagi does not serve, naming it', async () => {
    const err = await failure(
      api.client.send(new ListBotsCommand({ InstanceId: env().instanceId, LexVersion: 'V2' })),
    );
    expect(err.name).toBe('InvalidRequestException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe('Tsunagi does not support the operation ListBots yet');
  });

  it('answers malformed JSON, bad query values and unknown paths with AWS-shaped JSON errors', async () => {
    const { endpoint } = api;
    const { instanceId } = env();
    const bad = await fetch(`${endpoint}/hours-of-operations/${instanceId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"Name": "x",',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
    expect(bad.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(bad.headers.get('content-type')).toMatch(/application\/json/);
    expect(await bad.json()).toEqual({ Message: 'The request body is not valid JSON' });

    const notNumber = await fetch(`${endpoint}/hours-of-operations-summary/${instanceId}?maxResults=ten`);
    expect(notNumber.status).toBe(400);
    expect(notNumber.headers.get('x-amzn-errortype')).toBe('InvalidParameterException');
    expect(await notNumber.json()).toEqual({ Message: 'MaxResults: must be a number' });

    const unknown = await fetch(`${endpoint}/no-such-thing/${instanceId}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(unknown.headers.get('x-amzn-requestid')).toMatch(UUID);

    const noBodyNeeded = await fetch(`${endpoint}/instance/${instanceId}`);
    expect(noBodyNeeded.status).toBe(200);
    expect(noBodyNeeded.headers.get('x-amzn-requestid')).toMatch(UUID);
  });

  it('passes timestamps to handlers as epoch ms', async () => {
    await api.close();
    let received: Record<string, unknown> | undefined;
    api = await startConnectApi(env(), {
      handlers: {
        UpdateContactSchedule: (input) => {
          received = input;
          return Promise.resolve({});
        },
      },
    });
    await api.client.send(
      new UpdateContactScheduleCommand({
        InstanceId: 'i-1',
        ContactId: 'c-1',
        ScheduledTime: new Date(1_700_003_600_500),
      }),
    );
    expect(received).toEqual({ InstanceId: 'i-1', ContactId: 'c-1', ScheduledTime: 1_700_003_600_500 });
  });

  it('answers an unexpected failure with a generic 500, and a refused signature as authentication says', async () => {
    await api.close();
    api = await startConnectApi(env(), {
      handlers: {
        DescribeInstance: () => Promise.reject(new Error('connection string postgres://secret')),
      },
    });
    const res = await fetch(`${api.endpoint}/instance/${env().instanceId}`);
    expect(res.status).toBe(500);
    expect(res.headers.get('x-amzn-errortype')).toBe('InternalServiceException');
    expect(JSON.stringify(await res.json())).not.toMatch(/secret|Error|at /);

    await api.close();
    api = await startConnectApi(env(), {
      authenticate: () =>
        Promise.reject(new WireError('UnrecognizedClientException', 403, 'The security token is invalid')),
    });
    const refused = await failure(
      api.client.send(new DescribeInstanceCommand({ InstanceId: env().instanceId })),
    );
    expect(refused.name).toBe('UnrecognizedClientException');
    expect(refused.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses a body over the limit with 413', async () => {
    await api.close();
    api = await startConnectApi(env(), { bodyLimit: 256 });
    const res = await fetch(`${api.endpoint}/hours-of-operations/${env().instanceId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Name: 'x'.repeat(1000) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
    expect(res.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(await res.json()).toEqual({ Message: 'The request body is too large' });
  });
});
