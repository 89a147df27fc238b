/**
 * B8's server: the real `tsunagi serve` (src/cli/run.ts through tsx) in a child process, on one SQLite file and
 * one port across restarts, with a bootstrap access key from the environment; killed with SIGKILL, restarted on
 * the same database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerKey {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A port nobody listens on now (the server keeps it across restarts, so agents' sessions keep their origin). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  /** Everything the current process printed (standard output and error). */
  output = '';
  url = '';
  instanceId = '';
  /** Lines the server logged at level error or fatal, every process together. */
  readonly errors: string[] = [];
  /** How many times it started, and how long each start took to listen (ms). */
  readonly startMs: number[] = [];

  constructor(
    readonly database: string,
    readonly port: number,
    readonly key: ServerKey,
  ) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts `tsunagi serve` and resolves once it prints that it listens (the instance is recovered by then). */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.child) throw new Error('the server is already running');
    const began = Date.now();
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TSUNAGI_')));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/run.ts',
        'serve',
        '--port',
        String(this.port),
        '--database',
        this.database,
        '--no-example',
      ],
      {
        cwd: repoRoot,
        env: {
          ...env,
          TSUNAGI_BOOTSTRAP_ACCESS_KEY_ID: this.key.accessKeyId,
          TSUNAGI_BOOTSTRAP_SECRET_ACCESS_KEY: this.key.secretAccessKey,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.output = '';
    // If this process ends first (an interrupted run, a test timeout), the server does not outlive it.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        process.off('exit', orphan);
        resolve(code);
      }),
    );
    let partial = '';
    const onData = (d: Buffer) => {
      const text = d.toString();
      this.output += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (/"level":(50|60)/.test(line)) this.errors.push(line);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        clearInterval(poll);
        reject(new Error(`tsunagi serve did not listen within ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
      const poll = setInterval(() => {
        const url = /listening on (http:\S+)/.exec(this.output)?.[1];
        const instanceId = /instance: \S+ \((\S+)\)/.exec(this.output)?.[1];
        if (url && instanceId) {
          clearTimeout(timer);
          clearInterval(poll);
          this.url = url;
          this.instanceId = instanceId;
          resolve();
        }
      }, 20);
      void this.exited.then((code) => {
        if (this.url) return;
        clearTimeout(timer);
        clearInterval(poll);
        reject(new Error(`tsunagi serve exited (${code}) before it listened:\n${this.output}`));
      });
    });
    this.startMs.push(Date.now() - began);
  }

  /** SIGKILL: the process dies at once, mid-transaction or not; resolves once it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await this.exited;
    this.child = undefined;
    this.url = '';
  }

  /** SIGTERM: a clean stop (the end of the run). */
  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    child.kill('SIGTERM');
    const code = await Promise.race([
      this.exited,
      new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 10_000)),
    ]);
    if (code === 'late') {
      child.kill('SIGKILL');
      await this.exited;
    }
    this.child = undefined;
    this.url = '';
    return code === 'late' ? null : code;
  }
}
