import { request as httpRequest } from 'node:http';
import {
  ConnectClient,
  CreateQueueCommand,
  DescribeInstanceCommand,
  DescribeQueueCommand,
  ListQueuesCommand,
  type ConnectClientConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-connect';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { FinalizeHandler, FinalizeHandlerArguments } from '@smithy/types';
import Fastify, { type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  authErrorResponse,
  authenticateRequest,
  formatAmzDate,
  isAuthError,
  parseRawQuery,
  sigv4Authenticator,
  type Principal,
  type SigningKey,
} from '../../src/api/auth/sigv4.js';
import { accessKeyService } from '../../src/access/access-keys.js';
import { aesGcmSecretBox } from '../../src/access/secret-box.js';
import { makeEnv } from '../support/env.js';
import { setup } from '../support/users.js';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const INSTANCE_ID = '11111111-2222-4333-8444-555555555555';
const INSTANCE_ARN = `arn:aws:connect:ap-northeast-1:123456789012:instance/${INSTANCE_ID}`;

const known = new Map<string, SigningKey>([
  [KEY_ID, { secret: SECRET, userId: 'admin-id', instanceId: INSTANCE_ID }],
]);
const lookupKnown = (id: string) => Promise.resolve(known.get(id));

type Authenticate = (req: FastifyRequest, rawBody: string) => Promise<Principal>;
const byMap: Authenticate = (req, rawBody) => authenticateRequest(req, rawBody, lookupKnown, Date.now());

/** What the server saw of the last request. */
interface Seen {
  url: string;
  body: string;
  principal?: Principal;
}

let authenticate: Authenticate = byMap;
let seen: Seen[] = [];
const app = Fastify();
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
app.all('/connect/*', async (req, reply) => {
  const rawBody = typeof req.body === 'string' ? req.body : '';
  const record: Seen = { url: req.raw.url ?? '', body: rawBody };
  seen.push(record);
  try {
    record.principal = await authenticate(req, rawBody);
    return await reply.send({});
  } catch (e) {
    if (!isAuthError(e)) throw e;
    const r = authErrorResponse(e);
    return reply.code(r.status).headers(r.headers).send(r.body);
  }
});

let port = 0;
beforeAll(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => app.close());
beforeEach(() => {
  authenticate = byMap;
  seen = [];
});

function client(
  overrides: Partial<ConnectClientConfig> = {},
  secret = SECRET,
  keyId = KEY_ID,
): ConnectClient {
  return new ConnectClient({
    endpoint: `http://127.0.0.1:${port}/connect`,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: keyId, secretAccessKey: secret },
    maxAttempts: 1,
    ...overrides,
  });
}

/** The error a call failed with, as the SDK gives it. */
async function refusal(p: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error('expected the request to be refused');
}

interface MutableRequest {
  path: string;
  body?: unknown;
  headers: Record<string, string>;
}

/** A middleware that changes the request after the SDK signed it. */
function tamper(c: ConnectClient, change: (r: MutableRequest) => void): ConnectClient {
  c.middlewareStack.addRelativeTo(
    (next: FinalizeHandler<ServiceInputTypes, ServiceOutputTypes>) =>
      (args: FinalizeHandlerArguments<ServiceInputTypes>) => {
        change(args.request as MutableRequest);
        return next(args);
      },
    { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'tamperAfterSigning' },
  );
  return c;
}

/** A raw HTTP request (node:http, so that every header can be set). */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; errorType?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          errorType: res.headers['x-amzn-errortype'] as string,
          body: text,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs a GET by hand with @smithy/signature-v4 (for what the SDK would never send). */
async function signedHeaders(
  service: string,
  path: string,
  signingDate = new Date(),
): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service,
    region: 'eu-west-2',
    credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port,
      path,
      query: {},
      headers: { host: `127.0.0.1:${port}` },
    },
    { signingDate },
  );
  return signed.headers;
}

