import { describe, expect, it } from 'vitest';
import { decodeInput, encodeOutput, fromWire, toWire } from '../../src/api/connect/codec.js';
import { errorAnswer, INTERNAL_MESSAGE, WireError } from '../../src/api/connect/errors.js';
import { OPERATIONS, SUPPORTED_OPERATIONS } from '../../src/api/connect/model.generated.js';
import { matchRoute } from '../../src/api/connect/router.js';
import { ConnectError, inUse, notFound, propertyValidation } from '../../src/core/index.js';
import { expectConnectError } from '../support/errors.js';

const QUEUE_ARN = 'arn:aws:connect:ap-northeast-1:123456789012:instance/inst-1/queue/q 1';
const encoded = (s: string) => encodeURIComponent(s);

const sync = <T>(f: () => T): Promise<T> => Promise.resolve().then(f);

describe('router', () => {
  it('knows every operation of the model by method and URI', () => {
    expect(Object.keys(OPERATIONS)).toHaveLength(380);
    expect(Object.keys(SUPPORTED_OPERATIONS)).toHaveLength(71);
    expect(matchRoute('GET', '/instance')).toEqual({ operation: 'ListInstances', labels: {} });
    expect(matchRoute('GET', '/instance/abc')).toEqual({
      operation: 'DescribeInstance',
      labels: { InstanceId: 'abc' },
    });
    expect(matchRoute('GET', '/instance/abc/bots')?.operation).toBe('ListBots');
    expect(matchRoute('PUT', '/contact/task')?.operation).toBe('StartTaskContact');
  });

  it('splits the raw path first, then decodes each segment (an ARN is one label)', () => {
    const match = matchRoute(
      'GET',
      `/queues/${encoded('arn:aws:connect:r:1:instance/inst-1')}/${encoded(QUEUE_ARN)}`,
    );
    expect(match).toEqual({
      operation: 'DescribeQueue',
      labels: { InstanceId: 'arn:aws:connect:r:1:instance/inst-1', QueueId: QUEUE_ARN },
    });
    expect(matchRoute('POST', `/queues/i/${encoded('a/b')}/status`)).toEqual({
      operation: 'UpdateQueueStatus',
      labels: { InstanceId: 'i', QueueId: 'a/b' },
    });
  });

  it('matches nothing for another method, an empty label, extra segments or an unknown path', () => {
    expect(matchRoute('POST', '/instance/abc/bots')).toBeUndefined();
    expect(matchRoute('GET', '/instance/')).toBeUndefined();
    expect(matchRoute('GET', '/queues//q')).toBeUndefined();
    expect(matchRoute('GET', '/instance/a/b/c/d/e/f')).toBeUndefined();
    expect(matchRoute('GET', '/nothing-here')).toBeUndefined();
  });

  it('refuses a malformed percent-encoding', async () => {
    await expectConnectError(
      sync(() => matchRoute('GET', '/instance/%E0%A4%A')),
      'InvalidRequestException',
    );
  });
});

describe('codec: requests', () => {
  it('builds the input from labels, repeated query keys and typed query values', () => {
    const input = decodeInput('ListQueuesRequest', {
      labels: { InstanceId: 'inst-1' },
      query: 'queueTypes=STANDARD&queueTypes=AGENT&maxResults=5&nextToken=a%2Bb%3D&unknown=1',
      headers: {},
      body: '',
    });
    expect(input).toEqual({
      InstanceId: 'inst-1',
      QueueTypes: ['STANDARD', 'AGENT'],
      MaxResults: 5,
      NextToken: 'a+b=',
    });
  });

  it('refuses query values of the wrong type, naming the member', async () => {
    const list = (query: string) => () =>
      decodeInput('ListQueuesRequest', { labels: { InstanceId: 'i' }, query, headers: {}, body: '' });
    await expectConnectError(
      sync(list('maxResults=ten')),
      'InvalidParameterException',
      /^MaxResults: must be a number$/,
    );
    await expectConnectError(
      sync(list('maxResults=1.5')),
      'InvalidParameterException',
      /^MaxResults: must be an integer$/,
    );
  });

  it('turns epoch seconds (fractional too) into epoch ms, nested as deep as the shape goes', () => {
    const input = decodeInput('SearchContactsRequest', {
      labels: {},
      query: '',
      headers: {},
      body: JSON.stringify({
        InstanceId: 'inst-1',
        TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 1_700_000_000, EndTime: 1_700_003_600.5 },
        MaxResults: 10,
      }),
    });
    expect(input).toEqual({
      InstanceId: 'inst-1',
      TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 1_700_000_000_000, EndTime: 1_700_003_600_500 },
      MaxResults: 10,
    });
    expect(fromWire('timestamp', 1_700_003_600.123)).toBe(1_700_003_600_123);
  });

  it('keeps modeled body members only, and takes labels from the path, never the body', () => {
    const input = decodeInput('CreateHoursOfOperationRequest', {
      labels: { InstanceId: 'from-path' },
      query: '',
      headers: {},
      body: JSON.stringify({ InstanceId: 'from-body', Name: 'N', Internal: true, Description: null }),
    });
    expect(input).toEqual({ InstanceId: 'from-path', Name: 'N' });
  });

  it('refuses body members of the wrong type with the member path', async () => {
    const create = (body: unknown) => () =>
      decodeInput('CreateHoursOfOperationRequest', {
        labels: { InstanceId: 'i' },
        query: '',
        headers: {},
        body: JSON.stringify(body),
      });
    const slice = { Hours: 9, Minutes: 0 };
    await expectConnectError(
      sync(create({ Config: [{ Day: 'MONDAY', StartTime: slice, EndTime: { Hours: '9', Minutes: 0 } }] })),
      'InvalidParameterException',
      /^Config\[0\]\.EndTime\.Hours: must be a number$/,
    );
    await expectConnectError(
      sync(create({ Name: 7 })),
      'InvalidParameterException',
      /^Name: must be a string$/,
    );
    await expectConnectError(
      sync(create({ Config: {} })),
      'InvalidParameterException',
      /^Config: must be a list$/,
    );
    await expectConnectError(
      sync(create({ Tags: ['a'] })),
      'InvalidParameterException',
      /^Tags: must be an object$/,
    );
    await expectConnectError(
      sync(create({ Tags: { a: 1 } })),
      'InvalidParameterException',
      /^Tags\.a: must be a string$/,
    );
    await expectConnectError(
      sync(() => fromWire('SearchContactsTimeRange', { StartTime: '2024-01-01' }, ['TimeRange'])),
      'InvalidParameterException',
      /^TimeRange\.StartTime: must be a timestamp$/,
    );
  });

  it('refuses a body that is not a JSON object', async () => {
    const create = (body: string) => () =>
      decodeInput('CreateHoursOfOperationRequest', {
        labels: { InstanceId: 'i' },
        query: '',
        headers: {},
        body,
      });
    await expectConnectError(sync(create('{"Name":')), 'InvalidRequestException', /not valid JSON/);
    await expectConnectError(sync(create('[1]')), 'InvalidRequestException', /JSON object/);
    expect(create('')()).toEqual({ InstanceId: 'i' });
  });
});

