/** Flows, phone numbers and task templates over the Connect API. */
import { notFound } from '../../../core/index.js';
import type { PhoneNumber, TaskTemplate } from '../../../store/ports/index.js';
import type { ApiDeps } from '../../deps.js';
import { empty, page, paging, s, type HandlerMap } from './common.js';
import { idempotent } from './idempotency.js';

export function flowHandlers(deps: ApiDeps): HandlerMap {
  const { flows, phoneNumbers, taskTemplates } = deps.services;
  return {
    CreateContactFlow: async (i) => {
      const f = await flows.create(s(i, 'InstanceId'), i as never);
      return { ContactFlowId: f.Id, ContactFlowArn: f.Arn, FlowContentSha256: f.FlowContentSha256 };
    },
    DescribeContactFlow: async (i) => ({
      ContactFlow: await flows.describe(s(i, 'InstanceId'), s(i, 'ContactFlowId')),
    }),
    ListContactFlows: async (i) =>
      page(
        'ContactFlowSummaryList',
        await flows.list(s(i, 'InstanceId'), {
          ...paging(i),
          ...(i.ContactFlowTypes !== undefined && { ContactFlowTypes: i.ContactFlowTypes as never }),
        }),
      ),
    UpdateContactFlowContent: (i) =>
      empty(flows.updateContent(s(i, 'InstanceId'), s(i, 'ContactFlowId'), { Content: i.Content })),
    DeleteContactFlow: (i) => empty(flows.delete(s(i, 'InstanceId'), s(i, 'ContactFlowId'))),

    // A retry with the same ClientToken (the SDK fills one in) gets the number the first call claimed.
    ClaimPhoneNumber: (i) =>
      idempotent(deps, 'ClaimPhoneNumber', i, {
        answer: (p: PhoneNumber) => ({ PhoneNumberId: p.PhoneNumberId, PhoneNumberArn: p.PhoneNumberArn }),
        work: (inTransaction) => phoneNumbers.claim(i as never, { inTransaction }),
      }),
    ListPhoneNumbersV2: async (i) =>
      page('ListPhoneNumbersSummaryList', await phoneNumbers.listV2(i as never)),
    DescribePhoneNumber: async (i) => {
      const p = await phoneNumbers.describe(s(i, 'PhoneNumberId'));
      // The caller's instance (secured.ts sets it): a number claimed elsewhere is not theirs to see.
      if (typeof i.InstanceId === 'string' && p.InstanceId !== i.InstanceId)
        throw notFound('Phone number', p.PhoneNumberId, 'PhoneNumberId');
      return { ClaimedPhoneNumberSummary: p };
    },
    AssociatePhoneNumberContactFlow: (i) =>
      empty(
        phoneNumbers.associateContactFlow(s(i, 'PhoneNumberId'), {
          InstanceId: s(i, 'InstanceId'),
          ContactFlowId: s(i, 'ContactFlowId'),
        }),
      ),

    CreateTaskTemplate: (i) =>
      idempotent(deps, 'CreateTaskTemplate', i, {
        answer: (t: TaskTemplate) => ({ Id: t.Id, Arn: t.Arn }),
        work: (inTransaction) => taskTemplates.create(s(i, 'InstanceId'), i as never, { inTransaction }),
      }),
    GetTaskTemplate: async (i) =>
      (await taskTemplates.get(s(i, 'InstanceId'), s(i, 'TaskTemplateId'), {
        ...(i.SnapshotVersion !== undefined && { SnapshotVersion: i.SnapshotVersion }),
      })) as unknown as Record<string, unknown>,
    UpdateTaskTemplate: async (i) =>
      (await taskTemplates.update(s(i, 'InstanceId'), s(i, 'TaskTemplateId'), i)) as unknown as Record<
        string,
        unknown
      >,
    ListTaskTemplates: async (i) =>
      page(
        'TaskTemplates',
        await taskTemplates.list(s(i, 'InstanceId'), {
          ...paging(i),
          ...(i.Status !== undefined && { Status: i.Status as never }),
          ...(i.Name !== undefined && { Name: i.Name as never }),
        }),
      ),
    DeleteTaskTemplate: (i) => empty(taskTemplates.delete(s(i, 'InstanceId'), s(i, 'TaskTemplateId'))),
  };
}
