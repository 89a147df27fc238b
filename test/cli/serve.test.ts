/**
 * `tsunagi serve` as a newcomer runs it, in its own process: the first start on a new SQLite file sets up the
 * callback-via-task example, prints the URLs, the passwords (made up, or "from" the variable that gave them) and
 * an access key the AWS SDK signs with; starting again keeps the data and prints no secret. `--no-example`
 * starts empty.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectClient, ListQueuesCommand } from '@aws-sdk/client-connect';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../api/agent-client.js';
import { repoRoot, tsunagi } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tsunagi-serve-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Served {
  output: string;
  url: string;
  stop: () => Promise<number | null>;
}

/** Runs `tsunagi serve <args>` (from the sources) until it has printed its welcome. */
function serve(args: string[], vars: Record<string, string> = {}): Promise<Served> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TSUNAGI_')));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/run.ts', 'serve', '--port', '0', ...args],
    {
      cwd: repoRoot,
      env: { ...env, ...vars },
    },
  );
  let output = '';
  let errors = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no welcome after 20 s:\n${output}\n${errors}`)), 20_000);
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /listening on (http:\S+)/.exec(output)?.[1];
      if (url && /health: /.test(output)) {
        clearTimeout(timer);
        // The welcome is one write; give a split chunk a moment to arrive.
        setTimeout(() => resolve({ output, url, stop: () => (child.kill('SIGTERM'), exited) }), 100);
      }
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}):\n${output}\n${errors}`)));
  });
}

describe('tsunagi serve', () => {
  it('first start: the example, URLs, passwords and a working SDK key; starting again keeps the data', async () => {
    const database = join(dir, 'first.db');
    const started = Date.now();
    const first = await serve(['--database', database], { TSUNAGI_AGENT2_PASSWORD: 'Agent2Password' });
    let keyId = '';
    try {
      expect(Date.now() - started).toBeLessThan(20_000);
      const { output, url } = first;
      for (const page of ['phone', 'agent', 'console']) expect(output).toContain(`${url}/${page}`);
      expect(output).toContain(`SDK:      endpoint ${url}/connect`);
      expect(output).toMatch(/instance: tsunagi \(\S+\), created now/);
      expect(output).toMatch(/Set up from \S+setup\.json: \d+ created, 1 kept/);
      expect(output).toContain('Call +81312345678 from');
      const admin = /^ {2}admin +([A-Za-z0-9]{16})$/m.exec(output)?.[1];
      const agent1 = /^ {2}agent1 +([A-Za-z0-9]{16})$/m.exec(output)?.[1];
      expect(admin).toBeDefined();
      expect(agent1).toBeDefined();
      expect(output).toMatch(/^ {2}agent2 +the password in TSUNAGI_AGENT2_PASSWORD$/m);
      expect(output).toMatch(/^ {2}supervisor +[A-Za-z0-9]{16}$/m);
      keyId = /AWS_ACCESS_KEY_ID=(\S+)/.exec(output)?.[1] ?? '';
      const secret = /AWS_SECRET_ACCESS_KEY=(\S+)/.exec(output)?.[1] ?? '';
      const instanceId = /instance: tsunagi \((\S+)\)/.exec(output)?.[1] ?? '';

      const connect = new ConnectClient({
        endpoint: `${url}/connect`,
        region: 'us-east-1',
        credentials: { accessKeyId: keyId, secretAccessKey: secret },
        maxAttempts: 1,
      });
      const queues = await connect.send(
        new ListQueuesCommand({ InstanceId: instanceId, QueueTypes: ['STANDARD'] }),
      );
      expect(queues.QueueSummaryList?.map((q) => q.Name).sort()).toEqual(['BasicQueue', 'CallbackQueue']);
      expect((await new AgentClient(url).login('agent1', agent1)).status).toBe(200);
      expect((await new AgentClient(url).login('agent2', 'Agent2Password')).status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const again = await serve(['--database', database]);
    try {
      expect(again.output).not.toContain('created now');
      expect(again.output).not.toMatch(/Set up from|AWS_SECRET_ACCESS_KEY|Sign in/);
      expect(again.output).toContain(`${again.url}/console`);
      const login = await new AgentClient(again.url).login('agent2', 'Agent2Password');
      expect(login.status).toBe(200);
    } finally {
      await again.stop();
    }
  }, 60_000);

  it('--no-example starts empty (an access key still printed once); --help names the options', async () => {
    const empty = await serve(['--database', join(dir, 'empty.db'), '--no-example']);
    try {
      expect(empty.output).toContain('created now');
      expect(empty.output).not.toContain('Set up from');
      expect(empty.output).toMatch(/^ {2}admin +[A-Za-z0-9]{16}$/m);
      expect(empty.output).not.toMatch(/^ {2}agent1/m);
      expect(empty.output).toMatch(/AWS_ACCESS_KEY_ID=AKIA/);
    } finally {
      await empty.stop();
    }
    const help = await tsunagi(['serve', '--help']);
    expect(help.stdout).toMatch(/Usage: tsunagi serve \[options\]/);
    expect(help.stdout).toMatch(/--no-example +on a new database, start empty/);
    expect(help.stdout).toMatch(/--setup <setup\.json>/);
  }, 30_000);
});
