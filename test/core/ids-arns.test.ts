import { describe, expect, it } from 'vitest';
import {
  idFromIdOrArn,
  instanceArn,
  instanceIdFromArn,
  parseArn,
  phoneNumberArn,
  resourceArn,
  seededEntropy,
  sequentialIds,
  uuidIds,
} from '../../src/core/index.js';

const ctx = { region: 'ap-northeast-1', account: '123456789012' };

describe('ids', () => {
  it('sequential ids look like UUIDs and count up', () => {
    const ids = sequentialIds();
    expect(ids.next()).toBe('00000000-0000-4000-8000-000000000001');
    expect(ids.next()).toBe('00000000-0000-4000-8000-000000000002');
  });

  it('random ids are version-4 UUIDs, repeatable from a seed, and distinct', () => {
    const a = uuidIds(seededEntropy(7));
    const b = uuidIds(seededEntropy(7));
    const first = a.next();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.next()).toBe(first);
    const seen = new Set(Array.from({ length: 1000 }, () => a.next()));
    expect(seen.size).toBe(1000);
  });
});

describe('ARNs', () => {
  it("are built in Connect's format", () => {
    expect(instanceArn(ctx, 'i-1')).toBe('arn:aws:connect:ap-northeast-1:123456789012:instance/i-1');
    expect(resourceArn(ctx, 'i-1', 'queue', 'q-1')).toBe(
      'arn:aws:connect:ap-northeast-1:123456789012:instance/i-1/queue/q-1',
    );
    expect(resourceArn(ctx, 'i-1', 'user', 'u-1')).toMatch(/instance\/i-1\/agent\/u-1$/);
    expect(resourceArn(ctx, 'i-1', 'quick-connect', 'x')).toMatch(/\/transfer-destination\/x$/);
    expect(resourceArn(ctx, 'i-1', 'hours-of-operation', 'x')).toMatch(/\/operating-hours\/x$/);
    expect(phoneNumberArn(ctx, 'p-1')).toBe('arn:aws:connect:ap-northeast-1:123456789012:phone-number/p-1');
  });

  it('accept an id or an ARN wherever an id is expected', () => {
    const arn = resourceArn(ctx, 'i-1', 'contact-flow', 'f-1');
    expect(idFromIdOrArn(arn)).toBe('f-1');
    expect(idFromIdOrArn('f-1')).toBe('f-1');
    expect(idFromIdOrArn(instanceArn(ctx, 'i-9'))).toBe('i-9');
    expect(instanceIdFromArn(arn)).toBe('i-1');
    expect(instanceIdFromArn('f-1')).toBeUndefined();
    expect(parseArn('arn:aws:s3:::bucket')).toBeUndefined();
  });
});
