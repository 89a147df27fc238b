/**
 * Access keys: the credentials the AWS SDK signs requests with (SigV4). A key belongs to one user of one instance;
 * the user's security profiles govern what the key may do. The secret is stored sealed (`SecretCiphertext`), never
 * in clear: only the access service can open it, with the master key it is given.
 */
export type AccessKeyStatus = 'ACTIVE' | 'REVOKED';

export interface AccessKey {
  InstanceId: string;
  /** Unique across instances: a signed request names only the key, and the key names its instance. */
  AccessKeyId: string;
  UserId: string;
  /** The secret access key as the access service's SecretBox sealed it. */
  SecretCiphertext: string;
  Description?: string;
  Status: AccessKeyStatus;
  /** Epoch ms. */
  CreatedTime: number;
  /** Epoch ms of the last request the key signed (approximate: the service writes it at most once a minute). */
  LastUsedTime?: number;
}

export interface AccessKeyRepo {
  /** Refuses an id that exists (in whichever instance) with DuplicateResourceException. */
  insert(key: AccessKey): Promise<void>;
  /** The key with this id, whatever its instance. */
  get(accessKeyId: string): Promise<AccessKey | undefined>;
  /** The instance's keys (of one user when `userId` is given), oldest first. */
  listForInstance(instanceId: string, userId?: string): Promise<AccessKey[]>;
  /** Marks the key REVOKED; false when the instance has no such key. */
  revoke(instanceId: string, accessKeyId: string): Promise<boolean>;
  /** Puts a newly sealed secret in place of the stored one (a bootstrap key whose secret changed). */
  replaceSecret(accessKeyId: string, secretCiphertext: string): Promise<void>;
  /** Records when the key was last used. */
  touch(accessKeyId: string, lastUsedTime: number): Promise<void>;
}
