/**
 * What a user request may hold (CreateUser, UpdateUserIdentityInfo, UpdateUserPhoneConfig), and the rules
 * that depend on the instance's identity management type.
 */
import { z } from 'zod';
import { Channel, E164, invalidParameter } from '../core/index.js';
import type {
  Instance,
  UserChannelConfigs,
  UserIdentityInfo,
  UserPhoneConfig,
} from '../store/ports/index.js';

const PhoneType = z.enum(['SOFT_PHONE', 'DESK_PHONE']);
/** Seconds; 0 is no limit; at most 2,000,000 (24 days) as Connect documents. */
const AfterContactWorkTimeLimit = z.number().int().min(0).max(2_000_000);
const nfc = (s: string) => s === s.normalize('NFC');
const NFC_PROBLEM = 'must be in Unicode Normalization Form C (NFC)';

export const IdentityInfo = z.object({
  FirstName: z.string().max(255).refine(nfc, NFC_PROBLEM).optional(),
  LastName: z.string().max(300).refine(nfc, NFC_PROBLEM).optional(),
  Email: z
    .string()
    .max(255)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address')
    .optional(),
  SecondaryEmail: z
    .string()
    .max(265)
    .regex(/^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,63}$/, 'must be an email address')
    .optional(),
  Mobile: E164.optional(),
});

/** A desk phone needs its number: `field` names the number's member. */
const deskPhoneNeedsNumber =
  (field: 'DeskPhoneNumber' | 'PhoneNumber') =>
  (
    c: { PhoneType: 'SOFT_PHONE' | 'DESK_PHONE' } & Partial<Record<typeof field, string>>,
    ctx: z.RefinementCtx,
  ) => {
    if (c.PhoneType === 'DESK_PHONE' && !c[field])
      ctx.addIssue({ code: 'custom', path: [field], message: 'is required for a DESK_PHONE' });
  };

export const PhoneConfig = z
  .object({
    PhoneType,
    AutoAccept: z.boolean().optional(),
    AfterContactWorkTimeLimit: AfterContactWorkTimeLimit.optional(),
    DeskPhoneNumber: E164.optional(),
    PersistentConnection: z.boolean().optional(),
  })
  .superRefine(deskPhoneNeedsNumber('DeskPhoneNumber'));

/** A list with at most one entry per channel. */
const perChannel = <T extends z.ZodType<{ Channel: Channel }>>(item: T) =>
  z
    .array(item)
    .max(4)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((it, i) => {
        if (seen.has(it.Channel))
          ctx.addIssue({ code: 'custom', path: [i, 'Channel'], message: `${it.Channel} appears twice` });
        seen.add(it.Channel);
      });
    });

const AfterContactWorkConfig = z.object({ AfterContactWorkTimeLimit: AfterContactWorkTimeLimit.optional() });

/** The per-channel arrays of CreateUser, each optional. */
export const ChannelConfigs = {
  AutoAcceptConfigs: perChannel(
    z.object({ Channel, AutoAccept: z.boolean(), AgentFirstCallbackAutoAccept: z.boolean().optional() }),
  ).optional(),
  AfterContactWorkConfigs: perChannel(
    z.object({
      Channel,
      AfterContactWorkConfig,
      AgentFirstCallbackAfterContactWorkConfig: AfterContactWorkConfig.optional(),
    }),
  ).optional(),
  PhoneNumberConfigs: perChannel(
    z
      .object({ Channel, PhoneType, PhoneNumber: E164.optional() })
      .superRefine(deskPhoneNeedsNumber('PhoneNumber')),
  ).optional(),
  PersistentConnectionConfigs: perChannel(
    z.object({ Channel, PersistentConnection: z.boolean() }),
  ).optional(),
  VoiceEnhancementConfigs: perChannel(
    z.object({ Channel, VoiceEnhancementMode: z.enum(['VOICE_ISOLATION', 'NOISE_SUPPRESSION', 'NONE']) }),
  ).optional(),
};
const CHANNEL_CONFIG_KEYS = Object.keys(ChannelConfigs) as (keyof UserChannelConfigs)[];
/** The arrays whose VOICE entry says what PhoneConfig says. */
const PHONE_CONFIG_KEYS = [
  'AutoAcceptConfigs',
  'AfterContactWorkConfigs',
  'PhoneNumberConfigs',
  'PersistentConnectionConfigs',
] as const;

/** The per-channel settings that were given, without the absent ones. */
export function channelConfigsOf(req: UserChannelConfigs): UserChannelConfigs {
  return Object.fromEntries(CHANNEL_CONFIG_KEYS.flatMap((k) => (req[k] ? [[k, req[k]]] : [])));
}

/**
 * PhoneConfig is the VOICE channel's setting in Connect's older style; the per-channel arrays are the newer
 * one, and the two may not set the same thing. Without a PhoneConfig, the VOICE entries make it.
 */
