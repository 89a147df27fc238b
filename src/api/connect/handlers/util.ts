/** Reading handler inputs: labels are present non-empty strings (the router ensures it); ids may be ARNs. */
import { idFromIdOrArn, instanceIdFromArn, invalidParameter } from '../../../core/index.js';
import type { ConnectInput } from '../types.js';

/** A required string member (a path label, or a required body member). */
export function str(input: ConnectInput, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value === '') throw invalidParameter(name, 'is required');
  return value;
}

/** The instance id of the InstanceId member, which may be the instance's ARN (or a resource ARN in it). */
export function instanceIdOf(input: ConnectInput, name = 'InstanceId'): string {
  const value = str(input, name);
  return instanceIdFromArn(value) ?? idFromIdOrArn(value);
}

/** The members of `input` other than `names` (the path labels), for a service taking the body members. */
export function without(input: ConnectInput, ...names: string[]): ConnectInput {
  const rest = { ...input };
  for (const n of names) delete rest[n];
  return rest;
}

/** NextToken and MaxResults of a List… request. */
export function paging(input: ConnectInput): { NextToken?: string; MaxResults?: number } {
  const { NextToken, MaxResults } = input;
  return {
    ...(typeof NextToken === 'string' && { NextToken }),
    ...(typeof MaxResults === 'number' && { MaxResults }),
  };
}
