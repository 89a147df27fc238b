/**
 * A scripted caller over the web-phone API (HTTP + the `ws` client), for tests: dial, open the call's socket,
 * wait for messages, press keys, signal, hang up.
 */
import WebSocket from 'ws';
import type { DialResponse, PhoneServerMessage } from '../../src/api/phone/messages.js';

export interface HttpResult {
  status: number;
  body: unknown;
}

export async function request(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export class CallSocket {
  readonly messages: PhoneServerMessage[] = [];
  closed?: { code: number; reason: string };
  private waiters: (() => void)[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw: Buffer) => {
      this.messages.push(JSON.parse(raw.toString('utf8')) as PhoneServerMessage);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString('utf8') };
      this.wake();
    });
  }

  /** Opens the socket; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string): Promise<CallSocket> {
    const ws = new WebSocket(url);
    return new Promise((resolve, reject) => {
      const socket = new CallSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`HTTP ${res.statusCode ?? 0}`));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  close(): void {
    this.ws.close();
  }

  /** The first message (heard so far or later) that `match` accepts. */
  async waitFor<T extends PhoneServerMessage>(
    match: (m: PhoneServerMessage) => m is T,
    what: string,
    timeoutMs = 5000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (this.closed) throw new Error(`socket closed before ${what}: ${JSON.stringify(this.messages)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms: ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the server closed the socket. */
  async waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('the socket stayed open');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.closed;
  }

  get prompts(): string[] {
    return this.messages.flatMap((m) => (m.type === 'prompt' ? [m.text] : []));
  }

  get states(): string[] {
    return this.messages.flatMap((m) => (m.type === 'state' ? [m.state] : []));
  }
}

export const isPrompt =
  (text: string | RegExp) =>
  (m: PhoneServerMessage): m is Extract<PhoneServerMessage, { type: 'prompt' }> =>
    m.type === 'prompt' && (typeof text === 'string' ? m.text === text : text.test(m.text));

export const isState =
  (state: string) =>
  (m: PhoneServerMessage): m is Extract<PhoneServerMessage, { type: 'state' }> =>
    m.type === 'state' && m.state === state;

export const isType =
  <K extends PhoneServerMessage['type']>(type: K) =>
  (m: PhoneServerMessage): m is Extract<PhoneServerMessage, { type: K }> =>
    m.type === type;

/** Dials over HTTP and opens the call's socket. */
export async function dialAndListen(
  base: string,
  to: string,
  from?: string,
): Promise<{ call: DialResponse; socket: CallSocket }> {
  const res = await request(base, 'POST', '/api/phone/calls', { To: to, ...(from && { From: from }) });
  if (res.status !== 201) throw new Error(`dial failed: ${res.status} ${JSON.stringify(res.body)}`);
  const call = res.body as DialResponse;
  const ws = base.replace(/^http/, 'ws');
  const socket = await CallSocket.open(
    `${ws}/api/phone/calls/${encodeURIComponent(call.CallId)}/ws?token=${encodeURIComponent(call.Token)}`,
  );
  return { call, socket };
}
