/**
 * The agent's WebSocket, `GET /ws`: a snapshot of the agent's state on connect, then the engine's events that
 * concern this agent (offers to them, changes of contacts they hold or were offered, their status, notices for
 * them), and the WebRTC signalling of their connected calls in both directions.
 */
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from '@fastify/websocket';
import { requireAgent } from '../../access/actor.js';
import type { EngineEvent } from '../../contacts/events.js';
import type { Contact } from '../../store/ports/index.js';
import { HELD, SESSION_ENDED, type AgentApiContext } from './context.js';
import { AgentEventRouter, type EventTarget } from './event-router.js';
import { callerOf } from './session-guard.js';
import { agentView, contactView, offersOf } from './views.js';

/** What the workspace may send. */
type ClientMessage = { type: 'signal'; contactId: string; data: unknown } | { type: 'ping' };

function parseMessage(raw: string): ClientMessage | undefined {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof msg !== 'object' || msg === null) return undefined;
  const m = msg as Record<string, unknown>;
  if (m.type === 'ping') return { type: 'ping' };
  if (m.type === 'signal' && typeof m.contactId === 'string' && m.contactId !== '' && 'data' in m)
    return { type: 'signal', contactId: m.contactId, data: m.data };
  return undefined;
}

/** One agent's connection: which contacts concern them, and which calls' signalling they joined. */
class AgentConnection implements EventTarget {
  /** Contacts the agent holds or was offered: their changes are sent until they leave the agent. */
  private readonly mine = new Set<string>();
  /** Connected calls of the agent, with the function that leaves their signalling. */
  private readonly calls = new Map<string, () => void>();
  private ready = false;
  private readonly early: EngineEvent[] = [];

  constructor(
    private readonly ctx: AgentApiContext,
    private readonly router: AgentEventRouter,
    private readonly socket: WebSocket,
    readonly userId: string,
  ) {}

  private follow(contactId: string): void {
    this.mine.add(contactId);
    this.router.follow(this, contactId);
  }

  private unfollow(contactId: string): void {
    this.mine.delete(contactId);
    this.router.unfollow(this, contactId);
  }

  send(message: unknown): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /** An engine event of the instance: held back until the snapshot is sent, then filtered to this agent. */
  onEvent(event: EngineEvent): void {
    if (this.ready) this.deliver(event);
    else this.early.push(event);
  }

  async start(): Promise<void> {
    const { engine, instanceId } = this.ctx.deps;
    const snapshot = await engine.agent(instanceId, this.userId);
    for (const c of snapshot.contacts) {
      this.follow(c.Id);
      this.followCall(c);
    }
    this.send({
      type: 'snapshot',
      agent: agentView(snapshot),
      offers: offersOf(snapshot, this.ctx.offerTimeoutMs),
    });
    this.ready = true;
    this.router.ready(this);
    for (const e of this.early.splice(0)) this.deliver(e);
  }

  private deliver(e: EngineEvent): void {
    switch (e.type) {
      case 'offer':
        if (e.userId !== this.userId) return;
        this.follow(e.contactId);
        this.send(e);
        return;
      case 'contact': {
        const c = e.contact;
        const holds = c.AgentId === this.userId && HELD.has(c.State);
        if (!holds && !this.mine.has(c.Id)) return;
        if (holds) this.follow(c.Id);
        else this.unfollow(c.Id);
        this.followCall(c);
        this.send({ type: 'contact', contact: contactView(c) });
        return;
      }
      case 'agent':
      case 'notice':
        if (e.userId === this.userId) this.send(e);
        return;
      default:
        // Prompts and hang-ups are the caller's.
        return;
    }
  }

  /** Joins the signalling of a call connected to the agent; leaves it once the call is no longer connected. */
  private followCall(c: Contact): void {
    const connected = c.Channel === 'VOICE' && c.AgentId === this.userId && c.State === 'CONNECTED';
    const leave = this.calls.get(c.Id);
    if (connected && !leave) {
      const contactId = c.Id;
      this.calls.set(
        contactId,
        this.ctx.deps.signalling.join(contactId, 'agent', (data) =>
          this.send({ type: 'signal', contactId, data }),
        ),
      );
    } else if (!connected && leave) {
      leave();
      this.calls.delete(c.Id);
    }
  }

  onMessage(raw: string): void {
    const msg = parseMessage(raw);
    if (!msg) {
      this.send({ type: 'error', code: 'InvalidRequestException', message: 'unknown message' });
      return;
    }
    if (msg.type === 'ping') {
      this.send({ type: 'pong' });
      return;
    }
    if (!this.calls.has(msg.contactId)) {
      this.send({
        type: 'error',
        code: 'AccessDeniedException',
        message: `contact ${msg.contactId} is not a call connected to you`,
      });
      return;
    }
    if (!this.ctx.deps.signalling.relay(msg.contactId, 'agent', msg.data))
      this.send({
        type: 'error',
        code: 'ResourceNotFoundException',
        message: `the caller of contact ${msg.contactId} is not there to receive signals`,
      });
  }

  close(): void {
    this.router.remove(this, this.mine);
    for (const leave of this.calls.values()) leave();
    this.calls.clear();
  }
}

export function socketRoute(scope: FastifyInstance, ctx: AgentApiContext): void {
  const { deps } = ctx;
  // One subscription to the engine for every socket of this API, routed by user and contact.
  const router = new AgentEventRouter(deps.engine, deps.instanceId);
  scope.get(
    '/ws',
    {
      websocket: true,
      // Refused before the upgrade: the workspace needs BasicAgentAccess (P3).
      preHandler: (req, _reply, done) => {
        try {
          requireAgent(callerOf(req).actor);
          done();
        } catch (e) {
          done(e as Error);
        }
      },
    },
    (socket, req) => {
      const { session, actor } = callerOf(req);
      const connection = new AgentConnection(ctx, router, socket, actor.userId);
      router.add(connection);
      const unregister = ctx.sockets.add(session.Id, socket);
      const expiry = deps.clock.setTimer(session.ExpiresAt, () =>
        socket.close(SESSION_ENDED, 'session expired'),
      );
      socket.on('message', (data, isBinary) => {
        if (isBinary)
          connection.send({ type: 'error', code: 'InvalidRequestException', message: 'send JSON text' });
        else {
          const bytes = Buffer.isBuffer(data)
            ? data
            : Array.isArray(data)
              ? Buffer.concat(data)
              : Buffer.from(data);
          connection.onMessage(bytes.toString('utf8'));
        }
      });
      socket.on('close', () => {
        unregister();
        expiry.cancel();
        connection.close();
      });
      connection.start().catch((e: unknown) => {
        req.log.error({ err: e }, 'agent socket snapshot failed');
        connection.send({
          type: 'error',
          code: 'InternalServiceException',
          message: 'the agent state is unavailable',
        });
        socket.close(1011, 'agent state unavailable');
      });
    },
  );
}
