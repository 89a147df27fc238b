import type { FlowDocument, FlowType } from './model.js';
import type { FlowEffect, FlowLibrary, FlowOutcome, FlowRequest, RequestResult } from './runtime/protocol.js';
import { runFlow } from './runtime/run.js';
import { newContact, newFrame, type ContactState, type QueueInfo, type RunState } from './runtime/state.js';

/** A flow the simulator knows, under every name it may be referred to by (id, ARN's last segment, name). */
export interface SimFlow {
  id: string;
  names: string[];
  type: FlowType;
  flow: FlowDocument;
}

export interface SimulationOptions {
  /** Key presses, consumed one entry per input the flow asks for ("2", "1234#"). */
  inputs?: string[];
  attributes?: Record<string, string>;
  callerNumber?: string;
  dialledNumber?: string;
  channel?: ContactState['Channel'];
  /** What CheckHoursOfOperation answers (default: open). */
  hoursOpen?: boolean;
  /** Seed of DistributeByPercentage. */
  seed?: number;
  /** How long a queued caller is followed in simulated seconds before the simulation stops (default 600). */
  maxQueueSeconds?: number;
  /** Answers for InvokeLambdaFunction by function ARN (or its last segment); unlisted functions fail. */
  lambdas?: Record<string, Record<string, unknown>>;
  /** The queue a contact is in when the flow started is a customer queue flow (default `SimulatedQueue`). */
  queue?: string;
  /** Answers requests before the simulator's own defaults do (undefined: use the default). */
  respond?: (
    request: FlowRequest,
    contact: ContactState,
  ) => RequestResult | undefined | Promise<RequestResult | undefined>;
}

export type SimEvent =
  | FlowEffect
  | { type: 'input'; digits: string; at: number }
  | { type: 'timeout'; at: number }
  | { type: 'request'; request: FlowRequest; result: RequestResult }
  | { type: 'ended'; flowId: string; outcome: FlowOutcome };

export type SimulationOutcome =
  | { type: 'disconnected'; reason: string }
  | { type: 'queued'; queue: QueueInfo; queueFlowId?: string; waitedSeconds: number }
  | { type: 'transferred'; to: string }
  | { type: 'ended'; detail: string }
  | { type: 'error'; actionId: string; error: string };

export interface SimulationResult {
  events: SimEvent[];
  outcome: SimulationOutcome;
  contact: ContactState;
  tasks: { contactId: string; request: unknown }[];
  /** Simulated seconds from the call's start to the end of the simulation. */
  seconds: number;
}

class Library implements FlowLibrary {
  private readonly byName = new Map<string, SimFlow>();
  constructor(flows: SimFlow[]) {
    for (const f of flows) for (const n of [f.id, ...f.names]) this.byName.set(n, f);
  }
  find(ref: string): SimFlow | undefined {
    return this.byName.get(ref) ?? this.byName.get(ref.split('/').pop() ?? ref);
  }
  get(flowId: string) {
    const f = this.find(flowId);
    return f && { flow: f.flow, type: f.type };
  }
}

const lastSegment = (ref: string): string => ref.split('/').pop() ?? ref;
/** `arn:aws:lambda:region:account:function:name[:alias]` → `name`. */
const functionName = (arn: string): string => arn.split(':function:')[1]?.split(':')[0] ?? lastSegment(arn);
/** The ARN a simulated queue has: the reference itself when it is one, else one made from it. */
const queueArn = (ref: string): string =>
  ref.startsWith('arn:') ? ref : `arn:aws:connect:us-east-1:000000000000:instance/simulator/queue/${ref}`;

/**
 * Runs a flow for a scripted caller, with no server: the world outside the flow answers as the simulator
 * decides (queues exist, tasks are created, no agent ever answers). Once the caller is queued, the customer
 * queue flow that the event hook set runs, for `maxQueueSeconds` of simulated time.
 */
