import { z } from 'zod';
import {
  E164,
  IdOrArn,
  MaxResults,
  Tags,
  idFromIdOrArn,
  inUse,
  instanceArn,
  invalidParameter,
  isConnectError,
  listPage,
  notFound,
  parseArn,
  phoneNumberArn,
  validate,
  type ListResult,
} from '../core/index.js';
import type { Flow, PhoneNumber, PhoneNumberType, Repositories } from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';
import { listInInstance, requireRoom } from '../instances/resource.js';

/**
 * Phone numbers. Tsunagi has no carrier: ClaimPhoneNumber takes any E.164 number the operator chooses, and a
 * number belongs to at most one instance at a time. The calls of a number run its CONTACT_FLOW.
 */

/** E.164 calling codes → ISO country (one country per code; +1 is the US, +7 Russia except +76/+77). */
const CALLING_CODES: ReadonlyMap<string, string> = new Map(
  `1 US 7 RU 76 KZ 77 KZ 20 EG 27 ZA 30 GR 31 NL 32 BE 33 FR 34 ES 36 HU 39 IT 40 RO 41 CH 43 AT 44 GB 45 DK
  46 SE 47 NO 48 PL 49 DE 51 PE 52 MX 53 CU 54 AR 55 BR 56 CL 57 CO 58 VE 60 MY 61 AU 62 ID 63 PH 64 NZ 65 SG
  66 TH 81 JP 82 KR 84 VN 86 CN 90 TR 91 IN 92 PK 93 AF 94 LK 95 MM 98 IR 212 MA 213 DZ 216 TN 218 LY 220 GM
  221 SN 222 MR 223 ML 224 GN 225 CI 226 BF 227 NE 228 TG 229 BJ 230 MU 231 LR 232 SL 233 GH 234 NG 235 TD
  236 CF 237 CM 238 CV 239 ST 240 GQ 241 GA 242 CG 243 CD 244 AO 245 GW 246 IO 248 SC 249 SD 250 RW 251 ET
  252 SO 253 DJ 254 KE 255 TZ 256 UG 257 BI 258 MZ 260 ZM 261 MG 262 RE 263 ZW 264 NA 265 MW 266 LS 267 BW
  268 SZ 269 KM 290 SH 291 ER 297 AW 298 FO 299 GL 350 GI 351 PT 352 LU 353 IE 354 IS 355 AL 356 MT 357 CY
  358 FI 359 BG 370 LT 371 LV 372 EE 373 MD 374 AM 375 BY 376 AD 377 MC 378 SM 379 VA 380 UA 381 RS 382 ME
  385 HR 386 SI 387 BA 389 MK 420 CZ 421 SK 423 LI 500 FK 501 BZ 502 GT 503 SV 504 HN 505 NI 506 CR 507 PA
  508 PM 509 HT 591 BO 592 GY 593 EC 595 PY 597 SR 598 UY 599 CW 670 TL 673 BN 674 NR 675 PG 676 TO 677 SB
  678 VU 679 FJ 680 PW 681 WF 682 CK 683 NU 685 WS 686 KI 687 NC 688 TV 689 PF 690 TK 691 FM 692 MH 850 KP
  852 HK 853 MO 855 KH 856 LA 880 BD 886 TW 960 MV 961 LB 962 JO 963 SY 964 IQ 965 KW 966 SA 967 YE 968 OM
  971 AE 972 IL 973 BH 974 QA 975 BT 976 MN 977 NP 992 TJ 993 TM 994 AZ 995 GE 996 KG 998 UZ`
    .split(/\s+/)
    .flatMap((token, i, all) => (i % 2 === 0 ? [[token, all[i + 1] ?? ''] as const] : [])),
);

/**
 * The country of a number whose calling code the table does not know (non-geographic ranges such as +800 or
 * +882, spare codes): the US, Connect's home country. ClaimPhoneNumber has no field to say otherwise.
 */
export const UNKNOWN_COUNTRY = 'US';

/** Toll-free ranges of common countries; every other number is a DID. */
const TOLL_FREE = /^\+(1(800|833|844|855|866|877|888)|44(800|808)|81(120|800)|3380|49800|611800)/;

