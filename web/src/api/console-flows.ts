/**
 * The console's flow operations (docs/API.md, "Console API"): Connect's ListContactFlows, DescribeContactFlow,
 * CreateContactFlow and UpdateContactFlowContent, and the console's own LintContactFlow and BindFlowReferences
 * (an example flow's placeholder ARNs bound to this instance's resources of the same names).
 */
import { consoleCall, listAll } from './console.js';

export interface ContactFlowSummary {
  Id: string;
  Arn: string;
  Name: string;
  ContactFlowType: string;
  ContactFlowState?: 'ACTIVE' | 'ARCHIVED';
  ContactFlowStatus?: 'PUBLISHED' | 'SAVED';
}

export interface ContactFlow {
  Id: string;
  Arn: string;
  Name: string;
  Type: string;
  State?: 'ACTIVE' | 'ARCHIVED';
  Status?: 'PUBLISHED' | 'SAVED';
  Description?: string;
  Content: string;
  Version?: number;
  LastModifiedTime?: number;
}

export interface LintFinding {
  Code: string;
  Message: string;
  ActionId?: string;
}

export interface LintResult {
  Actions: number;
  FlowType: string | null;
  Errors: LintFinding[];
  Warnings: LintFinding[];
}

export interface BoundReferences {
  /** The bare content with its example ARNs bound. */
  Content: string;
  /** What the export says of itself (its wrapper, else its Metadata). */
  Type?: string;
  Name?: string;
  Description?: string;
  Bound: { Kind: string; Name: string; Arn: string }[];
  Missing: { Kind: string; Name: string }[];
}

export interface CreateFlowInput {
  Name: string;
  Type: string;
  Description?: string;
  Content: string;
}

export const flowsApi = {
  /** The instance's flows of every type. */
  list: () => listAll<ContactFlowSummary>('ListContactFlows', 'ContactFlowSummaryList'),
  describe: (ContactFlowId: string) =>
    consoleCall<{ ContactFlow: ContactFlow }>('DescribeContactFlow', { ContactFlowId }).then(
      (r) => r.ContactFlow,
    ),
  create: (input: CreateFlowInput) =>
    consoleCall<{ ContactFlowId: string; ContactFlowArn: string }>('CreateContactFlow', { ...input }),
  updateContent: (ContactFlowId: string, Content: string) =>
    consoleCall<Record<string, never>>('UpdateContactFlowContent', { ContactFlowId, Content }),
  lint: (Content: string, Type?: string) =>
    consoleCall<LintResult>('LintContactFlow', { Content, ...(Type && { Type }) }),
  bindReferences: (Content: string) => consoleCall<BoundReferences>('BindFlowReferences', { Content }),
};
