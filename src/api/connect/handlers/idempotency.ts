/**
 * ClientToken for operations the engine does not handle itself (CreateTaskTemplate, TransferContact): a retry
 * with the same token and the same request gets the first answer; the same token with another request is
 * refused (IdempotencyException). Records are kept 7 days.
 */
import { createHash } from 'node:crypto';
import { ConnectError, canonicalJson } from '../../../core/index.js';
import type { Store } from '../../../store/ports/index.js';
import type { OperationInput } from './common.js';

export async function idempotent(
  store: Store,
  operation: string,
  instanceId: string,
  input: OperationInput,
  now: number,
  work: () => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const token = typeof input.ClientToken === 'string' ? input.ClientToken : undefined;
  if (!token) return work();
  const { ClientToken: _token, ...request } = input;
  const hash = createHash('sha256').update(canonicalJson(request)).digest('hex');
  const seen = await store.repos.idempotency.find(instanceId, operation, token);
  if (seen) {
    if (seen.RequestHash !== hash)
      throw new ConnectError(
        'IdempotencyException',
        `ClientToken ${token} was used with a different request`,
      );
    return seen.Response as Record<string, unknown>;
  }
  const response = await work();
  await store.repos.idempotency.insert({
    InstanceId: instanceId,
    Operation: operation,
    Token: token,
    RequestHash: hash,
    Response: response,
    CreatedAt: now,
  });
  return response;
}
