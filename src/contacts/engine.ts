/**
 * The engine's front: every command on live state, routed to its instance's loop (started on first use, from
 * the store). The API, the agent workspace, the web phone and the CLI all go through here.
 */
import type { ServiceDeps } from '../instances/context.js';
import { requireInstance } from '../instances/context.js';
import { cachedActors, type Actor } from '../access/actor.js';
import type { Contact } from '../store/ports/index.js';
import type { StartTaskInput } from '../tasks/start-task.js';
import { InstanceLoop } from './instance-loop.js';
import {
  EventHub,
  NO_LAMBDAS,
  type EngineLog,
  type EnginePorts,
  type EventSink,
  type LambdaInvoker,
} from './events.js';
import type { Tx } from './live.js';
import * as agents from './agent-commands.js';
import * as tasks from './task-commands.js';
import * as voice from './voice.js';
import { transferById, transferTask, type TransferResult } from './transfer.js';
import { TRANSFER, requirePermission } from '../access/actor.js';
import type { ClientToken } from '../instances/client-token.js';
import { liveCounts, queueMetrics, scheduledTasks, type LiveCounts, type QueueMetrics } from './metrics.js';
import type { RoutingChannel } from '../routing/decide.js';
import type { Live } from './live.js';

function snapshotOf(live: Live, userId: string): AgentSnapshot {
  const a = live.agents.get(userId);
  const contacts = [...(live.holding.get(userId) ?? [])].flatMap((id) => live.contacts.get(id) ?? []);
  const maxSlots: AgentSnapshot['maxSlots'] = {};
  for (const m of a?.profile?.MediaConcurrencies ?? []) maxSlots[m.Channel] = m.Concurrency;
  return {
    userId,
    ...(a && {
      statusId: a.status.AgentStatusId,
      statusName: a.status.Name,
      statusType: a.status.Type,
      statusSince: a.state.StatusSince,
    }),
    ...(a?.profile && { routingProfileId: a.profile.RoutingProfileId }),
    routable: live.index.agent(userId)?.routable ?? false,
    missed: a?.state.Missed ?? false,
    maxSlots,
    contacts: structuredClone(contacts),
  };
}

export interface EngineOptions {
  events?: EventSink;
  lambdas?: LambdaInvoker;
  /** Failures outside any caller (timers, routing): reported with the contact's id. */
  log?: EngineLog;
}

/** Who acts: a user (their security profiles decide), or the system (the API's own checks were made before). */
export type Acting = { userId: string } | undefined;

export interface AgentSnapshot {
  userId: string;
  statusId?: string;
  statusName?: string;
  statusType?: 'ROUTABLE' | 'CUSTOM' | 'OFFLINE';
  /** Since when the status is set (epoch ms). */
  statusSince?: number;
  routable: boolean;
  missed: boolean;
  routingProfileId?: string;
  /** The routing profile's slots per channel. */
  maxSlots: Partial<Record<'VOICE' | 'CHAT' | 'TASK' | 'EMAIL', number>>;
  contacts: Contact[];
}

export class Engine {
  readonly events: EventHub;
  private readonly ports: EnginePorts;
  private readonly actors: (instanceId: string, userId: string) => Promise<Actor>;
  private readonly loops = new Map<string, Promise<InstanceLoop>>();

  constructor(
    private readonly deps: ServiceDeps,
    options: EngineOptions = {},
  ) {
    this.events = new EventHub();
    this.actors = cachedActors(deps.store, deps.clock);
    const outer = options.events;
    this.ports = {
      events: {
        publish: (instanceId, event) => {
          this.events.publish(instanceId, event);
          outer?.publish(instanceId, event);
        },
      },
      lambdas: options.lambdas ?? NO_LAMBDAS,
      log: options.log ?? { error: () => undefined },
    };
  }

  /** The instance's loop, started (rebuilt from the store, late timers fired) on first use. */
  instance(instanceId: string): Promise<InstanceLoop> {
    let loop = this.loops.get(instanceId);
    if (!loop) {
      loop = (async () => {
        await requireInstance(this.deps.store.repos, instanceId);
        const l = new InstanceLoop(instanceId, this.deps, this.ports);
        await l.start();
        return l;
      })();
      loop.catch(() => this.loops.delete(instanceId));
      this.loops.set(instanceId, loop);
    }
    return loop;
  }

