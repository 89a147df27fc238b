/**
 * SigV4 verification (issue 5, "Authentication"): a request the AWS SDK signed is re-signed here with the
 * secret of the key it names, exactly as the SDK signed it (../shared/reference/connect-api.md "Signing
 * (SigV4)": the raw, still percent-encoded path; the decoded query; exactly the SignedHeaders; the body; the date
 * of x-amz-date), and the two signatures are compared in constant time. Service `connect`, every region, five
 * minutes of clock skew. Refusals carry the codes and wording AWS uses; none of them repeats a secret.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { FastifyRequest } from 'fastify';

export type AuthErrorCode =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException';

/** A refused request: 403 with `x-amzn-errortype: <code>`. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly status = 403;

  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const isAuthError = (e: unknown): e is AuthError => e instanceof AuthError;

/** What an error response for `e` is: status, headers and JSON body, as AWS shapes them. */
export function authErrorResponse(e: AuthError): {
  status: number;
  headers: Record<string, string>;
  body: { Message: string };
} {
  return { status: e.status, headers: { 'x-amzn-errortype': e.code }, body: { Message: e.message } };
}

export interface SignedRequest {
  method: string;
  /** The path as it arrived, still percent-encoded, without the query. */
  rawPath: string;
  /** The query, decoded. */
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SigningKey {
  secret: string;
  userId: string;
  instanceId: string;
}

/** The secret of an ACTIVE key and whose it is; undefined for an unknown or revoked key. */
export type KeyLookup = (accessKeyId: string) => Promise<SigningKey | undefined>;

/** Who signed a verified request. */
export interface Principal {
  accessKeyId: string;
  userId: string;
  instanceId: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SERVICE = 'connect';
const TERMINATOR = 'aws4_request';
export const MAX_SKEW_MS = 5 * 60_000;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

const incomplete = (message: string) => new AuthError('IncompleteSignatureException', message);
const invalid = (message: string) => new AuthError('InvalidSignatureException', message);

function header(headers: SignedRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string): Authorization {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== ALGORITHM)
    throw incomplete(`Unsupported authorization type '${algorithm.slice(0, 40)}': use ${ALGORITHM}.`);
  const params = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((p) => !params.get(p));
  if (missing.length > 0)
    throw incomplete(missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' '));
  const credential = (params.get('Credential') ?? '').split('/');
  if (credential.length !== 5 || credential.some((c) => c === ''))
    throw incomplete(
      `Credential must have the form <AccessKeyId>/<yyyymmdd>/<region>/${SERVICE}/${TERMINATOR}.`,
    );
  const [accessKeyId, date, region, service, terminator] = credential as [
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    accessKeyId,
    date,
    region,
    service,
    terminator,
    signedHeaders: (params.get('SignedHeaders') ?? '').split(';').map((h) => h.trim().toLowerCase()),
    signature: params.get('Signature') ?? '',
  };
}

function parseAmzDate(value: string | undefined): Date {
  if (value === undefined)
    throw incomplete("Authorization header requires existence of a 'X-Amz-Date' header.");
  const m = AMZ_DATE.exec(value);
  const date = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
  if (!date || Number.isNaN(date.getTime()) || formatAmzDate(date.getTime()) !== value)
    throw incomplete(
      `X-Amz-Date must be in ISO-8601 basic format (yyyyMMddTHHmmssZ). Got '${value.slice(0, 40)}'.`,
    );
  return date;
}

export const formatAmzDate = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

function checkClock(amzDate: string, signedAt: number, now: number): void {
  if (signedAt < now - MAX_SKEW_MS)
    throw invalid(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} (${formatAmzDate(now)} - 5 min.)`,
    );
  if (signedAt > now + MAX_SKEW_MS)
    throw invalid(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`,
    );
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Verifies the SigV4 signature of `req` at time `now` (epoch ms): who signed it, or AuthError with AWS's code.
 * Checked in this order: an Authorization header; its form; X-Amz-Date; the credential scope (date, service
 * `connect`, terminator); the clock window; x-amz-content-sha256 against the body; the key; the signature.
 */
