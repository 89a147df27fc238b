import { invalidParameter } from './errors.js';

/**
 * NextToken is opaque to callers. Tsunagi's tokens carry an offset into a stable ordering, tagged with what
 * was listed so a token from one listing is refused by another.
 */
export interface PageRequest {
  offset: number;
  limit: number;
}

export function encodeNextToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString('base64url');
}

export function decodeNextToken(scope: string, token: string | undefined, field = 'NextToken'): number {
  if (token === undefined || token === '') return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'o' in parsed &&
      's' in parsed &&
      parsed.s === scope &&
      typeof parsed.o === 'number' &&
      Number.isInteger(parsed.o) &&
      parsed.o >= 0
    )
      return parsed.o;
  } catch {
    // fall through
  }
  throw invalidParameter(field, 'is not a token this listing gave out');
}

/** Turns a page request into (offset, limit+1) and the fetched rows back into items + NextToken. */
export function pageOf<T>(
  scope: string,
  rows: T[],
  offset: number,
  limit: number,
): { items: T[]; nextToken?: string } {
  if (rows.length > limit)
    return { items: rows.slice(0, limit), nextToken: encodeNextToken(scope, offset + limit) };
  return { items: rows };
}

export interface ListRequest {
  NextToken?: string;
  MaxResults?: number;
}

export interface ListResult<T> {
  items: T[];
  nextToken?: string;
}

/** One page of a listing: decodes NextToken, fetches one row more than asked, encodes the next token. */
export async function listPage<T>(
  scope: string,
  req: ListRequest,
  defaultLimit: number,
  fetch: (page: PageRequest) => Promise<T[]>,
): Promise<ListResult<T>> {
  const limit = req.MaxResults ?? defaultLimit;
  const offset = decodeNextToken(scope, req.NextToken);
  return pageOf(scope, await fetch({ offset, limit: limit + 1 }), offset, limit);
}
