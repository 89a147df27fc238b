/** Tasks and contacts over the Connect API: the engine's commands, and the contact shapes Connect returns. */
import { invalidParameter, invalidRequest, isConnectError } from '../../../core/index.js';
import type { Contact } from '../../../store/ports/index.js';
import type { ApiDeps } from '../../deps.js';
import { empty, s, type HandlerMap, type OperationInput } from './common.js';
import { clientTokenOf } from '../../../instances/client-token.js';

/** TaskTemplateInfo (TaskTemplateInfoV2): the ARN and name of the template a task was made from. */
async function templateInfo(deps: ApiDeps, c: Contact): Promise<Record<string, unknown> | undefined> {
  if (!c.TaskTemplateId) return undefined;
  try {
    const t = await deps.services.taskTemplates.get(c.InstanceId, c.TaskTemplateId);
    return { Arn: t.Arn, Name: t.Name };
  } catch (e) {
    if (!isConnectError(e) || e.code !== 'ResourceNotFoundException') throw e;
    // Deleted since: its ARN is still known (the contact's, with the template's segment), its name is not.
    return { Arn: c.Arn.replace(/\/contact\/[^/]+$/, `/task-template/${c.TaskTemplateId}`) };
  }
}

/** DescribeContact's `Contact`. */
export function describedContact(
  c: Contact,
  taskTemplateInfo?: Record<string, unknown>,
): Record<string, unknown> {
  return {
    Arn: c.Arn,
    Id: c.Id,
    InitialContactId: c.InitialContactId,
    PreviousContactId: c.PreviousContactId,
    RelatedContactId: c.RelatedContactId,
    InitiationMethod: c.InitiationMethod,
    Name: c.Name,
    Description: c.Description,
    Channel: c.Channel,
    ...(c.QueueId && { QueueInfo: { Id: c.QueueId, EnqueueTimestamp: c.EnqueueTimestamp } }),
    ...(c.AgentId && {
      AgentInfo: {
        Id: c.AgentId,
        ConnectedToAgentTimestamp: c.ConnectedToAgentTimestamp,
        AfterContactWorkStartTimestamp: c.AfterContactWorkStartTimestamp,
        AfterContactWorkEndTimestamp: c.AfterContactWorkEndTimestamp,
      },
    }),
    InitiationTimestamp: c.InitiationTimestamp,
    DisconnectTimestamp: c.DisconnectTimestamp,
    LastUpdateTimestamp: c.LastUpdateTimestamp,
    ScheduledTimestamp: c.ScheduledTimestamp,
    CustomerEndpoint: c.CustomerEndpoint,
    SystemEndpoint: c.SystemEndpoint,
    QueuePriority: c.QueuePriority,
    QueueTimeAdjustmentSeconds: c.QueueTimeAdjustmentSeconds,
    Tags: c.Tags,
    SegmentAttributes: c.SegmentAttributes,
    DisconnectReason: c.DisconnectReason,
    ...(taskTemplateInfo && { TaskTemplateInfo: taskTemplateInfo }),
    Attributes: c.Attributes,
  };
}

/** SearchContacts' `ContactSearchSummary`. */
function searchSummary(c: Contact): Record<string, unknown> {
  return {
    Arn: c.Arn,
    Id: c.Id,
    InitialContactId: c.InitialContactId,
    PreviousContactId: c.PreviousContactId,
    InitiationMethod: c.InitiationMethod,
    Channel: c.Channel,
    Name: c.Name,
    ...(c.QueueId && { QueueInfo: { Id: c.QueueId, EnqueueTimestamp: c.EnqueueTimestamp } }),
    ...(c.AgentId && {
      AgentInfo: { Id: c.AgentId, ConnectedToAgentTimestamp: c.ConnectedToAgentTimestamp },
    }),
    InitiationTimestamp: c.InitiationTimestamp,
    DisconnectTimestamp: c.DisconnectTimestamp,
    ScheduledTimestamp: c.ScheduledTimestamp,
    SegmentAttributes: c.SegmentAttributes,
    Tags: c.Tags,
  };
}

