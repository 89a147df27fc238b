/**
 * What every Connect operation handler is: the decoded input (path, query and body members by their model
 * names, times in epoch ms) and the caller → the output members (the codec keeps only the model's members and
 * turns times back into epoch seconds).
 */
import type { ListResult } from '../../../core/index.js';

export type OperationInput = Record<string, unknown>;
export interface OperationContext {
  /** The user the access key belongs to. */
  userId?: string;
  requestId: string;
}
export type OperationHandler = (
  input: OperationInput,
  ctx: OperationContext,
) => Promise<Record<string, unknown>>;
export type HandlerMap = Record<string, OperationHandler>;

/** A path label or required string member (the services validate it and name it when bad). */
export const s = (input: OperationInput, key: string): string => {
  const v = input[key];
  return typeof v === 'string' ? v : '';
};

/** A list operation's output: the items under Connect's list name, and NextToken when there is more. */
export function page<T>(
  listName: string,
  result: ListResult<T>,
  items: unknown[] = result.items,
): Record<string, unknown> {
  return { [listName]: items, ...(result.nextToken && { NextToken: result.nextToken }) };
}

/** NextToken and MaxResults as the services take them (they validate the values and name bad ones). */
export const paging = (input: OperationInput): { NextToken?: string; MaxResults?: number } =>
  ({
    ...(input.NextToken !== undefined && { NextToken: input.NextToken }),
    ...(input.MaxResults !== undefined && { MaxResults: input.MaxResults }),
  }) as { NextToken?: string; MaxResults?: number };

export const empty = async (work: Promise<unknown>): Promise<Record<string, unknown>> => {
  await work;
  return {};
};