describe('SigV4 verification with the real @aws-sdk/client-connect', () => {
  it('lets a correctly signed request through and says who signed it', async () => {
    await client().send(new DescribeInstanceCommand({ InstanceId: INSTANCE_ID }));
    expect(seen[0]?.url).toBe(`/connect/instance/${INSTANCE_ID}`);
    expect(seen[0]?.principal).toEqual({ accessKeyId: KEY_ID, userId: 'admin-id', instanceId: INSTANCE_ID });
  });

  it('verifies an ARN path label with %2F, a non-ASCII body and a query with + / = and repeats', async () => {
    await client().send(
      new DescribeQueueCommand({ InstanceId: INSTANCE_ARN, QueueId: 'queue/with:odd=chars' }),
    );
    expect(seen[0]?.url).toContain('%2F');
    expect(seen[0]?.url).toContain('%3A');
    expect(seen[0]?.principal?.accessKeyId).toBe(KEY_ID);

    await client().send(
      new CreateQueueCommand({
        InstanceId: INSTANCE_ARN,
        Name: '折り返し待ち 📞 Rückruf',
        Description: 'ñ — “quotes” \u00e9',
        HoursOfOperationId: 'hours-1',
      }),
    );
    expect(seen[1]?.body).toContain('折り返し待ち 📞');
    expect(seen[1]?.principal?.accessKeyId).toBe(KEY_ID);

    await client().send(
      new ListQueuesCommand({
        InstanceId: INSTANCE_ID,
        NextToken: 'a+b/c==d e&f',
        MaxResults: 5,
        QueueTypes: ['STANDARD', 'AGENT'],
      }),
    );
    expect(seen[2]?.url).toMatch(/nextToken=a%2Bb%2Fc%3D%3Dd%20e%26f/);
    expect(seen[2]?.url).toMatch(/queueTypes=STANDARD&queueTypes=AGENT/);
    expect(seen[2]?.principal?.accessKeyId).toBe(KEY_ID);
  });

  it('refuses a wrong secret with InvalidSignatureException', async () => {
    const e = await refusal(
      client({}, `${SECRET.slice(0, -1)}X`).send(new DescribeInstanceCommand({ InstanceId: INSTANCE_ID })),
    );
    expect(e).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
    expect(e.message).toMatch(
      /^The request signature we calculated does not match the signature you provided/,
    );
    expect(e.message).not.toContain(SECRET);
  });

  it('refuses an unknown key with UnrecognizedClientException', async () => {
    const e = await refusal(
      client({}, SECRET, 'AKIAUNKNOWNKEY000000').send(
        new DescribeInstanceCommand({ InstanceId: INSTANCE_ID }),
      ),
    );
    expect(e).toEqual({
      name: 'UnrecognizedClientException',
      status: 403,
      message: 'The security token included in the request is invalid.',
    });
  });

  it('refuses a body changed after signing', async () => {
    const change = (r: MutableRequest) => {
      const text = typeof r.body === 'string' ? r.body : new TextDecoder().decode(r.body as Uint8Array);
      r.body = text.replace('Callbacks', 'Callbackz');
    };
    const e = await refusal(
      tamper(client(), change).send(
        new CreateQueueCommand({ InstanceId: INSTANCE_ID, Name: 'Callbacks', HoursOfOperationId: 'h' }),
      ),
    );
    expect(seen[0]?.body).toContain('Callbackz');
    expect(e).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
    expect(e.message).toMatch(/x-amz-content-sha256/);

    // The same, with the body hash header dropped too: the signature itself no longer matches.
    const e2 = await refusal(
      tamper(client(), (r) => {
        change(r);
        delete r.headers['x-amz-content-sha256'];
      }).send(
        new CreateQueueCommand({ InstanceId: INSTANCE_ID, Name: 'Callbacks', HoursOfOperationId: 'h' }),
      ),
    );
    expect(e2).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
    expect(e2.message).toMatch(/does not match the signature you provided/);
  });

  it('refuses a path changed after signing', async () => {
    const e = await refusal(
      tamper(client(), (r) => {
        r.path = r.path.replace(INSTANCE_ID, INSTANCE_ID.replace('1111', '9999'));
      }).send(new DescribeInstanceCommand({ InstanceId: INSTANCE_ID })),
    );
    expect(seen[0]?.url).toContain('99991111');
    expect(e).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
    expect(e.message).toMatch(/does not match the signature you provided/);
  });

  it('refuses a date outside the five-minute window, either way', async () => {
    const late = await refusal(
      client({ systemClockOffset: -10 * 60_000 }).send(
        new DescribeInstanceCommand({ InstanceId: INSTANCE_ID }),
      ),
    );
    expect(late).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
    expect(late.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    );
    const early = await refusal(
      client({ systemClockOffset: 10 * 60_000 }).send(
        new DescribeInstanceCommand({ InstanceId: INSTANCE_ID }),
      ),
    );
    expect(early).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
    expect(early.message).toMatch(
      /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z/,
    );
    // Four minutes off is inside the window.
    await client({ systemClockOffset: 4 * 60_000 }).send(
      new DescribeInstanceCommand({ InstanceId: INSTANCE_ID }),
    );
  });
});

