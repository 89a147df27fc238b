/**
 * A flow's picture as data: its blocks (type, a name when the identifier is one a person wrote, a short summary
 * such as the prompt's text or the queue) and each block's branches in Connect's order — the next action, the
 * conditions, then the errors — with where they go. Canvas positions come from Metadata.ActionMetadata when the
 * export has them. Pure functions.
 */
import { isRecord, parseJson } from './flow-export.js';

export interface Point {
  x: number;
  y: number;
}

export type BranchKind = 'next' | 'condition' | 'error';

export interface Branch {
  kind: BranchKind;
  /** The condition ("= 2", "> 5") or the error type; empty for the next action. */
  label: string;
  /** The block it goes to; undefined when the branch ends the flow ('' or a `$` target). */
  target?: string;
  /** An identifier the branch names that no block has (lint reports it as an error). */
  missing?: string;
}

export interface Block {
  id: string;
  type: string;
  /** The identifier, when a person named the block (not a generated id). */
  name?: string;
  /** What the block does in a few words: its prompt, queue, attributes, function... */
  summary?: string;
  position?: Point;
  branches: Branch[];
}

export interface FlowGraph {
  start: string;
  blocks: Block[];
  /** Where the editor drew the entry point. */
  entry?: Point;
}

const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

function pointOf(v: unknown): Point | undefined {
  if (!isRecord(v) || typeof v.x !== 'number' || typeof v.y !== 'number') return undefined;
  return Number.isFinite(v.x) && Number.isFinite(v.y) ? { x: v.x, y: v.y } : undefined;
}

/** The last part of an ARN (a placeholder ARN ends in the resource's name) or of a Lambda ARN. */
export function shortArn(value: string): string {
  if (!value.startsWith('arn:')) return value;
  const parts = value.split(/[/:]/);
  return parts[parts.length - 1] ?? value;
}

