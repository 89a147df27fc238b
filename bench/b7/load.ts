/**
 * B7's load, in a client process: `agents` agents log in over the agent API and open their WebSocket; they go
 * Available; then `callers` callers dial the example's number over the web-phone API and open their call's socket:
 * each agent is offered one, the others wait in queue hearing F2 (they never press a key). An agent offered a call
 * accepts it after a moment, holds it `holdMinS`..`holdMaxS` seconds, ends it and clears it; a caller whose call
 * ended dials again, so `callers` calls stay open until the server's process says stop.
 */
import type WebSocket from 'ws';
import { AgentSession, dial } from './agent-session.js';
import type { Message } from '../inbox.js';
import type { ChildMessage, LoadJob, LoadStats } from './protocol.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

/** Runs `work` over `items`, `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

export class Load {
  private running = true;
  private readonly sockets = new Set<WebSocket>();
  private readonly sessions: { session: AgentSession; ws: WebSocket }[] = [];
  /** Agents who held a call already. */
  private readonly held = new Set<AgentSession>();
  private readonly callState = new Map<number, 'in-flow' | 'queued' | 'connected'>();
  private readonly stats: LoadStats = {
    ...{ agentsConnected: 0, callsOpen: 0, queued: 0, connected: 0, dialled: 0 },
    ...{ offers: 0, accepted: 0, completed: 0, prompts: 0, errors: {}, cpuMs: 0 },
  };

  constructor(
    private readonly job: LoadJob,
    private readonly send: (m: ChildMessage) => void,
  ) {}

  snapshot(): LoadStats {
    let queued = 0;
    let connected = 0;
    for (const s of this.callState.values()) {
      if (s === 'queued') queued++;
      else if (s === 'connected') connected++;
    }
    return {
      ...this.stats,
      callsOpen: this.callState.size,
      queued,
      connected,
      errors: { ...this.stats.errors },
      cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage()),
    };
  }

  private error(e: unknown, where: string): void {
    const name = `${where}: ${e instanceof Error ? e.name : 'Error'}`;
    this.stats.errors[name] = (this.stats.errors[name] ?? 0) + 1;
    if (this.stats.errors[name] === 1) console.error(`b7 load ${where}:`, e instanceof Error ? e.message : e);
  }

  async run(): Promise<void> {
    const { job } = this;
    let t = performance.now();
    await pool(job.agents, job.rampConcurrency, (name) => this.connectAgent(name));
    this.send({ type: 'agents-ready', ms: performance.now() - t, stats: this.snapshot() });

    t = performance.now();
    await pool(this.sessions, job.rampConcurrency, async ({ session }) => {
      try {
        await session.api('PUT', '/status', { AgentStatusId: job.availableId });
      } catch (e) {
        this.error(e, 'status');
      }
    });
    this.send({ type: 'available', ms: performance.now() - t, stats: this.snapshot() });

    t = performance.now();
    const slots = Array.from({ length: job.callers }, (_, i) => i);
    await pool(slots, job.rampConcurrency, (slot) => this.startCaller(slot));
    this.send({ type: 'callers-ready', ms: performance.now() - t, stats: this.snapshot() });
  }

  /** Stops dialling and closes every socket (the server's process measures no more). */
  stop(): void {
    this.running = false;
    for (const ws of this.sockets) ws.terminate();
  }

  private async connectAgent(name: string): Promise<void> {
    const session = new AgentSession(this.job.url, name);
    try {
      await session.login(this.job.password);
      const ws = await session.connect((m) => this.onAgentMessage(session, m));
      this.sockets.add(ws);
      this.stats.agentsConnected++;
      ws.on('close', () => {
        this.stats.agentsConnected--;
        this.sockets.delete(ws);
        if (this.running) this.error(new Error('closed'), 'agent socket');
      });
      this.sessions.push({ session, ws });
    } catch (e) {
      this.error(e, 'agent login');
    }
  }

  private onAgentMessage(session: AgentSession, m: Message): void {
    if (m.type !== 'offer' || !this.running) return;
    this.stats.offers++;
    void this.work(session, String(m.contactId));
  }

  /** An offered call: accepted after a moment, held, ended, cleared. */
  private async work(session: AgentSession, contactId: string): Promise<void> {
    try {
      await sleep(between(200, 1000));
      await session.api('POST', `/contacts/${contactId}/accept`);
      this.stats.accepted++;
      // An agent's first call is held for a part of a hold only: the agents all took their first call within the
      // ramp-up, and would otherwise end them together; this way calls end at a steady rate from the start.
      const first = !this.held.has(session);
      this.held.add(session);
      await sleep(between(first ? 1 : this.job.holdMinS, this.job.holdMaxS) * 1000);
      if (!this.running) return;
      await session.api('POST', `/contacts/${contactId}/end`);
      await session.api('POST', `/contacts/${contactId}/complete`);
      this.stats.completed++;
    } catch (e) {
      if (this.running) this.error(e, 'agent work');
    }
  }

  /** A caller slot's first call (the ramp-up waits for it); the slot then keeps a call going on its own. */
  private async startCaller(slot: number): Promise<void> {
    // A number per slot, in the range of the example's callers (Japan, mobile).
    const from = `+8170${String(slot).padStart(8, '0')}`;
    void this.keepCalling(slot, from, (await this.tryCall(slot, from)).ended);
  }

  private async keepCalling(slot: number, from: string, ended: Promise<void>): Promise<void> {
    for (;;) {
      await ended;
      this.callState.delete(slot);
      if (!this.running) return;
      await sleep(between(0, 1000));
      if (!this.running) return;
      ({ ended } = await this.tryCall(slot, from));
    }
  }

  /** A call's end (its socket closing), or a second's pause when the dial failed. */
  private async tryCall(slot: number, from: string): Promise<{ ended: Promise<void> }> {
    try {
      return await this.call(slot, from);
    } catch (e) {
      if (this.running) this.error(e, 'caller');
      this.callState.delete(slot);
      return { ended: sleep(1000) };
    }
  }

  /** Dials; resolves once the socket is open with a promise of the call's end (its socket closing). */
  private async call(slot: number, from: string): Promise<{ ended: Promise<void> }> {
    this.callState.set(slot, 'in-flow');
    const { ws } = await dial(this.job.url, this.job.number, from, (m) => {
      if (m.type === 'prompt') this.stats.prompts++;
      else if (
        m.type === 'state' &&
        (m.state === 'queued' || m.state === 'connected' || m.state === 'in-flow')
      )
        this.callState.set(slot, m.state);
      else if (m.type === 'error') this.error(new Error(String(m.message)), 'caller message');
    });
    this.stats.dialled++;
    this.sockets.add(ws);
    const ended = new Promise<void>((resolve) =>
      ws.once('close', () => {
        this.sockets.delete(ws);
        resolve();
      }),
    );
    return { ended };
  }
}
