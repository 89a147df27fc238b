/**
 * One instance's command loop (DESIGN.md "Runtime model"): commands run one at a time; each commits its changes
 * in one store transaction, then updates what others see (timers armed, events published, outside work
 * started). The in-memory indexes are rebuilt from the store on start, and again after a command that failed
 * half-way through changing them.
 */
import { instanceArn, type TimerHandle } from '../core/index.js';
import type { ServiceDeps } from '../instances/context.js';
import { RoutingIndex } from '../routing/routing-index.js';
import { TimerWheel } from '../scheduler/timer-wheel.js';
import type { Timer } from '../store/ports/index.js';
import { FlowCache } from './flow-cache.js';
import { ConfigCache } from './config-cache.js';
import type { EnginePorts } from './events.js';
import { Tx, track, type Live } from './live.js';
import { agentChanged, disconnect, indexWaiting, requeue, route } from './lifecycle.js';
import { loadAgent } from './agent-view.js';
import { deliverTask, lambdaAnswered } from './flow-host.js';
import { hostStateOf } from './host-state.js';
import { fireTimer } from './timers.js';

/** Due timers fired in one command (one transaction), at most. */
const TIMER_BATCH = 100;
/** A command firing timers takes no more once it has run this long (ms, on the clock): see `fire`. */
const TIMER_SLICE_MS = 10;

