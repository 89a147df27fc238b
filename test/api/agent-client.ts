/**
 * The agent API's test harness: a Fastify server with the agent API over a test environment and an engine, a
 * browser-like client (a tiny cookie jar, the CSRF header), and a WebSocket client that keeps every message.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { registerAgentApi } from '../../src/api/agent/index.js';
import { registerPhoneApi } from '../../src/api/phone/index.js';
import { SignalRelay } from '../../src/api/signalling.js';
import { seededEntropy } from '../../src/core/index.js';
import { sessionService } from '../../src/access/sessions.js';
import type { Engine } from '../../src/contacts/engine.js';
import type { TestEnv } from '../support/env.js';

export interface AgentApiServer {
  app: FastifyInstance;
  url: string;
  signalling: SignalRelay;
  close(): Promise<void>;
}

let seed = 11;

/** A server with the agent API (and with `phone`, the web-phone API beside it, sharing the signalling). */
export async function startAgentApi(
  env: TestEnv,
  engine: Engine,
  options: { phone?: boolean } = {},
): Promise<AgentApiServer> {
  const app = Fastify();
  const signalling = new SignalRelay();
  const deps = {
    services: env.services,
    engine,
    store: env.store,
    clock: env.clock,
    instanceId: env.instanceId,
    signalling,
  };
  if (options.phone) await registerPhoneApi(app, deps);
  await registerAgentApi(app, {
    ...deps,
    sessions: sessionService({ store: env.store, clock: env.clock, entropy: seededEntropy((seed += 1)) }),
    offerTimeoutMs: env.limits.offerTimeoutMs,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, signalling, close: () => app.close() };
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** A browser, as far as the agent API can tell: it keeps cookies and sends the CSRF token it was given. */
export class AgentClient {
  private readonly jar = new Map<string, string>();
  csrf: string | undefined;
  userId = '';

  constructor(readonly base: string) {}

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const res = await fetch(`${this.base}/api/agent${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.jar.size > 0 && { cookie: this.cookie }),
        ...(this.csrf !== undefined && method !== 'GET' && { 'x-csrf-token': this.csrf }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.jar.delete(pair.slice(0, eq));
      else this.jar.set(pair.slice(0, eq), value);
    }
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      headers: res.headers,
    };
  }

  async login(username: string, password = 'Callback2026'): Promise<Answer> {
    const answer = await this.call('POST', '/login', { Username: username, Password: password });
    if (answer.status === 200) {
      this.csrf = answer.body.CsrfToken as string;
      this.userId = (answer.body.User as { Id: string }).Id;
    }
    return answer;
  }

  /** Opens the agent's WebSocket with the session cookie; resolves once the snapshot arrived. */
  async socket(headers: Record<string, string> = {}): Promise<AgentSocket> {
    const ws = new WebSocket(`${this.base.replace(/^http/, 'ws')}/api/agent/ws`, {
      headers: { cookie: this.cookie, ...headers },
    });
    const socket = new AgentSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`Unexpected server response: ${res.statusCode}`)),
      );
    });
    await socket.next((m) => m.type === 'snapshot');
    return socket;
  }
}

export type Message = { type: string } & Record<string, unknown>;

/** The messages a socket received, and a way to wait for the next one that matters. */
export class AgentSocket {
  readonly messages: Message[] = [];
  private readonly taken = new Set<number>();
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | undefined;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.messages.push(JSON.parse(data.toString('utf8')) as Message);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  /** The first message not taken yet that matches (taking it); waits for it (5 s at most). */
  async next(match: (m: Message) => boolean, timeoutMs = 5000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.messages.findIndex((m, index) => !this.taken.has(index) && match(m));
      if (i >= 0) {
        this.taken.add(i);
        return this.messages[i] as Message;
      }
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) before the message came`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message; received: ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Every message already received (and everything the server sent before this call) once a pong comes back. */
  async sync(): Promise<Message[]> {
    this.send({ type: 'ping' });
    await this.next((m) => m.type === 'pong');
    return this.messages;
  }

  /** Waits until the socket closed. */
  async whenClosed(): Promise<{ code: number; reason: string }> {
    while (!this.closed) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }
}
