/**
 * ClientToken for operations a service does in one store transaction (CreateTaskTemplate, ClaimPhoneNumber): a
 * retry with the same token and the same request gets the first answer; the same token with another request is
 * refused (IdempotencyException). The service records the token in its own transaction, beside the work, so a
 * crash cannot keep one without the other (src/instances/client-token.ts). The engine's operations
 * (StartTaskContact, TransferContact) record theirs in their command's transaction.
 */
import {
  clientTokenOf,
  firstAnswer,
  recordAnswer,
  type TokenScope,
} from '../../../instances/client-token.js';
import type { Repositories, Store } from '../../../store/ports/index.js';
import type { Clock } from '../../../core/index.js';
import { s, type OperationInput } from './common.js';

/** More work for a service to do in its transaction, once its own is written: the token's record. */
export type InTransaction<T> = (repos: Repositories, result: T) => Promise<void>;

export async function idempotent<T>(
  deps: { store: Store; clock: Clock },
  operation: string,
  input: OperationInput,
  call: {
    /** The operation's answer for what the service made. */
    answer: (result: T) => Record<string, unknown>;
    /** The service call; it runs `inTransaction` in its transaction after its work. */
    work: (inTransaction: InTransaction<T>) => Promise<T>;
  },
): Promise<Record<string, unknown>> {
  const key = clientTokenOf(input);
  if (!key) return call.answer(await call.work(() => Promise.resolve()));
  const scope: TokenScope = { instanceId: s(input, 'InstanceId'), operation };
  const seen = await firstAnswer(deps.store.repos, scope, key);
  if (seen) return seen.response as Record<string, unknown>;
  const now = deps.clock.now();
  try {
    return call.answer(
      await call.work((repos, result) => recordAnswer(repos, scope, key, call.answer(result), now)),
    );
  } catch (e) {
    // A concurrent request with the same token did it first (this one then failed on the token, or on the
    // name or number the other took): the first answer is this one's too.
    const meanwhile = await firstAnswer(deps.store.repos, scope, key);
    if (meanwhile) return meanwhile.response as Record<string, unknown>;
    throw e;
  }
}
