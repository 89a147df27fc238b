/**
 * Flow exports as people have them, read in the browser (as src/flows/content.ts `unwrapFlowExport` reads them
 * on the server): a bare flow (`{"Version":..,"Actions":[..]}`), the DescribeContactFlow shape
 * (`{"ContactFlow":{"Content":"<json>",..}}`) or the CreateContactFlow shape (`{"Content":"<json>","Name":..}`).
 * CreateContactFlow takes only the bare content, so the import sends what this finds. Pure functions.
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
export type ExportType = ContactFlowType | 'MODULE';

/** Metadata.type values seen in exports (the editor's names), mapped to the API's flow types. */
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

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function isFlowType(value: unknown): value is ContactFlowType {
  return typeof value === 'string' && (FLOW_TYPES as readonly string[]).includes(value);
}

export function flowTypeOf(value: unknown): ContactFlowType | undefined {
  if (isFlowType(value)) return value;
  return typeof value === 'string' ? METADATA_TYPES[value] : undefined;
}

/** JSON.parse that tolerates a leading byte-order mark; undefined when the text is not JSON. */
export function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return undefined;
  }
}

export interface FlowExport {
  /** The bare flow content, as CreateContactFlow takes it. */
  content: string;
  type?: ExportType;
  name?: string;
  description?: string;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

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

/** What an export holds; text that is no export is returned as the content, for lint to report on. */
export function unwrapFlowExport(input: string): FlowExport {
  const bare = input.replace(/^\uFEFF/, '');
  const parsed = parseJson(bare);
  if (!parsed || !isRecord(parsed.value)) return { content: bare };
  const found = wrapperOf(parsed.value);
  const raw = found?.wrapper.Content;
  const content = found
    ? typeof raw === 'string'
      ? raw.replace(/^\uFEFF/, '')
      : (JSON.stringify(raw) ?? '')
    : bare;
  const inner = found ? parseJson(content) : parsed;
  const doc = inner && isRecord(inner.value) ? inner.value : {};
  const metadata = isRecord(doc.Metadata) ? doc.Metadata : {};
  const type: ExportType | undefined =
    (found?.module ? 'MODULE' : flowTypeOf(found?.wrapper.Type)) ??
    flowTypeOf(metadata.type) ??
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

/** A file name for a flow's export: its name without the characters file systems refuse, and .json. */
export function exportFileName(flowName: string): string {
  const base = flowName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim();
  return `${base === '' ? 'flow' : base}.json`;
}
