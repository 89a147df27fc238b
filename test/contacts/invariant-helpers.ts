/**
 * Helpers of the engine's routing-invariant suite (engine-invariants.test.ts): a seeded random source, a small
 * contact center configured through the services (three queues, three routing profiles, six agents, a task flow
 * and a number), the rules an offer must obey, and an observer that checks every offer as the engine makes it.
 */
import type { EngineEvent } from '../../src/contacts/events.js';
import type { Engine } from '../../src/contacts/engine.js';
import type { Contact, CrossChannelBehaviorType } from '../../src/store/ports/index.js';
import type { TestEnv } from '../support/env.js';
import { flowJson } from '../support/flows.js';

/** mulberry32: the same seed gives the same run. */
export function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T | undefined => items[int(items.length)] };
}
export type Random = ReturnType<typeof random>;

export type Channel = 'VOICE' | 'TASK';
export const HOLDS: ReadonlySet<Contact['State']> = new Set(['OFFERED', 'CONNECTED', 'ACW']);
export const NUMBER = '+81355550100';

/** A routing profile as the checks read it: queues by index here, by id once created. */
interface ProfileSpec<Q> {
  concurrency: Partial<Record<Channel, { max: number; cross: CrossChannelBehaviorType }>>;
  configs: { queue: Q; channel: Channel; priority: number; delay: number }[];
}
export type Profile = ProfileSpec<string>;

const ANY = 'ROUTE_ANY_CHANNEL';
const ALONE = 'ROUTE_CURRENT_CHANNEL_ONLY';

/** Calls always go to queue 0; tasks to the queue their attribute names. Every (queue, channel) is served. */
const PROFILES: ProfileSpec<number>[] = [
  {
    concurrency: { VOICE: { max: 1, cross: ANY }, TASK: { max: 2, cross: ANY } },
    configs: [
      { queue: 0, channel: 'VOICE', priority: 1, delay: 0 },
      { queue: 0, channel: 'TASK', priority: 1, delay: 0 },
      { queue: 1, channel: 'TASK', priority: 2, delay: 0 },
    ],
  },
  {
    concurrency: { VOICE: { max: 1, cross: ALONE }, TASK: { max: 3, cross: ANY } },
    configs: [
      { queue: 0, channel: 'VOICE', priority: 1, delay: 0 },
      { queue: 1, channel: 'TASK', priority: 1, delay: 0 },
      { queue: 2, channel: 'TASK', priority: 1, delay: 5 },
    ],
  },
  {
    concurrency: { VOICE: { max: 1, cross: ANY }, TASK: { max: 1, cross: ALONE } },
    configs: [
      { queue: 0, channel: 'VOICE', priority: 2, delay: 3 },
      { queue: 2, channel: 'TASK', priority: 1, delay: 0 },
      { queue: 0, channel: 'TASK', priority: 3, delay: 0 },
    ],
  },
];

export interface Agent {
  id: string;
  name: string;
  profile: Profile;
}

