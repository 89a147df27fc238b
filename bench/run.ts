/**
 * `npm run bench`: runs the benchmarks one after another, each in a process of its own (so one's memory and
 * warm caches do not colour the next), prints a table of every target, and writes docs/BENCHMARKS.md with the
 * figures, the machine, the command for each, and the plots (docs/benchmarks/*.svg).
 *   npx tsx bench/run.ts [--only B1,B3] [--quick] [--out docs/BENCHMARKS.md]
 * `--quick` runs every benchmark at small sizes, to check that the suite works; its figures mean little. With
 * `--quick` or `--only` the document is left as it is unless `--write` is given: it holds one whole run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { machine, renderMarkdown } from './markdown.js';
import { plotSvg } from './plot.js';
import { busyPercent } from './quiet.js';
import { mark, type BenchId, type BenchResult } from './report.js';

interface Bench {
  id: BenchId;
  script: string;
  args: string[];
  quick: string[];
}

const BENCHES: Bench[] = [
  { id: 'B1', script: 'b1-interpreter.ts', args: [], quick: ['--seconds', '1'] },
  { id: 'B2', script: 'b2-start-task.ts', args: [], quick: ['--seconds', '2', '--warmup', '1'] },
  {
    id: 'B3',
    script: 'b3-routing.ts',
    args: [],
    quick: [
      '--waiting',
      '5000',
      '--samples',
      '2000',
      '--growth-waiting',
      '1000,5000',
      '--growth-agents',
      '500',
    ],
  },
  { id: 'B4', script: 'b4-callback.ts', args: [], quick: ['--calls', '20', '--warmup', '2'] },
  {
    id: 'B5',
    script: 'b5-scheduled.ts',
    args: [],
    quick: ['--sizes', '2000,5000', '--burst', '1000', '--spread', '1000', '--spread-seconds', '5'],
  },
  { id: 'B6', script: 'b6-search.ts', args: [], quick: ['--sizes', '2000,10000', '--samples', '50'] },
  {
    id: 'B7',
    script: 'b7-load.ts',
    args: [],
    quick: ['--agents', '50', '--callers', '250', '--seconds', '10'],
  },
  { id: 'B8', script: 'b8-crash.ts', args: ['--kills', '20'], quick: ['--kills', '2'] },
];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs/BENCHMARKS.md' },
    write: { type: 'boolean', default: false },
  },
});
const only = values.only?.toUpperCase().split(',');
const chosen = BENCHES.filter((b) => !only || only.includes(b.id));
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const tmp = mkdtempSync(join(tmpdir(), 'tsunagi-bench-'));
const results: BenchResult[] = [];
const failures: string[] = [];
/** How busy the machine was just before each benchmark (percent of all cores). */
const busyBefore: { id: BenchId; percent: number }[] = [];
const started = Date.now();
// Taken before anything is written: the run's own plots must not count as uncommitted changes.
const host = machine(root);

for (const b of chosen) {
  if (!existsSync(join(root, 'bench', b.script))) {
    failures.push(`${b.id}: bench/${b.script} is not in this checkout yet`);
    continue;
  }
  const out = join(tmp, `${b.id}.json`);
  const args = values.quick ? b.quick : b.args;
  const busy = await busyPercent();
  busyBefore.push({ id: b.id, percent: busy });
  console.log(`\n── ${b.id}: bench/${b.script} ${args.join(' ')} (machine ${busy}% busy before it)`);
  if (busy > 20) console.log(`warning: something else is using the machine; ${b.id}'s figures will show it`);
  const t = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', b.script), ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TSUNAGI_BENCH_OUT: out },
  });
  console.log(`(${((Date.now() - t) / 1000).toFixed(0)} s)`);
  if (!existsSync(out)) {
    failures.push(`${b.id} wrote no result (exit ${run.status ?? run.signal})`);
    continue;
  }
  results.push(JSON.parse(readFileSync(out, 'utf8')) as BenchResult);
}
rmSync(tmp, { recursive: true, force: true });

console.log('\nSummary');
for (const r of results)
  for (const row of r.rows.filter((x) => x.target))
    console.log(
      `${r.id}  ${row.name.padEnd(44)} ${String(row.value).padStart(14)}   ${row.target} ${mark(row.met)}`,
    );
for (const f of failures) console.log(`failed: ${f}`);
console.log(`${((Date.now() - started) / 60_000).toFixed(1)} min`);

if ((values.quick || only) && !values.write)
  console.log(`${values.quick ? '--quick' : '--only'}: ${values.out} left as it is (--write writes it)`);
else {
  const outFile = resolve(root, values.out);
  const plotDir = join(dirname(outFile), 'benchmarks');
  mkdirSync(plotDir, { recursive: true });
  for (const r of results)
    for (const p of r.plots ?? []) writeFileSync(join(plotDir, `${p.file}.svg`), await plotSvg(p));
  const plotPath = (file: string) => relative(dirname(outFile), join(plotDir, `${file}.svg`));
  const markdown = renderMarkdown({ results, machine: host, plotPath, failures, busyBefore });
  // Written as the repository's formatter would leave it, so the lint stays clean.
  writeFileSync(outFile, await format(markdown, { ...(await resolveConfig(outFile)), filepath: outFile }));
  console.log(
    `wrote ${relative(root, outFile)} and ${results.reduce((n, r) => n + (r.plots?.length ?? 0), 0)} plots`,
  );
}
process.exitCode = failures.length > 0 ? 1 : 0;
