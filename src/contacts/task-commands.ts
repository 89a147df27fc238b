/**
 * Tasks in the engine: StartTaskContact (and the workspace's Create task), UpdateContactSchedule, UpdateContact,
 * UpdateContactAttributes and StopContact, with Connect's rules (R1–R5, T2, P1, P2).
 */
import { createHash } from 'node:crypto';
import {
  ConnectError,
  canonicalJson,
  MAX_ATTRIBUTE_BYTES,
  attributeBytes,
  invalidParameter,
  invalidRequest,
  notFound,
} from '../core/index.js';
import type { Contact, Reference } from '../store/ports/index.js';
import { RESCHEDULE, STOP, requirePermission, requireTaskCreation, type Actor } from '../access/actor.js';
import { createTask, type StartTaskInput, type TaskOrigin } from '../tasks/start-task.js';
import { addTimer, dropTimers, saveContact, track, type Tx } from './live.js';
import { disconnect } from './lifecycle.js';

export interface StartTaskResult {
  ContactId: string;
  Contact: Contact;
}

const hashOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/**
 * StartTaskContact. With a ClientToken, a retry with the same request returns the first answer; the same token
 * with another request is refused (IdempotencyException). An agent (`actor`) needs task creation (P1).
 */
export async function startTask(
  tx: Tx,
  input: StartTaskInput,
  options: { clientToken?: string; actor?: Actor; origin?: TaskOrigin } = {},
): Promise<StartTaskResult> {
  const { live, repos } = tx;
  if (options.actor) requireTaskCreation(options.actor);
  const token = options.clientToken;
  const requestHash = hashOf(input);
  if (token) {
    const seen = await repos.idempotency.find(live.instanceId, 'StartTaskContact', token);
    if (seen) {
      if (seen.RequestHash !== requestHash)
        throw new ConnectError(
          'IdempotencyException',
          `ClientToken ${token} was used with a different request`,
        );
      const id = (seen.Response as { ContactId: string }).ContactId;
      const contact = live.contacts.get(id) ?? (await repos.contacts.get(live.instanceId, id));
      if (!contact) throw notFound('Contact', id, 'ContactId');
      return { ContactId: id, Contact: contact };
    }
  }
  const origin: TaskOrigin = options.origin ?? {
    initiationMethod: 'API',
    ...(options.actor && { createdByUserArn: options.actor.userArn }),
  };
  const { contact, timers } = await createTask(live.deps, repos, live.instanceId, input, {
    ...origin,
    activeTasks: live.counts.activeTasks,
  });
  tx.touched = true;
  track(live, contact);
  tx.timersAdded.push(...timers);
  tx.publish({ type: 'contact', contact });
  if (contact.State === 'INITIATED') tx.deliveries.push(contact.Id);
  if (token)
    await repos.idempotency.insert({
      InstanceId: live.instanceId,
      Operation: 'StartTaskContact',
      Token: token,
      RequestHash: requestHash,
      Response: { ContactId: contact.Id },
      CreatedAt: tx.now,
    });
  return { ContactId: contact.Id, Contact: contact };
}

/** The contact, active or not; ResourceNotFoundException naming it when the instance has none. */
async function anyContact(tx: Tx, contactId: string): Promise<Contact> {
  const contact =
    tx.live.contacts.get(contactId) ?? (await tx.repos.contacts.get(tx.live.instanceId, contactId));
  if (!contact) throw notFound('Contact', contactId, 'ContactId');
  return contact;
}

/** UpdateContactSchedule: only while the task is scheduled (R1, R5), not in the past, within the horizon, ≤ 20 times. */
export async function reschedule(
  tx: Tx,
  contactId: string,
  scheduledTime: number,
  actor?: Actor,
): Promise<Contact> {
  if (actor) requirePermission(actor, RESCHEDULE, 'reschedule contacts');
  const { live } = tx;
  const contact = await anyContact(tx, contactId);
  if (contact.Channel !== 'TASK')
    throw invalidRequest(`contact ${contactId} is not a task: only tasks are scheduled`);
  if (contact.State !== 'SCHEDULED')
    throw invalidRequest(
      `task ${contactId} is no longer scheduled (${contact.State.toLowerCase()}): its schedule is complete once it is delivered`,
    );
  if (!Number.isFinite(scheduledTime)) throw invalidParameter('ScheduledTime', 'is not a time');
  if (scheduledTime < tx.now) throw invalidParameter('ScheduledTime', 'is in the past');
  const horizon = live.deps.limits.scheduleHorizonMs;
  if (scheduledTime > tx.now + horizon)
    throw invalidParameter('ScheduledTime', `may be at most ${Math.round(horizon / 86_400_000)} days ahead`);
  if (contact.RescheduleCount >= live.deps.limits.reschedulesPerTask)
    throw new ConnectError(
      'ServiceQuotaExceededException',
      `task ${contactId} was rescheduled ${contact.RescheduleCount} times, the most allowed`,
      { ids: { ContactId: contactId } },
    );
  const before = contact.ScheduledTimestamp;
  contact.ScheduledTimestamp = scheduledTime;
  contact.RescheduleCount += 1;
  await dropTimers(tx, contact.Id, 'deliver');
  await addTimer(
    tx,
    'deliver',
    scheduledTime,
    { contactId: contact.Id },
    { ContactFlowId: contact.ContactFlowId },
  );
  await saveContact(tx, contact, {
    type: 'RESCHEDULED',
    detail: { From: before, To: scheduledTime, ...(actor && { UserId: actor.userId }) },
  });
  return contact;
}

