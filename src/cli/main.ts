import { Command } from 'commander';
import { migrateCommand } from './db.js';
import { flowCommand, flowSimulateCommand } from './flow-simulate.js';
import { flowLintCommand } from './flow-lint.js';
import { keysCommand } from './keys.js';
import { serveCommand } from './serve.js';
import { usersCommand } from './users.js';
import { exportCommand, importCommand } from './setup-files.js';

export function buildCli(): Command {
  const program = new Command('tsunagi')
    .description('A self-hostable contact center that speaks Amazon Connect.')
    .showHelpAfterError();

  program.addCommand(serveCommand());
  program.addCommand(flowCommand().addCommand(flowLintCommand()).addCommand(flowSimulateCommand()));
  program.command('db').description('Database operations.').addCommand(migrateCommand());
  program.addCommand(keysCommand());
  program.addCommand(usersCommand());
  program.addCommand(importCommand());
  program.addCommand(exportCommand());

  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (e) {
    console.error(`tsunagi: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
