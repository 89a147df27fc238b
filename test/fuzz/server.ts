/**
 * The fuzz tests' server: a whole Tsunagi (startTsunagi: SigV4, permissions, every handler) on a temporary
 * SQLite file with a bootstrap key, and a raw client that signs ANY method, path, query, headers and body with
 * @smithy/signature-v4 (as the SDK would sign them) and sends them with node:http, so that nothing the SDK
 * would refuse to send is out of reach. `snapshot()` reads the instance's configuration in-process (the first
 * page of each list), to check that a refused request changed nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { loadConfig } from '../../src/app/config.js';
import { startTsunagi, type Tsunagi } from '../../src/app/runtime.js';
import { FakeClock } from '../../src/core/index.js';
import { TEST_ARNS } from '../support/env.js';

const BOOTSTRAP = {
  accessKeyId: 'AKIAFUZZBOOTSTRAP000',
  secretAccessKey: 'fuzz/secret/0123456789abcdefABCDEF0123',
};

/** How many cases a property runs: FUZZ_RUNS (the long form) or the short form's `short`. */
export function fuzzRuns(short: number, long: number): number {
  const env = process.env.FUZZ_RUNS;
  if (!env) return short;
  const scale = Number(env);
  return Number.isFinite(scale) && scale > 0 ? Math.round((long * scale) / 100_000) : short;
}

export interface RawRequest {
  method: string;
  /** The path after /connect, already percent-encoded as it goes on the request line. */
  path: string;
  /** Decoded query parameters. */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  errorType?: string;
  contentType?: string;
  text: string;
}

export interface FuzzServer {
  tsunagi: Tsunagi;
  instanceId: string;
  port: number;
  send(req: RawRequest): Promise<RawResponse>;
  /** GET without signing (e.g. /health). */
  get(path: string): Promise<RawResponse>;
  snapshot(): Promise<string>;
  stop(): Promise<void>;
}

/** RFC 3986 escaping, as the signer escapes query names and values. */
export const escapeUri = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export async function startFuzzServer(): Promise<FuzzServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagi-fuzz-'));
  const config = loadConfig(
    { port: 0, host: '127.0.0.1', database: join(dir, 'tsunagi.db') },
    {
      TSUNAGI_BOOTSTRAP_ACCESS_KEY_ID: BOOTSTRAP.accessKeyId,
      TSUNAGI_BOOTSTRAP_SECRET_ACCESS_KEY: BOOTSTRAP.secretAccessKey,
      TSUNAGI_ADMIN_PASSWORD: 'Fuzz-Password-2026',
      TSUNAGI_REGION: TEST_ARNS.region,
      TSUNAGI_ACCOUNT_ID: TEST_ARNS.account,
      TSUNAGI_LOG_LEVEL: 'error',
    },
  );
  const tsunagi = await startTsunagi(config, { clock: new FakeClock() });
  const port = Number(new URL(tsunagi.url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const signer = new SignatureV4({
    service: 'connect',
    region: TEST_ARNS.region,
    credentials: BOOTSTRAP,
    sha256: Hash.bind(null, 'sha256'),
  });

  const raw = (
    method: string,
    path: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            errorType: res.headers['x-amzn-errortype'] as string | undefined,
            contentType: res.headers['content-type'],
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });

  const send = async (r: RawRequest): Promise<RawResponse> => {
    const body = r.body ?? '';
    const query = r.query ?? {};
    const path = `/connect${r.path}`;
    const signed = await signer.sign({
      method: r.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      port,
      path,
      query,
      headers: {
        host: `127.0.0.1:${port}`,
        ...(body !== '' && { 'content-length': String(Buffer.byteLength(body)) }),
        ...r.headers,
      },
      body,
    });
    const qs = Object.entries(query)
      .map(([k, v]) => `${escapeUri(k)}=${escapeUri(v)}`)
      .join('&');
    return raw(r.method, qs ? `${path}?${qs}` : path, signed.headers, body);
  };

  const instanceId = tsunagi.defaultInstance.Id;
  const { services } = tsunagi;
  const page = { MaxResults: 100 };
  const snapshot = async (): Promise<string> =>
    JSON.stringify([
      await services.instances.list({ MaxResults: 10 }),
      await services.queues.list(instanceId, page),
      await services.flows.list(instanceId, page),
      await services.flows.listModules(instanceId, page),
      await services.users.list(instanceId, page),
      await services.taskTemplates.list(instanceId, page),
      await services.hours.list(instanceId, page),
      await services.routingProfiles.list(instanceId, page),
      await services.quickConnects.list(instanceId, page),
      await services.securityProfiles.list(instanceId, page),
    ]);

  return {
    tsunagi,
    instanceId,
    port,
    send,
    get: (path) => raw('GET', path, {}, ''),
    snapshot,
    async stop() {
      agent.destroy();
      await tsunagi.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