export async function verifySigV4(req: SignedRequest, lookup: KeyLookup, now: number): Promise<Principal> {
  const authorization = header(req.headers, 'authorization');
  if (!authorization)
    throw new AuthError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const auth = parseAuthorization(authorization.trim());
  const amzDate = header(req.headers, 'x-amz-date');
  const signedAt = parseAmzDate(amzDate).getTime();
  if (auth.date !== amzDate?.slice(0, 8))
    throw invalid(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date.slice(0, 20)}' != '${amzDate?.slice(0, 8)}', from '${amzDate}'.`,
    );
  if (auth.service !== SERVICE)
    throw invalid(
      `Credential should be scoped to correct service: '${SERVICE}', not '${auth.service.slice(0, 40)}'.`,
    );
  if (auth.terminator !== TERMINATOR)
    throw invalid(
      `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${auth.terminator.slice(0, 40)}'.`,
    );
  if (!auth.signedHeaders.includes('host'))
    throw invalid("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  if (!auth.signedHeaders.includes('x-amz-date'))
    throw invalid("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
  checkClock(amzDate ?? '', signedAt, now);
  const contentSha = header(req.headers, 'x-amz-content-sha256');
  if (contentSha !== undefined) {
    const actual =
      req.body === '' ? EMPTY_SHA256 : createHash('sha256').update(req.body, 'utf8').digest('hex');
    if (!sameHex(contentSha.toLowerCase(), actual))
      throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }

  const key = await lookup(auth.accessKeyId);
  if (!key)
    throw new AuthError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );

  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = header(req.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  const signer = new SignatureV4({
    service: SERVICE,
    region: auth.region,
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: key.secret },
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: req.method.toUpperCase(),
      protocol: 'http:',
      hostname: header(req.headers, 'host') ?? '',
      path: req.rawPath,
      query: req.query,
      headers,
      body: req.body,
    },
    {
      signingDate: new Date(signedAt),
      signingRegion: auth.region,
      signingService: SERVICE,
      signableHeaders: new Set(auth.signedHeaders),
    },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization ?? ''))?.[1] ?? '';
  if (!expected || !sameHex(auth.signature.toLowerCase(), expected)) throw invalid(SIGNATURE_MISMATCH);
  return { accessKeyId: auth.accessKeyId, userId: key.userId, instanceId: key.instanceId };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A raw query string as the signer wants it: names and values percent-decoded (`+` stays `+`), repeats as lists. */
export function parseRawQuery(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/** The parts of a Fastify request that were signed: raw path and query from the request line, the raw body. */
export function signedRequestOf(req: FastifyRequest, rawBody: string): SignedRequest {
  const url = req.raw.url ?? req.url;
  const q = url.indexOf('?');
  return {
    method: req.method,
    rawPath: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? {} : parseRawQuery(url.slice(q + 1)),
    headers: req.headers,
    body: rawBody,
  };
}

/** Verifies a Fastify request (the raw body string as it arrived): who signed it, or AuthError. */
export function authenticateRequest(
  req: FastifyRequest,
  rawBody: string,
  lookup: KeyLookup,
  now: number,
): Promise<Principal> {
  return verifySigV4(signedRequestOf(req, rawBody), lookup, now);
}

/** What the authenticator asks of the access keys (the access service's secretFor and markUsed). */
export interface AccessKeySource {
  secretFor(accessKeyId: string): Promise<SigningKey | undefined>;
  markUsed?(accessKeyId: string): Promise<void>;
}

/**
 * The `authenticate(req, rawBody)` the Connect API plugin calls: verifies against the access keys at the clock's
 * time and records the key's use.
 */
export function sigv4Authenticator(
  keys: AccessKeySource,
  clock: { now(): number },
): (req: FastifyRequest, rawBody: string) => Promise<Principal> {
  return async (req, rawBody) => {
    const principal = await authenticateRequest(req, rawBody, (id) => keys.secretFor(id), clock.now());
    await keys.markUsed?.(principal.accessKeyId);
    return principal;
  };
}
