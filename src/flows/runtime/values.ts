import type { RunState } from './state.js';

/** A value that is exactly one JSONPath (`$.Attributes.WorkingQueue`). */
export const isPath = (value: string): boolean => /^\$\.\S+$/.test(value);

const TOKEN = /\$\.[A-Za-z_][\w-]*(?:\.[\w-]+)*/g;

function walk(value: unknown, parts: readonly string[], from: number): unknown {
  let v = value;
  for (let i = from; i < parts.length; i++) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[parts[i] as string];
  }
  return v;
}

/** Resolves one path against the contact and frame; undefined when nothing is there. */
export function resolvePath(path: string, state: RunState): unknown {
  const parts = path.slice(2).split('.');
  const { contact, frame } = state;
  const head = parts[0] ?? '';
  switch (head) {
    case 'Attributes':
      return walk(contact.Attributes, parts, 1);
    case 'FlowAttributes':
      return walk(frame.flowAttributes, parts, 1);
    case 'External':
      return walk(frame.external, parts, 1);
    case 'StoredCustomerInput':
      return frame.storedCustomerInput;
    case 'Metrics':
      return walk(frame.metrics, parts, 1);
    case 'Lex':
      return walk(frame.lex, parts, 1);
    case 'Views':
      return walk(frame.views, parts, 1);
    case 'Task':
      return parts[1] === 'ContactId' ? frame.taskContactId : undefined;
    case 'TextToSpeechVoiceId':
      return contact.TextToSpeechVoice;
    case 'Queue':
      return walk(contact.Queue, parts, 1);
    default: {
      const direct = walk(contact, parts, 0);
      return direct !== undefined ? direct : walk(contact.Extra, parts, 0);
    }
  }
}

/** A resolved value as the text Connect would put in its place ('' for nothing). */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A parameter that is a literal or exactly one path (ids, queue and flow references). */
export function resolveSingle(value: unknown, state: RunState): string {
  if (typeof value !== 'string') return asText(value);
  return isPath(value) ? asText(resolvePath(value, state)) : value;
}

/** Free text with embedded paths: each `$.…` token is replaced by its value. */
export function resolveTemplate(value: unknown, state: RunState): string {
  if (typeof value !== 'string') return asText(value);
  if (!value.includes('$.')) return value;
  return value.replace(TOKEN, (token) => asText(resolvePath(token, state)));
}

/** Exports carry numbers and booleans as strings: parse leniently. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function asBoolean(value: unknown, fallback = false): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return fallback;
}

/** Resolves every value of a string map as a template (attributes, Lambda parameters, references). */
export function resolveMap(value: unknown, state: RunState): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) out[k] = resolveTemplate(v, state);
  return out;
}
