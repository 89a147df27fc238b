import { isRecord } from '../core/index.js';
/**
 * The Amazon Connect flow language (Version 2019-10-30) as Tsunagi holds it after import: actions in a Map keyed
 * by their free-text identifiers, transitions normalized, unknown types and parameters kept as they came.
 */
export const FLOW_TYPES = [
  'CONTACT_FLOW',
  'CUSTOMER_QUEUE',
  'CUSTOMER_HOLD',
  'CUSTOMER_WHISPER',
  'AGENT_HOLD',
  'AGENT_WHISPER',
  'OUTBOUND_WHISPER',
  'AGENT_TRANSFER',
  'QUEUE_TRANSFER',
  'CAMPAIGN',
] as const;
export type ContactFlowType = (typeof FLOW_TYPES)[number];
/** Flow modules are flows of their own kind (no Connect flow type). */
export type FlowType = ContactFlowType | 'MODULE';

export type Channel = 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';
export const CHANNELS: readonly Channel[] = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];

export interface FlowCondition {
  operator: string;
  operands: string[];
  next: string;
}

export interface FlowTransitions {
  /** The success branch; undefined (or '' in the export) means the flow ends here. */
  next?: string;
  conditions: FlowCondition[];
  /** ErrorType → next action. */
  errors: Map<string, string>;
}

export interface FlowAction {
  id: string;
  type: string;
  parameters: Readonly<Record<string, unknown>>;
  transitions: FlowTransitions;
  /** Position in the document's Actions array. */
  index: number;
}

export interface FlowDocument {
  version: string;
  startAction: string;
  actions: Map<string, FlowAction>;
  /** Metadata.type mapped to the API enum, when the document carries it. */
  metadataType?: FlowType;
  /** A module's Settings (InputParameters, OutputParameters, Transitions). */
  settings?: Readonly<Record<string, unknown>>;
}

/** Metadata.type values seen in exports, mapped to the API's flow types. */
const METADATA_TYPES: Record<string, ContactFlowType> = {
  contactFlow: 'CONTACT_FLOW',
  customerQueue: 'CUSTOMER_QUEUE',
  customerHold: 'CUSTOMER_HOLD',
  customerWhisper: 'CUSTOMER_WHISPER',
  agentHold: 'AGENT_HOLD',
  agentWhisper: 'AGENT_WHISPER',
  outboundWhisper: 'OUTBOUND_WHISPER',
  agentTransfer: 'AGENT_TRANSFER',
  queueTransfer: 'QUEUE_TRANSFER',
  campaign: 'CAMPAIGN',
};

export function flowTypeFromMetadata(value: unknown): ContactFlowType | undefined {
  if (typeof value !== 'string') return undefined;
  if ((FLOW_TYPES as readonly string[]).includes(value)) return value as ContactFlowType;
  return METADATA_TYPES[value];
}

/** Why a text could not be read as a flow at all (structure is checked by flowContentProblems in content.ts). */
export interface ReadProblem {
  code: 'NOT_JSON' | 'NOT_A_FLOW';
  message: string;
}

const target = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function readTransitions(raw: unknown): FlowTransitions {
  const t = isRecord(raw) ? raw : {};
  const conditions: FlowCondition[] = [];
  for (const c of Array.isArray(t.Conditions) ? t.Conditions : []) {
    if (!isRecord(c)) continue;
    const cond = isRecord(c.Condition) ? c.Condition : {};
    conditions.push({
      operator: typeof cond.Operator === 'string' ? cond.Operator : 'Equals',
      operands: Array.isArray(cond.Operands) ? cond.Operands.map((o) => String(o)) : [],
      next: target(c.NextAction) ?? '',
    });
  }
  const errors = new Map<string, string>();
  for (const e of Array.isArray(t.Errors) ? t.Errors : []) {
    if (isRecord(e) && typeof e.ErrorType === 'string' && !errors.has(e.ErrorType))
      errors.set(e.ErrorType, target(e.NextAction) ?? '');
  }
  const next = target(t.NextAction);
  return next === undefined ? { conditions, errors } : { next, conditions, errors };
}

/**
 * Reads a bare flow document (text with or without a BOM, or an already parsed object) for running it. Lenient
 * as exports require: unknown types and parameters are kept, malformed actions skipped, a repeated identifier
 * keeps its first action. What a publishable flow must satisfy is checked by `flowContentProblems`.
 */
export function readFlowDocument(input: unknown): { flow?: FlowDocument; problems: ReadProblem[] } {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return {
        problems: [{ code: 'NOT_JSON', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }],
      };
    }
  }
  if (!isRecord(doc) || !Array.isArray(doc.Actions))
    return { problems: [{ code: 'NOT_A_FLOW', message: 'a flow is a JSON object with an Actions array' }] };
  const actions = new Map<string, FlowAction>();
  doc.Actions.forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw.Identifier !== 'string' || raw.Identifier === '') return;
    if (typeof raw.Type !== 'string' || actions.has(raw.Identifier)) return;
    actions.set(raw.Identifier, {
      id: raw.Identifier,
      type: raw.Type,
      parameters: isRecord(raw.Parameters) ? raw.Parameters : {},
      transitions: readTransitions(raw.Transitions),
      index,
    });
  });
  const startAction = typeof doc.StartAction === 'string' ? doc.StartAction : '';
  const metadata = isRecord(doc.Metadata) ? doc.Metadata : {};
  const metadataType = flowTypeFromMetadata(metadata.type);
  const flow: FlowDocument = {
    version: typeof doc.Version === 'string' ? doc.Version : '',
    startAction,
    actions,
    ...(metadataType && { metadataType }),
    ...(isRecord(doc.Settings) && { settings: doc.Settings }),
  };
  return { flow, problems: [] };
}

/** Every action id a transition of `action` points at (in order: next, conditions, errors). */
export function targetsOf(action: FlowAction): string[] {
  const t = action.transitions;
  return [
    ...(t.next ? [t.next] : []),
    ...t.conditions.map((c) => c.next).filter((n) => n !== ''),
    ...[...t.errors.values()].filter((n) => n !== ''),
  ];
}
