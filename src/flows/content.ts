/**
 * Flow content as the API handles it: kept byte-for-byte, hashed, and checked for the structure Connect
 * requires before it publishes (InvalidContactFlowException's problems). Also the unwrapping of the export
 * formats people paste, for the import command. Pure functions.
 */
import { createHash } from 'node:crypto';
import { ConnectError, isRecord } from '../core/index.js';
import { flowTypeFromMetadata, type FlowType } from './model.js';

export type ContentStatus = 'PUBLISHED' | 'SAVED';

export type ContentProblemCode =
  | 'NOT_JSON'
  | 'NOT_A_FLOW'
  | 'BAD_ACTION'
  | 'DUPLICATE_IDENTIFIER'
  | 'NO_START_ACTION'
  | 'MISSING_TRANSITION_TARGET';

export interface ContentProblem {
  code: ContentProblemCode;
  message: string;
  /** The action the problem is in, when it is in one. */
  actionId?: string;
}

/** InvalidContactFlowException lists at most 50 problems. */
const MAX_PROBLEMS = 50;

/** Hex SHA-256 of the content's UTF-8 bytes (`FlowContentSha256`). */
export function flowContentSha256(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** JSON.parse that tolerates a leading byte-order mark, as editors save it. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * A transition target that is not an action but is accepted: '' is a branch left unconnected in the editor
 * (the flow ends there), and `$`-names such as `$end` are reserved targets seen in real exports.
 */
export const isOpenTarget = (target: string): boolean => target === '' || target.startsWith('$');

/** Where each transition of an action goes, with the path naming it in a problem. */
function transitionsOf(transitions: unknown): { path: string; target: unknown }[] {
  if (!isRecord(transitions)) return [];
  const out: { path: string; target: unknown }[] = [];
  if ('NextAction' in transitions) out.push({ path: 'NextAction', target: transitions.NextAction });
  for (const list of ['Conditions', 'Errors'] as const) {
    const items = transitions[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (isRecord(item) && 'NextAction' in item)
        out.push({ path: `${list}[${i}].NextAction`, target: item.NextAction });
    });
  }
  return out;
}

/** The structural problems of a parsed flow document (the rules a PUBLISHED flow must satisfy). */
function structureProblems(doc: unknown): ContentProblem[] {
  if (!isRecord(doc))
    return [{ code: 'NOT_A_FLOW', message: 'Content must be a JSON object with Actions and StartAction' }];
  if (!Array.isArray(doc.Actions)) return [{ code: 'NOT_A_FLOW', message: 'Content has no Actions array' }];
  const problems: ContentProblem[] = [];
  const ids = new Set<string>();
  const named: { label: string; actionId?: string; transitions: unknown }[] = [];
  for (const [i, action] of doc.Actions.entries()) {
    if (!isRecord(action)) {
      problems.push({ code: 'BAD_ACTION', message: `Actions[${i}] is not an object` });
      continue;
    }
    const id =
      typeof action.Identifier === 'string' && action.Identifier !== '' ? action.Identifier : undefined;
    const label = id === undefined ? `Actions[${i}]` : `Actions[${i}] ('${id}')`;
    const at = id === undefined ? {} : { actionId: id };
    if (id === undefined) problems.push({ code: 'BAD_ACTION', message: `${label} has no Identifier` });
    if (typeof action.Type !== 'string' || action.Type === '')
      problems.push({ code: 'BAD_ACTION', ...at, message: `${label} has no Type` });
    if (id !== undefined && ids.has(id))
      problems.push({
        code: 'DUPLICATE_IDENTIFIER',
        ...at,
        message: `${label}: the Identifier '${id}' is used by another action`,
      });
    if (id !== undefined) ids.add(id);
    named.push({ label, ...at, transitions: action.Transitions });
  }
  if (!('StartAction' in doc) || typeof doc.StartAction !== 'string')
    problems.push({
      code: 'NO_START_ACTION',
      message: 'StartAction is missing: it must name the action the flow starts with',
    });
  else if (!isOpenTarget(doc.StartAction) && !ids.has(doc.StartAction))
    problems.push({
      code: 'NO_START_ACTION',
      message: `StartAction '${doc.StartAction}' names no action of the flow`,
    });
  for (const { label, actionId, transitions } of named)
    for (const { path, target } of transitionsOf(transitions)) {
      const at = { code: 'MISSING_TRANSITION_TARGET' as const, ...(actionId !== undefined && { actionId }) };
      if (typeof target !== 'string')
        problems.push({ ...at, message: `${label}: Transitions.${path} is not an action Identifier` });
      else if (!isOpenTarget(target) && !ids.has(target))
        problems.push({
          ...at,
          message: `${label}: Transitions.${path} goes to '${target}', which is not an action`,
        });
    }
  return problems;
}