  /** Waits until every instance has no command left to run. */
  async idle(): Promise<void> {
    for (const loop of this.loops.values()) await (await loop).idle();
  }

  async stop(): Promise<void> {
    for (const loop of this.loops.values()) {
      const l = await loop.catch(() => undefined);
      if (!l) continue;
      await l.idle();
      l.stop();
    }
    this.loops.clear();
  }

  /** Runs a command; what it returns is a copy (the engine's own objects change with later commands). */
  private async run<T>(instanceId: string, name: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return structuredClone(await (await this.instance(instanceId)).run(name, work));
  }

  private actor(instanceId: string, userId: string): Promise<Actor> {
    return this.actors(instanceId, userId);
  }

  private async maybeActor(instanceId: string, acting: Acting): Promise<Actor | undefined> {
    return acting ? this.actor(instanceId, acting.userId) : undefined;
  }

  // Tasks and contacts

  async startTask(
    instanceId: string,
    input: StartTaskInput,
    options: { clientToken?: string; acting?: Acting } = {},
  ): Promise<Contact> {
    const actor = await this.maybeActor(instanceId, options.acting);
    const r = await this.run(instanceId, 'StartTaskContact', (tx) =>
      tasks.startTask(tx, input, {
        ...(options.clientToken && { clientToken: options.clientToken }),
        ...(actor && { actor }),
      }),
    );
    return structuredClone(r.Contact);
  }

  async reschedule(
    instanceId: string,
    contactId: string,
    scheduledTime: number,
    acting?: Acting,
  ): Promise<Contact> {
    const actor = await this.maybeActor(instanceId, acting);
    return this.run(instanceId, 'UpdateContactSchedule', (tx) =>
      tasks.reschedule(tx, contactId, scheduledTime, actor),
    );
  }

  async updateContact(instanceId: string, contactId: string, changes: tasks.ContactChanges, acting?: Acting) {
    const actor = await this.maybeActor(instanceId, acting);
    return this.run(instanceId, 'UpdateContact', (tx) => tasks.updateContact(tx, contactId, changes, actor));
  }

  updateAttributes(instanceId: string, contactId: string, attributes: Record<string, string>) {
    return this.run(instanceId, 'UpdateContactAttributes', (tx) =>
      tasks.updateAttributes(tx, contactId, attributes),
    );
  }

  async stopContact(instanceId: string, contactId: string, acting?: Acting): Promise<void> {
    const actor = await this.maybeActor(instanceId, acting);
    return this.run(instanceId, 'StopContact', (tx) => tasks.stopContact(tx, contactId, actor));
  }

  // Voice

  dial(instanceId: string, from: string, to: string): Promise<Contact> {
    return this.run(instanceId, 'dial', (tx) => voice.dial(tx, from, to));
  }

  sendDigits(instanceId: string, contactId: string, digits: string): Promise<void> {
    return this.run(instanceId, 'digits', (tx) => voice.sendDigits(tx, contactId, digits));
  }

  hangUp(instanceId: string, contactId: string): Promise<void> {
    return this.run(instanceId, 'hang up', (tx) => voice.hangUp(tx, contactId));
  }

  // Agents

  async setStatus(instanceId: string, userId: string, statusId: string): Promise<void> {
    const actor = await this.actor(instanceId, userId);
    return this.run(instanceId, 'PutUserStatus', (tx) => agents.setStatus(tx, actor, statusId));
  }

  async accept(instanceId: string, userId: string, contactId: string): Promise<Contact> {
    const actor = await this.actor(instanceId, userId);
    return this.run(instanceId, 'accept', (tx) => agents.accept(tx, actor, contactId));
  }

  async reject(instanceId: string, userId: string, contactId: string): Promise<void> {
    const actor = await this.actor(instanceId, userId);
    return this.run(instanceId, 'reject', (tx) => agents.reject(tx, actor, contactId));
  }

