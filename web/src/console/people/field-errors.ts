/**
 * The server's refusal placed on the form's fields: InvalidParameterException names the member first
 * ("Password: must be …", several joined by "; "), and a code may stand for a field (a duplicate name). Every
 * message stays in `all`, for the form's summary; `byField` holds the ones a field should show beside it.
 */
import { ApiError } from '../../api/client.js';
import { describeError } from '../../errors.js';
import type { I18n } from '../../i18n/i18n.js';

export interface PlacedErrors<K extends string> {
  all: string[];
  byField: Partial<Record<K, string[]>>;
}

const startsWithMember = (message: string, member: string) =>
  message.startsWith(member) && /^[:. [\]]/.test(message.slice(member.length));

export function placeErrors<K extends string>(
  error: unknown,
  t: I18n['t'],
  members: Record<K, readonly string[]>,
  codes: Partial<Record<string, K>> = {},
): PlacedErrors<K> {
  const all = describeError(error, t)
    .split('; ')
    .filter((m) => m !== '');
  const byField: Partial<Record<K, string[]>> = {};
  const put = (key: K, message: string) => {
    byField[key] = [...(byField[key] ?? []), message];
  };
  const keys = Object.keys(members) as K[];
  for (const message of all) {
    const key = keys.find((k) => members[k].some((member) => startsWithMember(message, member)));
    if (key) put(key, message);
  }
  const byCode = error instanceof ApiError ? codes[error.code] : undefined;
  if (byCode && !byField[byCode]) all.forEach((m) => put(byCode, m));
  return { all, byField };
}

/** The props that tie an input to its error text (aria-invalid, aria-describedby). */
export function invalidProps(errors: string[] | undefined, errorId: string) {
  return errors ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
}