export function phoneConfigFor(
  phone: UserPhoneConfig | undefined,
  channels: UserChannelConfigs,
): UserPhoneConfig {
  const voice = <E extends { Channel: string }>(list: E[] | undefined) =>
    list?.find((e) => e.Channel === 'VOICE');
  const number = voice(channels.PhoneNumberConfigs);
  const acw = voice(channels.AfterContactWorkConfigs)?.AfterContactWorkConfig.AfterContactWorkTimeLimit;
  const persistent = voice(channels.PersistentConnectionConfigs)?.PersistentConnection;
  const derived: UserPhoneConfig = {
    PhoneType: number?.PhoneType ?? 'SOFT_PHONE',
    AutoAccept: voice(channels.AutoAcceptConfigs)?.AutoAccept ?? false,
    AfterContactWorkTimeLimit: acw ?? 0,
    ...(number?.PhoneNumber !== undefined && { DeskPhoneNumber: number.PhoneNumber }),
    ...(persistent !== undefined && { PersistentConnection: persistent }),
  };
  if (!phone) return derived;
  const clash = PHONE_CONFIG_KEYS.find((k) => voice<{ Channel: string }>(channels[k]));
  if (clash)
    throw invalidParameter(
      'PhoneConfig',
      `cannot be given together with a VOICE entry in ${clash}; use one or the other`,
    );
  return phone;
}

/** UpdateUserPhoneConfig sets the VOICE settings and one ACW limit for every channel, as Connect documents. */
export function withPhoneConfig(channels: UserChannelConfigs): UserChannelConfigs {
  const notVoice = <E extends { Channel: string }>(list: E[] | undefined) => {
    const rest = list?.filter((e) => e.Channel !== 'VOICE');
    return rest?.length ? rest : undefined;
  };
  return channelConfigsOf({
    AutoAcceptConfigs: notVoice(channels.AutoAcceptConfigs),
    PhoneNumberConfigs: notVoice(channels.PhoneNumberConfigs),
    PersistentConnectionConfigs: notVoice(channels.PersistentConnectionConfigs),
    VoiceEnhancementConfigs: channels.VoiceEnhancementConfigs,
  });
}

type IdentityType = Instance['IdentityManagementType'];

/**
 * Username rules (CreateUser's documentation): up to 20 characters where Connect stores the users (also with
 * an existing directory), up to 64 from [a-zA-Z0-9_-.@] with SAML; `@` only in an email address.
 */
export function checkUsername(type: IdentityType, username: string): void {
  const max = type === 'SAML' ? 64 : 20;
  if (username.length > max)
    throw invalidParameter('Username', `may have at most ${max} characters on a ${type} instance`);
  if (!/^[a-zA-Z0-9_.@-]+$/.test(username))
    throw invalidParameter('Username', 'may hold only letters, digits and _-.@');
  if (username.includes('@') && !/^[^@]+@[^@.]+(\.[^@.]+)+$/.test(username))
    throw invalidParameter('Username', 'may include @ only as an email address, such as agent@example.com');
}

/** Members that only some identity management types take (CreateUser's documentation). */
export function checkIdentityMembers(
  type: IdentityType,
  req: { Password?: string; DirectoryUserId?: string },
): void {
  if (type === 'CONNECT_MANAGED' && req.Password === undefined)
    throw invalidParameter('Password', 'is required on a CONNECT_MANAGED instance');
  if (type !== 'CONNECT_MANAGED' && req.Password !== undefined)
    throw invalidParameter('Password', `is not accepted on a ${type} instance`);
  if (type === 'SAML' && req.DirectoryUserId !== undefined)
    throw invalidParameter('DirectoryUserId', 'is not accepted on a SAML instance');
}

/**
 * IdentityInfo rules by identity management type: where Connect stores the users, names are 1..255 and
 * 1..256 characters; SAML takes no Email; an existing directory owns FirstName, LastName and Email, so an
 * update may not change them.
 */
export function checkIdentityInfo(
  type: IdentityType,
  info: UserIdentityInfo | undefined,
  current?: UserIdentityInfo,
): void {
  if (!info) return;
  if (type === 'CONNECT_MANAGED') {
    if (info.FirstName !== undefined && info.FirstName.length === 0)
      throw invalidParameter('IdentityInfo.FirstName', 'may not be empty');
    if (info.LastName !== undefined && (info.LastName.length === 0 || info.LastName.length > 256))
      throw invalidParameter('IdentityInfo.LastName', 'must be 1 to 256 characters');
  }
  if (type === 'SAML' && info.Email !== undefined)
    throw invalidParameter('IdentityInfo.Email', 'is not accepted on a SAML instance');
  if (type === 'EXISTING_DIRECTORY' && current)
    for (const k of ['FirstName', 'LastName', 'Email'] as const)
      if (info[k] !== current[k])
        throw invalidParameter(`IdentityInfo.${k}`, 'is managed by the directory and cannot be changed');
}
