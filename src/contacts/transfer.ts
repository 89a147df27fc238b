/**
 * Transfers by quick connect (rules X1, X2): the quick connect's flow runs on a new segment of the task, with the
 * target (the agent's queue or the queue) set as its working queue. Only when that flow reaches Transfer to queue
 * does the new contact exist (InitiationMethod TRANSFER, PreviousContactId the old one) and the old one end; when
 * it fails — a block that does not run on the TASK channel, say — nothing changes, the task stays with the agent,
 * and the agent is told why.
 */
import { ConnectError, idFromIdOrArn, invalidRequest, notFound, resourceArn } from '../core/index.js';
import { runFlow } from '../flows/runtime/run.js';
import { newFrame } from '../flows/runtime/state.js';
import type { FlowEffect, RequestResult, RunResult } from '../flows/runtime/protocol.js';
import type { Contact, Queue } from '../store/ports/index.js';
import { TRANSFER, requireAgent, requirePermission, type Actor } from '../access/actor.js';
import { appendEvent, insertContact, type Tx } from './live.js';
import { enqueue, finish } from './lifecycle.js';
import { contactStateOf, startFlow } from './flow-host.js';
import { answerRequest, queueInfo } from './requests.js';
import { ownContact } from './agent-commands.js';
import { firstAnswer, recordAnswer, type ClientToken } from '../instances/client-token.js';

export type TransferResult = { transferred: true; contact: Contact } | { transferred: false; reason: string };

async function targetOf(tx: Tx, quickConnectId: string): Promise<TransferTarget> {
  const { live, repos } = tx;
  const id = idFromIdOrArn(quickConnectId);
  const qc = await repos.quickConnects.get(live.instanceId, id);
  if (!qc) throw notFound('Quick connect', id, 'QuickConnectId');
  const c = qc.QuickConnectConfig;
  const queue = c.UserConfig
    ? await repos.queues.findAgentQueue(live.instanceId, c.UserConfig.UserId)
    : c.QueueConfig
      ? await repos.queues.get(live.instanceId, c.QueueConfig.QueueId)
      : undefined;
  const flowId = c.UserConfig?.ContactFlowId ?? c.QueueConfig?.ContactFlowId;
  if (!queue || !flowId)
    throw invalidRequest(
      `quick connect ${qc.Name} is a ${c.QuickConnectType} quick connect: tasks go to a user or a queue`,
    );
  return { queue, flowId, name: qc.Name };
}

/** Why a transfer flow did not reach Transfer to queue, in words for the agent. */
function failureReason(effects: FlowEffect[], status: RunResult['status'], flowName: string): string {
  const failed = [...effects]
    .reverse()
    .find((e) => e.type === 'action' && !['Success', 'End', ''].includes(e.branch));
  const block =
    failed && failed.type === 'action'
      ? `block ${failed.actionId} (${failed.actionType}) took ${failed.branch}`
      : undefined;
  if (status.kind === 'ended' && status.outcome.type === 'error')
    return `the transfer flow ${flowName} stopped: ${block ?? status.outcome.error} — it has a block that does not run on the TASK channel or failed`;
  if (status.kind === 'waiting')
    return `the transfer flow ${flowName} waits for input, which a task cannot give`;
  return `the transfer flow ${flowName} ended without Transfer to queue${block ? ` (${block})` : ''}`;
}

/** Where a transfer goes: a queue (an agent's own queue for a user) through a transfer flow. */
export interface TransferTarget {
  queue: Queue;
  flowId: string;
  /** For the timeline and the agent's notice: the quick connect's name, or the target's. */
  name: string;
}

/** TransferContact's target: QueueId or UserId (exactly one), and the flow to run. */
export async function directTarget(
  tx: Tx,
  target: { QueueId?: string; UserId?: string; ContactFlowId: string },
): Promise<TransferTarget> {
  const { live, repos } = tx;
  if (!target.QueueId === !target.UserId)
    throw invalidRequest('give QueueId or UserId, not both and not neither');
  const queue = target.UserId
    ? await repos.queues.findAgentQueue(live.instanceId, idFromIdOrArn(target.UserId))
    : await repos.queues.get(live.instanceId, idFromIdOrArn(target.QueueId ?? ''));
  if (!queue)
    throw target.UserId
      ? notFound('User', target.UserId, 'UserId')
      : notFound('Queue', target.QueueId ?? '', 'QueueId');
  return { queue, flowId: idFromIdOrArn(target.ContactFlowId), name: queue.Name };
}

/** An agent transfers their connected task by quick connect (X1); a supervisor may name any task. */
export async function transferTask(
  tx: Tx,
  actor: Actor,
  contactId: string,
  quickConnectId: string,
  asSupervisor = false,
): Promise<TransferResult> {
  if (asSupervisor) requirePermission(actor, TRANSFER, 'transfer contacts');
  else requireAgent(actor);
  const old = asSupervisor
    ? tx.live.contacts.get(contactId)
    : ownContact(tx, actor, contactId, ['CONNECTED']);
  if (!old) throw notFound('Contact', contactId, 'ContactId');
  return transferContact(tx, old, await targetOf(tx, quickConnectId), actor);
}

/**
 * TransferContact by contact id (the API's). With a ClientToken, a retry with the same request gets the first
 * transfer's new contact, and the token with another request is refused (IdempotencyException); the token is
 * recorded in this command's transaction, with the transfer, so a crash keeps both or neither. A transfer whose
 * flow fails (X2) records nothing.
 */
