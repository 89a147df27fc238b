/** Agent status and real-time metrics over the Connect API, from the engine's live state. */
import { invalidParameter, resourceArn, type ArnContext, type ResourceKind } from '../../../core/index.js';
import type { QueueMetrics } from '../../../contacts/metrics.js';
import type { AgentSnapshot } from '../../../contacts/engine.js';
import type { ApiDeps } from '../../deps.js';
import { empty, s, type HandlerMap, type OperationInput } from './common.js';

type Channel = 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';

/** GetCurrentMetricData's metrics Tsunagi reports, and their units. */
const METRICS: Record<string, { unit: 'COUNT' | 'SECONDS'; of: (m: QueueMetrics) => number }> = {
  AGENTS_ONLINE: { unit: 'COUNT', of: (m) => m.agentsOnline },
  AGENTS_AVAILABLE: { unit: 'COUNT', of: (m) => m.agentsAvailable },
  AGENTS_STAFFED: { unit: 'COUNT', of: (m) => m.agentsStaffed },
  AGENTS_ON_CONTACT: { unit: 'COUNT', of: (m) => m.agentsOnContact },
  CONTACTS_IN_QUEUE: { unit: 'COUNT', of: (m) => m.contactsInQueue },
  OLDEST_CONTACT_AGE: { unit: 'SECONDS', of: (m) => m.oldestContactAgeSeconds },
};

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

async function currentMetrics(deps: ApiDeps, i: OperationInput): Promise<Record<string, unknown>> {
  const instanceId = s(i, 'InstanceId');
  const filters = (i.Filters ?? {}) as { Queues?: unknown; Channels?: unknown };
  const queueIds = strings(filters.Queues);
  if (queueIds.length === 0) throw invalidParameter('Filters.Queues', 'name at least one queue');
  const channels = strings(filters.Channels) as Channel[];
  const groupings = strings(i.Groupings);
  const wanted = Array.isArray(i.CurrentMetrics) ? (i.CurrentMetrics as { Name?: unknown }[]) : [];
  for (const m of wanted)
    if (typeof m.Name !== 'string' || !METRICS[m.Name])
      throw invalidParameter(
        'CurrentMetrics',
        `Tsunagi reports ${Object.keys(METRICS).join(', ')}; not ${String(m.Name)}`,
      );
  const byChannel = groupings.includes('CHANNEL');
  const results: Record<string, unknown>[] = [];
  for (const id of queueIds) {
    const queue = await deps.services.queues.describe(instanceId, id);
    for (const channel of byChannel
      ? channels.length
        ? channels
        : (['VOICE', 'TASK'] as Channel[])
      : [undefined]) {
      const m = await deps.engine.queueMetrics(instanceId, queue.QueueId, channel);
      results.push({
        Dimensions: {
          Queue: { Id: queue.QueueId, Arn: queue.QueueArn },
          ...(channel && { Channel: channel }),
        },
        Collections: wanted.map((w) => {
          const spec = METRICS[w.Name as string];
          return { Metric: { Name: w.Name, Unit: spec?.unit }, Value: spec?.of(m) ?? 0 };
        }),
      });
    }
  }
  return {
    MetricResults: results,
    DataSnapshotTime: deps.clock.now(),
    ApproximateTotalCount: results.length,
  };
}

const AGENT_CONTACT_STATE: Record<string, string> = {
  OFFERED: 'INCOMING',
  CONNECTED: 'CONNECTED',
  ACW: 'ENDED',
};

function userData(
  a: AgentSnapshot,
  arnOf: (kind: ResourceKind, id: string) => string,
): Record<string, unknown> {
  const active: Partial<Record<Channel, number>> = {};
  for (const c of a.contacts) active[c.Channel] = (active[c.Channel] ?? 0) + 1;
  const available: Partial<Record<Channel, number>> = {};
  for (const [ch, max] of Object.entries(a.maxSlots) as [Channel, number][])
    available[ch] = a.routable ? Math.max(0, max - (active[ch] ?? 0)) : 0;
  return {
    User: { Id: a.userId, Arn: arnOf('user', a.userId) },
    ...(a.routingProfileId && {
      RoutingProfile: { Id: a.routingProfileId, Arn: arnOf('routing-profile', a.routingProfileId) },
    }),
    ...(a.statusId && {
      Status: {
        StatusStartTimestamp: a.statusSince,
        StatusArn: arnOf('agent-status', a.statusId),
        StatusName: a.statusName,
      },
    }),
    MaxSlotsByChannel: a.maxSlots,
    ActiveSlotsByChannel: active,
    AvailableSlotsByChannel: available,
    Contacts: a.contacts.map((c) => ({
      ContactId: c.Id,
      Channel: c.Channel,
      InitiationMethod: c.InitiationMethod,
      AgentContactState: AGENT_CONTACT_STATE[c.State] ?? 'ERROR',
      StateStartTimestamp: c.LastUpdateTimestamp,
      ConnectedToAgentTimestamp: c.ConnectedToAgentTimestamp,
      ...(c.QueueId && { Queue: { Id: c.QueueId, Arn: arnOf('queue', c.QueueId) } }),
    })),
  };
}

export function metricHandlers(deps: ApiDeps, arns: ArnContext): HandlerMap {
  return {
    PutUserStatus: (i) =>
      empty(deps.engine.setStatus(s(i, 'InstanceId'), s(i, 'UserId'), s(i, 'AgentStatusId'))),
    GetCurrentMetricData: (i) => currentMetrics(deps, i),
    GetCurrentUserData: async (i) => {
      const instanceId = s(i, 'InstanceId');
      const filters = (i.Filters ?? {}) as { Agents?: unknown; Queues?: unknown; RoutingProfiles?: unknown };
      const agents = new Set(strings(filters.Agents));
      const profiles = new Set(strings(filters.RoutingProfiles));
      const list = (await deps.engine.agents(instanceId)).filter(
        (a) =>
          (agents.size === 0 || agents.has(a.userId)) &&
          (profiles.size === 0 || (a.routingProfileId !== undefined && profiles.has(a.routingProfileId))),
      );
      const data = list.map((a) => userData(a, (kind, id) => resourceArn(arns, instanceId, kind, id)));
      return { UserDataList: data, ApproximateTotalCount: data.length };
    },
  };
}
