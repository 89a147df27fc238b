/**
 * ClientToken (idempotency) records: a retry with the same token and the same request gets the first answer; the
 * same token with another request is refused (IdempotencyException). Records are kept 7 days.
 *
 * The record is written in the transaction that does the operation's work, so both commit or neither does: a
 * crash between them cannot leave the work done and the token unknown (a retry would do the work again).
 */
import { createHash } from 'node:crypto';
import { ConnectError, canonicalJson } from '../core/index.js';
import type { Repositories } from '../store/ports/index.js';

/** A request's ClientToken and the hash of the request it came with. */
export interface ClientToken {
  token: string;
  requestHash: string;
}

/** Whose a token is: tokens are per instance and operation. */
export interface TokenScope {
  instanceId: string;
  operation: string;
}

export const requestHash = (request: unknown): string =>
  createHash('sha256').update(canonicalJson(request)).digest('hex');

/** A Connect request's ClientToken, the hash covering every other member; undefined without one. */
export function clientTokenOf(input: Record<string, unknown>): ClientToken | undefined {
  const token = input.ClientToken;
  if (typeof token !== 'string' || token === '') return undefined;
  const { ClientToken: _token, ...request } = input;
  return { token, requestHash: requestHash(request) };
}

const usedElsewhere = (token: string) =>
  new ConnectError('IdempotencyException', `ClientToken ${token} was used with a different request`);

/**
 * The first answer given with this token, or undefined when it is new. IdempotencyException when the token came
 * with another request.
 */
export async function firstAnswer(
  repos: Repositories,
  scope: TokenScope,
  key: ClientToken,
): Promise<{ response: unknown } | undefined> {
  const seen = await repos.idempotency.find(scope.instanceId, scope.operation, key.token);
  if (!seen) return undefined;
  if (seen.RequestHash !== key.requestHash) throw usedElsewhere(key.token);
  return { response: seen.Response };
}

/**
 * Records the answer, through the repositories of the transaction that did the work. When a concurrent request
 * recorded the token first, this one fails (its transaction must roll back: on PostgreSQL the failed insert has
 * aborted it already) and a retry gets that request's answer.
 */
export async function recordAnswer(
  repos: Repositories,
  scope: TokenScope,
  key: ClientToken,
  response: unknown,
  now: number,
): Promise<void> {
  const recorded = await repos.idempotency.insert({
    InstanceId: scope.instanceId,
    Operation: scope.operation,
    Token: key.token,
    RequestHash: key.requestHash,
    Response: response,
    CreatedAt: now,
  });
  if (!recorded)
    throw new ConnectError(
      'IdempotencyException',
      `ClientToken ${key.token} was used by a concurrent request`,
    );
}
