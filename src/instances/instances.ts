import { z } from 'zod';
import { Tags, idFromIdOrArn, instanceArn, listPage, notFound, validate, MaxResults } from '../core/index.js';
import type { ListResult } from '../core/index.js';
import type { Instance } from '../store/ports/index.js';
import type { ServiceDeps } from './context.js';

const CreateInstanceInput = z.object({
  InstanceAlias: z
    .string()
    .min(1)
    .max(45)
    .regex(
      /^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$/,
      'letters, digits and inner hyphens; may not start with d-',
    ),
  IdentityManagementType: z
    .enum(['CONNECT_MANAGED', 'SAML', 'EXISTING_DIRECTORY'])
    .default('CONNECT_MANAGED'),
  InboundCallsEnabled: z.boolean().default(true),
  OutboundCallsEnabled: z.boolean().default(true),
  Tags: Tags.optional(),
});
export type CreateInstanceInput = z.input<typeof CreateInstanceInput>;

const ListInput = z.object({ NextToken: z.string().optional(), MaxResults: MaxResults(10).optional() });

export const INSTANCE_ATTRIBUTE_TYPES = [
  'INBOUND_CALLS',
  'OUTBOUND_CALLS',
  'CONTACTFLOW_LOGS',
  'CONTACT_LENS',
  'AUTO_RESOLVE_BEST_VOICES',
  'USE_CUSTOM_TTS_VOICES',
  'EARLY_MEDIA',
  'MULTI_PARTY_CONFERENCE',
  'HIGH_VOLUME_OUTBOUND',
  'ENHANCED_CONTACT_MONITORING',
  'ENHANCED_CHAT_MONITORING',
  'MULTI_PARTY_CHAT_CONFERENCE',
  'MESSAGE_STREAMING',
] as const;
const AttributeType = z.enum(INSTANCE_ATTRIBUTE_TYPES);
export type InstanceAttributeType = z.infer<typeof AttributeType>;
const UpdateAttributeInput = z.object({
  AttributeType,
  Value: z.enum(['true', 'false'], { message: "must be 'true' or 'false'" }),
});

/** An instance attribute's value as DescribeInstanceAttribute gives it ('false' when never set). */
export function instanceAttribute(instance: Instance, type: InstanceAttributeType): string {
  if (type === 'INBOUND_CALLS') return String(instance.InboundCallsEnabled);
  if (type === 'OUTBOUND_CALLS') return String(instance.OutboundCallsEnabled);
  return instance.Attributes[type] ?? 'false';
}

/** Instances: CreateInstance, DescribeInstance, ListInstances, Describe/UpdateInstanceAttribute, DeleteInstance. */
export function instanceService(deps: ServiceDeps) {
  const { store, clock, ids, arns } = deps;
  const load = async (instanceIdOrArn: string): Promise<Instance> => {
    const id = idFromIdOrArn(instanceIdOrArn);
    const instance = await store.repos.instances.get(id);
    if (!instance) throw notFound('Instance', id, 'InstanceId');
    return instance;
  };
  return {
    async create(input: CreateInstanceInput): Promise<Instance> {
      const req = validate(CreateInstanceInput, input);
      const id = ids.next();
      const instance: Instance = {
        Id: id,
        Arn: instanceArn(arns, id),
        InstanceAlias: req.InstanceAlias,
        IdentityManagementType: req.IdentityManagementType,
        InstanceStatus: 'ACTIVE',
        InboundCallsEnabled: req.InboundCallsEnabled,
        OutboundCallsEnabled: req.OutboundCallsEnabled,
        CreatedTime: clock.now(),
        Attributes: {},
        Tags: req.Tags ?? {},
      };
      await store.repos.instances.insert(instance);
      return instance;
    },

    describe: load,

    async describeAttribute(
      instanceIdOrArn: string,
      attributeType: unknown,
    ): Promise<{ AttributeType: InstanceAttributeType; Value: string }> {
      const type = validate(z.object({ AttributeType }), { AttributeType: attributeType }).AttributeType;
      return { AttributeType: type, Value: instanceAttribute(await load(instanceIdOrArn), type) };
    },

    async updateAttribute(
      instanceIdOrArn: string,
      input: { AttributeType: unknown; Value: unknown },
    ): Promise<Instance> {
      const req = validate(UpdateAttributeInput, input);
      return store.transaction(async (repos) => {
        const id = idFromIdOrArn(instanceIdOrArn);
        const current = await repos.instances.get(id);
        if (!current) throw notFound('Instance', id, 'InstanceId');
        const on = req.Value === 'true';
        const next: Instance =
          req.AttributeType === 'INBOUND_CALLS'
            ? { ...current, InboundCallsEnabled: on }
            : req.AttributeType === 'OUTBOUND_CALLS'
              ? { ...current, OutboundCallsEnabled: on }
              : { ...current, Attributes: { ...current.Attributes, [req.AttributeType]: req.Value } };
        await repos.instances.update(next);
        return next;
      });
    },

    /** Deletes the instance and, with it, every resource it holds. */
    async delete(instanceIdOrArn: string): Promise<void> {
      const id = idFromIdOrArn(instanceIdOrArn);
      if (!(await store.repos.instances.delete(id))) throw notFound('Instance', id, 'InstanceId');
    },

    async findByAlias(alias: string): Promise<Instance | undefined> {
      return store.repos.instances.findByAlias(alias);
    },

    async list(input: z.input<typeof ListInput> = {}): Promise<ListResult<Instance>> {
      const req = validate(ListInput, input);
      return listPage('instances', req, 10, (page) => store.repos.instances.list(page));
    },
  };
}
export type InstanceService = ReturnType<typeof instanceService>;
