/**
 * The web phone's calls, in memory: who may act on a call (a token per call, kept as a hash), what the caller
 * has to hear (prompts and states from the engine's events, buffered from the moment of dial until a socket
 * takes them), and the caller's side of the call's WebRTC signalling.
 *
 * Calls are short-lived and are not stored: after a restart every token is unknown (404) and the caller dials
 * again.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EngineEvent } from '../../contacts/events.js';
import { hostStateOf } from '../../contacts/host-state.js';
import {
  E164_PATTERN,
  accessDenied,
  invalidParameter,
  invalidRequest,
  isConnectError,
  limitExceeded,
  notFound,
  type TimerHandle,
} from '../../core/index.js';
import type { Contact } from '../../store/ports/index.js';
import type { ApiDeps } from '../deps.js';
import type { PhoneServerMessage, PhoneState } from './messages.js';
import { ssmlToText } from './ssml.js';

export interface PhoneOptions {
  /** The caller's number when a dial names none (E.164). */
  defaultCaller?: string;
  /** A call whose socket closed is hung up when no socket comes back within this time (ms); 0 never. */
  reconnectGraceMs?: number;
  /** How long an ended call still answers (its socket gets what it missed), in ms. */
  endedKeepMs?: number;
  /** Messages kept for a call while no socket takes them (the oldest go first). */
  bufferLimit?: number;
  /** Calls going on at once through this API (anyone may dial): more are refused (429). */
  maxActiveCalls?: number;
}

