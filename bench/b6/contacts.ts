/**
 * B6's contacts: made one batch at a time from a seeded generator, so that a run is reproducible and never holds
 * more than a batch. Each contact is a `Contact` as the engine keeps it (channel, initiation method, lifecycle
 * state and the timestamps that state implies, queue and agent, name, attributes, references, endpoints).
 * The fill grows in stages (one per measured size) and each stage spreads its contacts evenly over the whole
 * `days` before `now`, oldest first: every size covers the same span, and within a stage rows reach the store in
 * time order, as a live system writes them.
 */
import { DEFAULT_ARN_CONTEXT, resourceArn } from '../../src/core/index.js';
import type {
  Contact,
  ContactChannel,
  ContactInitiationMethod,
  ContactLifecycle,
} from '../../src/store/ports/index.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A small, fast, seeded PRNG (mulberry32): numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One of `items` by weight. */
export function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return (items[items.length - 1] as readonly [T, number])[0];
}

const hex8 = (rand: () => number): string =>
  Math.floor(rand() * 4_294_967_296)
    .toString(16)
    .padStart(8, '0');

/** Version-4 UUIDs (the form of Tsunagi's ids) from a seeded PRNG: cheaper than the engine's byte-wise ones. */
export function uuids(seed: number): () => string {
  const rand = prng(seed);
  return () => {
    const a = hex8(rand);
    const b = hex8(rand);
    const c = hex8(rand);
    const variant = (8 + Math.floor(rand() * 4)).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${hex8(rand)}`;
  };
}

export const pick = <T>(rand: () => number, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)] as T;

export interface Population {
  instanceId: string;
  /** The instance's queues, busiest first. */
  queueIds: string[];
  /** The newest possible initiation time; contacts go back `days` from it. */
  now: number;
  days: number;
  seed: number;
}

const CHANNELS = [
  ['VOICE', 50],
  ['CHAT', 20],
  ['TASK', 30],
] as const satisfies readonly (readonly [ContactChannel, number])[];

const METHODS: Record<'VOICE' | 'CHAT' | 'TASK', readonly (readonly [ContactInitiationMethod, number])[]> = {
  VOICE: [
    ['INBOUND', 70],
    ['WEBRTC_API', 10],
    ['OUTBOUND', 10],
    ['TRANSFER', 5],
    ['CALLBACK', 5],
  ],
  CHAT: [
    ['API', 90],
    ['TRANSFER', 10],
  ],
  TASK: [
    ['API', 60],
    ['FLOW', 30],
    ['TRANSFER', 10],
  ],
};

/** Where a contact initiated in the last two hours is; older ones are finished (or waiting, for tasks). */
const RECENT_STATES: Record<'live' | 'task', readonly (readonly [ContactLifecycle, number])[]> = {
  live: [
    ['IN_FLOW', 10],
    ['QUEUED', 25],
    ['CONNECTED', 25],
    ['ACW', 10],
    ['ENDED', 30],
  ],
  task: [
    ['SCHEDULED', 10],
    ['QUEUED', 30],
    ['CONNECTED', 20],
    ['ACW', 5],
    ['ENDED', 35],
  ],
};

const SURNAMES = ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura'];
const REASONS = ['billing', 'delivery', 'refund', 'technical', 'account', 'complaint'];
const TIERS = [
  ['bronze', 6],
  ['silver', 3],
  ['gold', 1],
] as const;

/** The generator of a population; `stage(total)` gives the batches of one stage of the fill. */
export function contactSource(pop: Population) {
  const rand = prng(pop.seed);
  const nextId = uuids(pop.seed ^ 0x5bd1e995);
  const arns = DEFAULT_ARN_CONTEXT;
  const agents = Array.from({ length: 200 }, () => nextId());
  const flows = Array.from({ length: 6 }, () => nextId());
  const templates = Array.from({ length: 3 }, () => nextId());
  // Busier queues first: the first gets ~3 times the last's share.
  const queues = pop.queueIds.map((q, k) => [q, 1 / (1 + k * 0.1)] as const);
  let n = 0;

  function one(slot: number, slots: number): Contact {
    const id = nextId();
    const seq = n++;
    const channel = weighted(rand, CHANNELS);
    const method = weighted(rand, METHODS[channel]);
    const span = pop.days * DAY;
    const initiated = pop.now - span + Math.floor(((slot + rand()) * span) / slots);
    const age = pop.now - initiated;
    const isTask = channel === 'TASK';
    let state: ContactLifecycle;
    if (age < 2 * HOUR) state = weighted(rand, RECENT_STATES[isTask ? 'task' : 'live']);
    else if (isTask && rand() < 0.08) state = age < 6 * DAY ? 'SCHEDULED' : 'EXPIRED';
    else state = 'ENDED';
    // An IVR-only call never reaches a queue.
    const queued = state !== 'IN_FLOW' && state !== 'SCHEDULED' && !(channel === 'VOICE' && rand() < 0.1);
    const queueId = queued || (isTask && state === 'SCHEDULED') ? weighted(rand, queues) : undefined;
    const enqueue = queued ? initiated + 5_000 + Math.floor(rand() * 55_000) : undefined;
    const reachedAgent =
      queued && (state === 'CONNECTED' || state === 'ACW' || (state === 'ENDED' && rand() < 0.9));
    const connected = reachedAgent && enqueue ? enqueue + Math.floor(rand() * 300_000) : undefined;
    const offered = connected !== undefined ? connected - 2_000 - Math.floor(rand() * 10_000) : undefined;
    const acwStart =
      connected !== undefined && (state === 'ACW' || state === 'ENDED')
        ? connected + 60_000 + Math.floor(rand() * 840_000)
        : undefined;
    const acwEnd = acwStart !== undefined && state === 'ENDED' ? acwStart + 30_000 : undefined;
    const ended =
      state === 'ENDED'
        ? (acwEnd ?? (enqueue ?? initiated) + 30_000 + Math.floor(rand() * 600_000))
        : state === 'EXPIRED'
          ? initiated + 7 * DAY
          : undefined;
    const scheduled = state === 'SCHEDULED' ? initiated + Math.floor(rand() * 6 * DAY) : undefined;
    const surname = pick(rand, SURNAMES);
    const lastUpdate = Math.max(initiated, enqueue ?? 0, connected ?? 0, acwStart ?? 0, ended ?? 0);
    return {
      InstanceId: pop.instanceId,
      Id: id,
      Arn: resourceArn(arns, pop.instanceId, 'contact', id),
      Channel: channel,
      InitiationMethod: method,
      State: state,
      ...(isTask && { Name: `Callback for ${surname}`, Description: `Customer ${surname} asked for a call` }),
      ...(channel === 'CHAT' && { Name: `Chat with ${surname}` }),
      InitialContactId: id,
      ContactFlowId: pick(rand, flows),
      ...(queueId && { QueueId: queueId }),
      ...(connected !== undefined && { AgentId: pick(rand, agents) }),
      InitiationTimestamp: initiated,
      ...(scheduled !== undefined && { ScheduledTimestamp: scheduled }),
      ...(enqueue !== undefined && { EnqueueTimestamp: enqueue }),
      ...(offered !== undefined && { OfferedTimestamp: offered }),
      ...(connected !== undefined && { ConnectedToAgentTimestamp: connected }),
      ...(acwStart !== undefined && { AfterContactWorkStartTimestamp: acwStart }),
      ...(acwEnd !== undefined && { AfterContactWorkEndTimestamp: acwEnd }),
      ...(ended !== undefined && { DisconnectTimestamp: ended }),
      ...(isTask && { ExpiryTimestamp: initiated + 7 * DAY }),
      LastUpdateTimestamp: lastUpdate,
      ...(state === 'ENDED' && {
        DisconnectReason: connected !== undefined ? 'AGENT_DISCONNECT' : 'CUSTOMER_DISCONNECT',
      }),
      ...(isTask && rand() < 0.5 && { TaskTemplateId: pick(rand, templates), TaskTemplateVersion: 1 }),
      TransferCount: method === 'TRANSFER' ? 1 : 0,
      RescheduleCount: 0,
      ...(channel === 'VOICE' && {
        CustomerEndpoint: {
          Type: 'TELEPHONE_NUMBER',
          Address: `+8190${String(10_000_000 + (seq % 89_999_999)).padStart(8, '0')}`,
        },
        SystemEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+81300000000' },
      }),
      Attributes: {
        customerId: `C${String(seq % 250_000).padStart(7, '0')}`,
        tier: weighted(rand, TIERS),
        reason: pick(rand, REASONS),
        ...(channel !== 'TASK' && { language: rand() < 0.8 ? 'ja-JP' : 'en-US' }),
      },
      References: isTask ? { order: { Type: 'URL', Value: `https://shop.example.com/orders/${seq}` } } : {},
      SegmentAttributes: {},
      Tags: {},
    };
  }

  return {
    /** A stage of `total` contacts over the whole span: each call gives its next `count`. */
    stage(total: number): (count: number) => Contact[] {
      let slot = 0;
      return (count) => Array.from({ length: count }, () => one(slot++, total));
    },
  };
}