export async function simulate(
  entry: SimFlow,
  others: SimFlow[],
  options: SimulationOptions = {},
): Promise<SimulationResult> {
  const library = new Library([entry, ...others]);
  const inputs = [...(options.inputs ?? [])];
  const events: SimEvent[] = [];
  const tasks: SimulationResult['tasks'] = [];
  let now = 0;
  let taskSeq = 0;
  const contact = newContact({
    ContactId: 'sim-contact-1',
    Channel: options.channel ?? 'VOICE',
    InitiationMethod: options.channel === 'TASK' ? 'API' : 'INBOUND',
    Attributes: { ...(options.attributes ?? {}) },
    ...((options.channel ?? 'VOICE') === 'VOICE' && {
      CustomerEndpoint: { Address: options.callerNumber ?? '+815012345678', Type: 'TELEPHONE_NUMBER' },
      SystemEndpoint: { Address: options.dialledNumber ?? '+81312345678', Type: 'TELEPHONE_NUMBER' },
    }),
  });

  const answer = async (request: FlowRequest, state: RunState): Promise<RequestResult> =>
    (await options.respond?.(request, state.contact)) ?? defaults(request);
  const defaults = (request: FlowRequest): RequestResult => {
    switch (request.type) {
      case 'ResolveQueue': {
        const ref = request.target.queueId ?? request.target.agentId ?? '';
        return { ok: true, data: { queue: { Id: ref, Name: lastSegment(ref), ARN: queueArn(ref) } } };
      }
      case 'Enqueue':
        return { ok: true, data: { queue: request.queue } };
      case 'DequeueToQueue': {
        const ref = request.target.queueId ?? request.target.agentId ?? '';
        return { ok: true, data: { queue: { Id: ref, Name: lastSegment(ref), ARN: queueArn(ref) } } };
      }
      case 'CheckHours':
        return { ok: true, value: options.hoursOpen === false ? 'False' : 'True' };
      case 'QueueMetric':
        return { ok: true, value: '0' };
      case 'LoadMetrics':
        return {
          ok: true,
          data: {
            Queue: { Size: 0, OldestContactAge: 0 },
            Agents: { Online: { Count: 0 }, Available: { Count: 0 }, Staffed: { Count: 0 } },
          },
        };
      case 'InvokeLambda': {
        const lambdas = options.lambdas ?? {};
        const data = lambdas[request.functionArn] ?? lambdas[functionName(request.functionArn)];
        return data
          ? { ok: true, data }
          : {
              ok: false,
              error: 'NoMatchingError',
              message: `no function registered for ${request.functionArn}`,
            };
      }
      case 'CreateTask': {
        const contactId = `sim-task-${++taskSeq}`;
        tasks.push({ contactId, request: request.task });
        return { ok: true, data: { contactId } };
      }
      case 'CreateCallback':
        return { ok: true, data: { contactId: `sim-callback-${++taskSeq}` } };
      case 'LoadFlow':
        return library.get(request.flowId)
          ? { ok: true }
          : { ok: false, error: 'NoMatchingError', message: `flow ${request.flowId} is not in --flows` };
    }
  };

  /** Runs one flow on the contact until it ends (following waits, timers and requests). */
  const runOne = async (
    state: RunState,
    stopAt: number,
  ): Promise<{ state: RunState; outcome?: FlowOutcome }> => {
    let result = runFlow(library, state, { type: 'start' });
    let timerDue: number | undefined;
    let fed = false;
    for (;;) {
      events.push(...result.effects);
      const status = result.status;
      if (status.kind === 'ended') {
        events.push({ type: 'ended', flowId: result.state.frame.flowId, outcome: status.outcome });
        return { state: result.state, outcome: status.outcome };
      }
      if (status.kind === 'request') {
        const res = await answer(status.request, result.state);
        events.push({ type: 'request', request: status.request, result: res });
        result = runFlow(library, result.state, { type: 'result', result: res });
        continue;
      }
      if (status.timerMs !== undefined) timerDue = now + status.timerMs;
      else if (!status.keepTimer) timerDue = undefined;
      // One script entry per prompt that asks: after an entry, a stored input still collecting waits for its timer.
      const samePrompt = fed && !result.effects.some((e) => e.type === 'action');
      if (status.wait.kind === 'input' && inputs.length > 0 && !samePrompt) {
        const digits = inputs.shift() ?? '';
        events.push({ type: 'input', digits, at: now });
        result = runFlow(library, result.state, { type: 'digits', digits });
        fed = true;
        continue;
      }
      fed = false;
      if (timerDue === undefined || timerDue > stopAt) {
        if (Number.isFinite(stopAt)) now = Math.max(now, stopAt);
        return { state: result.state };
      }
      now = timerDue;
      events.push({ type: 'timeout', at: now });
      result = runFlow(library, result.state, { type: 'timer' });
    }
  };

  if (entry.type === 'CUSTOMER_QUEUE') {
    const queue = options.queue ?? 'SimulatedQueue';
    contact.Queue = { Id: queue, Name: lastSegment(queue), ARN: queueArn(queue) };
    contact.TargetQueue = { queueId: queue };
  }
  let state: RunState = { contact, frame: newFrame(entry.id, entry.type, options.seed ?? 1) };
  const first = await runOne(state, Number.POSITIVE_INFINITY);
  state = first.state;
  const finish = (outcome: SimulationOutcome): SimulationResult => ({
    events,
    outcome,
    contact: state.contact,
    tasks,
    seconds: now / 1000,
  });
  const outcome = first.outcome;
  if (!outcome)
    return finish({ type: 'ended', detail: 'the flow is waiting and the script has nothing more to give' });
  if (outcome.type !== 'queued') return finish(toSimOutcome(outcome));

  // Queued: run the customer queue flow, restarting it when it ends with Resume, until time runs out.
  const queuedAt = now;
  const stopAt = now + (options.maxQueueSeconds ?? 600) * 1000;
  const hook = state.contact.EventHooks.CustomerQueue;
  const queueFlow = hook ? library.find(hook) : undefined;
  const queued = (): SimulationResult =>
    finish({
      type: 'queued',
      queue: outcome.queue,
      ...(queueFlow && { queueFlowId: queueFlow.id }),
      waitedSeconds: (now - queuedAt) / 1000,
    });
  if (!queueFlow) return queued();
  for (;;) {
    const before = now;
    const run = await runOne(
      { contact: state.contact, frame: newFrame(queueFlow.id, queueFlow.type, options.seed ?? 1) },
      stopAt,
    );
    state = { contact: run.state.contact, frame: state.frame };
    const o = run.outcome;
    if (!o) return queued();
    if (o.type !== 'resume' || now === before)
      return o.type === 'resume' ? queued() : finish(toSimOutcome(o));
  }
}

function toSimOutcome(outcome: FlowOutcome): SimulationOutcome {
  switch (outcome.type) {
    case 'disconnect':
      return { type: 'disconnected', reason: outcome.reason };
    case 'queued':
      return { type: 'queued', queue: outcome.queue, waitedSeconds: 0 };
    case 'dequeued':
      return { type: 'transferred', to: `queue ${outcome.queue.Name ?? outcome.queue.Id}` };
    case 'transferToAgent':
      return { type: 'transferred', to: 'agent' };
    case 'transferToPhoneNumber':
      return { type: 'transferred', to: outcome.phoneNumber };
    case 'resume':
      return { type: 'ended', detail: 'the flow ended and the contact goes on (Resume)' };
    case 'error':
      return { type: 'error', actionId: outcome.actionId, error: outcome.error };
  }
}