  async endContact(instanceId: string, userId: string, contactId: string): Promise<void> {
    const actor = await this.actor(instanceId, userId);
    return this.run(instanceId, 'end', (tx) => agents.endContact(tx, actor, contactId));
  }

  async complete(instanceId: string, userId: string, contactId: string): Promise<void> {
    const actor = await this.actor(instanceId, userId);
    return this.run(instanceId, 'complete', (tx) => agents.complete(tx, actor, contactId));
  }

  async hold(instanceId: string, userId: string, contactId: string, on: boolean): Promise<void> {
    const actor = await this.actor(instanceId, userId);
    return this.run(instanceId, 'hold', (tx) => agents.hold(tx, actor, contactId, on));
  }

  /** An agent transfers their task by quick connect (X1); a failed transfer flow leaves it with them (X2). */
  async transfer(
    instanceId: string,
    userId: string,
    contactId: string,
    quickConnectId: string,
  ): Promise<TransferResult> {
    const actor = await this.actor(instanceId, userId);
    return this.run(instanceId, 'transfer', (tx) => transferTask(tx, actor, contactId, quickConnectId));
  }

  /**
   * TransferContact: a task, wherever it is (queued, offered, connected), to a queue or an agent through a flow.
   * A person doing it needs TransferContact.Enabled. With a ClientToken, a retry gets the first transfer's
   * contact (the token is recorded in the transfer's transaction).
   */
  async transferContact(
    instanceId: string,
    contactId: string,
    target: { QueueId?: string; UserId?: string; ContactFlowId: string },
    acting?: Acting,
    clientToken?: ClientToken,
  ): Promise<TransferResult> {
    const actor = await this.maybeActor(instanceId, acting);
    if (actor) requirePermission(actor, TRANSFER, 'transfer contacts');
    return this.run(instanceId, 'TransferContact', (tx) =>
      transferById(tx, contactId, target, { ...(actor && { actor }), ...(clientToken && { clientToken }) }),
    );
  }

  /** An agent creates a task in the workspace (R2): P1 applies; the task may be scheduled (R3). */
  async createTaskAsAgent(instanceId: string, userId: string, input: StartTaskInput): Promise<Contact> {
    return this.startTask(instanceId, input, { acting: { userId } });
  }

  // Reads of live state

  async agent(instanceId: string, userId: string): Promise<AgentSnapshot> {
    return snapshotOf((await this.instance(instanceId)).state, userId);
  }

  /** Every agent with a status (they set one since they were created), as `agent` gives one. */
  async agents(instanceId: string): Promise<AgentSnapshot[]> {
    const live = (await this.instance(instanceId)).state;
    return [...live.agents.keys()].map((userId) => snapshotOf(live, userId));
  }

  async queueMetrics(instanceId: string, queueId: string, channel?: RoutingChannel): Promise<QueueMetrics> {
    const loop = await this.instance(instanceId);
    return queueMetrics(loop.state, queueId, this.deps.clock.now(), channel);
  }

  /** The scheduled tasks waiting for their time: how many, and per queue where the queue is known. */
  async scheduledTasks(instanceId: string): Promise<{ total: number; byQueue: Record<string, number> }> {
    return scheduledTasks((await this.instance(instanceId)).state);
  }

  /** Live contacts by state and channel and waiting per queue, for every running instance (metrics scrapes). */
  async liveCounts(): Promise<{ instanceId: string; counts: LiveCounts }[]> {
    const out: { instanceId: string; counts: LiveCounts }[] = [];
    for (const [instanceId, loop] of this.loops) {
      const l = await loop.catch(() => undefined);
      if (l) out.push({ instanceId, counts: liveCounts(l.state) });
    }
    return out;
  }

  /** The contact as the engine holds it now (active ones), else as stored. */
  async contact(instanceId: string, contactId: string): Promise<Contact | undefined> {
    const live = (await this.instance(instanceId)).state;
    const c =
      live.contacts.get(contactId) ?? (await this.deps.store.repos.contacts.get(instanceId, contactId));
    return c && structuredClone(c);
  }
}
