import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConnectError,
  Tags,
  decodeNextToken,
  encodeNextToken,
  formatPath,
  listPage,
  validate,
} from '../../src/core/index.js';

describe('validate', () => {
  const Schema = z.object({
    Name: z.string().min(1).max(5),
    QueueConfigs: z.array(z.object({ Priority: z.number().int().min(1).max(99) })),
  });

  it('returns the parsed value', () => {
    expect(validate(Schema, { Name: 'a', QueueConfigs: [] })).toEqual({ Name: 'a', QueueConfigs: [] });
  });

  it('throws InvalidParameterException naming each offending field', () => {
    try {
      validate(Schema, { Name: 'toolong', QueueConfigs: [{ Priority: 0 }] });
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(ConnectError);
      const err = e as ConnectError;
      expect(err.code).toBe('InvalidParameterException');
      expect(err.message).toMatch(/^Name: /);
      expect(err.message).toMatch(/QueueConfigs\[0\]\.Priority: /);
    }
  });

  it('says a missing field is required', () => {
    expect(() => validate(Schema, { QueueConfigs: [] })).toThrow(/Name is required/);
  });

  it('formats paths as Connect members', () => {
    expect(formatPath(['Fields', 2, 'Id', 'Name'])).toBe('Fields[2].Id.Name');
    expect(formatPath([])).toBe('(request)');
  });

  it('checks tags as Connect does', () => {
    expect(Tags.safeParse({ team: 'a' }).success).toBe(true);
    expect(Tags.safeParse({ 'aws:reserved': 'a' }).success).toBe(false);
    expect(Tags.safeParse({ k: 'x'.repeat(257) }).success).toBe(false);
  });
});

describe('paging', () => {
  it('round-trips tokens and refuses forged or foreign ones', () => {
    const token = encodeNextToken('queues:i', 20);
    expect(decodeNextToken('queues:i', token)).toBe(20);
    expect(decodeNextToken('queues:i', undefined)).toBe(0);
    expect(() => decodeNextToken('users:i', token)).toThrow(/NextToken/);
    expect(() => decodeNextToken('queues:i', 'garbage')).toThrow(/NextToken/);
  });

  it('pages through a listing', async () => {
    const all = Array.from({ length: 5 }, (_, i) => i);
    const fetch = (p: { offset: number; limit: number }) =>
      Promise.resolve(all.slice(p.offset, p.offset + p.limit));
    const first = await listPage('n', { MaxResults: 2 }, 100, fetch);
    expect(first.items).toEqual([0, 1]);
    const second = await listPage('n', { MaxResults: 2, NextToken: first.nextToken }, 100, fetch);
    const third = await listPage('n', { MaxResults: 2, NextToken: second.nextToken }, 100, fetch);
    expect([...second.items, ...third.items]).toEqual([2, 3, 4]);
    expect(third.nextToken).toBeUndefined();
  });
});
