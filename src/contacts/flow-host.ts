/**
 * Runs flows on contacts inside the instance loop: the interpreter (`runFlow`, pure) decides; this host answers
 * its requests, stores its waiting state and timers, tells the caller its prompts, and acts on how it ended
 * (docs/ENGINE.md). A contact runs one flow (inbound, task, transfer) and, while queued, its customer queue flow.
 */
import { runFlow } from '../flows/runtime/run.js';
import { newContact, newFrame, type ContactState } from '../flows/runtime/state.js';
import type { FlowEvent, FlowOutcome, RequestResult, RunResult } from '../flows/runtime/protocol.js';
import type { Contact } from '../store/ports/index.js';
import { addTimer, appendEvent, dropTimers, saveContact, type Live, type Tx } from './live.js';
import { agentChanged, disconnect, enqueue, unindexWaiting } from './lifecycle.js';
import { answerRequest, queueInfo } from './requests.js';
import { hostStateOf, type HostState } from './host-state.js';

export type Slot = 'main' | 'queue';

/** A run that never waits is stopped after this many actions (a flow looping on itself). */
const MAX_ACTIONS = 5000;

export function contactStateOf(live: Live, contact: Contact): ContactState {
  return newContact({
    ContactId: contact.Id,
    Channel: contact.Channel,
    InitiationMethod: contact.InitiationMethod,
    InitialContactId: contact.InitialContactId,
    ...(contact.PreviousContactId && { PreviousContactId: contact.PreviousContactId }),
    ...(contact.RelatedContactId && { RelatedContactId: contact.RelatedContactId }),
    InstanceARN: live.instanceArn,
    ...(contact.CustomerEndpoint && {
      CustomerEndpoint: { Address: contact.CustomerEndpoint.Address, Type: contact.CustomerEndpoint.Type },
    }),
    ...(contact.SystemEndpoint && {
      SystemEndpoint: { Address: contact.SystemEndpoint.Address, Type: contact.SystemEndpoint.Type },
    }),
    ...(contact.Name !== undefined && { Name: contact.Name }),
    ...(contact.Description !== undefined && { Description: contact.Description }),
    References: { ...contact.References },
    Attributes: { ...contact.Attributes },
    Tags: { ...contact.Tags },
  });
}

/** What others may have changed on the row since the flow last ran (UpdateContact, UpdateContactAttributes). */
function refresh(state: ContactState, contact: Contact): void {
  state.Attributes = { ...contact.Attributes };
  state.References = { ...contact.References };
  if (contact.Name !== undefined) state.Name = contact.Name;
  if (contact.Description !== undefined) state.Description = contact.Description;
}

/** What a flow changed that the contact's row holds. */
function syncBack(contact: Contact, state: ContactState): void {
  contact.Attributes = { ...state.Attributes };
  contact.References = { ...state.References };
  if (state.Name !== undefined) contact.Name = state.Name;
  if (state.Description !== undefined) contact.Description = state.Description;
  if (state.QueuePriority !== undefined) contact.QueuePriority = state.QueuePriority;
  if (state.QueueTimeAdjustmentSeconds !== undefined)
    contact.QueueTimeAdjustmentSeconds = state.QueueTimeAdjustmentSeconds;
}

function hostOf(live: Live, contact: Contact): HostState {
  const host = hostStateOf(contact) ?? { contact: contactStateOf(live, contact) };
  contact.FlowState = host;
  return host;
}

/** Starts a flow on the contact in a slot; a flow that cannot be loaded ends the contact's flow with a reason. */
export async function startFlow(tx: Tx, contact: Contact, slot: Slot, flowId: string): Promise<void> {
  const { live } = tx;
  const loaded = await live.flows.load(tx.repos, flowId);
  const host = hostOf(live, contact);
  const type = live.flows.get(flowId)?.type;
  if (!loaded.ok || !type) {
    await appendEvent(tx, contact.Id, 'FLOW_ERROR', {
      slot,
      ContactFlowId: flowId,
      Message: loaded.ok ? '' : loaded.message,
    });
    if (slot === 'main') await disconnect(tx, contact, 'OTHER');
    return;
  }
  // A task made with a quick connect starts with the quick connect's queue as its working queue.
  if (slot === 'main' && contact.QueueId && !host.contact.TargetQueue) {
    const queue = await tx.repos.queues.get(live.instanceId, contact.QueueId);
    if (queue) {
      host.contact.Queue = queueInfo(queue);
      host.contact.TargetQueue = { queueId: queue.QueueId };
    }
  }
  host[slot] = newFrame(flowId, type, seedOf(contact.Id));
  if (slot === 'queue') host.queueStartedAt = tx.now;
  await appendEvent(tx, contact.Id, 'FLOW_STARTED', {
    slot,
    ContactFlowId: flowId,
    Name: live.flows.name(flowId),
  });
  await drive(tx, contact, slot, host, { type: 'start' });
}

