/**
 * The kinds of resource a setup file describes, how each is found by name in an instance, and which placeholder
 * ARN segment (src/flows/placeholders.ts) names which kind.
 */
import type { Repositories } from '../store/ports/index.js';

export type SetupKind =
  | 'hours'
  | 'queue'
  | 'securityProfile'
  | 'routingProfile'
  | 'user'
  | 'agentStatus'
  | 'template'
  | 'flow'
  | 'quickConnect'
  | 'phoneNumber';

/** How people call each kind, in messages and reports. */
export const KIND_LABEL: Readonly<Record<SetupKind, string>> = {
  hours: 'hours of operation',
  queue: 'queue',
  securityProfile: 'security profile',
  routingProfile: 'routing profile',
  user: 'user',
  agentStatus: 'agent status',
  template: 'task template',
  flow: 'flow',
  quickConnect: 'quick connect',
  phoneNumber: 'phone number',
};

/**
 * The order kinds are applied in when nothing else decides: what a kind names comes before it. Templates rank
 * before flows so that a template is made as soon as the flow it needs exists (before the flows that name it).
 */
export const KIND_RANK: Readonly<Record<SetupKind, number>> = {
  hours: 0,
  queue: 1,
  securityProfile: 2,
  routingProfile: 3,
  user: 4,
  agentStatus: 5,
  template: 6,
  flow: 7,
  quickConnect: 8,
  phoneNumber: 9,
};

/** The kind each placeholder segment names; `prompt` has none (a setup file cannot define prompts). */
export const PLACEHOLDER_KIND: Readonly<Record<string, SetupKind>> = {
  queue: 'queue',
  'contact-flow': 'flow',
  'flow-module': 'flow',
  'task-template': 'template',
  'hours-of-operation': 'hours',
  'quick-connect': 'quickConnect',
  agent: 'user',
  'routing-profile': 'routingProfile',
};

/** What the instance has of a kind and name: its id and, for a flow, its type. */
export interface Existing {
  id: string;
  arn?: string;
  type?: string;
  /** A phone number claimed by another instance. */
  elsewhere?: boolean;
}

/** Finds a resource of the instance by name (a phone number by its number, in any instance). */
export async function findExisting(
  repos: Repositories,
  instanceId: string,
  kind: SetupKind,
  name: string,
): Promise<Existing | undefined> {
  switch (kind) {
    case 'hours': {
      const h = await repos.hours.findByName(instanceId, name);
      return h && { id: h.HoursOfOperationId, arn: h.HoursOfOperationArn };
    }
    case 'queue': {
      const q = await repos.queues.findByName(instanceId, name);
      return q && { id: q.QueueId, arn: q.QueueArn };
    }
    case 'securityProfile': {
      const sp = await repos.securityProfiles.findByName(instanceId, name);
      return sp && { id: sp.Id, arn: sp.Arn };
    }
    case 'routingProfile': {
      const rp = await repos.routingProfiles.findByName(instanceId, name);
      return rp && { id: rp.RoutingProfileId, arn: rp.RoutingProfileArn };
    }
    case 'user': {
      const u = await repos.users.findByUsername(instanceId, name);
      return u && { id: u.Id, arn: u.Arn };
    }
    case 'agentStatus': {
      const s = await repos.agentStatuses.findByName(instanceId, name);
      return s && { id: s.AgentStatusId, arn: s.AgentStatusARN };
    }
    case 'template': {
      const t = await repos.taskTemplates.findByName(instanceId, name);
      return t && { id: t.Id, arn: t.Arn };
    }
    case 'flow': {
      const f = await repos.flows.findByName(instanceId, name);
      return f && { id: f.Id, arn: f.Arn, type: f.Type };
    }
    case 'quickConnect': {
      const qc = await repos.quickConnects.findByName(instanceId, name);
      return qc && { id: qc.QuickConnectId, arn: qc.QuickConnectARN };
    }
    case 'phoneNumber': {
      const p = await repos.phoneNumbers.findByNumber(name);
      return p && { id: p.PhoneNumberId, arn: p.PhoneNumberArn, elsewhere: p.InstanceId !== instanceId };
    }
  }
}

/** Like findExisting, but the resource must be there (it was made earlier in the same run). */
export async function requireExisting(
  repos: Repositories,
  instanceId: string,
  kind: SetupKind,
  name: string,
): Promise<Existing> {
  const found = await findExisting(repos, instanceId, kind, name);
  if (!found) throw new Error(`the ${KIND_LABEL[kind]} '${name}' should exist by now`);
  return found;
}
