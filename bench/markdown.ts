/** docs/BENCHMARKS.md from one run of the suite: the machine, a summary of every target, then each benchmark. */
import { execSync } from 'node:child_process';
import { cpus, release, totalmem } from 'node:os';
import { allMet, mark, type BenchResult } from './report.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  commit: string;
  date: string;
}

export function machine(root: string): Machine {
  const git = (cmd: string) => {
    try {
      return execSync(`git ${cmd}`, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  const dirty = git('status --porcelain --untracked-files=no') ? ' (with uncommitted changes)' : '';
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    commit: `${git('rev-parse --short HEAD')}${dirty}`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

const WHAT: Record<string, string> = {
  B1: 'flow interpreter, pure steps',
  B2: '`StartTaskContact` over HTTP, SigV4-verified, durable, 50 concurrent clients',
  B3: 'routing with 2,000 agents, 100 queues, 50,000 waiting contacts',
  B4: 'the callback: key "2" received → task offered on the agent\'s WebSocket',
  B5: '100,000 pending scheduled tasks',
  B6: 'contact search over 1,000,000 contacts (channel + status + time range + queue)',
  B7: 'one process: 1,000 agents on WebSockets + 5,000 callers in queue flows',
  B8: 'crash (`kill -9`) during load, then restart',
};

const cell = (v: string | number) => String(v).replaceAll('|', '\\|');

export function renderMarkdown(input: {
  results: BenchResult[];
  machine: Machine;
  plotPath: (file: string) => string;
  failures: string[];
  busyBefore: { id: string; percent: number }[];
}): string {
  const { results, machine: m, plotPath, failures, busyBefore } = input;
  const lines: string[] = [
    '# Benchmarks',
    '',
    "Every figure below comes from one run of `npm run bench` on the machine described here; DESIGN.md's targets",
    'are beside them. This file and the plots in `docs/benchmarks/` are written by that command (`bench/run.ts`);',
    'each benchmark also runs alone with the command shown in its section, sizes as options.',
    '',
    'What was profiled, what was fixed with before and after figures, and why the targets still missed are',
    'missed: [benchmarks/ANALYSIS.md](benchmarks/ANALYSIS.md).',
    '',
    '## Machine',
    '',
    `- ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB`,
    `- ${m.os}, Node.js ${m.node}`,
    `- Tsunagi ${m.commit}, run ${m.date}`,
    '- embedded SQLite (a file, WAL) unless a row says otherwise; PostgreSQL on the same machine where named',
    `- the machine just before each benchmark (share of all cores busy over 2 s, nothing else should run): ${busyBefore
      .map((b) => `${b.id} ${b.percent} %`)
      .join(', ')}`,
    '',
    '## Summary',
    '',
    '| | what | figure | value | target | |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of results)
    for (const row of r.rows.filter((x) => x.target))
      lines.push(
        `| ${r.id} | ${cell(WHAT[r.id] ?? r.title)} | ${cell(row.name)} | ${cell(row.value)} | ${cell(row.target ?? '')} | ${mark(row.met)} |`,
      );
  for (const f of failures) lines.push('', `**Not measured in this run:** ${f}`);
  for (const r of results) {
    const met = allMet(r);
    lines.push(
      '',
      `## ${r.id}: ${r.title}${met === undefined ? '' : met ? ' (met)' : ' (not met)'}`,
      '',
      '```',
      r.command,
      '```',
      '',
    );
    for (const note of r.notes ?? []) lines.push(note, '');
    lines.push('| figure | value | target |', '|---|---|---|');
    for (const row of r.rows)
      lines.push(
        `| ${cell(row.name)} | ${cell(row.value)} | ${row.target ? `${cell(row.target)} ${mark(row.met)}` : ''} |`,
      );
    for (const p of r.plots ?? []) lines.push('', `![${p.title}](${plotPath(p.file)})`);
  }
  lines.push('');
  return lines.join('\n');
}
