/**
 * The process's Prometheus metrics (docs/OPERATIONS.md "Metrics"), one registry per Tsunagi, made in the
 * composition root. Live contacts and queue depth are read from the engine at scrape time; offers and routing lag
 * follow the engine's contact events; scheduler lag is timed on the engine's clock (how late each due timer
 * fired); HTTP latency comes from a Fastify hook, labelled with the route pattern.
 */
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from '../core/index.js';
import type { Contact, Store } from '../store/ports/index.js';
import type { Engine } from '../contacts/engine.js';
import type { LiveCounts } from '../contacts/metrics.js';

export type OfferOutcome = 'offered' | 'accepted' | 'rejected' | 'missed' | 'withdrawn';

interface OpenOffer {
  offeredAt: number;
  expiresAt: number;
}

/** What one scrape reads from the engine: live contacts (summed over instances) and waiting per queue name. */
interface LiveSnapshot {
  contacts: LiveCounts['contacts'];
  depth: Map<string, number>;
}

const ALL_QUEUES = { offset: 0, limit: 10_000 };

export class TsunagiMetrics {
  readonly registry = new Registry();
  private readonly contacts: Gauge<'state' | 'channel'>;
  private readonly queueDepth: Gauge<'queue'>;
  private readonly offers: Counter<'outcome'>;
  private readonly schedulerLag: Histogram;
  private readonly routingLag: Histogram;
  private readonly http: Histogram<'method' | 'route' | 'status'>;
  /** The offers not yet accepted or ended, by contact id (what the next contact event closes). */
  private readonly open = new Map<string, OpenOffer>();
  private source: { engine: Engine; store: Store } | undefined;
  private unsubscribe: (() => void) | undefined;
  private reading: Promise<LiveSnapshot> | undefined;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.contacts = new Gauge({
      name: 'tsunagi_contacts',
      help: 'Live contacts (not ended or expired) by state and channel.',
      labelNames: ['state', 'channel'],
      registers,
      collect: () => this.collectContacts(),
    });
    this.queueDepth = new Gauge({
      name: 'tsunagi_queue_depth',
      help: 'Contacts waiting in a queue (queued, not yet offered), by queue name.',
      labelNames: ['queue'],
      registers,
      collect: () => this.collectDepth(),
    });
    this.offers = new Counter({
      name: 'tsunagi_offers_total',
      help: 'Offers to agents: made, and how each ended (accepted, rejected, missed, withdrawn).',
      labelNames: ['outcome'],
      registers,
    });
    this.schedulerLag = new Histogram({
      name: 'tsunagi_scheduler_lag_seconds',
      help: "How late the engine's timers (scheduled tasks, flow waits, offer timeouts, routing wake-ups) fired.",
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60],
      registers,
    });
    this.routingLag = new Histogram({
      name: 'tsunagi_routing_lag_seconds',
      help: 'Time from a contact entering its queue to each offer of it to an agent.',
      buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    });
    this.http = new Histogram({
      name: 'tsunagi_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }

  /** The engine's clock: the same time, and each timer observes how late it fired after its due time. */
  timed(clock: Clock): Clock {
    return {
      now: () => clock.now(),
      setTimer: (dueAt, fire) =>
        clock.setTimer(dueAt, () => {
          this.schedulerLag.observe(Math.max(0, clock.now() - dueAt) / 1000);
          return fire();
        }),
    };
  }

  /** Reads the engine's live state at each scrape and follows its contact events (offers, routing lag). */
  watch(engine: Engine, store: Store, options: { clock: Clock; offerTimeoutMs: number }): void {
    this.source = { engine, store };
    this.unsubscribe?.();
    this.unsubscribe = engine.events.subscribe((_instanceId, event) => {
      if (event.type === 'contact')
        this.contactChanged(event.contact, options.clock.now(), options.offerTimeoutMs);
    });
  }

  /** GET /metrics (Prometheus text format) and the HTTP latency hook; call before the other routes. */
  register(app: FastifyInstance): void {
    app.addHook('onResponse', (req, reply, done) => {
      this.http.observe(
        { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
    app.get('/metrics', async (_req, reply) =>
      reply.type(this.registry.contentType).send(await this.registry.metrics()),
    );
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.open.clear();
  }

  /** An offer opens when a contact becomes OFFERED; the contact's next change closes it with its outcome. */
  private contactChanged(contact: Contact, now: number, offerTimeoutMs: number): void {
    const open = this.open.get(contact.Id);
    const offeredAt = contact.State === 'OFFERED' ? contact.OfferedTimestamp : undefined;
    if (open && open.offeredAt === offeredAt) return;
    if (open) {
      this.open.delete(contact.Id);
      this.offers.inc({ outcome: outcomeOf(contact, open, now) });
    }
    if (offeredAt === undefined) return;
    this.open.set(contact.Id, { offeredAt, expiresAt: offeredAt + offerTimeoutMs });
    this.offers.inc({ outcome: 'offered' });
    const enqueuedAt = contact.EnqueueTimestamp ?? contact.InitiationTimestamp;
    this.routingLag.observe(Math.max(0, offeredAt - enqueuedAt) / 1000);
  }

  /** Both gauges of a scrape read one snapshot (the registry collects its metrics concurrently). */
  private snapshot(): Promise<LiveSnapshot> {
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async read(): Promise<LiveSnapshot> {
    const contacts: LiveSnapshot['contacts'] = [];
    const depth = new Map<string, number>();
    if (!this.source) return { contacts, depth };
    const { engine, store } = this.source;
    for (const { instanceId, counts } of await engine.liveCounts()) {
      contacts.push(...counts.contacts);
      const names = new Map<string, string>();
      for (const q of await store.repos.queues.list(instanceId, ALL_QUEUES, ['STANDARD']))
        names.set(q.QueueId, q.Name);
      for (const name of names.values()) depth.set(name, depth.get(name) ?? 0);
      for (const [queueId, n] of Object.entries(counts.waiting)) {
        const name =
          names.get(queueId) ?? (await store.repos.queues.get(instanceId, queueId))?.Name ?? queueId;
        depth.set(name, (depth.get(name) ?? 0) + n);
      }
    }
    return { contacts, depth };
  }

  private async collectContacts(): Promise<void> {
    const { contacts } = await this.snapshot();
    this.contacts.reset();
    for (const c of contacts) this.contacts.inc({ state: c.state, channel: c.channel }, c.count);
  }

  private async collectDepth(): Promise<void> {
    const { depth } = await this.snapshot();
    this.queueDepth.reset();
    for (const [queue, n] of depth) this.queueDepth.set({ queue }, n);
  }
}

/** How an offer that is no longer open ended: taken, refused, left to time out, or gone (ended, transferred). */
function outcomeOf(contact: Contact, open: OpenOffer, now: number): OfferOutcome {
  if (contact.State === 'CONNECTED') return 'accepted';
  if (now >= open.expiresAt) return 'missed';
  return contact.State === 'QUEUED' || contact.State === 'OFFERED' ? 'rejected' : 'withdrawn';
}
