import { Command, Option } from 'commander';
import { loadConfig } from '../app/config.js';
import { startTsunagi } from '../app/runtime.js';
import { redactUrl } from './redact.js';
import { migrateCommand } from './db.js';
import { flowCommand, flowSimulateCommand } from './flow-simulate.js';
import { flowLintCommand } from './flow-lint.js';
import { keysCommand } from './keys.js';

export function buildCli(): Command {
  const program = new Command('tsunagi')
    .description('A self-hostable contact center that speaks Amazon Connect.')
    .showHelpAfterError();

  program
    .command('serve')
    .description('Start Tsunagi: the HTTP server on an embedded SQLite database (default) or PostgreSQL.')
    .addOption(new Option('-p, --port <port>', 'port to listen on (TSUNAGI_PORT)').default(undefined, '8080'))
    .addOption(
      new Option('--host <host>', 'address to listen on (TSUNAGI_HOST)').default(undefined, '127.0.0.1'),
    )
    .addOption(
      new Option(
        '-d, --database <file|url>',
        'a SQLite file or a postgres:// URL (TSUNAGI_DATABASE)',
      ).default(undefined, './data/tsunagi.db'),
    )
    .action(async (opts: { port?: string; host?: string; database?: string }) => {
      const config = loadConfig(opts);
      const tsunagi = await startTsunagi(config);
      const lines = [
        `Tsunagi is listening on ${tsunagi.url}`,
        `  database: ${tsunagi.store.kind} ${redactUrl(config.database)}`,
        `  instance: ${tsunagi.defaultInstance.InstanceAlias} (${tsunagi.defaultInstance.Id})${tsunagi.firstStart ? ', created now' : ''}`,
        `  health:   ${tsunagi.url}/health`,
        `  SDK:      endpoint ${tsunagi.url}/connect (SigV4, service connect, any region)`,
        `  agents:   ${tsunagi.url}/api/agent   web phone: ${tsunagi.url}/api/phone`,
        ...(tsunagi.administrator.password
          ? [`  admin:    user admin, password ${tsunagi.administrator.password} (shown once: keep it)`]
          : []),
      ];
      console.log(lines.join('\n'));
      const stop = (signal: string) => {
        console.log(`${signal}: stopping`);
        tsunagi.close().then(
          () => process.exit(0),
          (e: unknown) => {
            console.error(e);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });

  program.addCommand(flowCommand().addCommand(flowLintCommand()).addCommand(flowSimulateCommand()));
  program.command('db').description('Database operations.').addCommand(migrateCommand());
  program.addCommand(keysCommand());

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