describe('codec: responses', () => {
  it('turns epoch ms into epoch seconds, nested, and drops members outside the shape', () => {
    const body = encodeOutput('DescribeContactResponse', {
      Contact: {
        Id: 'c-1',
        Channel: 'TASK',
        InitiationTimestamp: 1_700_000_000_500,
        QueueInfo: { Id: 'q-1', EnqueueTimestamp: 1_700_000_001_000, internalRank: 3 },
        InstanceId: 'internal',
        RevisionInternal: 7,
      },
      Extra: 'dropped',
    });
    expect(body).toEqual({
      Contact: {
        Id: 'c-1',
        Channel: 'TASK',
        InitiationTimestamp: 1_700_000_000.5,
        QueueInfo: { Id: 'q-1', EnqueueTimestamp: 1_700_000_001 },
      },
    });
  });

  it('walks lists and maps, omits undefined and null, and answers {} without an output shape', () => {
    expect(
      encodeOutput('ListHoursOfOperationsResponse', {
        HoursOfOperationSummaryList: [{ Id: 'h', Name: 'A', LastModifiedTime: 2000, InstanceId: 'x' }],
        NextToken: undefined,
      }),
    ).toEqual({ HoursOfOperationSummaryList: [{ Id: 'h', Name: 'A', LastModifiedTime: 2 }] });
    expect(encodeOutput('GetContactAttributesResponse', { Attributes: { a: '1', b: null } })).toEqual({
      Attributes: { a: '1' },
    });
    expect(encodeOutput(undefined, { anything: 1 })).toEqual({});
    expect(toWire('timestamp', new Date(1500))).toBe(1.5);
  });
});

describe('errors', () => {
  it('gives the modeled status, the code and the extra members', () => {
    expect(errorAnswer(notFound('Queue', 'q-1', 'QueueId'))).toEqual({
      status: 404,
      code: 'ResourceNotFoundException',
      body: { Message: 'Queue not found: q-1' },
      unexpected: false,
    });
    const problems = [{ PropertyPath: 'Fields[0]', Reason: 'INVALID_FORMAT' as const, Message: 'bad' }];
    expect(errorAnswer(propertyValidation(problems)).body).toEqual({
      Message: 'Fields[0]: bad',
      PropertyList: problems,
    });
    const flow = new ConnectError('InvalidContactFlowException', 'invalid flow', {
      problems: [{ message: 'no start action' }],
    });
    expect(errorAnswer(flow)).toMatchObject({
      status: 400,
      body: { problems: [{ message: 'no start action' }] },
    });
    expect(errorAnswer(inUse('Hours', 'h-1', 'queue q-1'))).toMatchObject({
      status: 409,
      body: { ResourceType: 'Hours', ResourceId: 'h-1' },
    });
    expect(errorAnswer(new ConnectError('ContactNotFoundException', 'gone')).status).toBe(410);
    expect(errorAnswer(new ConnectError('ServiceQuotaExceededException', 'quota')).status).toBe(402);
    expect(errorAnswer(new ConnectError('LimitExceededException', 'limit')).status).toBe(429);
    expect(errorAnswer(new ConnectError('UnsupportedOperationException', 'no')).status).toBe(400);
    expect(errorAnswer(new WireError('InvalidSignatureException', 403, 'bad signature'))).toMatchObject({
      status: 403,
      code: 'InvalidSignatureException',
    });
  });

  it('hides an unexpected failure behind a generic 500', () => {
    expect(errorAnswer(new TypeError('cannot read x of undefined at /srv/secret.ts'))).toEqual({
      status: 500,
      code: 'InternalServiceException',
      body: { Message: INTERNAL_MESSAGE },
      unexpected: true,
    });
  });
});
