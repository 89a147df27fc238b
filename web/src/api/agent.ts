/** The agent API calls the workspace makes (docs/API.md, "Agent API"). */
import { request } from './client.js';
import type {
  Agent,
  AgentStatus,
  Contact,
  ContactDetails,
  Offer,
  QuickConnect,
  Reference,
  Session,
  TaskRequest,
  TaskTemplate,
} from './types.js';

const BASE = '/api/agent';
const contactPath = (id: string) => `${BASE}/contacts/${encodeURIComponent(id)}`;

export interface ContactChanges {
  Name?: string;
  Description?: string;
  References?: Record<string, Reference>;
}

export const agentApi = {
  login: (Username: string, Password: string) =>
    request<Session>('POST', `${BASE}/login`, { Username, Password }),
  logout: () => request<{ LoggedOut: boolean }>('POST', `${BASE}/logout`),
  me: () => request<Session>('GET', `${BASE}/me`),
  state: () => request<{ Agent: Agent; Offers: Offer[] }>('GET', `${BASE}/state`),
  statuses: () => request<{ AgentStatuses: AgentStatus[] }>('GET', `${BASE}/statuses`),
  setStatus: (AgentStatusId: string) => request<{ Agent: Agent }>('PUT', `${BASE}/status`, { AgentStatusId }),
  accept: (id: string) => request<{ Contact: Contact }>('POST', `${contactPath(id)}/accept`),
  reject: (id: string) => request<{ ContactId: string }>('POST', `${contactPath(id)}/reject`),
  end: (id: string) => request<{ Contact: Contact }>('POST', `${contactPath(id)}/end`),
  hold: (id: string) => request<{ Contact: Contact }>('POST', `${contactPath(id)}/hold`),
  resume: (id: string) => request<{ Contact: Contact }>('POST', `${contactPath(id)}/resume`),
  complete: (id: string) => request<{ Contact: Contact }>('POST', `${contactPath(id)}/complete`),
  contact: (id: string) => request<ContactDetails>('GET', contactPath(id)),
  update: (id: string, changes: ContactChanges) =>
    request<{ Contact: Contact }>('PATCH', contactPath(id), changes),
  taskTemplates: () => request<{ TaskTemplates: TaskTemplate[] }>('GET', `${BASE}/task-templates`),
  /** The quick connects of the agent's queues and, with a contact, of its queue (X1), with X2's warnings. */
  quickConnects: (contactId?: string) =>
    request<{ QuickConnects: QuickConnect[] }>(
      'GET',
      `${BASE}/quick-connects${contactId === undefined ? '' : `?contactId=${encodeURIComponent(contactId)}`}`,
    ),
  /** X1; a flow that fails on tasks answers 409 TransferFailed with the reason (X2): the task stays. */
  transfer: (id: string, QuickConnectId: string) =>
    request<{ Transferred: true; ContactId: string }>('POST', `${contactPath(id)}/transfer`, {
      QuickConnectId,
    }),
  createTask: (task: TaskRequest) =>
    request<{ ContactId: string; Contact: Contact }>('POST', `${BASE}/tasks`, task),
};