export interface ContactChanges {
  Name?: string;
  Description?: string;
  References?: Record<string, Reference>;
}

/**
 * UpdateContact for a task: name, description, references. An agent (`actor`) must hold the task, and cannot
 * change a field its template makes read-only (T2).
 */
export async function updateContact(
  tx: Tx,
  contactId: string,
  changes: ContactChanges,
  actor?: Actor,
): Promise<Contact> {
  const contact = await anyContact(tx, contactId);
  if (contact.State === 'ENDED' || contact.State === 'EXPIRED')
    throw invalidRequest(`contact ${contactId} has ended: it cannot be changed`);
  if (actor) {
    if (contact.AgentId !== actor.userId || !['CONNECTED', 'ACW'].includes(contact.State))
      throw new ConnectError(
        'AccessDeniedException',
        `contact ${contactId} is not connected to ${actor.username}`,
        {
          ids: { ContactId: contactId, UserId: actor.userId },
        },
      );
    await refuseReadOnly(tx, contact, changes);
  }
  if (changes.Name !== undefined) contact.Name = changes.Name;
  if (changes.Description !== undefined) contact.Description = changes.Description;
  if (changes.References) contact.References = { ...contact.References, ...changes.References };
  await saveContact(tx, contact, {
    type: 'UPDATED',
    detail: { Fields: Object.keys(changes), ...(actor && { UserId: actor.userId }) },
  });
  return contact;
}

async function refuseReadOnly(tx: Tx, contact: Contact, changes: ContactChanges): Promise<void> {
  if (!contact.TaskTemplateId) return;
  const template = await tx.repos.taskTemplates.get(tx.live.instanceId, contact.TaskTemplateId);
  if (!template) return;
  const readOnly = new Set(template.Constraints.ReadOnlyFields.map((f) => f.Id.Name));
  const nameOf = (type: string) => template.Fields.find((f) => f.Type === type)?.Id.Name;
  const touched = [
    ...(changes.Name !== undefined ? [nameOf('NAME') ?? 'Name'] : []),
    ...(changes.Description !== undefined ? [nameOf('DESCRIPTION') ?? 'Description'] : []),
    ...Object.keys(changes.References ?? {}),
  ];
  for (const field of touched)
    if (readOnly.has(field))
      throw invalidParameter(field, `is read-only in task template ${template.Name}: it cannot be edited`);
}

/** UpdateContactAttributes: merged into the contact's attributes (32 KB in all). */
export async function updateAttributes(
  tx: Tx,
  contactId: string,
  attributes: Record<string, string>,
): Promise<Contact> {
  const contact = await anyContact(tx, contactId);
  if (contact.State === 'ENDED' || contact.State === 'EXPIRED')
    throw invalidRequest(`contact ${contactId} has ended: its attributes cannot be changed`);
  const merged = { ...contact.Attributes, ...attributes };
  if (attributeBytes(merged) > MAX_ATTRIBUTE_BYTES)
    throw invalidParameter(
      'Attributes',
      `all attributes together may hold at most ${MAX_ATTRIBUTE_BYTES} bytes`,
    );
  contact.Attributes = merged;
  await saveContact(tx, contact, { type: 'ATTRIBUTES', detail: { Keys: Object.keys(attributes) } });
  return contact;
}

/** StopContact: a supervisor or the API ends the contact (a connected one goes to after-contact work). */
export async function stopContact(tx: Tx, contactId: string, actor?: Actor): Promise<void> {
  if (actor) requirePermission(actor, STOP, 'stop contacts');
  // Connect answers ContactNotFoundException (410) for a contact that is unknown or no longer in progress.
  const contact = tx.live.contacts.get(contactId);
  if (!contact)
    throw new ConnectError(
      'ContactNotFoundException',
      `contact ${contactId} is not in progress (unknown or ended)`,
      {
        ids: { ContactId: contactId },
      },
    );
  await disconnect(tx, contact, 'API');
}
