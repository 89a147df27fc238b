import { Command, Option } from 'commander';
import { lintFlow, type LintFinding, type LintReport } from '../flows/lint.js';
import { FLOW_TYPES, type FlowDocument, type FlowType } from '../flows/model.js';
import { referencesOf } from '../flows/references.js';
import { loadConfig } from '../app/config.js';
import { openStore } from '../store/kysely/index.js';
import type { Store } from '../store/ports/index.js';
import { readFlowFile, UnreadableFlowFile } from './flow-files.js';

export interface FileReport extends LintReport {
  file: string;
}

interface Failure {
  file: string;
  message: string;
}

/** Checks that the resources a flow names exist in the instance (lint against a database). */
async function missingResources(
  store: Store,
  instanceAlias: string,
  flow: FlowDocument,
): Promise<LintFinding[]> {
  const instance = await store.repos.instances.findByAlias(instanceAlias);
  if (!instance) return [{ code: 'NO_INSTANCE', message: `no instance '${instanceAlias}' in the database` }];
  const r = store.repos;
  const i = instance.Id;
  const exists: Record<string, (id: string) => Promise<unknown>> = {
    queue: (id) => r.queues.get(i, id),
    user: (id) => r.users.get(i, id),
    flow: (id) => r.flows.get(i, id),
    'flow-module': (id) => r.flows.get(i, id),
    'task-template': (id) => r.taskTemplates.get(i, id),
    'hours-of-operation': (id) => r.hours.get(i, id),
  };
  const out: LintFinding[] = [];
  for (const ref of referencesOf(flow)) {
    const found = await exists[ref.kind]?.(ref.id);
    if (!found)
      out.push({
        actionId: ref.actionId,
        code: 'MISSING_RESOURCE',
        message: `${ref.parameter} names ${ref.kind} '${ref.id}', which does not exist in instance '${instanceAlias}'`,
      });
  }
  return out;
}

function printText(reports: FileReport[], failures: Failure[]): void {
  for (const r of reports) {
    console.log(
      `${r.file}: ${r.flowType ?? 'unknown type'}, ${r.actions} actions, ${r.errors.length} errors, ${r.warnings.length} warnings`,
    );
    for (const [kind, list] of [
      ['error', r.errors],
      ['warning', r.warnings],
    ] as const)
      for (const f of list)
        console.log(`  ${kind} ${f.code}${f.actionId ? ` [${f.actionId}]` : ''}: ${f.message}`);
  }
  for (const f of failures) console.log(f.message);
}

export function flowLintCommand(): Command {
  return new Command('lint')
    .description(
      'Check flow exports: unknown or misplaced blocks, channel limits, dangling transitions, unreachable blocks, missing error branches.',
    )
    .argument('<files...>', 'flow JSON files (bare exports or wrapped in Content)')
    .option('--json', 'print one JSON object per file')
    .addOption(
      new Option('--type <type>', 'the flow type, when the files do not say').choices([
        ...FLOW_TYPES,
        'MODULE',
      ]),
    )
    .option(
      '-d, --database <file|url>',
      'also check that the resources the flows name exist in this database',
    )
    .option('--instance <alias>', 'the instance to check against (default: the default instance)')
    .addHelpText(
      'after',
      '\nExit status: 0 no errors (warnings allowed), 1 errors found, 2 a file could not be read or is not JSON.',
    )
    .action(
      async (
        files: string[],
        opts: { json?: boolean; type?: FlowType; database?: string; instance?: string },
      ) => {
        const reports: FileReport[] = [];
        const failures: Failure[] = [];
        const config = opts.database ? loadConfig({ database: opts.database }) : undefined;
        const store = config ? await openStore({ database: config.database, arns: config.arns }) : undefined;
        try {
          for (const file of files) {
            try {
              const f = readFlowFile(file);
              if (!f.flow) {
                reports.push({
                  file,
                  actions: 0,
                  errors: f.problems.map((p) => ({ code: p.code, message: p.message })),
                  warnings: [],
                });
                continue;
              }
              const report: FileReport = { file, ...lintFlow(f.flow, opts.type ?? f.type, f.problems) };
              if (store && config)
                report.errors.push(
                  ...(await missingResources(store, opts.instance ?? config.defaultInstanceAlias, f.flow)),
                );
              reports.push(report);
            } catch (e) {
              if (!(e instanceof UnreadableFlowFile)) throw e;
              failures.push({ file, message: e.message });
            }
          }
        } finally {
          await store?.close();
        }
        const unreadable = failures.map((f) => ({
          file: f.file,
          actions: 0,
          errors: [{ code: 'UNREADABLE', message: f.message }],
          warnings: [],
        }));
        if (opts.json) console.log(JSON.stringify([...reports, ...unreadable], null, 2));
        else printText(reports, failures);
        process.exitCode = failures.length > 0 ? 2 : reports.some((r) => r.errors.length > 0) ? 1 : 0;
      },
    );
}
