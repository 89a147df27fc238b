import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LambdaRegistry, type LambdaInvocation } from '../../src/app/lambda.js';
import type { FlowRequest, RequestResult } from '../../src/flows/runtime/protocol.js';
import { newContact, type ContactState } from '../../src/flows/runtime/state.js';
import { pathOf, runActions } from '../support/flows.js';

const contact = newContact({
  ContactId: 'c-1',
  Channel: 'VOICE',
  InitiationMethod: 'INBOUND',
  Attributes: { tier: 'gold' },
  CustomerEndpoint: { Address: '+815012345678', Type: 'TELEPHONE_NUMBER' },
});
const call = (functionArn: string, extra: Partial<LambdaInvocation> = {}): LambdaInvocation => ({
  functionArn,
  timeoutSeconds: 1,
  invocationType: 'SYNCHRONOUS',
  responseType: 'STRING_MAP',
  parameters: { account: '42' },
  ...extra,
});

/** The message of a failed invocation (which must have failed with NoMatchingError, for the error branch). */
function failure(r: RequestResult): string {
  if (r.ok) throw new Error('the invocation succeeded');
  expect(r.error).toBe('NoMatchingError');
  return r.message ?? '';
}

let server: Server;
let url = '';
const received: unknown[] = [];
const dir = mkdtempSync(join(tmpdir(), 'tsunagi-lambda-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body));
      if (req.url === '/slow') return void setTimeout(() => res.end('{}'), 2000);
      if (req.url === '/broken') return void res.writeHead(500).end('boom');
      if (req.url === '/nested') return void res.end(JSON.stringify({ customer: { name: 'Hanako' } }));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ greeting: 'Hello', balance: 1200 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  writeFileSync(
    join(dir, 'fn.mjs'),
    'export async function handler(event) { return { who: event.Details.ContactData.CustomerEndpoint.Address, p: event.Details.Parameters.account }; }\n',
  );
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Lambda functions registered by the operator', () => {
  it("calls an HTTP endpoint with Connect's event and flattens the answer to a string map", async () => {
    const lambdas = new LambdaRegistry();
    lambdas.registerSpec(`lookup=${url}/ok`);
    const r = await lambdas.invoke(call('arn:aws:lambda:us-east-1:123456789012:function:lookup'), contact);
    expect(r).toEqual({ ok: true, data: { greeting: 'Hello', balance: '1200' } });
    expect(received.at(-1)).toMatchObject({
      Name: 'ContactFlowEvent',
      Details: {
        ContactData: { ContactId: 'c-1', Channel: 'VOICE', Attributes: { tier: 'gold' } },
        Parameters: { account: '42' },
      },
    });
  });

  it('calls a local JavaScript module', async () => {
    const lambdas = new LambdaRegistry();
    lambdas.registerSpec(`local=${join(dir, 'fn.mjs')}`);
    expect(await lambdas.invoke(call('local'), contact)).toEqual({
      ok: true,
      data: { who: '+815012345678', p: '42' },
    });
  });

  it('fails, for the error branch, when unregistered, failing, nested for STRING_MAP, or slower than the limit', async () => {
    const lambdas = new LambdaRegistry();
    lambdas.registerSpec(`slow=${url}/slow`);
    lambdas.registerSpec(`broken=${url}/broken`);
    lambdas.registerSpec(`nested=${url}/nested`);
    expect(failure(await lambdas.invoke(call('nobody'), contact))).toMatch(/no function is registered/);
    expect(failure(await lambdas.invoke(call('broken'), contact))).toMatch(/HTTP 500/);
    expect(failure(await lambdas.invoke(call('nested'), contact))).toMatch(/flat/);
    expect(await lambdas.invoke(call('nested', { responseType: 'JSON' }), contact)).toEqual({
      ok: true,
      data: { customer: { name: 'Hanako' } },
    });
    const started = Date.now();
    expect(await lambdas.invoke(call('slow'), contact)).toMatchObject({
      ok: false,
      error: 'NoMatchingError',
    });
    expect(Date.now() - started).toBeLessThan(1900);
  });

  it('feeds $.External in a flow, and the error branch when the function fails', async () => {
    const lambdas = new LambdaRegistry();
    lambdas.registerSpec(`lookup=${url}/ok`);
    const actions = {
      fn: {
        Type: 'InvokeLambdaFunction',
        Parameters: { LambdaFunctionARN: '$.Attributes.fn', InvocationTimeLimitSeconds: '3' },
        Next: 'say',
        Errors: { NoMatchingError: 'bye' },
      },
      say: {
        Type: 'MessageParticipant',
        Parameters: { Text: '$.External.greeting, your balance is $.External.balance' },
        Next: 'bye',
      },
      bye: { Type: 'DisconnectParticipant' },
    };
    const respond = (r: FlowRequest, c: ContactState) =>
      r.type === 'InvokeLambda' ? lambdas.invoke(r, c) : undefined;
    const ok = await runActions('fn', actions, { attributes: { fn: 'lookup' }, respond });
    expect(
      ok.events.filter((e) => e.type === 'prompt').map((e) => (e.type === 'prompt' ? e.text : '')),
    ).toEqual(['Hello, your balance is 1200']);
    const failed = await runActions('fn', actions, { attributes: { fn: 'missing' }, respond });
    expect(pathOf(failed)[0]).toBe('fn → Error: NoMatchingError');
  });
});
