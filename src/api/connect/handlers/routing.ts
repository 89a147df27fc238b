/** Queues, routing profiles, quick connects and agent statuses over the Connect API. */
import type { ApiDeps } from '../../deps.js';
import { empty, page, paging, s, type HandlerMap } from './common.js';

export function routingHandlers({ services }: ApiDeps): HandlerMap {
  const { queues, routingProfiles, quickConnects, agentStatuses } = services;
  return {
    CreateQueue: async (i) => {
      const q = await queues.create(s(i, 'InstanceId'), i as never);
      return { QueueId: q.QueueId, QueueArn: q.QueueArn };
    },
    DescribeQueue: async (i) => ({ Queue: await queues.describe(s(i, 'InstanceId'), s(i, 'QueueId')) }),
    ListQueues: async (i) => {
      const r = await queues.list(s(i, 'InstanceId'), {
        ...paging(i),
        ...(i.QueueTypes !== undefined && { QueueTypes: i.QueueTypes as never }),
      });
      return page(
        'QueueSummaryList',
        r,
        r.items.map((q) => ({
          Id: q.QueueId,
          Arn: q.QueueArn,
          Name: q.Name,
          QueueType: q.QueueType,
          LastModifiedTime: q.LastModifiedTime,
        })),
      );
    },
    UpdateQueueStatus: (i) =>
      empty(queues.updateStatus(s(i, 'InstanceId'), s(i, 'QueueId'), { Status: i.Status })),
    UpdateQueueMaxContacts: (i) =>
      empty(queues.updateMaxContacts(s(i, 'InstanceId'), s(i, 'QueueId'), { MaxContacts: i.MaxContacts })),
    AssociateQueueQuickConnects: (i) =>
      empty(
        queues.associateQuickConnects(s(i, 'InstanceId'), s(i, 'QueueId'), {
          QuickConnectIds: i.QuickConnectIds,
        }),
      ),
    DisassociateQueueQuickConnects: (i) =>
      empty(
        queues.disassociateQuickConnects(s(i, 'InstanceId'), s(i, 'QueueId'), {
          QuickConnectIds: i.QuickConnectIds,
        }),
      ),
    ListQueueQuickConnects: async (i) => {
      const r = await queues.listQuickConnects(s(i, 'InstanceId'), s(i, 'QueueId'), paging(i));
      return page(
        'QuickConnectSummaryList',
        r,
        r.items.map((qc) => ({
          Id: qc.QuickConnectId,
          Arn: qc.QuickConnectARN,
          Name: qc.Name,
          QuickConnectType: qc.QuickConnectConfig.QuickConnectType,
          LastModifiedTime: qc.LastModifiedTime,
        })),
      );
    },

    CreateRoutingProfile: async (i) => {
      const rp = await routingProfiles.create(s(i, 'InstanceId'), i as never);
      return { RoutingProfileId: rp.RoutingProfileId, RoutingProfileArn: rp.RoutingProfileArn };
    },
    DescribeRoutingProfile: async (i) => ({
      RoutingProfile: await routingProfiles.describe(s(i, 'InstanceId'), s(i, 'RoutingProfileId')),
    }),
    ListRoutingProfiles: async (i) =>
      page('RoutingProfileSummaryList', await routingProfiles.list(s(i, 'InstanceId'), paging(i))),
    AssociateRoutingProfileQueues: (i) =>
      empty(routingProfiles.associateQueues(s(i, 'InstanceId'), s(i, 'RoutingProfileId'), i)),
    ListRoutingProfileQueues: async (i) => {
      const id = s(i, 'InstanceId');
      const r = await routingProfiles.listQueues(id, s(i, 'RoutingProfileId'), paging(i));
      const rp = await routingProfiles.describe(id, s(i, 'RoutingProfileId'));
      return { ...page('RoutingProfileQueueConfigSummaryList', r), LastModifiedTime: rp.LastModifiedTime };
    },
    UpdateRoutingProfileConcurrency: (i) =>
      empty(
        routingProfiles.updateConcurrency(s(i, 'InstanceId'), s(i, 'RoutingProfileId'), {
          MediaConcurrencies: i.MediaConcurrencies,
        }),
      ),
    UpdateRoutingProfileQueues: (i) =>
      empty(
        routingProfiles.updateQueues(s(i, 'InstanceId'), s(i, 'RoutingProfileId'), {
          QueueConfigs: i.QueueConfigs,
        }),
      ),

    CreateQuickConnect: async (i) => {
      const qc = await quickConnects.create(s(i, 'InstanceId'), i as never);
      return { QuickConnectId: qc.QuickConnectId, QuickConnectARN: qc.QuickConnectARN };
    },
    DescribeQuickConnect: async (i) => ({
      QuickConnect: await quickConnects.describe(s(i, 'InstanceId'), s(i, 'QuickConnectId')),
    }),
    ListQuickConnects: async (i) => {
      const r = await quickConnects.list(s(i, 'InstanceId'), {
        ...paging(i),
        ...(i.QuickConnectTypes !== undefined && { QuickConnectTypes: i.QuickConnectTypes as never }),
      });
      return page('QuickConnectSummaryList', r);
    },
    DeleteQuickConnect: (i) => empty(quickConnects.delete(s(i, 'InstanceId'), s(i, 'QuickConnectId'))),
    UpdateQuickConnectConfig: (i) =>
      empty(
        quickConnects.updateConfig(s(i, 'InstanceId'), s(i, 'QuickConnectId'), {
          QuickConnectConfig: i.QuickConnectConfig,
        }),
      ),

    CreateAgentStatus: async (i) => {
      const a = await agentStatuses.create(s(i, 'InstanceId'), i as never);
      return { AgentStatusId: a.AgentStatusId, AgentStatusARN: a.AgentStatusARN };
    },
    DescribeAgentStatus: async (i) => ({
      AgentStatus: await agentStatuses.describe(s(i, 'InstanceId'), s(i, 'AgentStatusId')),
    }),
    UpdateAgentStatus: (i) => empty(agentStatuses.update(s(i, 'InstanceId'), s(i, 'AgentStatusId'), i)),
    ListAgentStatuses: async (i) => {
      const r = await agentStatuses.list(s(i, 'InstanceId'), {
        ...paging(i),
        ...(i.AgentStatusTypes !== undefined && { AgentStatusTypes: i.AgentStatusTypes as never }),
      });
      return page('AgentStatusSummaryList', r);
    },
  };
}