/** The country (longest calling code that matches) and type of an E.164 number. */
export function numberPlan(e164: string): { country: string; type: PhoneNumberType } {
  const digits = e164.slice(1);
  let country = UNKNOWN_COUNTRY;
  for (let len = 3; len >= 1; len--) {
    const found = CALLING_CODES.get(digits.slice(0, len));
    if (found) {
      country = found;
      break;
    }
  }
  const type: PhoneNumberType = e164.startsWith('+800') ? 'UIFN' : TOLL_FREE.test(e164) ? 'TOLL_FREE' : 'DID';
  return { country, type };
}

const PhoneNumberTypeEnum = z.enum([
  'TOLL_FREE',
  'DID',
  'UIFN',
  'SHARED',
  'THIRD_PARTY_TF',
  'THIRD_PARTY_DID',
  'SHORT_CODE',
]);
const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as JP');
const Description = z.string().max(500);
const PhoneNumberId = z.string().min(1).max(500);
const Target = { TargetArn: z.string().min(1).optional(), InstanceId: IdOrArn.max(100).optional() };
const Filters = {
  PhoneNumberTypes: z.array(PhoneNumberTypeEnum).max(6).optional(),
  PhoneNumberCountryCodes: z.array(CountryCode).max(10).optional(),
  MaxResults: MaxResults(1000).optional(),
};

const ClaimInput = z.object({
  ...Target,
  PhoneNumber: E164,
  PhoneNumberDescription: Description.optional(),
  Tags: Tags.optional(),
  /** Idempotency is the API layer's: the token is accepted and not used here. */
  ClientToken: z.string().max(500).optional(),
});
const ListV2Input = z.object({
  ...Target,
  ...Filters,
  NextToken: z.string().max(100000).optional(),
  PhoneNumberPrefix: z
    .string()
    .regex(/^\+?[0-9]{1,11}$/, 'must be + and up to 11 digits, such as +8150')
    .optional(),
});
const ListInput = z.object({ ...Filters, NextToken: z.string().optional() });
const AssociateInput = z.object({ InstanceId: IdOrArn.max(100), ContactFlowId: z.string().min(1).max(500) });
const InstanceInput = z.object({ InstanceId: IdOrArn.max(100) });
const MetadataInput = z.object({
  PhoneNumberDescription: Description.optional(),
  ClientToken: z.string().max(500).optional(),
});

export type ClaimPhoneNumberInput = z.input<typeof ClaimInput>;
export type ListPhoneNumbersV2Input = z.input<typeof ListV2Input>;

/** ListPhoneNumbers' (legacy) item: its ARN is the old, instance-scoped one. */
export interface PhoneNumberSummary {
  Id: string;
  Arn: string;
  PhoneNumber: string;
  PhoneNumberType: PhoneNumberType;
  PhoneNumberCountryCode: string;
}

/** The legacy listing knows only TOLL_FREE and DID, and shows other types as one of them (as Connect does). */
const LEGACY_TYPE: Partial<Record<PhoneNumberType, PhoneNumberType>> = {
  UIFN: 'TOLL_FREE',
  THIRD_PARTY_TF: 'TOLL_FREE',
  SHARED: 'DID',
  THIRD_PARTY_DID: 'DID',
  SHORT_CODE: 'DID',
};

/** The number (by id or ARN), or ResourceNotFoundException; with `instanceId`, only a number claimed there. */
async function requireNumber(
  repos: Repositories,
  idOrArn: string,
  instanceId?: string,
): Promise<PhoneNumber> {
  const id = idFromIdOrArn(idOrArn);
  const p = await repos.phoneNumbers.get(id);
  if (!p || (instanceId !== undefined && p.InstanceId !== instanceId))
    throw notFound(
      instanceId === undefined ? 'Phone number' : `Phone number in instance ${instanceId}`,
      id,
      'PhoneNumberId',
    );
  return p;
}

