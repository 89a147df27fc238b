/**
 * What a value of each task template field type may be. Values are text, as Connect carries them (template
 * defaults, task references); an empty string means "no value" and is never checked here. Pure.
 */
import type { TaskTemplateField, TaskTemplateFieldType } from '../store/ports/index.js';

/** The reference types a task carries its template fields as (flow-language.md, CreateTask). */
export type TaskReferenceType = 'STRING' | 'NUMBER' | 'DATE' | 'URL' | 'EMAIL';

/** Longest expiry a task may be given, in minutes (90 days, Connect's hard ceiling). */
export const MAX_EXPIRY_MINUTES = 129_600;
/** Longest value any field holds (Connect's TaskTemplateFieldValue and Reference.Value). */
export const MAX_VALUE_LENGTH = 4096;
/** Longest task name (StartTaskContact's Name). */
export const MAX_NAME_LENGTH = 1024;

/**
 * Template field types that are properties of the task itself (its name, description, schedule, quick
 * connect, self-assignment, expiry) rather than references; a template has at most one of each.
 */
export const TASK_PROPERTY_TYPES: readonly TaskTemplateFieldType[] = [
  'NAME',
  'DESCRIPTION',
  'SCHEDULED_TIME',
  'QUICK_CONNECT',
  'SELF_ASSIGN',
  'EXPIRY_DURATION',
];

const REFERENCE_TYPES: Partial<Record<TaskTemplateFieldType, TaskReferenceType>> = {
  TEXT: 'STRING',
  TEXT_AREA: 'STRING',
  BOOLEAN: 'STRING',
  SINGLE_SELECT: 'STRING',
  NUMBER: 'NUMBER',
  DATE_TIME: 'DATE',
  URL: 'URL',
  EMAIL: 'EMAIL',
};

/** The reference type a field's value is carried as on the task; undefined for task-property fields. */
export function referenceTypeOf(type: TaskTemplateFieldType): TaskReferenceType | undefined {
  return REFERENCE_TYPES[type];
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO-8601 date-time with its offset (`2025-04-01T10:00:00Z`, `2025-04-01T19:00+09:00`) as epoch ms;
 * with `epochSeconds`, also a whole number of seconds (how a DATE reference carries it). Else undefined.
 */
export function parseDateTime(value: string, epochSeconds = false): number | undefined {
  if (epochSeconds && /^\d{1,12}$/.test(value)) return Number(value) * 1000;
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s, oh, om] = [m[1], m[2], m[3], m[4], m[5], m[6], m[8], m[9]].map(Number);
  const day = new Date(Date.UTC(y ?? 0, (mo ?? 0) - 1, d ?? 0));
  const validDay = day.getUTCFullYear() === y && day.getUTCMonth() + 1 === mo && day.getUTCDate() === d;
  const validTime = (h ?? 0) <= 23 && (mi ?? 0) <= 59 && (s || 0) <= 59 && (oh || 0) <= 23 && (om || 0) <= 59;
  if (!validDay || !validTime) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Why `value` does not fit `field`'s type, or undefined when it does. `epochSeconds` lets DATE_TIME and
 * SCHEDULED_TIME values be whole epoch seconds too (task references); template defaults use ISO-8601 only.
 */
export function valueProblem(
  field: TaskTemplateField,
  value: string,
  epochSeconds = false,
): string | undefined {
  if (value.length > MAX_VALUE_LENGTH) return `is longer than ${MAX_VALUE_LENGTH} characters`;
  switch (field.Type) {
    case 'NAME':
      return value.length > MAX_NAME_LENGTH ? `is longer than ${MAX_NAME_LENGTH} characters` : undefined;
    case 'NUMBER':
      return NUMBER.test(value) ? undefined : `'${value}' is not a number`;
    case 'BOOLEAN':
    case 'SELF_ASSIGN':
      return value === 'true' || value === 'false' ? undefined : `'${value}' is not true or false`;
    case 'DATE_TIME':
    case 'SCHEDULED_TIME':
      return parseDateTime(value, epochSeconds) !== undefined
        ? undefined
        : `'${value}' is not an ISO-8601 date-time with an offset, such as 2025-04-01T10:00:00Z`;
    case 'EMAIL':
      return EMAIL.test(value) && value.length <= 254 ? undefined : `'${value}' is not an email address`;
    case 'URL':
      return isHttpUrl(value) ? undefined : `'${value}' is not an http or https URL`;
    case 'SINGLE_SELECT':
      return field.SingleSelectOptions?.includes(value)
        ? undefined
        : `'${value}' is not one of the options (${(field.SingleSelectOptions ?? []).join(', ')})`;
    case 'EXPIRY_DURATION': {
      const minutes = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
      return minutes >= 1 && minutes <= MAX_EXPIRY_MINUTES
        ? undefined
        : `'${value}' is not a whole number of minutes from 1 to ${MAX_EXPIRY_MINUTES}`;
    }
    case 'QUICK_CONNECT':
      return value.length > 500 ? 'is not a quick connect id or ARN' : undefined;
    case 'DESCRIPTION':
    case 'TEXT':
    case 'TEXT_AREA':
      return undefined;
  }
}

/** Whether two values of the field mean the same (a date-time or number may be written two ways). */
export function sameValue(field: TaskTemplateField, a: string, b: string): boolean {
  if (a === b) return true;
  if (field.Type === 'DATE_TIME' || field.Type === 'SCHEDULED_TIME') {
    const ma = parseDateTime(a, true);
    return ma !== undefined && ma === parseDateTime(b, true);
  }
  if (field.Type === 'NUMBER') return NUMBER.test(a) && NUMBER.test(b) && Number(a) === Number(b);
  return false;
}
