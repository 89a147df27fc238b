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

/** Instances: CreateInstance, DescribeInstance, ListInstances. */
export function instanceService(deps: ServiceDeps) {
  const { store, clock, ids, arns } = deps;
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
        Tags: req.Tags ?? {},
      };
      await store.repos.instances.insert(instance);
      return instance;
    },

    async describe(instanceIdOrArn: string): Promise<Instance> {
      const id = idFromIdOrArn(instanceIdOrArn);
      const instance = await store.repos.instances.get(id);
      if (!instance) throw notFound('Instance', id, 'InstanceId');
      return instance;
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