/**
 * Lets the event loop turn (I/O, timers) before the next command. The store's driver may be synchronous
 * (SQLite): commands queued behind each other would otherwise all run in one chain of promise callbacks, holding
 * the loop for as long as they all take (B7: a burst of calls and queue-flow timers, thousands of sockets).
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class InstanceLoop {
  private live!: Live;
  private chain: Promise<unknown> = Promise.resolve();
  private stale = false;
  private routeTimer: { at: number; handle: TimerHandle } | undefined;
  private stopped = false;
  /** Commands queued or running: one queued behind another first lets the event loop turn. */
  private queued = 0;

  constructor(
    readonly instanceId: string,
    private readonly deps: ServiceDeps,
    private readonly ports: EnginePorts,
  ) {}

  /** The live state, for reads between commands (metrics, snapshots). */
  get state(): Live {
    return this.live;
  }

  /** Rebuilds the indexes from the store, then recovers: offers back to queues, late timers fired, routing. */
  async start(): Promise<void> {
    await this.rebuild();
    // A call's media leg does not survive the process: its caller is gone. Calls end with a recorded reason
    // (one connected to an agent goes to after-contact work); tasks carry on.
    const calls = [...this.live.contacts.values()].filter((c) => c.Channel === 'VOICE');
    const lost = [...this.live.contacts.values()].filter(
      (c) => c.State === 'OFFERED' && c.Channel !== 'VOICE',
    );
    const pending = [...this.live.contacts.values()].filter((c) => hostStateOf(c)?.pending);
    await this.run('recover', async (tx) => {
      for (const c of calls) await disconnect(tx, c, 'TELECOM_PROBLEM');
      for (const c of lost) await requeue(tx, c, 'MISSED');
      for (const c of pending) {
        const token = hostStateOf(c)?.pending?.token ?? '';
        await lambdaAnswered(tx, c.Id, token, {
          ok: false,
          error: 'NoMatchingError',
          message: 'Tsunagi restarted while the function was running',
        });
      }
    });
    await this.fire(this.live.wheel.takeDue(this.deps.clock.now()));
  }

  stop(): void {
    this.stopped = true;
    this.live?.wheel.stop();
    this.routeTimer?.handle.cancel();
  }

  /** Reports a failure no caller sees (the loop goes on). */
  private failed(work: string, contactId?: string): (err: unknown) => void {
    return (err) =>
      this.ports.log.error(
        { instanceId: this.instanceId, ...(contactId && { contactId }), work, err },
        `the engine could not ${work}`,
      );
  }

  /** Runs a command in turn. Its result (or error) is the caller's; the loop goes on either way. */
  run<T>(name: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    const behind = this.queued++ > 0;
    const next = this.chain.then(async () => {
      try {
        if (behind) await nextTurn();
        return await this.execute(name, work);
      } finally {
        this.queued--;
      }
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Waits for every command queued so far (tests, shutdown). */
  async idle(): Promise<void> {
    for (let seen: Promise<unknown> | undefined; seen !== this.chain;) {
      seen = this.chain;
      await seen;
    }
  }

  private async execute<T>(name: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.stopped) throw new Error(`instance ${this.instanceId} is stopped`);
    if (this.stale) await this.rebuild();
    const now = this.deps.clock.now();
    let tx: Tx | undefined;
    try {
      const result = await this.deps.store.transaction(async (repos) => {
        tx = new Tx(this.live, repos, now);
        const value = await work(tx);
        for (let id = tx.deliveries.shift(); id; id = tx.deliveries.shift()) await deliverTask(tx, id);
        await route(tx);
        await tx.flush();
        return value;
      });
      if (tx) this.afterCommit(tx);
      return result;
    } catch (e) {
      if (tx?.touched) this.stale = true;
      throw e;
    } finally {
      this.armRouting();
      void name;
    }
  }

  private afterCommit(tx: Tx): void {
    const { wheel } = this.live;
    for (const t of tx.timersAdded) if (!tx.timersDropped.has(t.Id)) wheel.add(t);
    for (const id of tx.timersDropped) wheel.remove(id);
    // A contact changed several times in one command is published once, as it is after the commit.
    const last = new Map<string, number>();
    tx.events.forEach((e, i) => {
      if (e.type === 'contact') last.set(e.contact.Id, i);
    });
    tx.events.forEach((e, i) => {
      if (e.type !== 'contact') this.ports.events.publish(this.instanceId, e);
      else if (last.get(e.contact.Id) === i)
        this.ports.events.publish(this.instanceId, { type: 'contact', contact: structuredClone(e.contact) });
    });
    for (const work of tx.outside) void work().catch(this.failed('finish work after a commit'));
  }

  /** A Delay running out makes a waiting contact eligible: routing looks again then (an in-memory wake-up). */
  private armRouting(): void {
    if (this.stopped || !this.live) return;
    const at = this.live.index.nextEligibleAt(this.deps.clock.now());
    if (at === undefined || (this.routeTimer && this.routeTimer.at <= at)) return;
    this.routeTimer?.handle.cancel();
    this.routeTimer = {
      at,
      handle: this.deps.clock.setTimer(at, () => {
        this.routeTimer = undefined;
        return this.run('route', () => Promise.resolve()).catch(this.failed('route waiting contacts'));
      }),
    };
  }

  /**
   * Fires due timers, up to TIMER_BATCH per command (many tasks falling due together share transactions), one
   * command after another, in due order. A command stops taking timers once it has run TIMER_SLICE_MS on the clock
   * (the rest go to the next one), so that a wave of timers whose flows are slow to run (thousands of callers in
   * queue flows, B7) does not hold the event loop for a hundred flows at once. If a batch fails, each of its timers
   * runs alone; one that still fails is put off by a minute with a timeline entry, so a poisoned timer never
   * blocks the others or spins.
   */
  private async fire(timers: Timer[]): Promise<void> {
    for (let i = 0; i < timers.length;) i += await this.fireBatch(timers.slice(i, i + TIMER_BATCH));
  }

  /** Fires the first timers of `batch` in one command; how many it fired (each of them, if the command failed). */
  private async fireBatch(batch: Timer[]): Promise<number> {
    let fired = batch.length;
    try {
      await this.run('timers', async (tx) => {
        for (const [i, t] of batch.entries()) {
          if (i > 0 && this.deps.clock.now() - tx.now >= TIMER_SLICE_MS) {
            fired = i;
            return;
          }
          await fireTimer(tx, t);
        }
      });
      return fired;
    } catch {
      await Promise.all(
        batch.map((t) =>
          this.run(`timer ${t.Kind}`, (tx) => fireTimer(tx, t)).catch((err: unknown) => {
            this.failed(`fire a ${t.Kind} timer (put off by a minute)`, t.ContactId)(err);
            return this.postpone(t);
          }),
        ),
      );
      return batch.length;
    }
  }

  private postpone(timer: Timer): Promise<void> {
    return this.run('postpone timer', async (tx) => {
      if (!(await tx.repos.timers.delete(this.instanceId, timer.Id))) return;
      const later = { ...timer, DueAt: tx.now + 60_000 };
      await tx.repos.timers.insert(later);
      tx.timersAdded.push(later);
      if (timer.ContactId)
        await tx.repos.contacts.appendEvent(this.instanceId, {
          ContactId: timer.ContactId,
          Timestamp: tx.now,
          Type: 'TIMER_FAILED',
          Detail: { Kind: timer.Kind, RetryAt: later.DueAt },
        });
    }).catch(this.failed(`put off a ${timer.Kind} timer`, timer.ContactId));
  }

  private async rebuild(): Promise<void> {
    this.live?.wheel.stop();
    const { store, arns } = this.deps;
    const repos = store.repos;
    const instance = await repos.instances.get(this.instanceId);
    const wheel = new TimerWheel(this.deps.clock, (due) => this.fire(due));
    const generation = () => this.deps.store.configurationGeneration();
    const live: Live = {
      instanceId: this.instanceId,
      instanceArn: instance?.Arn ?? instanceArn(arns, this.instanceId),
      deps: this.deps,
      ports: this.ports,
      contacts: new Map(),
      agents: new Map(),
      holding: new Map(),
      holderOf: new Map(),
      counts: { activeTasks: 0 },
      inQueue: new Map(),
      queueOf: new Map(),
      index: new RoutingIndex(),
      wheel,
      flows: new FlowCache(this.instanceId, generation),
      queues: new ConfigCache((repos, id) => repos.queues.get(this.instanceId, id), generation),
      flowRows: new ConfigCache((repos, id) => repos.flows.get(this.instanceId, id), generation),
      later: (name, work) => void this.run(name, work).catch(this.failed(name)),
    };
    for (const c of await repos.contacts.listActive(this.instanceId)) {
      track(live, c);
      if (c.State === 'QUEUED') indexWaiting(live, c);
    }
    for (const state of await repos.agentStates.list(this.instanceId)) {
      const agent = await loadAgent(repos, this.instanceId, state);
      if (agent) live.agents.set(state.UserId, agent);
    }
    this.live = live;
    this.stale = false;
    const tx = new Tx(live, repos, this.deps.clock.now());
    for (const userId of live.agents.keys()) await agentChanged(tx, userId);
    await tx.flush();
    for (const t of await repos.timers.list(this.instanceId)) wheel.add(t);
  }
}