/**
 * What is wrong with `content` for the status it is saved with: SAVED content need only be JSON; PUBLISHED
 * content must also be a flow whose actions have an Identifier and a Type, unique identifiers, a StartAction
 * naming one of them, and transitions that go to actions of the flow. Unknown action types, parameters and
 * transition kinds are not problems: real exports have them.
 */
export function flowContentProblems(content: string, status: ContentStatus): ContentProblem[] {
  const parsed = parseJson(content);
  if (!parsed.ok) return [{ code: 'NOT_JSON', message: `Content is not valid JSON: ${parsed.error}` }];
  return status === 'SAVED' ? [] : structureProblems(parsed.value).slice(0, MAX_PROBLEMS);
}

/** Throws InvalidContactFlowException listing the problems of `content`, when there are problems. */
export function assertFlowContent(content: string, status: ContentStatus, what = 'flow'): void {
  const problems = flowContentProblems(content, status);
  if (problems.length === 0) return;
  throw new ConnectError(
    'InvalidContactFlowException',
    `the ${what} content is not valid: ${problems.map((p) => p.message).join('; ')}`,
    { problems },
  );
}

/** What an export holds: the flow content to give CreateContactFlow, and what the export says about it. */
export interface FlowExport {
  content: string;
  type?: FlowType;
  name?: string;
  description?: string;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The object carrying `Content` in a wrapped export, if `doc` is one. */
function wrapperOf(
  doc: Record<string, unknown>,
): { wrapper: Record<string, unknown>; module: boolean } | undefined {
  for (const key of ['ContactFlow', 'ContactFlowModule'] as const) {
    const inner = doc[key];
    if (isRecord(inner) && 'Content' in inner) return { wrapper: inner, module: key === 'ContactFlowModule' };
  }
  if ('Content' in doc && !('Actions' in doc)) return { wrapper: doc, module: false };
  return undefined;
}

/**
 * Unwraps flow text as people paste it: a bare flow (`{"Version":..,"Actions":[..]}`), the
 * DescribeContactFlow / DescribeContactFlowModule shape (`{"ContactFlow":{"Content":"<json>",..}}`), or the
 * CreateContactFlow shape (`{"Content":"<json>","Name":..,"Type":..}`). The type comes from the wrapper, else
 * from the content's `Metadata.type`; content with module `Settings` and no type is a MODULE. The name and
 * description come from the wrapper, else from `Metadata.name` / `Metadata.description`. Text that is none
 * of these is returned as the content, for validation to report on.
 */
export function unwrapFlowExport(input: string): FlowExport {
  const bare = input.replace(/^\uFEFF/, '');
  const parsed = parseJson(bare);
  if (!parsed.ok || !isRecord(parsed.value)) return { content: bare };
  const found = wrapperOf(parsed.value);
  const raw = found?.wrapper.Content;
  const content = found
    ? typeof raw === 'string'
      ? raw.replace(/^\uFEFF/, '')
      : (JSON.stringify(raw) ?? '')
    : bare;
  const inner = found ? parseJson(content) : parsed;
  const doc = inner.ok && isRecord(inner.value) ? inner.value : {};
  const metadata = isRecord(doc.Metadata) ? doc.Metadata : {};
  const type =
    (found?.module ? 'MODULE' : flowTypeFromMetadata(found?.wrapper.Type)) ??
    flowTypeFromMetadata(metadata.type) ??
    (isRecord(doc.Settings) ? 'MODULE' : undefined);
  const name = text(found?.wrapper.Name) ?? text(metadata.name);
  const description = text(found?.wrapper.Description) ?? text(metadata.description);
  return {
    content,
    ...(type !== undefined && { type }),
    ...(name !== undefined && { name }),
    ...(description !== undefined && { description }),
  };
}