/** A number in the range reserved for fiction (NANP 555-01xx). */
export const DEFAULT_CALLER = '+15555550100';
const DIGITS = /^[0-9*#]{1,64}$/;
/**
 * A prompt's SSML as the flow wrote it (`<speak>...`). The interpreter reduces SSML itself today, so the event
 * usually carries text already: reducing that again would decode its entities twice.
 */
const SSML_DOCUMENT = /^\s*(<\?xml[^>]*>\s*)?<speak[\s>]/i;

/** Where a caller's messages go while their socket is open. */
export interface CallSink {
  send(message: PhoneServerMessage): void;
  /** `replaced`: another socket took the call; `ended`: the call is over. */
  close(why: 'ended' | 'replaced'): void;
}

export interface Call {
  id: string;
  tokenHash: Buffer;
  state?: PhoneState;
  reason?: string;
  voice?: string;
  /** The last state message the caller was given (or that waits in the buffer). */
  lastState?: PhoneServerMessage;
  buffer: PhoneServerMessage[];
  sink?: CallSink;
  leaveSignalling?: () => void;
  /** Messages go out in order, even one that waits for a lookup (the agent's name). */
  chain: Promise<void>;
  ended: boolean;
  timer?: TimerHandle;
}

const hash = (token: string): Buffer => createHash('sha256').update(token).digest();

function contactIdOf(e: EngineEvent): string | undefined {
  if (e.type === 'contact') return e.contact.Id;
  if (e.type === 'prompt' || e.type === 'hangup') return e.contactId;
  return undefined;
}

function stateOf(contact: Contact): PhoneState | undefined {
  switch (contact.State) {
    case 'INITIATED':
    case 'IN_FLOW':
      return 'in-flow';
    case 'QUEUED':
    case 'OFFERED':
      return 'queued';
    case 'CONNECTED':
      return 'connected';
    case 'ACW':
    case 'ENDED':
    case 'EXPIRED':
      return 'ended';
    default:
      return undefined;
  }
}

export class PhoneCalls {
  private readonly calls = new Map<string, Call>();
  /** Calls not ended (kept as a count: a dial must not walk every call, B7 has thousands). */
  private active = 0;
  /** Events seen while a dial runs: the call's id is known only when it returns. */
  private readonly dialling = new Set<EngineEvent[]>();
  private readonly unsubscribe: () => void;
  private readonly options: Required<PhoneOptions>;

  constructor(
    private readonly deps: ApiDeps,
    options: PhoneOptions = {},
  ) {
    this.options = {
      defaultCaller: options.defaultCaller ?? DEFAULT_CALLER,
      reconnectGraceMs: options.reconnectGraceMs ?? 20_000,
      endedKeepMs: options.endedKeepMs ?? 300_000,
      bufferLimit: options.bufferLimit ?? 200,
      maxActiveCalls: options.maxActiveCalls ?? 1000,
    };
    this.unsubscribe = deps.engine.events.subscribe((instanceId, e) => {
      if (instanceId !== deps.instanceId) return;
      const id = contactIdOf(e);
      if (!id) return;
      for (const early of this.dialling) early.push(e);
      const call = this.calls.get(id);
      if (call) this.hear(call, e);
    });
  }

  /** Dials `to`; what the flow says during the dial is kept for the caller's socket. */
  async dial(to: unknown, from: unknown): Promise<{ callId: string; token: string }> {
    if (typeof to !== 'string' || !E164_PATTERN.test(to))
      throw invalidParameter('To', 'is not an E.164 phone number (+ and 2-15 digits)');
    if (from !== undefined && (typeof from !== 'string' || !E164_PATTERN.test(from)))
      throw invalidParameter('From', 'is not an E.164 phone number (+ and 2-15 digits)');
    if (this.dialling.size + this.active >= this.options.maxActiveCalls)
      throw limitExceeded(`the web phone takes at most ${this.options.maxActiveCalls} calls at once`);
    const early: EngineEvent[] = [];
    this.dialling.add(early);
    let contact: Contact;
    try {
      contact = await this.deps.engine.dial(this.deps.instanceId, from ?? this.options.defaultCaller, to);
    } finally {
      this.dialling.delete(early);
    }
    const token = randomBytes(32).toString('base64url');
    const call: Call = {
      id: contact.Id,
      tokenHash: hash(token),
      buffer: [],
      chain: Promise.resolve(),
      ended: false,
    };
    this.calls.set(call.id, call);
    this.active += 1;
    for (const e of early) if (contactIdOf(e) === call.id) this.hear(call, e);
    if (!call.state) this.hear(call, { type: 'contact', contact });
    return { callId: call.id, token };
  }

  /** The call, when `token` is its token: unknown 404, wrong or missing token 403. */
  authorize(callId: string, token: unknown): Call {
    const call = this.calls.get(callId);
    if (!call) throw notFound('Call', callId, 'CallId');
    if (typeof token !== 'string' || !timingSafeEqual(hash(token), call.tokenHash))
      throw accessDenied('this call needs its token (header x-call-token or ?token=)');
    return call;
  }

  status(call: Call): { State: PhoneState; Reason?: string } {
    return { State: call.state ?? 'in-flow', ...(call.reason && { Reason: call.reason }) };
  }

  async digits(call: Call, digits: unknown): Promise<void> {
    if (typeof digits !== 'string' || !DIGITS.test(digits))
      throw invalidParameter('Digits', 'holds only 0-9, * and # (1 to 64 of them)');
    if (call.ended) throw invalidRequest(`call ${call.id} has ended`, { CallId: call.id });
    await this.deps.engine.sendDigits(this.deps.instanceId, call.id, digits);
  }

  /** The caller hangs up; hanging up an ended call does nothing. */
  async hangUp(call: Call): Promise<void> {
    if (call.ended) return;
    try {
      await this.deps.engine.hangUp(this.deps.instanceId, call.id);
    } catch (e) {
      // The engine finished the contact meanwhile: the call is over either way.
      if (!isConnectError(e) || e.code !== 'ResourceNotFoundException') throw e;
      this.moveTo(call, 'ended', 'CUSTOMER_DISCONNECT');
    }
  }

  /** WebRTC signalling from the caller to the agent, once the call is connected to one. */
  signal(call: Call, data: unknown): void {
    if (call.state !== 'connected') throw invalidRequest('the call is not connected to an agent yet');
    if (!this.deps.signalling.relay(call.id, 'caller', data))
      throw invalidRequest('the agent is not on the line for signalling yet');
  }

  /**
   * A caller's socket takes the call's messages: first what it missed (buffered since the dial), so that it
   * always ends up knowing the current state. A newer socket replaces an older one. Returns the detach.
   */
  attach(call: Call, sink: CallSink): () => void {
    const old = call.sink;
    call.sink = sink;
    old?.close('replaced');
    call.timer?.cancel();
    call.timer = undefined;
    const missed = call.buffer.splice(0);
    if (call.lastState && !missed.some((m) => m.type === 'state')) sink.send(call.lastState);
    for (const m of missed) sink.send(m);
    if (call.ended) {
      this.queue(call, () => sink.close('ended'));
      this.forgetLater(call);
    } else {
      call.leaveSignalling?.();
      call.leaveSignalling = this.deps.signalling.join(call.id, 'caller', (data) =>
        sink.send({ type: 'signal', data }),
      );
    }
    return () => this.detach(call, sink);
  }

  private detach(call: Call, sink: CallSink): void {
    if (call.sink !== sink) return;
    call.sink = undefined;
    call.leaveSignalling?.();
    call.leaveSignalling = undefined;
    const grace = this.options.reconnectGraceMs;
    if (call.ended || grace <= 0) return;
    call.timer?.cancel();
    call.timer = this.deps.clock.setTimer(this.deps.clock.now() + grace, () => {
      call.timer = undefined;
      if (!call.sink && !call.ended) void this.hangUp(call).catch(() => undefined);
    });
  }

  /** Forgets every call (the server stops). */
  stop(): void {
    this.unsubscribe();
    for (const call of this.calls.values()) {
      call.timer?.cancel();
      call.leaveSignalling?.();
      call.sink?.close('ended');
    }
    this.calls.clear();
    this.active = 0;
  }

  private hear(call: Call, e: EngineEvent): void {
    if (call.ended) return;
    if (e.type === 'prompt') {
      const voice = e.voice ?? call.voice;
      this.send(call, {
        type: 'prompt',
        text: e.ssml && SSML_DOCUMENT.test(e.text) ? ssmlToText(e.text) : e.text,
        ssml: e.ssml,
        ...(voice && { voice }),
      });
    } else if (e.type === 'contact') {
      call.voice = hostStateOf(e.contact)?.contact?.TextToSpeechVoice ?? call.voice;
      const state = stateOf(e.contact);
      if (state) this.moveTo(call, state, e.contact.DisconnectReason, e.contact.AgentId);
    } else if (e.type === 'hangup') {
      this.moveTo(call, 'ended', e.reason);
    }
  }

  private moveTo(call: Call, state: PhoneState, reason?: string, agentId?: string): void {
    if (call.ended || call.state === state) return;
    call.state = state;
    call.reason = state === 'ended' ? reason : undefined;
    const base = { type: 'state' as const, state, ...(call.reason && { reason: call.reason }) };
    if (state === 'connected' && agentId) {
      const named = this.agentName(agentId).then((agent) => ({ ...base, ...(agent && { agent }) }));
      this.queue(call, async () => this.deliver(call, await named));
    } else this.send(call, base);
    if (state !== 'ended') return;
    call.ended = true;
    this.active -= 1;
    call.timer?.cancel();
    this.deps.signalling.close(call.id);
    call.leaveSignalling = undefined;
    this.queue(call, () => call.sink?.close('ended'));
    this.forgetLater(call);
  }

  private async agentName(agentId: string): Promise<string | undefined> {
    try {
      const user = await this.deps.services.users.describe(this.deps.instanceId, agentId);
      return user.IdentityInfo?.FirstName || undefined;
    } catch {
      return undefined;
    }
  }

  private send(call: Call, message: PhoneServerMessage): void {
    this.queue(call, () => this.deliver(call, message));
  }

  private queue(call: Call, work: () => void | Promise<void>): void {
    call.chain = call.chain.then(work).catch(() => undefined);
  }

  private deliver(call: Call, message: PhoneServerMessage): void {
    if (message.type === 'state') call.lastState = message;
    if (call.sink) return call.sink.send(message);
    call.buffer.push(message);
    if (call.buffer.length > this.options.bufferLimit) {
      const drop = call.buffer.findIndex((m) => m.type !== 'state');
      call.buffer.splice(drop < 0 ? 0 : drop, 1);
    }
  }

  private forgetLater(call: Call): void {
    call.timer?.cancel();
    call.timer = this.deps.clock.setTimer(this.deps.clock.now() + this.options.endedKeepMs, () => {
      if (this.calls.get(call.id) === call) this.calls.delete(call.id);
      call.sink?.close('ended');
    });
  }
}
