import type { Page, Tags } from './common.js';

export type TaskTemplateFieldType =
  | 'NAME'
  | 'DESCRIPTION'
  | 'SCHEDULED_TIME'
  | 'QUICK_CONNECT'
  | 'URL'
  | 'NUMBER'
  | 'TEXT'
  | 'TEXT_AREA'
  | 'DATE_TIME'
  | 'BOOLEAN'
  | 'SINGLE_SELECT'
  | 'EMAIL'
  | 'SELF_ASSIGN'
  | 'EXPIRY_DURATION';

export type TaskTemplateStatus = 'ACTIVE' | 'INACTIVE';

/** Connect names a field by `{ Name }` wherever it refers to one. */
export interface TaskTemplateFieldIdentifier {
  Name: string;
}

export interface TaskTemplateField {
  Id: TaskTemplateFieldIdentifier;
  Description?: string;
  Type: TaskTemplateFieldType;
  /** SINGLE_SELECT only: the choices. */
  SingleSelectOptions?: string[];
}

export interface TaskTemplateFieldRef {
  Id: TaskTemplateFieldIdentifier;
}

/** Always stored with all three lists (empty when the request left one out). */
export interface TaskTemplateConstraints {
  RequiredFields: TaskTemplateFieldRef[];
  ReadOnlyFields: TaskTemplateFieldRef[];
  InvisibleFields: TaskTemplateFieldRef[];
}

export interface TaskTemplateDefaultFieldValue {
  Id: TaskTemplateFieldIdentifier;
  DefaultValue: string;
}

export interface TaskTemplateDefaults {
  DefaultFieldValues: TaskTemplateDefaultFieldValue[];
}

/** What a template says: the part CreateTaskTemplate / UpdateTaskTemplate set, validated as one. */
export interface TaskTemplateBody {
  Name: string;
  Description?: string;
  ContactFlowId?: string;
  SelfAssignFlowId?: string;
  Constraints: TaskTemplateConstraints;
  Defaults: TaskTemplateDefaults;
  Fields: TaskTemplateField[];
  Status: TaskTemplateStatus;
}

/** GetTaskTemplate's shape, plus the version this body is (Connect's SnapshotVersion). */
export interface TaskTemplate extends TaskTemplateBody {
  InstanceId: string;
  Id: string;
  Arn: string;
  /** 1 at creation, one more at every update; each version stays readable. */
  Version: number;
  Tags: Tags;
  CreatedTime: number;
  LastModifiedTime: number;
}

export interface TaskTemplateFilter {
  Status?: TaskTemplateStatus;
  Name?: string;
}

export interface TaskTemplateRepo {
  /** Inserts the template and records its version. */
  insert(t: TaskTemplate): Promise<void>;
  /** Replaces the template and records its (new) version. */
  update(t: TaskTemplate): Promise<void>;
  /** The latest version. */
  get(instanceId: string, id: string): Promise<TaskTemplate | undefined>;
  /** The template as it was at `version` (Tags as they are now). */
  getVersion(instanceId: string, id: string, version: number): Promise<TaskTemplate | undefined>;
  findByName(instanceId: string, name: string): Promise<TaskTemplate | undefined>;
  list(instanceId: string, page: Page, filter?: TaskTemplateFilter): Promise<TaskTemplate[]>;
  count(instanceId: string): Promise<number>;
  /** Deletes the template and all its versions. */
  delete(instanceId: string, id: string): Promise<boolean>;
  /** The type (CONTACT_FLOW, CUSTOMER_QUEUE, MODULE, ...) of the flow in the instance; undefined if none. */
  flowType(instanceId: string, flowId: string): Promise<string | undefined>;
  /** Ids of the templates whose ContactFlowId or SelfAssignFlowId is the flow. */
  usingFlow(instanceId: string, flowId: string): Promise<string[]>;
}

/** ListTaskTemplates' item. */
export type TaskTemplateMetadata = Pick<
  TaskTemplate,
  'Id' | 'Arn' | 'Name' | 'Description' | 'Status' | 'CreatedTime' | 'LastModifiedTime'
>;