/** The first `displayName` the editor kept for the block's parameters (a queue's, a function's, a prompt's). */
function displayName(meta: unknown, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (Array.isArray(meta)) {
    for (const item of meta) {
      const found = displayName(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(meta)) return undefined;
  const own = str(meta.displayName);
  if (own) return own;
  for (const v of Object.values(meta)) {
    const found = displayName(v, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const RESOURCE_PARAMETERS = [
  'QueueId',
  'ContactFlowId',
  'FlowModuleId',
  'TaskTemplateId',
  'HoursOfOperationId',
  'AgentId',
  'LambdaFunctionARN',
  'PromptId',
];

function firstText(p: Record<string, unknown>): string | undefined {
  const messages = Array.isArray(p.Messages) ? p.Messages : [];
  const first = messages.find(isRecord);
  const ssml = str(p.SSML) ?? (first && str(first.SSML));
  return (
    str(p.Text) ??
    (first && str(first.Text)) ??
    (ssml &&
      ssml
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim())
  );
}

/** Resource ids of this instance → their names (queues, flows, templates), to show names instead of ids. */
export type Names = ReadonlyMap<string, string>;

/** A few words on what the block does, from its parameters, this instance's names and the editor's metadata. */
export function summaryOf(
  type: string,
  parameters: Record<string, unknown>,
  meta: unknown,
  names: Names = new Map(),
): string | undefined {
  const prompt = firstText(parameters);
  if (prompt) return prompt;
  if (type === 'CreateTask' && str(parameters.Name)) return str(parameters.Name);
  const resource = RESOURCE_PARAMETERS.map((key) => str(parameters[key])).find((v) => v !== undefined);
  const named = resource === undefined ? undefined : names.get(shortArn(resource));
  if (named) return named;
  const shown = displayName(isRecord(meta) ? meta.parameters : undefined);
  if (shown) return shown;
  if (resource) return shortArn(resource);
  if (isRecord(parameters.EventHooks)) {
    const hooks = Object.entries(parameters.EventHooks).flatMap(([k, v]) => {
      const value = str(v);
      return value ? [`${k}: ${names.get(shortArn(value)) ?? shortArn(value)}`] : [];
    });
    if (hooks.length > 0) return hooks.join(', ');
  }
  if (isRecord(parameters.Attributes)) {
    const keys = Object.keys(parameters.Attributes);
    if (keys.length > 0) return keys.join(', ');
  }
  if (type === 'Compare') return str(parameters.ComparisonValue);
  for (const v of Object.values(parameters)) {
    const value = str(v);
    if (value) return shortArn(value);
  }
  return undefined;
}

const OPERATORS: Record<string, string> = {
  Equals: '=',
  NumberGreaterThan: '>',
  NumberGreaterOrEqualTo: '≥',
  NumberLessThan: '<',
  NumberLessOrEqualTo: '≤',
  TextStartsWith: 'starts with',
  TextEndsWith: 'ends with',
  TextContains: 'contains',
};

const targetOf = (v: unknown): string | undefined => {
  const s = typeof v === 'string' ? v : '';
  return s === '' || s.startsWith('$') ? undefined : s;
};

function branchesOf(transitions: unknown): Branch[] {
  if (!isRecord(transitions)) return [];
  const out: Branch[] = [];
  if ('NextAction' in transitions) {
    const target = targetOf(transitions.NextAction);
    out.push({ kind: 'next', label: '', ...(target && { target }) });
  }
  for (const c of Array.isArray(transitions.Conditions) ? transitions.Conditions : []) {
    if (!isRecord(c)) continue;
    const cond = isRecord(c.Condition) ? c.Condition : {};
    const op = typeof cond.Operator === 'string' ? cond.Operator : 'Equals';
    const operands = Array.isArray(cond.Operands) ? cond.Operands.map((o) => String(o)).join(', ') : '';
    const label = op === 'Equals' ? operands : `${OPERATORS[op] ?? op} ${operands}`;
    const target = targetOf(c.NextAction);
    out.push({ kind: 'condition', label, ...(target && { target }) });
  }
  for (const e of Array.isArray(transitions.Errors) ? transitions.Errors : []) {
    if (!isRecord(e) || typeof e.ErrorType !== 'string') continue;
    const target = targetOf(e.NextAction);
    out.push({ kind: 'error', label: e.ErrorType, ...(target && { target }) });
  }
  return out;
}

/**
 * The flow's blocks and branches, or undefined when the content is not a flow (no Actions array). `names` turns
 * the resource ids the blocks name into this instance's names.
 */
export function flowGraph(content: string, names?: Names): FlowGraph | undefined {
  const parsed = parseJson(content);
  const doc = parsed && isRecord(parsed.value) ? parsed.value : undefined;
  if (!doc || !Array.isArray(doc.Actions)) return undefined;
  const metadata = isRecord(doc.Metadata) ? doc.Metadata : {};
  const actionMeta = isRecord(metadata.ActionMetadata) ? metadata.ActionMetadata : {};
  const seen = new Set<string>();
  const blocks: Block[] = [];
  for (const raw of doc.Actions) {
    if (!isRecord(raw) || typeof raw.Identifier !== 'string' || raw.Identifier === '') continue;
    if (seen.has(raw.Identifier)) continue;
    seen.add(raw.Identifier);
    const id = raw.Identifier;
    const meta = actionMeta[id];
    const type = typeof raw.Type === 'string' && raw.Type !== '' ? raw.Type : '?';
    const summary = summaryOf(type, isRecord(raw.Parameters) ? raw.Parameters : {}, meta, names);
    const position = pointOf(isRecord(meta) ? meta.position : undefined);
    blocks.push({
      id,
      type,
      ...(!GENERATED_ID.test(id) && { name: id }),
      ...(summary && { summary }),
      ...(position && { position }),
      branches: branchesOf(raw.Transitions),
    });
  }
  // A branch to an identifier no block has goes nowhere: lint reports it; the picture leaves it open.
  for (const b of blocks)
    for (const br of b.branches)
      if (br.target !== undefined && !seen.has(br.target)) {
        br.missing = br.target;
        delete br.target;
      }
  const entry = pointOf(metadata.entryPointPosition);
  return {
    start: typeof doc.StartAction === 'string' ? doc.StartAction : '',
    blocks,
    ...(entry && { entry }),
  };
}

/** How a block is named in words: its name, else its type (with a short id to tell alike blocks apart). */
export function blockTitle(block: Pick<Block, 'id' | 'type' | 'name'>): string {
  return block.name ?? `${block.type} ${block.id.slice(0, 8)}`;
}