/** Wakes a waiting flow with keys, its timer, or the answer to its request. */
export async function resumeFlow(tx: Tx, contact: Contact, slot: Slot, event: FlowEvent): Promise<boolean> {
  const host = hostStateOf(contact);
  const frame = host?.[slot];
  if (!host || !frame) return false;
  // After a restart the cache is empty: the flow and the modules it is inside are loaded again.
  for (const id of [frame.flowId, ...frame.modules.map((m) => m.flowId)])
    await tx.live.flows.load(tx.repos, id);
  await drive(tx, contact, slot, host, event);
  return true;
}

/** A Lambda function's answer, back in the loop; dropped when the contact moved on meanwhile. */
export async function lambdaAnswered(
  tx: Tx,
  contactId: string,
  token: string,
  result: RequestResult,
): Promise<void> {
  const contact = tx.live.contacts.get(contactId);
  const host = contact && hostStateOf(contact);
  if (!contact || !host?.pending || host.pending.token !== token) return;
  const slot = host.pending.slot;
  delete host.pending;
  await resumeFlow(tx, contact, slot, { type: 'result', result });
}

async function drive(tx: Tx, contact: Contact, slot: Slot, host: HostState, event: FlowEvent): Promise<void> {
  const { live } = tx;
  const frame = host[slot];
  if (!frame) return;
  refresh(host.contact, contact);
  let result: RunResult = runFlow(live.flows, { contact: host.contact, frame }, event, {
    maxActions: MAX_ACTIONS,
  });
  for (;;) {
    host.contact = result.state.contact;
    host[slot] = result.state.frame;
    syncBack(contact, result.state.contact);
    for (const e of result.effects) {
      if (e.type === 'prompt' && contact.Channel === 'VOICE')
        tx.publish({
          type: 'prompt',
          contactId: contact.Id,
          text: e.text,
          ssml: e.ssml,
          ...(e.voice && { voice: e.voice }),
        });
    }
    const status = result.status;
    if (status.kind === 'request') {
      if (status.request.type === 'InvokeLambda') {
        await callOutside(tx, contact, slot, host, status.request);
        return;
      }
      const answer = await answerRequest(tx, contact, status.request);
      result = runFlow(
        live.flows,
        result.state,
        { type: 'result', result: answer },
        { maxActions: MAX_ACTIONS },
      );
      continue;
    }
    if (status.kind === 'waiting') {
      if (status.timerMs !== undefined) {
        await dropTimers(tx, contact.Id, 'flow');
        await addTimer(tx, 'flow', tx.now + status.timerMs, { contactId: contact.Id }, { slot });
      } else if (!status.keepTimer) await dropTimers(tx, contact.Id, 'flow');
      await saveContact(tx, contact);
      return;
    }
    delete host[slot];
    await dropTimers(tx, contact.Id, 'flow');
    await appendEvent(tx, contact.Id, 'FLOW_ENDED', {
      slot,
      Outcome: status.outcome.type,
      ...outcomeDetail(status.outcome),
    });
    if (slot === 'main') await mainEnded(tx, contact, host, status.outcome);
    else await queueFlowEnded(tx, contact, host, status.outcome);
    return;
  }
}

function outcomeDetail(outcome: FlowOutcome): Record<string, unknown> {
  return outcome.type === 'error' ? { ActionId: outcome.actionId, Error: outcome.error } : {};
}

