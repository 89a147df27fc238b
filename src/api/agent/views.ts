/**
 * What the agent API shows of the engine's objects: contacts without the interpreter's internal state, users
 * without their configuration, the agent's live state. Times are epoch milliseconds throughout.
 */
import type { AgentSnapshot } from '../../contacts/engine.js';
import type { Contact, TaskTemplate, User } from '../../store/ports/index.js';

export type ContactView = Omit<Contact, 'FlowState' | 'QueueFlowState'>;

export function contactView(contact: Contact): ContactView {
  const { FlowState: _flow, QueueFlowState: _queueFlow, ...view } = contact;
  return view;
}

export interface UserView {
  Id: string;
  Arn: string;
  Username: string;
  FirstName?: string;
  LastName?: string;
  RoutingProfileId: string;
  SecurityProfileIds: string[];
}

export function userView(user: User): UserView {
  return {
    Id: user.Id,
    Arn: user.Arn,
    Username: user.Username,
    ...(user.IdentityInfo?.FirstName && { FirstName: user.IdentityInfo.FirstName }),
    ...(user.IdentityInfo?.LastName && { LastName: user.IdentityInfo.LastName }),
    RoutingProfileId: user.RoutingProfileId,
    SecurityProfileIds: user.SecurityProfileIds,
  };
}

export type AgentView = Omit<AgentSnapshot, 'contacts'> & { contacts: ContactView[] };

export function agentView(snapshot: AgentSnapshot): AgentView {
  return { ...snapshot, contacts: snapshot.contacts.map(contactView) };
}

/** An offer waiting for the agent: accept before `expiresAt` (epoch ms). */
export interface OfferView {
  contactId: string;
  expiresAt: number;
}

/** The offers among the agent's contacts; an offer expires `offerTimeoutMs` after it was made. */
export function offersOf(snapshot: AgentSnapshot, offerTimeoutMs: number): OfferView[] {
  return snapshot.contacts.flatMap((c) =>
    c.State === 'OFFERED' && c.OfferedTimestamp !== undefined
      ? [{ contactId: c.Id, expiresAt: c.OfferedTimestamp + offerTimeoutMs }]
      : [],
  );
}

export type TaskTemplateView = Omit<TaskTemplate, 'InstanceId' | 'Tags'>;

export function taskTemplateView(template: TaskTemplate): TaskTemplateView {
  const { InstanceId: _instance, Tags: _tags, ...view } = template;
  return view;
}
