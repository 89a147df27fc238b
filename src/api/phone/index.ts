/**
 * The web-phone API (docs/API.md "Web-phone API"): a customer dials one of the instance's numbers, hears the
 * flow's prompts as text on a WebSocket, presses keys, hangs up, and exchanges WebRTC signalling with the agent
 * once connected. Every request after the dial carries the call's token.
 */
import websocket from '@fastify/websocket';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConnectError, type ConnectErrorCode } from '../../core/index.js';
import type { ApiDeps } from '../deps.js';
import { PhoneCalls, type Call, type PhoneOptions } from './calls.js';
import type { CallStatus, DialResponse, PhoneClientMessage, PhoneError } from './messages.js';

export { ssmlToText } from './ssml.js';
export type { PhoneOptions } from './calls.js';
export type * from './messages.js';

const STATUS: Partial<Record<ConnectErrorCode, number>> = {
  ResourceNotFoundException: 404,
  ContactNotFoundException: 404,
  InvalidParameterException: 400,
  InvalidRequestException: 400,
  PropertyValidationException: 400,
  AccessDeniedException: 403,
  LimitExceededException: 429,
  ServiceQuotaExceededException: 429,
  ThrottlingException: 429,
  ResourceConflictException: 409,
  ResourceInUseException: 409,
  DuplicateResourceException: 409,
};

type Params = { Params: { id: string }; Querystring: { token?: string } };

/** A body's member, when the body is an object. */
function member(body: unknown, name: string): unknown {
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
}

function tokenOf(req: FastifyRequest<Params>): string | undefined {
  const header = req.headers['x-call-token'];
  return (typeof header === 'string' ? header : undefined) ?? req.query.token;
}

function errorReply(error: FastifyError | Error, reply: FastifyReply): FastifyReply {
  if (isConnectError(error)) {
    const body: PhoneError = { Code: error.code, Message: error.message };
    return reply.code(STATUS[error.code] ?? 500).send(body);
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 500) reply.log.error({ err: error }, 'web-phone request failed');
  const body: PhoneError =
    status < 500
      ? { Code: 'InvalidRequestException', Message: error.message }
      : { Code: 'InternalServiceException', Message: 'the request could not be done' };
  return reply.code(status).send(body);
}

function textOf(raw: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}

function parseClientMessage(text: string): PhoneClientMessage | undefined {
  try {
    const m: unknown = JSON.parse(text);
    const type = member(m, 'type');
    // Keys that are not a string are refused by the same check as bad keys (naming Digits).
    if (type === 'digits') {
      const digits = member(m, 'digits');
      return { type: 'digits', digits: typeof digits === 'string' ? digits : '' };
    }
    if (type === 'hangup') return { type: 'hangup' };
    if (type === 'signal') return { type: 'signal', data: member(m, 'data') };
    return undefined;
  } catch {
    return undefined;
  }
}

async function onClientMessage(calls: PhoneCalls, call: Call, m: PhoneClientMessage): Promise<void> {
  if (m.type === 'digits') await calls.digits(call, m.digits);
  else if (m.type === 'hangup') await calls.hangUp(call);
  else calls.signal(call, m.data);
}

/**
 * Registers the web-phone routes under /api/phone (and @fastify/websocket, when nobody registered it yet: it
 * must be registered once per server, before the routes that use it).
 */
export async function registerPhoneApi(
  app: FastifyInstance,
  deps: ApiDeps,
  options: PhoneOptions = {},
): Promise<void> {
  if (!app.hasDecorator('websocketServer')) await app.register(websocket);
  const calls = new PhoneCalls(deps, options);
  app.addHook('onClose', () => {
    calls.stop();
    return Promise.resolve();
  });

  await app.register((scope, _opts, done) => {
    scope.setErrorHandler((error: FastifyError, _req, reply) => errorReply(error, reply));

    const authorized = (req: FastifyRequest<Params>): Call => calls.authorize(req.params.id, tokenOf(req));

    scope.post('/api/phone/calls', async (req, reply) => {
      const { callId, token } = await calls.dial(member(req.body, 'To'), member(req.body, 'From'));
      const body: DialResponse = { CallId: callId, Token: token };
      return reply.code(201).send(body);
    });

    scope.get<Params>('/api/phone/calls/:id', (req, reply) => {
      const call = authorized(req);
      const body: CallStatus = { CallId: call.id, ...calls.status(call) };
      return reply.send(body);
    });

    scope.post<Params>('/api/phone/calls/:id/digits', async (req, reply) => {
      await calls.digits(authorized(req), member(req.body, 'Digits'));
      return reply.code(204).send();
    });

    scope.delete<Params>('/api/phone/calls/:id', async (req, reply) => {
      await calls.hangUp(authorized(req));
      return reply.code(204).send();
    });

    scope.get<Params>(
      '/api/phone/calls/:id/ws',
      {
        websocket: true,
        // Refused before the upgrade: the client sees the HTTP status (404, 403).
        preValidation: (req, _reply, next) => {
          try {
            authorized(req);
            next();
          } catch (e) {
            next(e as Error);
          }
        },
      },
      (socket, req) => {
        const call = authorized(req);
        const detach = calls.attach(call, {
          send: (message) => {
            if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
          },
          close: (why) =>
            socket.close(why === 'ended' ? 1000 : 4000, why === 'ended' ? 'call ended' : 'replaced'),
        });
        socket.on('close', detach);
        socket.on('message', (raw: Buffer | ArrayBuffer | Buffer[]) => {
          const message = parseClientMessage(textOf(raw));
          const reply = (text: string) => {
            if (socket.readyState === socket.OPEN)
              socket.send(JSON.stringify({ type: 'error', message: text }));
          };
          if (!message) return reply('expected {type: digits|hangup|signal}, as JSON');
          onClientMessage(calls, call, message).catch((e: unknown) =>
            reply(isConnectError(e) || e instanceof Error ? e.message : 'the message could not be done'),
          );
        });
      },
    );
    done();
  });
}
