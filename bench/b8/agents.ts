/**
 * B8's agents, as a browser workspace acts: log in over the agent API, open the agent WebSocket, go Available
 * once, and accept every offer (then complete the task after `workMs`). After a restart an agent reconnects with
 * the session it has (sessions are stored) and takes up what the snapshot shows it: offers it accepts, tasks it
 * holds it completes. Its status is not set again after the first time, so an agent the restart left Missed or in
 * a dead offer stays visible as such.
 */
import WebSocket from 'ws';

type Message = { type: string } & Record<string, unknown>;

interface SnapshotContact {
  Id: string;
  State: string;
}

export interface AgentState {
  userId: string;
  routable: boolean;
  missed: boolean;
  statusName?: string;
  contacts: SnapshotContact[];
}

export class CrashAgent {
  private cookie = '';
  private csrf = '';
  private ws: WebSocket | undefined;
  private url = '';
  private statusSet = false;
  /** Offers received on the socket (and found in snapshots), in all, and since the last (re)connect. */
  offers = 0;
  offersSinceConnect = 0;
  accepted = 0;
  completed = 0;
  /** Accepts and completes the server refused or that failed (the server died, the offer was taken back). */
  failures = 0;
  private readonly working = new Set<string>();

  constructor(
    readonly username: string,
    private readonly password: string,
    private readonly availableStatusId: string,
    private readonly workMs: number,
  ) {}

  private async call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.url}/api/agent${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrf && method !== 'GET' && { 'x-csrf-token': this.csrf }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('tsunagi_session='));
    if (set) this.cookie = set.split(';')[0] ?? '';
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  private async login(): Promise<void> {
    const answer = await this.call('POST', '/login', { Username: this.username, Password: this.password });
    if (answer.status !== 200) throw new Error(`${this.username}: login ${answer.status}`);
    this.csrf = (answer.body as { CsrfToken: string }).CsrfToken;
  }

  /** Connects to the server at `url` (logging in when it has no valid session) and takes up its snapshot. */
  async connect(url: string): Promise<void> {
    this.url = url;
    if (!this.cookie || (await this.call('GET', '/me')).status !== 200) await this.login();
    const snapshot = await this.open();
    this.offersSinceConnect = 0;
    if (!this.statusSet) {
      const set = await this.call('PUT', '/status', { AgentStatusId: this.availableStatusId });
      if (set.status !== 200) throw new Error(`${this.username}: status ${set.status}`);
      this.statusSet = true;
    }
    for (const c of snapshot) {
      if (c.State === 'OFFERED') this.offered(c.Id);
      else if (c.State === 'CONNECTED' || c.State === 'ACW') this.work(c.Id, false);
    }
  }

  /** Opens the socket; resolves with the contacts of its snapshot. */
  private open(): Promise<SnapshotContact[]> {
    const ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/api/agent/ws`, {
      headers: { cookie: this.cookie },
    });
    this.ws = ws;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.username}: no snapshot in 15 s`)), 15_000);
      ws.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      ws.once('unexpected-response', (_req, res) => {
        clearTimeout(timer);
        reject(new Error(`${this.username}: socket HTTP ${res.statusCode ?? 0}`));
      });
      ws.on('message', (raw: Buffer) => {
        const m = JSON.parse(raw.toString('utf8')) as Message;
        if (m.type === 'snapshot') {
          clearTimeout(timer);
          resolve((m.agent as { contacts: SnapshotContact[] }).contacts);
        } else if (m.type === 'offer' && typeof m.contactId === 'string') this.offered(m.contactId);
      });
      // A socket the server's death closed: the harness reconnects after the restart.
      ws.on('error', () => undefined);
    });
  }

  private offered(contactId: string): void {
    this.offers++;
    this.offersSinceConnect++;
    this.work(contactId, true);
  }

  /** Accepts (when offered), works `workMs`, completes. A failure is counted; the contact is left to the server. */
  private work(contactId: string, accept: boolean): void {
    if (this.working.has(contactId)) return;
    this.working.add(contactId);
    const run = async () => {
      if (accept) {
        const a = await this.call('POST', `/contacts/${contactId}/accept`);
        if (a.status !== 200) throw new Error(`accept ${a.status}`);
        this.accepted++;
      }
      if (this.workMs > 0) await new Promise((r) => setTimeout(r, this.workMs));
      const c = await this.call('POST', `/contacts/${contactId}/complete`);
      if (c.status !== 200) throw new Error(`complete ${c.status}`);
      this.completed++;
    };
    run()
      .catch(() => this.failures++)
      .finally(() => this.working.delete(contactId));
  }

  /** The agent as the server sees it now (GET /state). */
  async state(): Promise<AgentState> {
    const answer = await this.call('GET', '/state');
    if (answer.status !== 200) throw new Error(`${this.username}: state ${answer.status}`);
    return (answer.body as { Agent: AgentState }).Agent;
  }

  /** Drops the socket (the server died, or the run ends). */
  disconnect(): void {
    this.ws?.terminate();
    this.ws = undefined;
  }
}
