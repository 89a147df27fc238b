import { expect } from 'vitest';
import { ConnectError, type ConnectErrorCode } from '../../src/core/index.js';

/** Awaits `promise`, expects it to fail with the Connect error `code`, and returns the error. */
export async function expectConnectError(
  promise: Promise<unknown>,
  code: ConnectErrorCode,
  message?: RegExp,
): Promise<ConnectError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectError);
    const err = e as ConnectError;
    expect(err.code, err.message).toBe(code);
    if (message) expect(err.message).toMatch(message);
    return err;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}