async function callOutside(
  tx: Tx,
  contact: Contact,
  slot: Slot,
  host: HostState,
  request: Extract<RunResult['status'], { kind: 'request' }>['request'] & { type: 'InvokeLambda' },
): Promise<void> {
  const { live } = tx;
  const token = live.deps.ids.next();
  host.pending = { slot, token };
  await saveContact(tx, contact);
  const snapshot = structuredClone(host.contact);
  const contactId = contact.Id;
  tx.outside.push(async () => {
    let result: RequestResult;
    try {
      result = await live.ports.lambdas.invoke(request, snapshot);
    } catch (e) {
      result = { ok: false, error: 'NoMatchingError', message: e instanceof Error ? e.message : String(e) };
    }
    live.later('lambda answer', (tx2) => lambdaAnswered(tx2, contactId, token, result));
  });
}

async function mainEnded(tx: Tx, contact: Contact, host: HostState, outcome: FlowOutcome): Promise<void> {
  switch (outcome.type) {
    case 'queued':
    case 'dequeued': {
      host.contact.Queue = outcome.queue;
      await enqueue(tx, contact, outcome.queue);
      const hook = host.contact.EventHooks.CustomerQueue;
      if (hook) await startFlow(tx, contact, 'queue', hook);
      return;
    }
    case 'error':
      await disconnect(tx, contact, 'OTHER');
      return;
    default:
      await disconnect(tx, contact, 'CONTACT_FLOW_DISCONNECT');
  }
}

async function queueFlowEnded(
  tx: Tx,
  contact: Contact,
  host: HostState,
  outcome: FlowOutcome,
): Promise<void> {
  const waiting = contact.State === 'QUEUED' || contact.State === 'OFFERED';
  if (!waiting) return;
  switch (outcome.type) {
    case 'resume': {
      // Connect plays the customer queue flow again from the start, as long as the caller waits: only a run
      // that waited at all (a loop prompt, a Wait) restarts, so a flow that ends at once does not spin.
      const hook = host.contact.EventHooks.CustomerQueue;
      const waited = (host.queueStartedAt ?? tx.now) < tx.now;
      if (hook && waited) await startFlow(tx, contact, 'queue', hook);
      else await saveContact(tx, contact);
      return;
    }
    case 'disconnect':
      await disconnect(tx, contact, 'CONTACT_FLOW_DISCONNECT');
      return;
    case 'queued':
    case 'dequeued': {
      await withdrawOffer(tx, contact);
      host.contact.Queue = outcome.queue;
      await enqueue(tx, contact, outcome.queue);
      const hook = host.contact.EventHooks.CustomerQueue;
      if (hook) await startFlow(tx, contact, 'queue', hook);
      return;
    }
    default:
      await saveContact(tx, contact); // an error ends the queue flow; the contact keeps waiting
  }
}

/** An offer taken back (the contact moved on before the agent answered). */
async function withdrawOffer(tx: Tx, contact: Contact): Promise<void> {
  if (contact.State !== 'OFFERED') {
    unindexWaiting(tx.live, contact);
    return;
  }
  const agentId = contact.AgentId;
  await dropTimers(tx, contact.Id, 'offer');
  contact.State = 'QUEUED';
  delete contact.AgentId;
  delete contact.OfferedTimestamp;
  await saveContact(tx, contact, { type: 'OFFER_WITHDRAWN', detail: { AgentId: agentId } });
  if (agentId) await agentChanged(tx, agentId);
}

/** Starts a task's flow: now (created for now) or at its scheduled time. */
export async function deliverTask(tx: Tx, contactId: string): Promise<void> {
  const contact = tx.live.contacts.get(contactId);
  if (!contact || (contact.State !== 'INITIATED' && contact.State !== 'SCHEDULED')) return;
  const wasScheduled = contact.State === 'SCHEDULED';
  contact.State = 'IN_FLOW';
  await dropTimers(tx, contact.Id, 'deliver');
  await saveContact(tx, contact, { type: wasScheduled ? 'DELIVERED' : 'IN_FLOW', detail: {} });
  if (contact.ContactFlowId) await startFlow(tx, contact, 'main', contact.ContactFlowId);
  else await disconnect(tx, contact, 'OTHER');
}

/** A stable seed per contact for DistributeByPercentage. */
function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0 || 1;
}
