/**
 * The agent API's errors: a JSON body `{ Code, Message }` (plus `PropertyList` for PropertyValidationException) with
 * the HTTP status Amazon Connect gives the same code; never a stack. Codes beyond Connect's: UnauthorizedException
 * (401: no session, or a wrong password) and TransferFailed (409, rule X2).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isConnectError, type ConnectErrorCode } from '../../core/index.js';

export type AgentApiCode = ConnectErrorCode | 'UnauthorizedException' | 'TransferFailed';

/** The statuses of Connect's service model for its exceptions (service-2.json `httpStatusCode`). */
const STATUS: Record<AgentApiCode, number> = {
  AccessDeniedException: 403,
  ContactFlowNotPublishedException: 404,
  ContactNotFoundException: 410,
  DuplicateResourceException: 409,
  IdempotencyException: 409,
  InternalServiceException: 500,
  InvalidContactFlowException: 400,
  InvalidContactFlowModuleException: 400,
  InvalidParameterException: 400,
  InvalidRequestException: 400,
  LimitExceededException: 429,
  PropertyValidationException: 400,
  ResourceConflictException: 409,
  ResourceInUseException: 409,
  ResourceNotFoundException: 404,
  ServiceQuotaExceededException: 402,
  ThrottlingException: 429,
  UnsupportedOperationException: 400,
  UnauthorizedException: 401,
  TransferFailed: 409,
};

/** An error of the agent API itself (not of the engine): a code and a message meant for the user. */
export class AgentApiError extends Error {
  override readonly name = 'AgentApiError';
  constructor(
    readonly code: AgentApiCode,
    message: string,
  ) {
    super(message);
  }
}

export const unauthorized = (message = 'Log in first.'): AgentApiError =>
  new AgentApiError('UnauthorizedException', message);

export const forbidden = (message: string): AgentApiError =>
  new AgentApiError('AccessDeniedException', message);

export interface ErrorBody {
  Code: string;
  Message: string;
  PropertyList?: unknown[];
}

/** What an error becomes on the wire: status and body. Unexpected errors say nothing of their insides. */
export function httpError(e: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (e instanceof AgentApiError)
    return { status: STATUS[e.code], body: { Code: e.code, Message: e.message }, unexpected: false };
  if (isConnectError(e))
    return {
      status: STATUS[e.code],
      body: {
        Code: e.code,
        Message: e.message,
        ...(e.details.propertyList && { PropertyList: e.details.propertyList }),
      },
      unexpected: e.code === 'InternalServiceException',
    };
  // Fastify's own refusals (bad JSON, wrong content type, body too large) carry a 4xx status and a safe message.
  const status = (e as Partial<FastifyError> | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = (e as FastifyError).message;
    return { status, body: { Code: 'InvalidRequestException', Message: message }, unexpected: false };
  }
  return {
    status: 500,
    body: { Code: 'InternalServiceException', Message: 'The server failed to handle the request.' },
    unexpected: true,
  };
}

/** The error handler of the agent API's routes. */
export function sendError(e: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, unexpected } = httpError(e);
  if (unexpected) req.log.error({ err: e }, 'agent API request failed');
  return reply.code(status).send(body);
}
