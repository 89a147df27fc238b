/**
 * The conformance suite covers every operation Tsunagi serves: COVERAGE (harness.ts) gives each operation of
 * SUPPORTED_OPERATIONS to a test file, and that file's last test fails unless the operation succeeded through
 * the SDK there (on each store). This test fails when an operation is supported but given to no file, or when
 * COVERAGE names one Tsunagi does not serve.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_OPERATIONS } from '../../../src/api/connect/model.generated.js';
import { COVERAGE } from './harness.js';

describe('the Connect API conformance suite', () => {
  const covered = Object.values(COVERAGE).flat() as string[];

  it('exercises every supported operation', () => {
    const missing = Object.keys(SUPPORTED_OPERATIONS).filter((op) => !covered.includes(op));
    expect(missing, 'supported operations no conformance file exercises').toEqual([]);
  });

  it('names only supported operations, each in one file', () => {
    expect(covered.filter((op) => !Object.hasOwn(SUPPORTED_OPERATIONS, op))).toEqual([]);
    expect(covered.filter((op, i) => covered.indexOf(op) !== i)).toEqual([]);
  });
});
