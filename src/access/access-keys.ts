/**
 * Access keys (issue 5, "Authentication"): what an administrator creates so that scripts sign requests with the
 * AWS SDK. A key belongs to a user of an instance; the key's secret is shown once, when it is made, and stored
 * sealed with the master key (SecretBox). The SigV4 verifier asks `secretFor` on every signed request.
 * Nothing here puts a secret into an error message or a log.
 */
import { z } from 'zod';
import {
  IdOrArn,
  idFromIdOrArn,
  invalidParameter,
  invalidRequest,
  notFound,
  systemEntropy,
  validate,
  type Clock,
  type Entropy,
} from '../core/index.js';
import type { AccessKey, AccessKeyStatus, Repositories, Store } from '../store/ports/index.js';
import { requireInstance } from '../instances/context.js';
import type { SecretBox } from './secret-box.js';
import { ACTOR_CACHE_MS } from './actor.js';

/** How many opened secrets are kept at most. */
const OPENED_KEPT = 1_000;

/** An access key as lists show it: never the secret, sealed or not. */
export interface AccessKeySummary {
  AccessKeyId: string;
  InstanceId: string;
  UserId: string;
  Description?: string;
  Status: AccessKeyStatus;
  CreatedTime: number;
  LastUsedTime?: number;
}

/** What `create` returns: the only time the secret is given out. */
export interface NewAccessKey extends AccessKeySummary {
  SecretAccessKey: string;
}

/** What the SigV4 verifier needs of an ACTIVE key. */
export interface SigningSecret {
  userId: string;
  instanceId: string;
  secret: string;
}

export type BootstrapOutcome = 'created' | 'unchanged' | 'secret-replaced' | 'revoked';

export interface AccessKeyServiceDeps {
  store: Store;
  clock: Clock;
}

export interface AccessKeyServiceOptions {
  /** Seals and opens the stored secrets (AES-256-GCM with the master key). */
  secretBox: SecretBox;
  /** Where new key ids and secrets come from; the operating system's by default. */
  entropy?: Entropy;
}

/** AWS's access key id pattern ([\w]+, 16..128); ours are `AKIA` + 16 base32 characters. */
const AccessKeyId = z.string().regex(/^\w{16,128}$/, 'must be 16 to 128 letters, digits or underscores');
const Description = z.string().max(1000);
const CreateInput = z.object({ UserId: IdOrArn, Description: Description.optional() });
const ListInput = z.object({ UserId: IdOrArn.optional() });