/** ListContactReferences' summaries: one member per reference type. */
function referenceSummary(name: string, ref: { Type: string; Value: string }): Record<string, unknown> {
  const key =
    { URL: 'Url', STRING: 'String', NUMBER: 'Number', DATE: 'Date', EMAIL: 'Email' }[ref.Type] ?? 'String';
  return { [key]: { Name: name, Value: ref.Value } };
}

const acting = (ctx: { userId?: string }) => (ctx.userId ? { userId: ctx.userId } : undefined);

/** StartTaskContact's request members the engine takes (times already in epoch ms). */
function taskInput(i: OperationInput) {
  const { InstanceId: _i, ClientToken: _c, ...rest } = i;
  return rest as never;
}

function transferred(
  result: { transferred: true; contact: Contact } | { transferred: false; reason: string },
): Record<string, unknown> {
  if (!result.transferred) throw invalidRequest(`the transfer failed: ${result.reason}`);
  return { ContactId: result.contact.Id, ContactArn: result.contact.Arn };
}

export function contactHandlers(deps: ApiDeps): HandlerMap {
  const { engine, services } = deps;
  return {
    StartTaskContact: async (i, ctx) => {
      const contact = await engine.startTask(s(i, 'InstanceId'), taskInput(i), {
        ...(typeof i.ClientToken === 'string' && { clientToken: i.ClientToken }),
        ...(ctx.userId && { acting: { userId: ctx.userId } }),
      });
      return { ContactId: contact.Id };
    },
    UpdateContactSchedule: async (i, ctx) => {
      if (typeof i.ScheduledTime !== 'number') throw invalidParameter('ScheduledTime', 'is required');
      await engine.reschedule(s(i, 'InstanceId'), s(i, 'ContactId'), i.ScheduledTime, acting(ctx));
      return {};
    },
    DescribeContact: async (i) => {
      const c = await services.contacts.describe(s(i, 'InstanceId'), s(i, 'ContactId'));
      return { Contact: describedContact(c, await templateInfo(deps, c)) };
    },
    SearchContacts: async (i, ctx) => {
      const r = await services.contacts.search(s(i, 'InstanceId'), i as never, acting(ctx));
      return {
        Contacts: r.items.map(searchSummary),
        TotalCount: r.totalCount,
        ...(r.nextToken && { NextToken: r.nextToken }),
      };
    },
    StopContact: (i, ctx) => empty(engine.stopContact(s(i, 'InstanceId'), s(i, 'ContactId'), acting(ctx))),
    // A ClientToken is recorded in the transfer's own transaction (a retry gets the first transfer's contact).
    TransferContact: async (i, ctx) => {
      const clientToken = clientTokenOf(i);
      return transferred(
        await engine.transferContact(
          s(i, 'InstanceId'),
          s(i, 'ContactId'),
          {
            ...(typeof i.QueueId === 'string' && { QueueId: i.QueueId }),
            ...(typeof i.UserId === 'string' && { UserId: i.UserId }),
            ContactFlowId: s(i, 'ContactFlowId'),
          },
          acting(ctx),
          clientToken,
        ),
      );
    },
    // The API's permission check was made before; the agent-only rules (T2, ownership) are the workspace's.
    UpdateContact: (i) =>
      empty(
        engine.updateContact(s(i, 'InstanceId'), s(i, 'ContactId'), {
          ...(typeof i.Name === 'string' && { Name: i.Name }),
          ...(typeof i.Description === 'string' && { Description: i.Description }),
          ...(i.References !== undefined && { References: i.References as never }),
        }),
      ),
    UpdateContactAttributes: (i) =>
      empty(
        engine.updateAttributes(s(i, 'InstanceId'), s(i, 'InitialContactId'), (i.Attributes ?? {}) as never),
      ),
    GetContactAttributes: async (i) => ({
      Attributes: (await services.contacts.describe(s(i, 'InstanceId'), s(i, 'InitialContactId'))).Attributes,
    }),
    ListContactReferences: async (i) => {
      const c = await services.contacts.describe(s(i, 'InstanceId'), s(i, 'ContactId'));
      const types = Array.isArray(i.ReferenceTypes) ? (i.ReferenceTypes as string[]) : undefined;
      const all = Object.entries(c.References)
        .filter(([, r]) => !types || types.includes(r.Type))
        .map(([name, r]) => referenceSummary(name, r));
      return { ReferenceSummaryList: all };
    },
  };
}
