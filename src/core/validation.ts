import { z } from 'zod';
import { ConnectError } from './errors.js';
import { E164_PATTERN } from './shapes.js';

/** `['QueueConfigs', 0, 'Priority']` → `QueueConfigs[0].Priority` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(request)';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where} is required`;
  return `${where}: ${issue.message}`;
}

/**
 * Validation at the door: parse `input` with `schema`, or throw InvalidParameterException naming every
 * offending field. Nothing is changed by a refused input because nothing has been done yet.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code: 'InvalidParameterException' | 'InvalidRequestException' = 'InvalidParameterException',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map(describeIssue);
  throw new ConnectError(code, issues.join('; '), {
    ids: { field: formatPath(result.error.issues[0]?.path ?? []) },
  });
}

/** Shapes that recur across Connect's operations. */
export const Tags = z
  .record(
    z
      .string()
      .min(1)
      .max(128)
      .regex(
        /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
        'tag keys may not start with aws: and use letters, digits, spaces or _.:/=+-@',
      ),
    z.string().max(256),
  )
  .refine((t) => Object.keys(t).length <= 50, 'at most 50 tags');

export const Channel = z.enum(['VOICE', 'CHAT', 'TASK', 'EMAIL']);
export type Channel = z.infer<typeof Channel>;

export const E164 = z.string().regex(E164_PATTERN, 'must be an E.164 phone number such as +815012345678');

/** An id or the resource's ARN. */
export const IdOrArn = z.string().min(1).max(500);

export const MaxResults = (max: number) => z.number().int().min(1).max(max);
