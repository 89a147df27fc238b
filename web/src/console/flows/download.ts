/** Exporting a flow: its content (DescribeContactFlow → Content, byte for byte) saved as <name>.json. */
import { flowsApi, type ContactFlow } from '../../api/console-flows.js';
import { exportFileName } from './flow-export.js';

export function downloadFlow(flow: Pick<ContactFlow, 'Name' | 'Content'>): string {
  const file = exportFileName(flow.Name);
  const url = URL.createObjectURL(new Blob([flow.Content], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file;
}

/** Reads the flow's stored content and downloads it; answers the file's name. */
export async function exportFlow(flowId: string): Promise<string> {
  return downloadFlow(await flowsApi.describe(flowId));
}
