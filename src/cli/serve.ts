/**
 * `tsunagi serve`: starts Tsunagi. On a new database the first start also sets up the callback-via-task example
 * (examples/callback-via-task/setup.json; `--no-example` starts empty) and an access key for the administrator,
 * and prints once what only it knows: the passwords it made up and the key's secret.
 */
import { Command, Option } from 'commander';
import { loadConfig, type TsunagiConfig } from '../app/config.js';
import { startTsunagi, type Tsunagi } from '../app/runtime.js';
import { EXAMPLE_SETUP } from '../setup/index.js';
import { redactUrl } from './redact.js';

interface ServeOptions {
  port?: string;
  host?: string;
  database?: string;
  example: boolean;
  setup?: string;
}

/** What the first start made, for the terminal (empty on later starts). */
function firstStartLines(tsunagi: Tsunagi, config: TsunagiConfig): string[] {
  const lines: string[] = [];
  const result = tsunagi.firstStartResult;
  const setup = result?.setup;
  if (setup?.error !== undefined)
    lines.push(
      `The setup file ${setup.file} could not be applied: ${setup.error}`,
      `  fix it, then: tsunagi import ${setup.file}`,
    );
  const report = setup?.report;
  if (report && setup) {
    lines.push(`Set up from ${setup.file}: ${report.created.length} created, ${report.kept.length} kept.`);
    for (const p of report.problems) lines.push(`  note: ${p}`);
    const numbers = report.created.filter((e) => e.kind === 'phoneNumber').map((e) => e.name);
    if (numbers.length > 0)
      lines.push(
        `  Call ${numbers.join(' or ')} from ${tsunagi.url}/phone${setup.file === EXAMPLE_SETUP ? ' and press 2 while you wait: agent2 is offered the callback task' : ''}.`,
      );
  }
  const passwords = [
    ...(tsunagi.administrator.password !== undefined
      ? [
          config.adminPassword !== undefined
            ? { username: 'admin', env: 'TSUNAGI_ADMIN_PASSWORD' }
            : { username: 'admin', password: tsunagi.administrator.password },
        ]
      : []),
    ...(report?.passwords ?? []),
  ];
  if (passwords.length > 0) {
    lines.push('Sign in at /agent and /console (passwords made up now are shown only once: keep them):');
    for (const p of passwords)
      lines.push(`  ${p.username.padEnd(12)} ${p.password ?? `the password in ${p.env ?? '?'}`}`);
  }
  if (result?.accessKey)
    lines.push(
      'An access key of admin for the AWS SDK (the secret is shown only once: keep it):',
      `  AWS_ACCESS_KEY_ID=${result.accessKey.accessKeyId}`,
      `  AWS_SECRET_ACCESS_KEY=${result.accessKey.secretAccessKey}`,
    );
  return lines;
}

/** What `serve` prints once it listens. */
export function serveLines(tsunagi: Tsunagi, config: TsunagiConfig): string[] {
  const { url } = tsunagi;
  return [
    `Tsunagi is listening on ${url}`,
    `  database: ${tsunagi.store.kind} ${redactUrl(config.database)}`,
    `  instance: ${tsunagi.defaultInstance.InstanceAlias} (${tsunagi.defaultInstance.Id})${tsunagi.firstStart ? ', created now' : ''}`,
    `  phone:    ${url}/phone     (a customer's web phone)`,
    `  agent:    ${url}/agent     (the agent workspace)`,
    `  console:  ${url}/console   (the administrator's console)`,
    `  SDK:      endpoint ${url}/connect (SigV4, service connect, any region)`,
    `  health:   ${url}/health`,
    ...firstStartLines(tsunagi, config),
  ];
}

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'Start Tsunagi: the HTTP server on an embedded SQLite database (default) or PostgreSQL. The first start on a new database sets up the callback-via-task example and an access key.',
    )
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
    .option('--no-example', 'on a new database, start empty (no callback-via-task example)')
    .option('--setup <setup.json>', 'on a new database, apply this setup file instead of the example')
    .action(async (opts: ServeOptions) => {
      const setupFile = opts.setup ?? (opts.example ? EXAMPLE_SETUP : undefined);
      const config = loadConfig({
        ...(opts.port !== undefined && { port: opts.port }),
        ...(opts.host !== undefined && { host: opts.host }),
        ...(opts.database !== undefined && { database: opts.database }),
        firstStart: { ...(setupFile !== undefined && { setupFile }), accessKey: true },
      });
      const tsunagi = await startTsunagi(config);
      console.log(serveLines(tsunagi, config).join('\n'));
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
}
