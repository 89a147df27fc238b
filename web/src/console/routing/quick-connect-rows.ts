/** The quick connects page's rows: each quick connect described, with rule X2's warnings for tasks. */
import { routingApi, type QuickConnect } from '../../api/console-routing.js';

export interface QuickConnectRow {
  quickConnect: QuickConnect;
  /** GetQuickConnectTaskWarnings: why a task transferred with it fails (empty: it does not). */
  taskWarnings: string[];
}

export async function loadQuickConnectRow(id: string): Promise<QuickConnectRow> {
  const [quickConnect, taskWarnings] = await Promise.all([
    routingApi.quickConnect(id),
    routingApi.taskWarnings(id),
  ]);
  return { quickConnect, taskWarnings };
}

export async function loadQuickConnectRows(): Promise<QuickConnectRow[]> {
  const list = await routingApi.quickConnects();
  return Promise.all(list.map((qc) => loadQuickConnectRow(qc.Id)));
}