describe('SigV4 refusals the SDK would never cause', () => {
  const path = `/connect/instance/${INSTANCE_ID}`;

  it('refuses a request without Authorization: MissingAuthenticationTokenException', async () => {
    const r = await send('GET', path, {});
    expect(r).toMatchObject({ status: 403, errorType: 'MissingAuthenticationTokenException' });
    expect(JSON.parse(r.body)).toEqual({ Message: 'Missing Authentication Token' });
  });

  it('refuses an Authorization it cannot parse: IncompleteSignatureException', async () => {
    for (const authorization of [
      'Bearer abc',
      'AWS4-HMAC-SHA256 garbage',
      `AWS4-HMAC-SHA256 Credential=${KEY_ID}/20260105/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
    ])
      expect(
        await send('GET', path, { authorization, 'x-amz-date': formatAmzDate(Date.now()) }),
      ).toMatchObject({
        status: 403,
        errorType: 'IncompleteSignatureException',
      });
    const noDate = await signedHeaders('connect', path);
    delete noDate['x-amz-date'];
    expect(await send('GET', path, noDate)).toMatchObject({
      status: 403,
      errorType: 'IncompleteSignatureException',
    });
  });

  it('refuses a credential scoped to another service, naming it; every region is accepted', async () => {
    const r = await send('GET', path, await signedHeaders('s3', path));
    expect(r).toMatchObject({ status: 403, errorType: 'InvalidSignatureException' });
    expect(JSON.parse(r.body)).toEqual({
      Message: "Credential should be scoped to correct service: 'connect', not 's3'.",
    });
    expect(await send('GET', path, await signedHeaders('connect', path))).toMatchObject({ status: 200 });
  });

  it('parses a raw query as the signer wants it', () => {
    expect(parseRawQuery('a=1&b=x%2By+z&a=2&c&d=%E6%8A%98')).toEqual({
      a: ['1', '2'],
      b: 'x+y+z',
      c: '',
      d: '折',
    });
  });
});

describe('SigV4 against access keys in the store', () => {
  it('accepts an ACTIVE key, records its use, and refuses it once revoked', async () => {
    const env = await makeEnv('sqlite');
    try {
      const { base } = await setup(env);
      const admin = await env.services.users.create(env.instanceId, { ...base, Username: 'admin' });
      const keys = accessKeyService(
        { store: env.store, clock: env.clock },
        { secretBox: aesGcmSecretBox(Buffer.alloc(32, 1)) },
      );
      const created = await keys.create(env.instanceId, { UserId: admin.Id });
      authenticate = sigv4Authenticator(keys, { now: () => Date.now() });
      const sdk = client({}, created.SecretAccessKey, created.AccessKeyId);

      await sdk.send(new DescribeInstanceCommand({ InstanceId: env.instanceId }));
      expect(seen[0]?.principal).toEqual({
        accessKeyId: created.AccessKeyId,
        userId: admin.Id,
        instanceId: env.instanceId,
      });
      expect((await keys.find(created.AccessKeyId))?.LastUsedTime).toBe(env.clock.now());

      await keys.revoke(env.instanceId, created.AccessKeyId);
      const e = await refusal(sdk.send(new DescribeInstanceCommand({ InstanceId: env.instanceId })));
      expect(e).toMatchObject({ name: 'UnrecognizedClientException', status: 403 });
    } finally {
      await env.close();
    }
  });
});
