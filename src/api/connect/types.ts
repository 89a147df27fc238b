/**
 * What the Connect API's operation handlers are: one async function per supported operation, taking the
 * decoded input (Connect's member names, timestamps in epoch ms) and answering the output members (timestamps
 * in epoch ms; members outside the output shape are dropped on the way out).
 */
import type { FastifyRequest } from 'fastify';
import type { SUPPORTED_OPERATIONS } from './model.generated.js';

export type SupportedOperationName = keyof typeof SUPPORTED_OPERATIONS;

export interface HandlerContext {
  /** The user the request's access key belongs to; undefined when authentication let it through anonymously. */
  userId?: string;
  accessKeyId?: string;
  /** The id sent back in x-amzn-RequestId. */
  requestId: string;
}

export type ConnectInput = Record<string, unknown>;
export type ConnectOutput = Record<string, unknown>;
export type ConnectHandler = (input: ConnectInput, ctx: HandlerContext) => Promise<ConnectOutput>;
export type ConnectHandlers = Partial<Record<SupportedOperationName, ConnectHandler>>;

export interface Authenticated {
  userId: string;
  accessKeyId: string;
}

/**
 * Checks a request (SigV4) before anything else is done with it: resolves the caller, or throws (a ConnectError
 * or a WireError with the code AWS uses, e.g. 403 InvalidSignatureException) to refuse it. `rawBody` is the
 * body exactly as received ('' when none). Undefined lets the request through without a user.
 */
export type Authenticate = (req: FastifyRequest, rawBody: string) => Promise<Authenticated | undefined>;
