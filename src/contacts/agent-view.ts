/**
 * An agent as the engine holds it: the user, their routing profile and queue configs, their status row, and
 * the view routing decides with (routing/decide.ts).
 */
import type {
  AgentState,
  AgentStatus,
  Repositories,
  RoutingProfileQueueConfig,
  User,
} from '../store/ports/index.js';
import type { AgentQueueConfig, AgentView, RoutingChannel } from '../routing/decide.js';
import type { RoutingProfile } from '../store/ports/routing-profiles.js';

export interface AgentLive {
  user: User;
  state: AgentState;
  status: AgentStatus;
  profile?: RoutingProfile;
  configs: RoutingProfileQueueConfig[];
  /** The agent's own queue (quick connects to a user and transfers to an agent land there). */
  agentQueueId?: string;
}

/**
 * Contacts in an agent's own queue come before every queue of the profile (config priority 0, no delay): they
 * were sent to that agent by name.
 */
const AGENT_QUEUE_PRIORITY = 0;

/** The idle time of an agent who holds a contact: after every idle agent. */
const BUSY = Number.MAX_SAFE_INTEGER;

export async function loadAgent(
  repos: Repositories,
  instanceId: string,
  state: AgentState,
): Promise<AgentLive | undefined> {
  const user = await repos.users.get(instanceId, state.UserId);
  if (!user) return undefined;
  const status =
    (await repos.agentStatuses.get(instanceId, state.StatusId)) ??
    (await repos.agentStatuses.findByType(instanceId, 'OFFLINE'));
  if (!status) return undefined;
  const profile = await repos.routingProfiles.get(instanceId, user.RoutingProfileId);
  const configs = profile
    ? await repos.routingProfiles.queueConfigs(instanceId, profile.RoutingProfileId)
    : [];
  const agentQueue = await repos.queues.findAgentQueue(instanceId, user.Id);
  return {
    user,
    state,
    status,
    ...(profile && { profile }),
    configs,
    ...(agentQueue && { agentQueueId: agentQueue.QueueId }),
  };
}

/** Routable: the status is of type ROUTABLE (Available) and no offer went unanswered since it was set. */
export function isRoutable(agent: AgentLive): boolean {
  return agent.status.Type === 'ROUTABLE' && !agent.state.Missed;
}

export function agentView(agent: AgentLive, busy: AgentView['busy'], fallbackIdle: number): AgentView {
  const concurrency: AgentView['concurrency'] = {};
  for (const m of agent.profile?.MediaConcurrencies ?? [])
    concurrency[m.Channel] = { max: m.Concurrency, crossChannel: m.CrossChannelBehavior.BehaviorType };
  const queues: AgentQueueConfig[] = [];
  if (agent.agentQueueId)
    for (const channel of Object.keys(concurrency) as RoutingChannel[])
      queues.push({ queueId: agent.agentQueueId, channel, priority: AGENT_QUEUE_PRIORITY, delaySeconds: 0 });
  for (const c of agent.configs)
    queues.push({ queueId: c.QueueId, channel: c.Channel, priority: c.Priority, delaySeconds: c.Delay });
  return {
    userId: agent.user.Id,
    routable: isRoutable(agent),
    // An agent holding a contact is not idle: they come after every idle agent (rule: longest idle first).
    idleSince: agent.state.IdleSince ?? (Object.values(busy).some((n) => (n ?? 0) > 0) ? BUSY : fallbackIdle),
    concurrency,
    queues,
    busy,
  };
}
