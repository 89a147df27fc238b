import type { Page, Tags } from './common.js';

export type PhoneNumberType =
  'TOLL_FREE' | 'DID' | 'UIFN' | 'SHARED' | 'THIRD_PARTY_TF' | 'THIRD_PARTY_DID' | 'SHORT_CODE';

export interface PhoneNumberStatus {
  Status: 'CLAIMED' | 'IN_PROGRESS' | 'FAILED';
  Message?: string;
}

/**
 * A claimed phone number: DescribePhoneNumber's `ClaimedPhoneNumberSummary`, plus the inbound flow it is
 * associated with. Phone numbers are account-scoped in their ARN but belong to one instance.
 */
export interface PhoneNumber {
  PhoneNumberId: string;
  PhoneNumberArn: string;
  /** E.164, unique across every instance. */
  PhoneNumber: string;
  /** ISO 3166-1 alpha-2. */
  PhoneNumberCountryCode: string;
  PhoneNumberType: PhoneNumberType;
  PhoneNumberDescription?: string;
  /** The instance's ARN. */
  TargetArn: string;
  InstanceId: string;
  Tags: Tags;
  PhoneNumberStatus: PhoneNumberStatus;
  /** The CONTACT_FLOW a call to the number runs. */
  ContactFlowId?: string;
  LastModifiedTime: number;
}

export interface PhoneNumberFilter {
  /** Numbers of this instance only (none: every instance). */
  instanceId?: string;
  types?: PhoneNumberType[];
  countryCodes?: string[];
  /** Numbers starting with this, e.g. `+8150`. */
  prefix?: string;
}

export interface PhoneNumberRepo {
  insert(p: PhoneNumber): Promise<void>;
  update(p: PhoneNumber): Promise<void>;
  /** By id, whatever the instance. */
  get(id: string): Promise<PhoneNumber | undefined>;
  /** The claimed number `+81...`, whatever the instance. */
  findByNumber(phoneNumber: string): Promise<PhoneNumber | undefined>;
  /** Ordered by number. */
  list(filter: PhoneNumberFilter, page: Page): Promise<PhoneNumber[]>;
  count(instanceId: string): Promise<number>;
  delete(id: string): Promise<boolean>;
  /** Queues of the instance whose outbound caller id is the number. */
  usedByQueues(instanceId: string, id: string): Promise<string[]>;
}
