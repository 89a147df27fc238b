/**
 * An agent as the workspace is one, for B7's client processes: the agent API over HTTP with the session cookie, the
 * anti-forgery token and this server's Origin on every request (as a browser sends them), and the agent's
 * WebSocket.
 */
import WebSocket from 'ws';
import type { Message } from '../inbox.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = `HTTP ${status}`;
  }
}

export class AgentSession {
  private cookie = '';
  private csrf = '';

  constructor(
    readonly url: string,
    readonly username: string,
  ) {}

  async api(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.url}/api/agent${path}`, {
      method,
      headers: {
        origin: this.url,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrf && { 'x-csrf-token': this.csrf }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const answer = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200)
      throw new ApiError(res.status, `${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('tsunagi_session='));
    if (set) this.cookie = set.split(';')[0] ?? '';
    return answer;
  }

  async login(password: string): Promise<void> {
    const answer = await this.api('POST', '/login', { Username: this.username, Password: password });
    this.csrf = String(answer.CsrfToken);
  }

  /** Opens the agent's socket; resolves with it and its snapshot once the snapshot arrives. */
  connect(onMessage: (m: Message) => void): Promise<WebSocket> {
    const ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/api/agent/ws`, {
      headers: { cookie: this.cookie },
      origin: this.url,
    });
    // Errors after the socket opened end in its close, which the caller watches.
    ws.on('error', () => undefined);
    return new Promise((resolve, reject) => {
      ws.on('message', (raw: Buffer) => {
        const m = JSON.parse(raw.toString('utf8')) as Message;
        if (m.type === 'snapshot') resolve(ws);
        onMessage(m);
      });
      ws.once('error', reject);
      ws.once('close', () => reject(new Error('the agent socket closed before its snapshot')));
      ws.once('unexpected-response', (_req, res) =>
        reject(new ApiError(res.statusCode ?? 0, `agent socket: HTTP ${res.statusCode ?? 0}`)),
      );
    });
  }
}

/** Dials the number over the web-phone API and opens the call's socket (messages go to `onMessage`). */
export async function dial(
  url: string,
  to: string,
  from: string,
  onMessage: (m: Message) => void,
): Promise<{ callId: string; ws: WebSocket }> {
  const res = await fetch(`${url}/api/phone/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ To: to, From: from }),
  });
  if (res.status !== 201) throw new ApiError(res.status, `dial: ${res.status} ${await res.text()}`);
  const call = (await res.json()) as { CallId: string; Token: string };
  const path = `/api/phone/calls/${encodeURIComponent(call.CallId)}/ws`;
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}?token=${encodeURIComponent(call.Token)}`);
  ws.on('message', (raw: Buffer) => onMessage(JSON.parse(raw.toString('utf8')) as Message));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(new ApiError(res.statusCode ?? 0, `call socket: HTTP ${res.statusCode ?? 0}`)),
    );
  });
  return { callId: call.CallId, ws };
}