/** Configures the center through the services, as an administrator would. */
export async function setUpWorld(env: TestEnv) {
  const { services, instanceId } = env;
  const hours = await services.hours.create(instanceId, {
    Name: 'Always open',
    TimeZone: 'Asia/Tokyo',
    Config: ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'].map((Day) => ({
      Day: Day as 'MONDAY',
      StartTime: { Hours: 0, Minutes: 0 },
      EndTime: { Hours: 0, Minutes: 0 },
    })),
  });
  const queues = [];
  for (const Name of ['Q1', 'Q2', 'Q3'])
    queues.push(
      await services.queues.create(instanceId, { Name, HoursOfOperationId: hours.HoursOfOperationId }),
    );
  const route = (QueueId: string) =>
    flowJson('Set queue', {
      'Set queue': {
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId },
        Next: 'Transfer',
        Errors: { NoMatchingError: 'End' },
      },
      Transfer: {
        Type: 'TransferContactToQueue',
        Errors: { NoMatchingError: 'End', QueueAtCapacity: 'End' },
      },
      End: { Type: 'DisconnectParticipant' },
    });
  const taskFlow = await services.flows.create(instanceId, {
    Name: 'Route task',
    Type: 'CONTACT_FLOW',
    Content: route('$.Attributes.Queue'),
  });
  const callFlow = await services.flows.create(instanceId, {
    Name: 'Route call',
    Type: 'CONTACT_FLOW',
    Content: route(queues[0]?.QueueArn ?? ''),
  });
  const number = await services.phoneNumbers.claim({ InstanceId: instanceId, PhoneNumber: NUMBER });
  await services.phoneNumbers.associateContactFlow(number.PhoneNumberId, {
    InstanceId: instanceId,
    ContactFlowId: callFlow.Id,
  });
  const queueIds = queues.map((q) => q.QueueId);
  const profiles: { id: string; profile: Profile }[] = [];
  for (const [i, spec] of PROFILES.entries()) {
    const profile: Profile = {
      concurrency: spec.concurrency,
      configs: spec.configs.map((c) => ({ ...c, queue: queueIds[c.queue] ?? '' })),
    };
    const created = await services.routingProfiles.create(instanceId, {
      Name: `Profile ${i + 1}`,
      Description: `Profile ${i + 1}`,
      DefaultOutboundQueueId: queueIds[0] ?? '',
      MediaConcurrencies: Object.entries(spec.concurrency).map(([Channel, m]) => ({
        Channel: Channel as Channel,
        Concurrency: m.max,
        CrossChannelBehavior: { BehaviorType: m.cross },
      })),
      QueueConfigs: profile.configs.map((c) => ({
        QueueReference: { QueueId: c.queue, Channel: c.channel },
        Priority: c.priority,
        Delay: c.delay,
      })),
    });
    profiles.push({ id: created.RoutingProfileId, profile });
  }
  const security = await services.securityProfiles.create(instanceId, {
    SecurityProfileName: 'Agent',
    Permissions: ['BasicAgentAccess'],
  });
  const agents: Agent[] = [];
  for (let i = 0; i < 6; i++) {
    const p = profiles[i % profiles.length];
    if (!p) throw new Error('no profile');
    const user = await services.users.create(instanceId, {
      Username: `agent${i + 1}`,
      Password: 'Callback2026',
      SecurityProfileIds: [security.Id],
      RoutingProfileId: p.id,
      // half the agents have an after-contact work limit: their ACW ends by a timer
      PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: i < 3 ? 0 : 30 },
    });
    agents.push({ id: user.Id, name: `agent${i + 1}`, profile: p.profile });
  }
  const brk = await services.agentStatuses.create(instanceId, { Name: 'Break', State: 'ENABLED' });
  const statuses = (await services.agentStatuses.list(instanceId)).items;
  const idOf = (name: string) => statuses.find((s) => s.Name === name)?.Id ?? '';
  return {
    queueIds,
    taskFlowId: taskFlow.Id,
    agents,
    statuses: { available: idOf('Available'), offline: idOf('Offline'), brk: brk.AgentStatusId },
  };
}
export type World = Awaited<ReturnType<typeof setUpWorld>>;

const effective = (c: Contact) =>
  (c.EnqueueTimestamp ?? c.InitiationTimestamp) - (c.QueueTimeAdjustmentSeconds ?? 0) * 1000;

/** Rules S1, S2: a free slot on the channel, and every other channel held lets other channels be offered. */
export function canTake(profile: Profile, held: readonly Contact[], channel: Contact['Channel']): boolean {
  const slot = profile.concurrency[channel as Channel];
  if (!slot || held.filter((h) => h.Channel === channel).length >= slot.max) return false;
  return held.every((h) => h.Channel === channel || profile.concurrency[h.Channel as Channel]?.cross === ANY);
}

/** The contact's rank for the agent (config priority, contact priority, age), or undefined if not yet theirs (S3). */
export function rankFor(profile: Profile, c: Contact, now: number): number[] | undefined {
  const config = profile.configs.find((q) => q.queue === c.QueueId && q.channel === c.Channel);
  if (!config || now - effective(c) < config.delay * 1000) return undefined;
  return [config.priority, c.QueuePriority ?? 5, effective(c)];
}

const before = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
};

export const describeHeld = (held: readonly Contact[]) =>
  held.map((h) => `${h.Id} ${h.Channel} ${h.State}`).join(', ') || 'nothing';

type OfferEvent = Extract<EngineEvent, { type: 'offer' }>;

/**
 * Watches the engine's events. Each command's events are published together, after its commit, and routing is
 * the command's last step; so the events of one command (one batch, cut by a microtask) show the state in which
 * its offers were made: what each agent held just before each offer, and which contacts were left waiting.
 */
export class Observer {
  readonly problems: string[] = [];
  /** Contacts not finished, as their last event showed them. */
  contacts = new Map<string, Contact>();
  readonly seen = new Set<string>();
  readonly agentStatus = new Map<string, { status: string; missed: boolean }>();
  /** The last offer of each contact, and by which engine (a restart makes a new one). */
  readonly lastOffer = new Map<string, OfferEvent & { generation: number }>();
  generation = 0;
  /** What the run exercised: offers, agents put in Missed, offers made to an agent busy on another channel. */
  readonly counts = { offers: 0, missed: 0, crossChannel: 0 };
  private readonly enqueued = new Map<string, { queueId: string; at: number }>();
  private pending: EngineEvent[] = [];
  private scheduled = false;
  private readonly agents: Map<string, Agent>;

  constructor(
    agents: readonly Agent[],
    private readonly offerTimeoutMs: number,
    private readonly where: () => string,
  ) {
    this.agents = new Map(agents.map((a) => [a.id, a]));
  }

