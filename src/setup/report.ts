/** What applying a setup did: per resource, created, kept (it existed: left as it is) or updated. */
import { KIND_LABEL, type SetupKind } from './catalog.js';

export interface ReportEntry {
  kind: SetupKind | 'association';
  name: string;
}

export interface SetupReport {
  created: ReportEntry[];
  /** Existed already, by name: left as they are. */
  kept: ReportEntry[];
  /** Existing flows whose content was published anew (only when asked to update flows). */
  updated: ReportEntry[];
  /** The passwords of the users created: made up (`password`, shown once) or from an environment variable. */
  passwords: { username: string; password?: string; env?: string }[];
  /** What the run noticed and left alone, in words. */
  problems: string[];
}

export const emptyReport = (): SetupReport => ({
  created: [],
  kept: [],
  updated: [],
  passwords: [],
  problems: [],
});

const label = (e: ReportEntry) =>
  `${e.kind === 'association' ? 'quick connect of queue' : KIND_LABEL[e.kind]} ${e.name}`;

/** The report as lines for a terminal; passwords made up are printed (once) when `withPasswords`. */
export function formatReport(report: SetupReport, withPasswords = true): string[] {
  const lines: string[] = [];
  const section = (title: string, entries: ReportEntry[]) => {
    if (entries.length === 0) return;
    lines.push(`${title} (${entries.length}):`);
    for (const e of entries) lines.push(`  ${label(e)}`);
  };
  section('created', report.created);
  section('updated', report.updated);
  section('kept as they were', report.kept);
  if (report.created.length + report.updated.length === 0) lines.push('nothing changed');
  if (withPasswords && report.passwords.length > 0) {
    lines.push('passwords of the users created:');
    for (const p of report.passwords)
      lines.push(
        `  ${p.username.padEnd(12)} ${p.password !== undefined ? `${p.password} (shown once: keep it)` : `from ${p.env ?? '?'}`}`,
      );
  }
  for (const p of report.problems) lines.push(`note: ${p}`);
  return lines;
}
