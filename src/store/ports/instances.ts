import type { Tags } from './common.js';

/** An Amazon Connect instance: the unit of consistency (DESIGN.md "Runtime model"). Times are epoch ms. */
export interface Instance {
  Id: string;
  Arn: string;
  InstanceAlias: string;
  IdentityManagementType: 'CONNECT_MANAGED' | 'SAML' | 'EXISTING_DIRECTORY';
  InstanceStatus: 'CREATION_IN_PROGRESS' | 'ACTIVE' | 'CREATION_FAILED';
  InboundCallsEnabled: boolean;
  OutboundCallsEnabled: boolean;
  CreatedTime: number;
  /** Values of the other instance attributes (CONTACTFLOW_LOGS, CONTACT_LENS, ...) that were set. */
  Attributes: Record<string, string>;
  Tags: Tags;
}

export interface InstanceRepo {
  insert(instance: Instance): Promise<void>;
  update(instance: Instance): Promise<void>;
  get(id: string): Promise<Instance | undefined>;
  findByAlias(alias: string): Promise<Instance | undefined>;
  list(page: { offset: number; limit: number }): Promise<Instance[]>;
  delete(id: string): Promise<boolean>;
}
