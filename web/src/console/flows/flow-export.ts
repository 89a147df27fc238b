/**
 * Flow types and small helpers for flow exports in the browser. Reading an export's wrapper (bare,
 * DescribeContactFlow's or CreateContactFlow's shape) is the server's: BindFlowReferences answers the bare
 * content with the name, type and description the export gives.
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

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function isFlowType(value: unknown): value is ContactFlowType {
  return typeof value === 'string' && (FLOW_TYPES as readonly string[]).includes(value);
}

/** JSON.parse that tolerates a leading byte-order mark; undefined when the text is not JSON. */
export function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return undefined;
  }
}

/** A file name for a flow's export: its name without the characters file systems refuse, and .json. */
export function exportFileName(flowName: string): string {
  const base = flowName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim();
  return `${base === '' ? 'flow' : base}.json`;
}
