/**
 * Failures → restJson1 error answers: the status, `x-amzn-errortype: <Code>` and a JSON body
 * `{"Message": ...}` with the extra members the error shape has (PropertyList, problems, Reason, ...).
 * The status is the error shape's httpStatusCode from the model; codes outside the model (authentication)
 * travel as WireError with their own status. Anything unexpected is a 500 InternalServiceException whose
 * message says nothing of the cause.
 */
import { isAuthError } from '../auth/sigv4.js';
import { isConnectError, type ConnectError } from '../../core/index.js';
import { ERROR_STATUS } from './model.generated.js';

/** An error answered as is: for codes the Connect model does not have (e.g. InvalidSignatureException). */
export class WireError extends Error {
  override readonly name = 'WireError';

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export interface ErrorAnswer {
  status: number;
  code: string;
  body: Record<string, unknown>;
  /** True when the cause was unexpected (worth logging). */
  unexpected: boolean;
}

export const INTERNAL_MESSAGE = 'The service encountered an internal error. Try again later.';

/**
 * The status of `code`: its error shape's httpStatusCode. In the Connect model a shape has one status whatever
 * the operation listing it, so the shape's table serves both modeled and unmodeled codes; a code outside the
 * model (UnsupportedOperationException) is a 400.
 */
export function statusOf(code: string): number {
  return ERROR_STATUS[code] ?? 400;
}

function extraMembers(err: ConnectError): Record<string, unknown> {
  const d = err.details;
  const extra: Record<string, unknown> = {};
  if (d.propertyList) extra.PropertyList = d.propertyList;
  if (d.problems) extra.problems = d.problems;
  if (d.reason !== undefined) extra.Reason = d.reason;
  if (err.code === 'ResourceInUseException') {
    if (d.resourceType !== undefined) extra.ResourceType = d.resourceType;
    if (d.resourceId !== undefined) extra.ResourceId = d.resourceId;
  }
  return extra;
}

/** Fastify's own failures (body too large, bad content length): a status < 500 and an FST_ code. */
function frameworkError(err: unknown): { statusCode: number; code: string; message: string } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { statusCode, code, message } = err as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || typeof code !== 'string' || !code.startsWith('FST_'))
    return undefined;
  if (statusCode >= 500) return undefined;
  return { statusCode, code, message: typeof message === 'string' ? message : 'Invalid request' };
}

/** The answer for a failure. */
export function errorAnswer(err: unknown): ErrorAnswer {
  if (isConnectError(err)) {
    return {
      status: statusOf(err.code),
      code: err.code,
      body: { Message: err.message, ...extraMembers(err) },
      unexpected: false,
    };
  }
  if (isAuthError(err))
    return { status: err.status, code: err.code, body: { Message: err.message }, unexpected: false };
  if (err instanceof WireError)
    return {
      status: err.status,
      code: err.code,
      body: { Message: err.message, ...err.extra },
      unexpected: false,
    };
  const fst = frameworkError(err);
  if (fst) {
    const tooLarge = fst.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    return {
      status: tooLarge ? 413 : 400,
      code: 'InvalidRequestException',
      body: { Message: tooLarge ? 'The request body is too large' : fst.message },
      unexpected: false,
    };
  }
  return {
    status: 500,
    code: 'InternalServiceException',
    body: { Message: INTERNAL_MESSAGE },
    unexpected: true,
  };
}