  attach(engine: Engine, active: Contact[]): void {
    this.generation += 1;
    this.contacts = new Map(active.map((c) => [c.Id, c]));
    engine.events.subscribe((_instance, e) => {
      this.pending.push(e);
      if (this.scheduled) return;
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    });
  }

  nameOf(userId: string | undefined): string {
    return (userId && this.agents.get(userId)?.name) ?? userId ?? 'nobody';
  }

  private problem(text: string): void {
    this.problems.push(`${this.where()}: ${text}`);
  }

  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    const offers: OfferEvent[] = [];
    for (const e of batch) {
      if (e.type === 'contact') {
        this.seen.add(e.contact.Id);
        this.checkEnqueueTime(e.contact);
        if (e.contact.State === 'ENDED' || e.contact.State === 'EXPIRED') this.contacts.delete(e.contact.Id);
        else this.contacts.set(e.contact.Id, e.contact);
      } else if (e.type === 'agent') {
        this.agentStatus.set(e.userId, { status: e.statusName, missed: e.missed });
        if (e.missed) this.counts.missed += 1;
      } else if (e.type === 'offer') {
        // an agent in Missed, or not Available, is offered nothing until they set a status
        const a = this.agentStatus.get(e.userId);
        if (!a || a.status !== 'Available' || a.missed)
          this.problem(
            `${e.contactId} offered to ${this.nameOf(e.userId)} (${a?.missed ? 'Missed' : (a?.status ?? 'no status')})`,
          );
        offers.push(e);
      }
    }
    offers.forEach((o, k) => this.checkOffer(o, offers.slice(k)));
  }

  /** A contact back in its queue (offer rejected, missed, withdrawn, restart) keeps its enqueue time. */
  private checkEnqueueTime(c: Contact): void {
    if (c.QueueId === undefined || c.EnqueueTimestamp === undefined) return;
    const first = this.enqueued.get(c.Id);
    if (first && first.queueId === c.QueueId && first.at !== c.EnqueueTimestamp)
      this.problem(`${c.Id} is back in its queue with enqueue time ${c.EnqueueTimestamp}, not ${first.at}`);
    else if (!first || first.queueId !== c.QueueId)
      this.enqueued.set(c.Id, { queueId: c.QueueId, at: c.EnqueueTimestamp });
  }

  /** `rest` is this offer and the ones made after it in the same command. */
  private checkOffer(o: OfferEvent, rest: OfferEvent[]): void {
    this.counts.offers += 1;
    this.lastOffer.set(o.contactId, { ...o, generation: this.generation });
    const c = this.contacts.get(o.contactId);
    const agent = this.agents.get(o.userId);
    if (!c || c.State !== 'OFFERED' || c.AgentId !== o.userId || !agent) {
      this.problem(
        `${o.contactId} offered to ${this.nameOf(o.userId)} but is ${c?.State ?? 'unknown'} for ${this.nameOf(c?.AgentId)}`,
      );
      return;
    }
    if (rest.slice(1).some((x) => x.contactId === o.contactId))
      this.problem(`${c.Id} offered twice in one command`);
    const now = c.OfferedTimestamp ?? 0;
    if (o.expiresAt !== now + this.offerTimeoutMs) this.problem(`${c.Id} offer expires at ${o.expiresAt}`);
    const later = new Set(rest.filter((x) => x.userId === o.userId).map((x) => x.contactId));
    const held = [...this.contacts.values()].filter(
      (h) => h.AgentId === o.userId && HOLDS.has(h.State) && !later.has(h.Id),
    );
    // no agent above its concurrency; cross-channel behaviour respected (S1, S2)
    if (held.some((h) => h.Channel !== c.Channel)) this.counts.crossChannel += 1;
    if (!canTake(agent.profile, held, c.Channel))
      this.problem(`${c.Id} (${c.Channel}) offered to ${agent.name} holding ${describeHeld(held)}`);
    const rank = rankFor(agent.profile, c, now);
    if (!rank) {
      this.problem(`${c.Id} offered to ${agent.name}, whose profile does not take it yet (S3)`);
      return;
    }
    for (const d of this.contacts.values()) {
      if (d.State !== 'QUEUED') continue;
      // oldest first within a queue and a priority: an older contact is never passed over
      if (
        d.QueueId === c.QueueId &&
        d.Channel === c.Channel &&
        (d.QueuePriority ?? 5) === (c.QueuePriority ?? 5) &&
        effective(d) < effective(c)
      ) {
        this.problem(
          `${d.Id} (enqueued ${effective(d)}) left waiting while ${c.Id} (${effective(c)}) was offered`,
        );
        continue;
      }
      const other = rankFor(agent.profile, d, now);
      if (other && canTake(agent.profile, held, d.Channel) && before(other, rank))
        this.problem(`${d.Id} comes before ${c.Id} for ${agent.name} and was left waiting`);
    }
  }
}
