/**
 * Tasks in the workspace and the supervisor's contact pages: the templates an agent may use, creating a task
 * (R2, R3; P1 is the engine's), editing a task's fields (T2 is the engine's), a contact's details; contact search
 * (P3), rescheduling (P2, R1, R5) and stopping a contact.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CONTACT_SEARCH, MY_CONTACTS, requireTaskCreation, type Actor } from '../../access/actor.js';
import { ConnectError, validate } from '../../core/index.js';
import type { SearchContactsInput } from '../../contacts/queries.js';
import { StartTaskInput } from '../../tasks/start-task.js';
import type { Contact } from '../../store/ports/index.js';
import { HELD, contactIdOf, contactOf, everything, heldContact, type AgentApiContext } from './context.js';
import { callerOf } from './session-guard.js';
import { contactView, taskTemplateView, type TaskTemplateView } from './views.js';

const task = StartTaskInput.shape;
const TaskBody = z.strictObject({
  Name: z.string().min(1).max(1024),
  Description: task.Description,
  TaskTemplateId: task.TaskTemplateId,
  ContactFlowId: task.ContactFlowId,
  QuickConnectId: task.QuickConnectId,
  PreviousContactId: task.PreviousContactId,
  RelatedContactId: task.RelatedContactId,
  Attributes: task.Attributes,
  References: task.References,
  /** Epoch ms. */
  ScheduledTime: task.ScheduledTime,
});
const ChangesBody = z
  .strictObject({ Name: task.Name, Description: task.Description, References: task.References })
  .refine((b) => Object.keys(b).length > 0, 'name at least one of Name, Description, References');
const ScheduleBody = z.strictObject({ ScheduledTime: z.number().finite() });

/** Who may read a contact's details: the agent who holds it, a supervisor (ContactSearch.View), or with MyContacts.View its agent. */
function mayRead(actor: Actor, contact: Contact): boolean {
  if (actor.permissions.has(CONTACT_SEARCH)) return true;
  if (contact.AgentId !== actor.userId) return false;
  return HELD.has(contact.State) || actor.permissions.has(MY_CONTACTS);
}

export function taskRoutes(scope: FastifyInstance, ctx: AgentApiContext): void {
  const { deps } = ctx;
  const { engine, services, instanceId } = deps;

  /** The ACTIVE templates, with their fields, constraints and defaults: only for those who may create tasks (P1). */
  scope.get('/task-templates', async (req) => {
    requireTaskCreation(callerOf(req).actor);
    const metadata = await everything((NextToken) =>
      services.taskTemplates.list(instanceId, {
        Status: 'ACTIVE',
        MaxResults: 100,
        ...(NextToken && { NextToken }),
      }),
    );
    const templates = await Promise.all(metadata.map((m) => services.taskTemplates.get(instanceId, m.Id)));
    return { TaskTemplates: templates.map(taskTemplateView) };
  });

  /** R2, R3: a task made by hand, at once or scheduled; linked only to a contact the agent holds. */
  scope.post('/tasks', async (req) => {
    const { actor } = callerOf(req);
    const body = validate(TaskBody, req.body ?? {});
    for (const linked of [body.PreviousContactId, body.RelatedContactId])
      if (linked !== undefined) await heldContact(ctx, actor, linked);
    const contact = await engine.createTaskAsAgent(instanceId, actor.userId, body);
    return { ContactId: contact.Id, Contact: contactView(contact) };
  });

  /** T2: the engine refuses a field the task's template makes read-only. */
  scope.patch('/contacts/:id', async (req) => {
    const { actor } = callerOf(req);
    const id = contactIdOf(req.params);
    const changes = validate(ChangesBody, req.body ?? {});
    const contact = await engine.updateContact(instanceId, id, changes, { userId: actor.userId });
    return { Contact: contactView(contact) };
  });

  /** Contact details: the contact, its timeline, the contacts linked to it, and its template as it was used. */
  scope.get('/contacts/:id', async (req) => {
    const { actor } = callerOf(req);
    const contact = await contactOf(ctx, contactIdOf(req.params));
    if (!mayRead(actor, contact))
      throw new ConnectError(
        'AccessDeniedException',
        `user ${actor.username} may not see contact ${contact.Id}: it is not theirs and the security profile lacks ${CONTACT_SEARCH}`,
        { ids: { ContactId: contact.Id, UserId: actor.userId } },
      );
    const [timeline, linked, template] = await Promise.all([
      services.contacts.timeline(instanceId, contact.Id),
      services.contacts.linked(instanceId, contact.Id),
      templateOf(contact),
    ]);
    return {
      Contact: contactView(contact),
      Timeline: timeline,
      Linked: linked.map(contactView),
      ...(template && { TaskTemplate: template }),
    };
  });

  async function templateOf(contact: Contact): Promise<TaskTemplateView | undefined> {
    if (!contact.TaskTemplateId) return undefined;
    const version = contact.TaskTemplateVersion;
    try {
      const t = await services.taskTemplates.get(
        instanceId,
        contact.TaskTemplateId,
        version === undefined ? {} : { SnapshotVersion: String(version) },
      );
      return taskTemplateView(t);
    } catch {
      // The template was deleted since: the contact is shown without it.
      return undefined;
    }
  }

  // Supervisors

  /** P3: SearchContacts' request with times in epoch ms; the service scopes it to the caller's permissions. */
  scope.post('/contacts/search', async (req) => {
    const { actor } = callerOf(req);
    const found = await services.contacts.search(instanceId, (req.body ?? {}) as SearchContactsInput, {
      userId: actor.userId,
    });
    return {
      Contacts: found.items.map(contactView),
      ...(found.nextToken && { NextToken: found.nextToken }),
      TotalCount: found.totalCount,
    };
  });

  /** P2, R1, R5: a new schedule (epoch ms), only before the task is delivered. */
  scope.put('/contacts/:id/schedule', async (req) => {
    const { actor } = callerOf(req);
    const body = validate(ScheduleBody, req.body ?? {});
    const contact = await engine.reschedule(instanceId, contactIdOf(req.params), body.ScheduledTime, {
      userId: actor.userId,
    });
    return { Contact: contactView(contact) };
  });

  scope.post('/contacts/:id/stop', async (req) => {
    const { actor } = callerOf(req);
    const id = contactIdOf(req.params);
    await engine.stopContact(instanceId, id, { userId: actor.userId });
    return { Contact: contactView(await contactOf(ctx, id)) };
  });
}