/** A chosen secret (the bootstrap one): 16..128 visible ASCII characters. Checked by hand so no message repeats it. */
const SECRET_RULE = /^[\x21-\x7e]{16,128}$/;
const SECRET_PROBLEM = 'must be 16 to 128 visible ASCII characters';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 10 bytes are 80 bits: 16 base32 characters. */
const ID_BYTES = 10;
/** 30 bytes are 40 base64 characters, the length of an AWS secret access key. */
const SECRET_BYTES = 30;
/** LastUsedTime is written at most this often per key, so signed requests do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

export const summaryOf = (k: AccessKey): AccessKeySummary => ({
  AccessKeyId: k.AccessKeyId,
  InstanceId: k.InstanceId,
  UserId: k.UserId,
  ...(k.Description !== undefined && { Description: k.Description }),
  Status: k.Status,
  CreatedTime: k.CreatedTime,
  ...(k.LastUsedTime !== undefined && { LastUsedTime: k.LastUsedTime }),
});

async function requireUserId(repos: Repositories, instanceId: string, idOrArn: string): Promise<string> {
  const id = idFromIdOrArn(idOrArn);
  if (!(await repos.users.get(instanceId, id))) throw notFound('User', id, 'UserId');
  return id;
}

export function accessKeyService(deps: AccessKeyServiceDeps, options: AccessKeyServiceOptions) {
  const { store, clock } = deps;
  const box = options.secretBox;
  const entropy = options.entropy ?? systemEntropy;
  const lastTouched = new Map<string, number>();
  // Opened secrets of active keys, kept while the configuration has not changed (a revoke changes it) and for at
  // most ACTOR_CACHE_MS. Unknown and revoked keys are not kept: anyone can send those.
  const opened = new Map<string, { generation: number; at: number; secret: SigningSecret }>();

  const newId = (): string => `AKIA${base32(entropy.bytes(ID_BYTES))}`;
  const newSecret = (): string => Buffer.from(entropy.bytes(SECRET_BYTES)).toString('base64');

  return {
    /** Creates a key for a user of the instance. The result carries the secret: show it once, keep it nowhere. */
    async create(instanceId: string, input: z.input<typeof CreateInput>): Promise<NewAccessKey> {
      const req = validate(CreateInput, input);
      const secret = newSecret();
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        const userId = await requireUserId(repos, instanceId, req.UserId);
        let id = newId();
        // 80 random bits: a clash is all but impossible, and costs only another draw.
        while (await repos.accessKeys.get(id)) id = newId();
        const key: AccessKey = {
          InstanceId: instanceId,
          AccessKeyId: id,
          UserId: userId,
          SecretCiphertext: box.seal(secret, id),
          ...(req.Description !== undefined && { Description: req.Description }),
          Status: 'ACTIVE',
          CreatedTime: clock.now(),
        };
        await repos.accessKeys.insert(key);
        return { ...summaryOf(key), SecretAccessKey: secret };
      });
    },

    /** The instance's keys (of one user when UserId is given), oldest first; never a secret. */
    async list(instanceId: string, input: z.input<typeof ListInput> = {}): Promise<AccessKeySummary[]> {
      const req = validate(ListInput, input);
      await requireInstance(store.repos, instanceId);
      const userId = req.UserId === undefined ? undefined : idFromIdOrArn(req.UserId);
      return (await store.repos.accessKeys.listForInstance(instanceId, userId)).map(summaryOf);
    },

    /** The key with this id, whatever its instance (for tools that are given only the id); never the secret. */
    async find(accessKeyId: string): Promise<AccessKeySummary | undefined> {
      const key = await store.repos.accessKeys.get(accessKeyId);
      return key && summaryOf(key);
    },

    /** Revokes the key at once: the next request it signs is refused. Revoking a revoked key changes nothing. */
    async revoke(instanceId: string, accessKeyId: string): Promise<AccessKeySummary> {
      const id = validate(z.object({ AccessKeyId }), { AccessKeyId: accessKeyId }).AccessKeyId;
      return store.transaction(async (repos) => {
        const key = await repos.accessKeys.get(id);
        if (!key || key.InstanceId !== instanceId) throw notFound('Access key', id, 'AccessKeyId');
        if (key.Status !== 'REVOKED') await repos.accessKeys.revoke(instanceId, id);
        return summaryOf({ ...key, Status: 'REVOKED' });
      });
    },

    /** The secret of an ACTIVE key and whose it is; undefined for an unknown or revoked key. */
    async secretFor(accessKeyId: string): Promise<SigningSecret | undefined> {
      const generation = store.configurationGeneration();
      const now = clock.now();
      const hit = opened.get(accessKeyId);
      if (hit && hit.generation === generation && now - hit.at < ACTOR_CACHE_MS) return hit.secret;
      opened.delete(accessKeyId);
      const key = await store.repos.accessKeys.get(accessKeyId);
      if (!key || key.Status !== 'ACTIVE') return undefined;
      const secret = {
        userId: key.UserId,
        instanceId: key.InstanceId,
        secret: box.open(key.SecretCiphertext, key.AccessKeyId),
      };
      opened.set(accessKeyId, { generation, at: now, secret });
      if (opened.size > OPENED_KEPT) opened.delete(opened.keys().next().value as string);
      return secret;
    },

    /** Records that the key signed a request now (written at most once a minute per key). */
    async markUsed(accessKeyId: string): Promise<void> {
      const now = clock.now();
      const last = lastTouched.get(accessKeyId);
      if (last !== undefined && now - last < TOUCH_INTERVAL_MS) return;
      lastTouched.set(accessKeyId, now);
      await store.repos.accessKeys.touch(accessKeyId, now);
    },

    /**
     * The key the environment names (TSUNAGI_BOOTSTRAP_ACCESS_KEY_ID / _SECRET_ACCESS_KEY) for `userId`, made
     * on a fresh database and kept afterwards. The environment is the truth for the secret: a stored key whose
     * secret differs gets the new one. A key an administrator revoked stays revoked ('revoked': the caller
     * should warn), and an id that belongs to another user or instance is refused.
     */
    async ensureBootstrap(
      instanceId: string,
      userId: string,
      accessKeyId: string,
      secret: string,
    ): Promise<BootstrapOutcome> {
      const id = validate(z.object({ AccessKeyId }), { AccessKeyId: accessKeyId }).AccessKeyId;
      if (!SECRET_RULE.test(secret)) throw invalidParameter('SecretAccessKey', SECRET_PROBLEM);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        const owner = await requireUserId(repos, instanceId, userId);
        const existing = await repos.accessKeys.get(id);
        if (!existing) {
          await repos.accessKeys.insert({
            InstanceId: instanceId,
            AccessKeyId: id,
            UserId: owner,
            SecretCiphertext: box.seal(secret, id),
            Description: 'Bootstrap key (TSUNAGI_BOOTSTRAP_ACCESS_KEY_ID)',
            Status: 'ACTIVE',
            CreatedTime: clock.now(),
          });
          return 'created';
        }
        if (existing.InstanceId !== instanceId || existing.UserId !== owner)
          throw invalidRequest(`access key ${id} belongs to another user`, { AccessKeyId: id });
        if (existing.Status === 'REVOKED') return 'revoked';
        if (box.open(existing.SecretCiphertext, id) === secret) return 'unchanged';
        await repos.accessKeys.replaceSecret(id, box.seal(secret, id));
        return 'secret-replaced';
      });
    },
  };
}

export type AccessKeyService = ReturnType<typeof accessKeyService>;
