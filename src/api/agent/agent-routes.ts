/**
 * What an agent does in the workspace: set a status (and list them), accept, reject, end, complete, hold and
 * resume their contacts, transfer a task by quick connect (and list the quick connects they may use). The engine
 * checks that the contact is theirs (DESIGN.md "Security model").
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAgent } from '../../access/actor.js';
import { IdOrArn, validate } from '../../core/index.js';
import type { QuickConnect } from '../../store/ports/index.js';
import { contactIdOf, contactOf, everything, heldContact, type AgentApiContext } from './context.js';
import { AgentApiError } from './errors.js';
import { callerOf } from './session-guard.js';
import { agentView, contactView } from './views.js';

const StatusBody = z.strictObject({ AgentStatusId: IdOrArn });
const TransferBody = z.strictObject({ QuickConnectId: IdOrArn });
const QuickConnectQuery = z.object({ contactId: z.string().min(1).max(256).optional() });

type ContactCommand = 'end' | 'complete' | 'hold' | 'resume';

export function agentRoutes(scope: FastifyInstance, ctx: AgentApiContext): void {
  const { deps } = ctx;
  const { engine, services, instanceId } = deps;

  scope.get('/statuses', async (req) => {
    requireAgent(callerOf(req).actor);
    const summaries = await everything((NextToken) =>
      services.agentStatuses.list(instanceId, { MaxResults: 100, ...(NextToken && { NextToken }) }),
    );
    const statuses = await Promise.all(
      summaries.map((s) => services.agentStatuses.describe(instanceId, s.Id)),
    );
    const order = (n?: number) => n ?? Number.MAX_SAFE_INTEGER;
    return {
      AgentStatuses: statuses
        .filter((s) => s.State === 'ENABLED')
        .sort((a, b) => order(a.DisplayOrder) - order(b.DisplayOrder) || a.Name.localeCompare(b.Name))
        .map((s) => ({
          Id: s.AgentStatusId,
          Arn: s.AgentStatusARN,
          Name: s.Name,
          Type: s.Type,
          ...(s.Description !== undefined && { Description: s.Description }),
          ...(s.DisplayOrder !== undefined && { DisplayOrder: s.DisplayOrder }),
        })),
    };
  });

  scope.put('/status', async (req) => {
    const { actor } = callerOf(req);
    const body = validate(StatusBody, req.body ?? {});
    await engine.setStatus(instanceId, actor.userId, body.AgentStatusId);
    return { Agent: agentView(await engine.agent(instanceId, actor.userId)) };
  });

  scope.post('/contacts/:id/accept', async (req) => {
    const { actor } = callerOf(req);
    const contact = await engine.accept(instanceId, actor.userId, contactIdOf(req.params));
    return { Contact: contactView(contact) };
  });

  scope.post('/contacts/:id/reject', async (req) => {
    const { actor } = callerOf(req);
    const id = contactIdOf(req.params);
    await engine.reject(instanceId, actor.userId, id);
    return { ContactId: id };
  });

  const command = (name: ContactCommand, run: (userId: string, contactId: string) => Promise<void>) =>
    scope.post(`/contacts/:id/${name}`, async (req) => {
      const { actor } = callerOf(req);
      const id = contactIdOf(req.params);
      await run(actor.userId, id);
      return { Contact: contactView(await contactOf(ctx, id)) };
    });
  command('end', (userId, id) => engine.endContact(instanceId, userId, id));
  command('complete', (userId, id) => engine.complete(instanceId, userId, id));
  command('hold', (userId, id) => engine.hold(instanceId, userId, id, true));
  command('resume', (userId, id) => engine.hold(instanceId, userId, id, false));

  /** X1 / X2: a failed transfer (its flow fails on the TASK channel) leaves the task with the agent: 409. */
  scope.post('/contacts/:id/transfer', async (req) => {
    const { actor } = callerOf(req);
    const id = contactIdOf(req.params);
    const body = validate(TransferBody, req.body ?? {});
    const result = await engine.transfer(instanceId, actor.userId, id, body.QuickConnectId);
    if (!result.transferred) throw new AgentApiError('TransferFailed', result.reason);
    return { Transferred: true, ContactId: result.contact.Id };
  });

  /**
   * The quick connects of the queues in the agent's routing profile and of the contact's queue, each with the
   * reasons a task transferred with it would fail (rule X2's warning).
   */
  scope.get('/quick-connects', async (req) => {
    const { actor } = callerOf(req);
    requireAgent(actor);
    const query = validate(QuickConnectQuery, req.query ?? {});
    const user = await services.users.describe(instanceId, actor.userId);
    const profile = await services.routingProfiles.describe(instanceId, user.RoutingProfileId);
    const queueIds = new Set(profile.AssociatedQueueIds);
    if (query.contactId !== undefined) {
      const contact = await heldContact(ctx, actor, query.contactId);
      if (contact.QueueId) queueIds.add(contact.QueueId);
    }
    const found = new Map<string, QuickConnect>();
    for (const queueId of queueIds) {
      const qcs = await everything((NextToken) =>
        services.queues.listQuickConnects(instanceId, queueId, {
          MaxResults: 100,
          ...(NextToken && { NextToken }),
        }),
      );
      for (const qc of qcs) found.set(qc.QuickConnectId, qc);
    }
    const list = [...found.values()].sort((a, b) => a.Name.localeCompare(b.Name));
    return {
      QuickConnects: await Promise.all(
        list.map(async (qc) => ({
          Id: qc.QuickConnectId,
          Arn: qc.QuickConnectARN,
          Name: qc.Name,
          ...(qc.Description !== undefined && { Description: qc.Description }),
          QuickConnectType: qc.QuickConnectConfig.QuickConnectType,
          QuickConnectConfig: qc.QuickConnectConfig,
          TaskWarnings: await services.quickConnects.taskWarnings(instanceId, qc.QuickConnectId),
        })),
      ),
    };
  });
}