export async function transferById(
  tx: Tx,
  contactId: string,
  to: { QueueId?: string; UserId?: string; ContactFlowId: string },
  options: { actor?: Actor; clientToken?: ClientToken } = {},
): Promise<TransferResult> {
  const { live, repos } = tx;
  const { clientToken } = options;
  const scope = { instanceId: live.instanceId, operation: 'TransferContact' };
  if (clientToken) {
    const seen = await firstAnswer(repos, scope, clientToken);
    if (seen) {
      const id = (seen.response as { ContactId: string }).ContactId;
      const contact = live.contacts.get(id) ?? (await repos.contacts.get(live.instanceId, id));
      if (!contact) throw notFound('Contact', id, 'ContactId');
      return { transferred: true, contact };
    }
  }
  const old = live.contacts.get(contactId);
  if (!old) throw notFound('Contact', contactId, 'ContactId');
  const result = await transferContact(tx, old, await directTarget(tx, to), options.actor);
  if (clientToken && result.transferred) {
    const { Id: ContactId, Arn: ContactArn } = result.contact;
    await recordAnswer(repos, scope, clientToken, { ContactId, ContactArn }, tx.now);
  }
  return result;
}

/**
 * TransferContact's meaning for a task: from its agent or its queue (connected, offered or waiting) to a queue or
 * an agent, through `target`'s flow. An agent's failed transfer leaves the task with them, told why (X2).
 */
export async function transferContact(
  tx: Tx,
  old: Contact,
  target: TransferTarget,
  actor?: Actor,
): Promise<TransferResult> {
  const { live } = tx;
  const contactId = old.Id;
  if (old.Channel !== 'TASK') throw invalidRequest('only tasks are transferred here');
  if (!['QUEUED', 'OFFERED', 'CONNECTED'].includes(old.State))
    throw invalidRequest(
      `contact ${contactId} is ${old.State.toLowerCase()}: only a queued or connected task is transferred`,
    );
  if (old.TransferCount >= live.deps.limits.transfersPerTask)
    throw new ConnectError(
      'ServiceQuotaExceededException',
      `task ${contactId} was transferred ${old.TransferCount} times, the most allowed`,
    );
  const id = live.deps.ids.next();
  const segment: Contact = {
    ...structuredClone({ ...old, FlowState: undefined }),
    Id: id,
    Arn: resourceArn(live.deps.arns, live.instanceId, 'contact', id),
    InitiationMethod: 'TRANSFER',
    State: 'IN_FLOW',
    PreviousContactId: old.Id,
    InitiationTimestamp: tx.now,
    LastUpdateTimestamp: tx.now,
    TransferCount: old.TransferCount + 1,
    ContactFlowId: target.flowId,
  };
  for (const k of [
    'AgentId',
    'QueueId',
    'EnqueueTimestamp',
    'OfferedTimestamp',
    'ConnectedToAgentTimestamp',
    'AfterContactWorkStartTimestamp',
    'AfterContactWorkEndTimestamp',
    'DisconnectTimestamp',
    'DisconnectReason',
    'RelatedContactId',
    'FlowState',
    'QueueFlowState',
  ] as const)
    delete segment[k];

  const loaded = await live.flows.load(tx.repos, target.flowId);
  const type = live.flows.get(target.flowId)?.type;
  const fail = async (reason: string): Promise<TransferResult> => {
    await appendEvent(tx, old.Id, 'TRANSFER_FAILED', { Target: target.name, Reason: reason });
    const told = old.AgentId ?? actor?.userId;
    if (told) tx.publish({ type: 'notice', userId: told, contactId: old.Id, message: reason });
    return { transferred: false, reason };
  };
  if (!loaded.ok || !type)
    return fail(`the quick connect's flow cannot run: ${loaded.ok ? 'unknown type' : loaded.message}`);

  const state = { contact: contactStateOf(live, segment), frame: newFrame(target.flowId, type) };
  state.contact.Queue = queueInfo(target.queue);
  state.contact.TargetQueue = { queueId: target.queue.QueueId };
  const effects: FlowEffect[] = [];
  let result = runFlow(live.flows, state, { type: 'start' });
  for (;;) {
    effects.push(...result.effects);
    if (result.status.kind !== 'request') break;
    const request = result.status.request;
    const answer: RequestResult =
      request.type === 'CreateTask' || request.type === 'InvokeLambda'
        ? { ok: false, error: 'NoMatchingError', message: `${request.type} does not run in a transfer flow` }
        : await answerRequest(tx, segment, request);
    result = runFlow(live.flows, result.state, { type: 'result', result: answer });
  }
  const status = result.status;
  if (status.kind !== 'ended' || status.outcome.type !== 'queued')
    return fail(failureReason(effects, status, live.flows.name(target.flowId) ?? target.flowId));

  segment.Attributes = { ...result.state.contact.Attributes };
  segment.FlowState = { contact: result.state.contact };
  await insertContact(tx, segment);
  await appendEvent(tx, id, 'INITIATED', {
    InitiationMethod: 'TRANSFER',
    PreviousContactId: old.Id,
    Target: target.name,
  });
  await appendEvent(tx, old.Id, 'TRANSFERRED', {
    NextContactId: id,
    Target: target.name,
    ...(actor && { UserId: actor.userId }),
  });
  await finish(tx, old, 'ENDED', 'TRANSFER');
  await enqueue(tx, segment, status.outcome.queue);
  const hook = result.state.contact.EventHooks.CustomerQueue;
  if (hook) await startFlow(tx, segment, 'queue', hook);
  return { transferred: true, contact: segment };
}
