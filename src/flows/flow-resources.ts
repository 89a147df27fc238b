import { z } from 'zod';
import {
  Tags,
  duplicate,
  idFromIdOrArn,
  inUse,
  notFound,
  resourceArn,
  validate,
  type ListResult,
} from '../core/index.js';
import type {
  ContactFlow,
  ContactFlowModule,
  ContactFlowModuleSummary,
  ContactFlowSummary,
  ContactFlowType,
  Flow,
  FlowRepo,
  FlowUser,
  Repositories,
} from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';
import { ListFields, requireRoom, resource, resourceOps, typeFilter } from '../instances/resource.js';
import { FLOW_TYPES } from './model.js';
import { assertFlowContent, flowContentSha256, type ContentStatus } from './content.js';

/**
 * Flows and flow modules (CreateContactFlow ... DeleteContactFlowModule). How content is kept: see `Flow` in
 * store/ports/flows.ts — the published content, and maybe a draft saved with the `:$SAVED` alias since.
 */

/** Content is a string of 1..256000 characters, kept byte-for-byte, so it must be storable as UTF-8. */
const Content = z
  .string()
  .min(1)
  .max(256000)
  .refine((s) => !/\p{Cs}/u.test(s), 'is not well-formed Unicode (it holds a lone surrogate)');
const FlowName = z.string().min(1);
const ModuleName = z.string().min(1).max(127).regex(/\S/, 'must not be blank');
const ModuleDescription = z.string().max(500).regex(/\S/, 'must not be blank');
const FlowTypeEnum = z.enum(FLOW_TYPES);
const State = z.enum(['ACTIVE', 'ARCHIVED']);
const FlowId = z.string().min(1).max(500);
const ModuleId = z.string().min(1).max(256);

const CreateInput = z.object({
  Name: FlowName,
  Type: FlowTypeEnum,
  Description: z.string().optional(),
  Content,
  Status: z.enum(['PUBLISHED', 'SAVED']).optional(),
  Tags: Tags.optional(),
});
const ListInput = z.object({
  ContactFlowTypes: z.array(FlowTypeEnum).max(10).optional(),
  ...ListFields,
});
const ContentInput = z.object({ Content });
const NameInput = z.object({ Name: FlowName.optional(), Description: z.string().optional() });
const MetadataInput = NameInput.extend({ ContactFlowState: State.optional() });

const CreateModuleInput = z.object({
  Name: ModuleName,
  Description: ModuleDescription.optional(),
  Content,
  Tags: Tags.optional(),
  /** Idempotency is the API layer's: the token is accepted and not used here. */
  ClientToken: z.string().max(500).optional(),
});
const ListModulesInput = z.object({
  ContactFlowModuleState: State.optional(),
  ...ListFields,
});

export type CreateContactFlowInput = z.input<typeof CreateInput>;
export type CreateContactFlowModuleInput = z.input<typeof CreateModuleInput>;

type Kind = 'flow' | 'module';
/** Flows and modules share one repository: a module is not found as a flow, nor a flow as a module. */
const FLOWS = {
  flow: resource<Flow, FlowRepo>({
    what: 'Contact flow',
    idName: 'ContactFlowId',
    repo: (repos) => repos.flows,
    accepts: (f) => f.Type !== 'MODULE',
  }),
  module: resource<Flow, FlowRepo>({
    what: 'Flow module',
    idName: 'ContactFlowModuleId',
    repo: (repos) => repos.flows,
    accepts: (f) => f.Type === 'MODULE',
  }),
};

/** The `:$SAVED` alias of DescribeContactFlow / UpdateContactFlowContent. */
const SAVED_ALIAS = '$SAVED';

/**
 * Splits `<id or ARN>[:<alias>]` into the flow id and whether `$SAVED` was asked for. Tsunagi keeps no flow
 * versions (CreateContactFlowVersion), so any other alias names nothing.
 */
function parseFlowRef(value: string): { id: string; saved: boolean } {
  const last = idFromIdOrArn(value);
  const colon = last.indexOf(':');
  if (colon < 0) return { id: last, saved: false };
  const alias = last.slice(colon + 1);
  if (alias !== SAVED_ALIAS) throw notFound('Contact flow version', value, 'ContactFlowId');
  return { id: last.slice(0, colon), saved: true };
}

async function requireUniqueName(repos: Repositories, instanceId: string, name: string): Promise<void> {
  const other = await repos.flows.findByName(instanceId, name);
  if (other) throw duplicate(other.Type === 'MODULE' ? 'A flow module' : 'A contact flow', name);
}

