/**
 * The console API (docs/API.md, "Console API"): POST /api/console/<Operation> with the Connect operation's input
 * members (times in epoch ms), plus the supervisor requests of the agent API (search, schedule, stop).
 */
import { request } from './client.js';
import type { Contact, ContactDetails, ContactState, FieldType, TaskTemplate } from './types.js';

export const consoleCall = <T>(operation: string, input: Record<string, unknown> = {}) =>
  request<T>('POST', `/api/console/${encodeURIComponent(operation)}`, input);

/** Every page of a List operation (NextToken until there is none). */
export async function listAll<T>(
  operation: string,
  key: string,
  input: Record<string, unknown> = {},
): Promise<T[]> {
  const all: T[] = [];
  let next: string | undefined;
  do {
    const page = await consoleCall<Record<string, unknown>>(operation, {
      ...input,
      MaxResults: 100,
      ...(next && { NextToken: next }),
    });
    const items = page[key];
    if (Array.isArray(items)) all.push(...(items as T[]));
    next = typeof page.NextToken === 'string' ? page.NextToken : undefined;
  } while (next);
  return all;
}

export type TemplateStatus = 'ACTIVE' | 'INACTIVE';

export interface TemplateSummary {
  Id: string;
  Arn: string;
  Name: string;
  Description?: string;
  Status: TemplateStatus;
  LastModifiedTime?: number;
}

export interface FullTemplate extends TaskTemplate {
  Status: TemplateStatus;
  ContactFlowId?: string;
}

export interface FlowSummary {
  Id: string;
  Arn: string;
  Name: string;
  ContactFlowType?: string;
}

export interface UserSummary {
  Id: string;
  Username: string;
}

/** CreateTaskTemplate's and UpdateTaskTemplate's shared members. */
export interface TemplateInput {
  Name: string;
  Description?: string;
  ContactFlowId?: string;
  Status: TemplateStatus;
  Fields: { Id: { Name: string }; Type: FieldType; Description?: string; SingleSelectOptions?: string[] }[];
  Constraints: {
    RequiredFields: { Id: { Name: string } }[];
    ReadOnlyFields: { Id: { Name: string } }[];
    InvisibleFields: { Id: { Name: string } }[];
  };
  Defaults: { DefaultFieldValues: { Id: { Name: string }; DefaultValue: string }[] };
}

export interface SearchInput {
  TimeRange: { Type: 'INITIATION_TIMESTAMP' | 'SCHEDULED_TIMESTAMP'; StartTime: number; EndTime: number };
  SearchCriteria?: { Channels?: string[]; States?: ContactState[] };
  Sort?: { FieldName: string; Order: 'ASCENDING' | 'DESCENDING' };
  MaxResults?: number;
}

const contactPath = (id: string) => `/api/agent/contacts/${encodeURIComponent(id)}`;

export const consoleApi = {
  templates: () => listAll<TemplateSummary>('ListTaskTemplates', 'TaskTemplates'),
  template: (TaskTemplateId: string) => consoleCall<FullTemplate>('GetTaskTemplate', { TaskTemplateId }),
  createTemplate: (input: TemplateInput) =>
    consoleCall<{ Id: string; Arn: string }>('CreateTaskTemplate', { ...input }),
  updateTemplate: (TaskTemplateId: string, input: TemplateInput) =>
    consoleCall<FullTemplate>('UpdateTaskTemplate', { TaskTemplateId, ...input }),
  flows: () =>
    listAll<FlowSummary>('ListContactFlows', 'ContactFlowSummaryList', {
      ContactFlowTypes: ['CONTACT_FLOW'],
    }),
  users: () => listAll<UserSummary>('ListUsers', 'UserSummaryList'),
  search: (input: SearchInput) =>
    request<{ Contacts: Contact[]; NextToken?: string; TotalCount: number }>(
      'POST',
      '/api/agent/contacts/search',
      input,
    ),
  contact: (id: string) => request<ContactDetails>('GET', contactPath(id)),
  reschedule: (id: string, ScheduledTime: number) =>
    request<{ Contact: Contact }>('PUT', `${contactPath(id)}/schedule`, { ScheduledTime }),
  stop: (id: string) => request<{ Contact: Contact }>('POST', `${contactPath(id)}/stop`),
};