export function phoneNumberService(deps: ServiceDeps) {
  const { store, clock, ids, arns, limits } = deps;

  /** The instance named by TargetArn and/or InstanceId (they must agree); undefined if neither is given. */
  async function targetInstance(
    repos: Repositories,
    req: { TargetArn?: string; InstanceId?: string },
  ): Promise<string | undefined> {
    let fromArn: string | undefined;
    if (req.TargetArn !== undefined) {
      const arn = parseArn(req.TargetArn);
      if (!arn || arn.path[0] !== 'instance' || arn.path.length !== 2 || !arn.path[1])
        throw invalidParameter('TargetArn', 'must be the ARN of an instance');
      if (arn.region !== arns.region || arn.account !== arns.account)
        throw notFound('Instance', req.TargetArn, 'TargetArn');
      fromArn = arn.path[1];
    }
    const fromId = req.InstanceId === undefined ? undefined : idFromIdOrArn(req.InstanceId);
    if (fromArn !== undefined && fromId !== undefined && fromArn !== fromId)
      throw invalidParameter('TargetArn', `names instance ${fromArn}, but InstanceId is ${fromId}`);
    const instanceId = fromArn ?? fromId;
    if (instanceId !== undefined) await requireInstance(repos, instanceId);
    return instanceId;
  }

  /** Loads the number claimed to the instance, applies `change`, stamps and saves it. */
  const modify = (
    phoneNumberId: string,
    instanceIdOrArn: string | undefined,
    change: (p: PhoneNumber, repos: Repositories) => Promise<PhoneNumber> | PhoneNumber,
  ) =>
    store.transaction(async (repos) => {
      const instanceId = instanceIdOrArn === undefined ? undefined : idFromIdOrArn(instanceIdOrArn);
      if (instanceId !== undefined) await requireInstance(repos, instanceId);
      const current = await requireNumber(repos, phoneNumberId, instanceId);
      const next = { ...(await change(current, repos)), LastModifiedTime: clock.now() };
      await repos.phoneNumbers.update(next);
      return next;
    });

  const taken = (n: string) => invalidParameter('PhoneNumber', `${n} is already claimed`);

  return {
    /**
     * ClaimPhoneNumber: the number must not be claimed by any instance. `inTransaction` runs in the claim's
     * transaction once it is written (the API records the request's ClientToken there).
     */
    async claim(
      input: ClaimPhoneNumberInput,
      options: { inTransaction?: (repos: Repositories, claimed: PhoneNumber) => Promise<void> } = {},
    ): Promise<PhoneNumber> {
      const req = validate(ClaimInput, input);
      return store.transaction(async (repos) => {
        const instanceId = await targetInstance(repos, req);
        if (instanceId === undefined)
          throw invalidParameter('TargetArn', 'TargetArn or InstanceId is required');
        if (await repos.phoneNumbers.findByNumber(req.PhoneNumber)) throw taken(req.PhoneNumber);
        requireRoom(
          'phone numbers',
          await repos.phoneNumbers.count(instanceId),
          limits.phoneNumbersPerInstance,
        );
        const id = ids.next();
        const plan = numberPlan(req.PhoneNumber);
        const p: PhoneNumber = {
          PhoneNumberId: id,
          PhoneNumberArn: phoneNumberArn(arns, id),
          PhoneNumber: req.PhoneNumber,
          PhoneNumberCountryCode: plan.country,
          PhoneNumberType: plan.type,
          ...(req.PhoneNumberDescription !== undefined && {
            PhoneNumberDescription: req.PhoneNumberDescription,
          }),
          TargetArn: instanceArn(arns, instanceId),
          InstanceId: instanceId,
          Tags: req.Tags ?? {},
          PhoneNumberStatus: { Status: 'CLAIMED' },
          LastModifiedTime: clock.now(),
        };
        try {
          await repos.phoneNumbers.insert(p);
        } catch (e) {
          // Claimed by a concurrent request since the check above.
          if (isConnectError(e) && e.code === 'DuplicateResourceException') throw taken(req.PhoneNumber);
          throw e;
        }
        await options.inTransaction?.(repos, p);
        return p;
      });
    },

    async describe(phoneNumberId: string): Promise<PhoneNumber> {
      return requireNumber(store.repos, validate(PhoneNumberId, phoneNumberId));
    },

    /** ListPhoneNumbersV2: the numbers of one instance, or of every instance when none is named. */
    async listV2(input: ListPhoneNumbersV2Input = {}): Promise<ListResult<PhoneNumber>> {
      const req = validate(ListV2Input, input);
      const instanceId = await targetInstance(store.repos, req);
      const filter = {
        ...(instanceId !== undefined && { instanceId }),
        types: req.PhoneNumberTypes,
        countryCodes: req.PhoneNumberCountryCodes,
        ...(req.PhoneNumberPrefix !== undefined && {
          prefix: `+${req.PhoneNumberPrefix.replace(/^\+/, '')}`,
        }),
      };
      return listPage(`phone-numbers:${JSON.stringify(filter)}`, req, 100, (page) =>
        store.repos.phoneNumbers.list(filter, page),
      );
    },

    /** ListPhoneNumbers (legacy): the instance's numbers as `PhoneNumberSummary`. */
    async list(
      instanceId: string,
      input: z.input<typeof ListInput> = {},
    ): Promise<ListResult<PhoneNumberSummary>> {
      return listInInstance(store.repos, instanceId, ListInput, input, (req) => {
        const filter = { instanceId, types: req.PhoneNumberTypes, countryCodes: req.PhoneNumberCountryCodes };
        return {
          scope: `phone-numbers-legacy:${JSON.stringify(filter)}`,
          fetch: async (page) =>
            (await store.repos.phoneNumbers.list(filter, page)).map((p) => ({
              Id: p.PhoneNumberId,
              Arn: `${instanceArn(arns, p.InstanceId)}/phone-number/${p.PhoneNumberId}`,
              PhoneNumber: p.PhoneNumber,
              PhoneNumberType: LEGACY_TYPE[p.PhoneNumberType] ?? p.PhoneNumberType,
              PhoneNumberCountryCode: p.PhoneNumberCountryCode,
            })),
        };
      });
    },

    /** AssociatePhoneNumberContactFlow: calls to the number will run the flow, an active CONTACT_FLOW. */
    async associateContactFlow(
      phoneNumberId: string,
      input: z.input<typeof AssociateInput>,
    ): Promise<PhoneNumber> {
      const req = validate(AssociateInput, input);
      return modify(validate(PhoneNumberId, phoneNumberId), req.InstanceId, async (p, repos) => {
        const flowId = idFromIdOrArn(req.ContactFlowId);
        const flow = await repos.flows.get(p.InstanceId, flowId);
        if (!flow || flow.Type === 'MODULE') throw notFound('Contact flow', flowId, 'ContactFlowId');
        if (flow.Type !== 'CONTACT_FLOW')
          throw invalidParameter(
            'ContactFlowId',
            `flow ${flowId} is of type ${flow.Type}; a phone number runs a CONTACT_FLOW (inbound) flow`,
          );
        if (flow.State === 'ARCHIVED') throw invalidParameter('ContactFlowId', `flow ${flowId} is archived`);
        return { ...p, ContactFlowId: flowId };
      });
    },

    async disassociateContactFlow(
      phoneNumberId: string,
      input: z.input<typeof InstanceInput>,
    ): Promise<PhoneNumber> {
      const req = validate(InstanceInput, input);
      return modify(
        validate(PhoneNumberId, phoneNumberId),
        req.InstanceId,
        ({ ContactFlowId: _flow, ...p }) => p,
      );
    },

    async updateMetadata(phoneNumberId: string, input: z.input<typeof MetadataInput>): Promise<PhoneNumber> {
      const req = validate(MetadataInput, input);
      return modify(validate(PhoneNumberId, phoneNumberId), undefined, (p) =>
        req.PhoneNumberDescription === undefined
          ? p
          : { ...p, PhoneNumberDescription: req.PhoneNumberDescription },
      );
    },

    /** ReleasePhoneNumber: refused while a queue uses the number as its outbound caller id. */
    async release(phoneNumberId: string): Promise<void> {
      const idOrArn = validate(PhoneNumberId, phoneNumberId);
      await store.transaction(async (repos) => {
        const p = await requireNumber(repos, idOrArn);
        const queues = await repos.phoneNumbers.usedByQueues(p.InstanceId, p.PhoneNumberId);
        if (queues.length > 0) throw inUse('Phone number', p.PhoneNumberId, `queue ${queues.join(', ')}`);
        await repos.phoneNumbers.delete(p.PhoneNumberId);
      });
    },

    /** For the voice channel: the claimed number a call is made to, and the flow it runs (if associated). */
    async findByNumber(phoneNumber: string): Promise<{ phoneNumber: PhoneNumber; flow?: Flow } | undefined> {
      const p = await store.repos.phoneNumbers.findByNumber(phoneNumber);
      if (!p) return undefined;
      const flow =
        p.ContactFlowId === undefined
          ? undefined
          : await store.repos.flows.get(p.InstanceId, p.ContactFlowId);
      return { phoneNumber: p, ...(flow && { flow }) };
    },
  };
}
export type PhoneNumberService = ReturnType<typeof phoneNumberService>;
