/** Flows, phone numbers and task templates over the Connect API. */
import { notFound } from '../../../core/index.js';
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
      idempotent(deps.store, 'ClaimPhoneNumber', s(i, 'InstanceId'), i, deps.clock.now(), async () => {
        const p = await phoneNumbers.claim(i as never);
        return { PhoneNumberId: p.PhoneNumberId, PhoneNumberArn: p.PhoneNumberArn };
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
      idempotent(deps.store, 'CreateTaskTemplate', s(i, 'InstanceId'), i, deps.clock.now(), async () => {
        const t = await taskTemplates.create(s(i, 'InstanceId'), i as never);
        return { Id: t.Id, Arn: t.Arn };
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