/** `phone number a, b; quick connect c` */
function describeUsers(users: FlowUser[]): string {
  const byKind = new Map<string, string[]>();
  for (const u of users) byKind.set(u.kind, [...(byKind.get(u.kind) ?? []), u.id]);
  return [...byKind].map(([kind, ids]) => `${kind} ${ids.join(', ')}`).join('; ');
}

const withContent = (f: Flow, content: string): Flow => ({
  ...f,
  Content: content,
  FlowContentSha256: flowContentSha256(content),
  Version: f.Version + 1,
});

/** Publishing replaces the published content and discards any saved draft. */
function publish(f: Flow, content: string): Flow {
  const { SavedContent: _draft, SavedContentSha256: _hash, ...rest } = withContent(f, content);
  return { ...rest, Status: 'PUBLISHED' };
}

/** Saving without publishing: the content of a never-published flow, else the draft beside the published one. */
function save(f: Flow, content: string): Flow {
  if (f.Status === 'SAVED') return withContent(f, content);
  return {
    ...f,
    SavedContent: content,
    SavedContentSha256: flowContentSha256(content),
    Version: f.Version + 1,
  };
}

/** Flows and flow modules of an instance. */
export function flowService(deps: ServiceDeps) {
  const { store, clock, ids, arns, limits } = deps;
  const ops = { flow: resourceOps(deps, FLOWS.flow), module: resourceOps(deps, FLOWS.module) };

  const rename = (instanceId: string, idOrArn: string, req: z.output<typeof MetadataInput>) =>
    ops.flow.modify(instanceId, idOrArn, async (f, repos) => {
      if (req.Name !== undefined && req.Name !== f.Name) await requireUniqueName(repos, instanceId, req.Name);
      return {
        ...f,
        ...(req.Name !== undefined && { Name: req.Name }),
        ...(req.Description !== undefined && { Description: req.Description }),
        ...(req.ContactFlowState !== undefined && { State: req.ContactFlowState }),
      };
    });

  const insert = (
    instanceId: string,
    kind: Kind,
    fields: Pick<Flow, 'Name' | 'Type' | 'Description' | 'Content' | 'Status' | 'Tags'>,
  ) =>
    store.transaction(async (repos) => {
      await requireInstance(repos, instanceId);
      await requireUniqueName(repos, instanceId, fields.Name);
      requireRoom(
        kind === 'module' ? 'flow modules' : 'flows',
        await repos.flows.count(instanceId, kind === 'module'),
        kind === 'module' ? limits.flowModulesPerInstance : limits.flowsPerInstance,
      );
      const id = ids.next();
      const flow: Flow = {
        InstanceId: instanceId,
        Id: id,
        Arn: resourceArn(arns, instanceId, kind === 'module' ? 'flow-module' : 'contact-flow', id),
        Name: fields.Name,
        Type: fields.Type,
        ...(fields.Description !== undefined && { Description: fields.Description }),
        Content: fields.Content,
        FlowContentSha256: flowContentSha256(fields.Content),
        Status: fields.Status,
        State: 'ACTIVE',
        Version: 1,
        Tags: fields.Tags,
        LastModifiedTime: clock.now(),
      };
      await repos.flows.insert(flow);
      return flow;
    });

  const remove = (instanceId: string, idOrArn: string, kind: Kind) =>
    ops[kind].withItem(instanceId, idOrArn, async (f, repos) => {
      const users = await repos.flows.usedBy(instanceId, f.Id);
      if (users.length > 0) throw inUse(FLOWS[kind].what, f.Id, describeUsers(users));
      await repos.flows.delete(instanceId, f.Id);
    });

  return {
    async create(instanceId: string, input: CreateContactFlowInput): Promise<Flow> {
      const req = validate(CreateInput, input);
      const status: ContentStatus = req.Status ?? 'PUBLISHED';
      assertFlowContent(req.Content, status);
      return insert(instanceId, 'flow', { ...req, Status: status, Tags: req.Tags ?? {} });
    },

    /** DescribeContactFlow: `<id>` gives the published content, `<id>:$SAVED` the latest saved. */
    async describe(instanceId: string, contactFlowId: string): Promise<ContactFlow> {
      const ref = parseFlowRef(validate(FlowId, contactFlowId));
      const f = await ops.flow.read(instanceId, ref.id);
      const draft = ref.saved && f.SavedContent !== undefined;
      return {
        Arn: f.Arn,
        Id: f.Id,
        Name: f.Name,
        Type: f.Type as ContactFlowType,
        State: f.State,
        Status: draft ? 'SAVED' : f.Status,
        ...(f.Description !== undefined && { Description: f.Description }),
        Content: draft ? (f.SavedContent ?? '') : f.Content,
        Tags: f.Tags,
        FlowContentSha256: draft ? (f.SavedContentSha256 ?? '') : f.FlowContentSha256,
        Version: f.Version,
        LastModifiedTime: f.LastModifiedTime,
        LastModifiedRegion: arns.region,
      };
    },

    async list(
      instanceId: string,
      input: z.input<typeof ListInput> = {},
    ): Promise<ListResult<ContactFlowSummary>> {
      return ops.flow.list(instanceId, ListInput, input, (req) => {
        const { types, key } = typeFilter(req.ContactFlowTypes);
        return {
          scope: `flows:${instanceId}:${key}`,
          fetch: async (page) =>
            (await store.repos.flows.list(instanceId, page, { modules: false, types })).map((f) => ({
              Id: f.Id,
              Arn: f.Arn,
              Name: f.Name,
              ContactFlowType: f.Type as ContactFlowType,
              ContactFlowState: f.State,
              ContactFlowStatus: f.Status,
            })),
        };
      });
    },

    /** UpdateContactFlowContent: publishes (validated), or with `:$SAVED` saves a draft (JSON only). */
    async updateContent(
      instanceId: string,
      contactFlowId: string,
      input: { Content: unknown },
    ): Promise<Flow> {
      const ref = parseFlowRef(validate(FlowId, contactFlowId));
      const { Content: content } = validate(ContentInput, input);
      assertFlowContent(content, ref.saved ? 'SAVED' : 'PUBLISHED');
      return ops.flow.modify(instanceId, ref.id, (f) => (ref.saved ? save(f, content) : publish(f, content)));
    },

    async updateMetadata(
      instanceId: string,
      contactFlowId: string,
      input: z.input<typeof MetadataInput>,
    ): Promise<Flow> {
      return rename(instanceId, validate(FlowId, contactFlowId), validate(MetadataInput, input));
    },

    async updateName(
      instanceId: string,
      contactFlowId: string,
      input: z.input<typeof NameInput>,
    ): Promise<Flow> {
      return rename(instanceId, validate(FlowId, contactFlowId), validate(NameInput, input));
    },

    /** Refused while a phone number, quick connect or task template names the flow. */
    async delete(instanceId: string, contactFlowId: string): Promise<void> {
      await remove(instanceId, validate(FlowId, contactFlowId), 'flow');
    },

    async createModule(instanceId: string, input: CreateContactFlowModuleInput): Promise<Flow> {
      const req = validate(CreateModuleInput, input);
      assertFlowContent(req.Content, 'PUBLISHED', 'flow module');
      return insert(instanceId, 'module', {
        Name: req.Name,
        Type: 'MODULE',
        Description: req.Description,
        Content: req.Content,
        Status: 'PUBLISHED',
        Tags: req.Tags ?? {},
      });
    },

    async describeModule(instanceId: string, moduleId: string): Promise<ContactFlowModule> {
      validate(ModuleId, moduleId);
      const f = await ops.module.read(instanceId, moduleId);
      return {
        Arn: f.Arn,
        Id: f.Id,
        Name: f.Name,
        Content: f.Content,
        ...(f.Description !== undefined && { Description: f.Description }),
        State: f.State,
        Status: f.Status,
        Tags: f.Tags,
        FlowModuleContentSha256: f.FlowContentSha256,
        Version: f.Version,
      };
    },

    async listModules(
      instanceId: string,
      input: z.input<typeof ListModulesInput> = {},
    ): Promise<ListResult<ContactFlowModuleSummary>> {
      return ops.module.list(instanceId, ListModulesInput, input, (req) => {
        const state = req.ContactFlowModuleState;
        return {
          scope: `flow-modules:${instanceId}:${state ?? ''}`,
          fetch: async (page) =>
            (await store.repos.flows.list(instanceId, page, { modules: true, state })).map((f) => ({
              Id: f.Id,
              Arn: f.Arn,
              Name: f.Name,
              State: f.State,
            })),
        };
      });
    },

    /** UpdateContactFlowModuleContent: the content is validated and published. */
    async updateModuleContent(
      instanceId: string,
      moduleId: string,
      input: { Content: unknown },
    ): Promise<Flow> {
      validate(ModuleId, moduleId);
      const { Content: content } = validate(ContentInput, input);
      assertFlowContent(content, 'PUBLISHED', 'flow module');
      return ops.module.modify(instanceId, moduleId, (f) => publish(f, content));
    },

    async deleteModule(instanceId: string, moduleId: string): Promise<void> {
      await remove(instanceId, validate(ModuleId, moduleId), 'module');
    },
  };
}
export type FlowService = ReturnType<typeof flowService>;
