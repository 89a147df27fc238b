import type { Page, Tags } from './common.js';

/** A security profile: a named set of Amazon Connect permission names. */
export interface SecurityProfile {
  InstanceId: string;
  Id: string;
  Arn: string;
  /** Connect answers the instance id here. */
  OrganizationResourceId: string;
  SecurityProfileName: string;
  Description?: string;
  /** Distinct names, sorted. DescribeSecurityProfile does not return them; ListSecurityProfilePermissions does. */
  Permissions: string[];
  Tags: Tags;
  LastModifiedTime: number;
}

export interface SecurityProfileRepo {
  insert(sp: SecurityProfile): Promise<void>;
  update(sp: SecurityProfile): Promise<void>;
  get(instanceId: string, id: string): Promise<SecurityProfile | undefined>;
  /** The ones of `ids` that exist, in no particular order. */
  getMany(instanceId: string, ids: string[]): Promise<SecurityProfile[]>;
  findByName(instanceId: string, name: string): Promise<SecurityProfile | undefined>;
  list(instanceId: string, page: Page): Promise<SecurityProfile[]>;
  count(instanceId: string): Promise<number>;
  delete(instanceId: string, id: string): Promise<boolean>;
  /** Ids of the users that have the profile. */
  usedByUsers(instanceId: string, id: string): Promise<string[]>;
}
