/**
 * The Amazon Connect–compatible API (restJson1) at `/connect`: the AWS SDK's endpoint is
 * `http://<host>:<port>/connect`. Every request under the prefix is authenticated (over its exact body), routed
 * by method and raw path to a Connect operation, decoded by the operation's input shape, given to the
 * operation's handler, and answered by its output shape. Every answer carries x-amzn-RequestId; every failure
 * is an AWS-shaped error (errors.ts).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConnectError } from '../../core/index.js';
import type { ApiDeps } from '../deps.js';
import { decodeInput, encodeOutput } from './codec.js';
import { errorAnswer, WireError } from './errors.js';
import { SUPPORTED_OPERATIONS } from './model.generated.js';
import { matchRoute } from './router.js';
import type { Authenticate, ConnectHandlers, SupportedOperationName } from './types.js';

export const CONNECT_PREFIX = '/connect';
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface ConnectApiOptions {
  authenticate: Authenticate;
  handlers: ConnectHandlers;
  /** Request ids for x-amzn-RequestId (default: random UUIDs). */
  requestIds?: () => string;
  /** The largest accepted body in bytes (default 1 MiB); larger ones get 413 InvalidRequestException. */
  bodyLimit?: number;
}

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'] as const;

const isSupported = (name: string): name is SupportedOperationName =>
  Object.hasOwn(SUPPORTED_OPERATIONS, name);

function sendError(reply: FastifyReply, req: FastifyRequest, err: unknown, requestId: string): FastifyReply {
  const answer = errorAnswer(err);
  if (answer.unexpected) req.log.error({ err, requestId }, 'Connect API: unexpected failure');
  return reply
    .code(answer.status)
    .header('x-amzn-errortype', answer.code)
    .header('content-type', 'application/json')
    .send(JSON.stringify(answer.body));
}

/** Splits `req.raw.url` into the path after the prefix (still encoded) and the query string. */
function splitUrl(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  const full = q < 0 ? url : url.slice(0, q);
  const path = full.startsWith(CONNECT_PREFIX) ? full.slice(CONNECT_PREFIX.length) : full;
  return { path: path === '' ? '/' : path, query: q < 0 ? '' : url.slice(q + 1) };
}

const unknownOperation = (method: string, path: string): WireError =>
  new WireError('UnknownOperationException', 404, `No operation matches ${method} ${path}`);

export async function registerConnectApi(
  app: FastifyInstance,
  deps: ApiDeps & ConnectApiOptions,
): Promise<void> {
  const nextId = deps.requestIds ?? randomUUID;
  const requestIds = new WeakMap<FastifyRequest, string>();
  const idOf = (req: FastifyRequest): string => {
    let id = requestIds.get(req);
    if (id === undefined) {
      id = nextId();
      requestIds.set(req, id);
    }
    return id;
  };

  await app.register(
    (scope, _options, done) => {
      // The body stays the exact string received: SigV4 signs its bytes, and the codec parses it by shape.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        '*',
        { parseAs: 'string', bodyLimit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT },
        (_req, body, done) => done(null, body),
      );
      scope.addHook('onRequest', (req, reply, done) => {
        reply.header('x-amzn-RequestId', idOf(req));
        done();
      });
      scope.setErrorHandler((err, req, reply) => sendError(reply, req, err, idOf(req)));
      scope.setNotFoundHandler((req, reply) =>
        sendError(reply, req, unknownOperation(req.method, splitUrl(req.raw.url ?? '/').path), idOf(req)),
      );

      const handle = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
        const requestId = idOf(req);
        const rawBody = typeof req.body === 'string' ? req.body : '';
        const caller = await deps.authenticate(req, rawBody);
        const { path, query } = splitUrl(req.raw.url ?? '/');
        const match = matchRoute(req.method, path);
        if (!match) throw unknownOperation(req.method, path);
        const name = match.operation;
        const handler = isSupported(name) ? deps.handlers[name] : undefined;
        if (!isSupported(name) || !handler)
          throw new ConnectError(
            'InvalidRequestException',
            `Tsunagi does not support the operation ${name} yet`,
          );
        const spec: { input: string; output?: string } = SUPPORTED_OPERATIONS[name];
        const input = decodeInput(spec.input, {
          labels: match.labels,
          query,
          headers: req.headers,
          body: rawBody,
        });
        const output = await handler(input, {
          ...(caller && { userId: caller.userId, accessKeyId: caller.accessKeyId }),
          requestId,
        });
        return reply
          .code(200)
          .header('content-type', 'application/json')
          .send(JSON.stringify(encodeOutput(spec.output, output)));
      };
      for (const url of ['/', '/*'])
        scope.route({ method: [...METHODS], url, exposeHeadRoute: false, handler: handle });
      done();
    },
    { prefix: CONNECT_PREFIX },
  );
}
