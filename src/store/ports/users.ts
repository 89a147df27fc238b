import type { Page, Tags } from './common.js';

export type PhoneType = 'SOFT_PHONE' | 'DESK_PHONE';
export type UserChannel = 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';

export interface UserIdentityInfo {
  FirstName?: string;
  LastName?: string;
  Email?: string;
  SecondaryEmail?: string;
  Mobile?: string;
}

export interface UserPhoneConfig {
  PhoneType: PhoneType;
  AutoAccept?: boolean;
  /** Seconds; 0 means no limit. */
  AfterContactWorkTimeLimit?: number;
  DeskPhoneNumber?: string;
  PersistentConnection?: boolean;
}

export interface AfterContactWorkConfig {
  AfterContactWorkTimeLimit?: number;
}

/** The per-channel settings of CreateUser / UpdateUserConfig (Connect's newer model). */
export interface UserChannelConfigs {
  AutoAcceptConfigs?: { Channel: UserChannel; AutoAccept: boolean; AgentFirstCallbackAutoAccept?: boolean }[];
  AfterContactWorkConfigs?: {
    Channel: UserChannel;
    AfterContactWorkConfig: AfterContactWorkConfig;
    AgentFirstCallbackAfterContactWorkConfig?: AfterContactWorkConfig;
  }[];
  PhoneNumberConfigs?: { Channel: UserChannel; PhoneType: PhoneType; PhoneNumber?: string }[];
  PersistentConnectionConfigs?: { Channel: UserChannel; PersistentConnection: boolean }[];
  VoiceEnhancementConfigs?: {
    Channel: UserChannel;
    VoiceEnhancementMode: 'VOICE_ISOLATION' | 'NOISE_SUPPRESSION' | 'NONE';
  }[];
}

/**
 * A user (Connect's `User` shape). It never carries the password or its hash: those stay in the store and are
 * read only through `UserRepo.credentials`.
 */
export interface User extends UserChannelConfigs {
  InstanceId: string;
  Id: string;
  Arn: string;
  Username: string;
  IdentityInfo?: UserIdentityInfo;
  PhoneConfig: UserPhoneConfig;
  DirectoryUserId?: string;
  /** Sorted. */
  SecurityProfileIds: string[];
  RoutingProfileId: string;
  HierarchyGroupId?: string;
  Tags: Tags;
  LastModifiedTime: number;
}

export interface UserRepo {
  /** Inserts the user, its security profiles and (when given) its password hash. */
  insert(user: User, passwordHash: string | undefined): Promise<void>;
  /** Saves everything but the password hash; the security profiles are replaced by the user's. */
  update(user: User): Promise<void>;
  get(instanceId: string, id: string): Promise<User | undefined>;
  findByUsername(instanceId: string, username: string): Promise<User | undefined>;
  list(instanceId: string, page: Page): Promise<User[]>;
  count(instanceId: string): Promise<number>;
  delete(instanceId: string, id: string): Promise<boolean>;
  setPasswordHash(instanceId: string, id: string, hash: string, lastModifiedTime: number): Promise<void>;
  /** For login only: the id of the user with this username and its stored hash (undefined when it has none). */
  credentials(
    instanceId: string,
    username: string,
  ): Promise<{ userId: string; passwordHash: string | undefined } | undefined>;
  /** Whether the routing profile exists (routing profiles belong to another piece; this is the look-up users need). */
  routingProfileExists(instanceId: string, routingProfileId: string): Promise<boolean>;
  /** Quick connects of type USER that point at the user. */
  usedByQuickConnects(instanceId: string, id: string): Promise<string[]>;
}
