import {
  ConnectError,
  IdOrArn,
  idFromIdOrArn,
  isConnectError,
  propertyValidation,
  resourceArn,
  validate,
  type ListResult,
  type PropertyValidationProblem,
} from '../core/index.js';
import type {
  Repositories,
  TaskTemplate,
  TaskTemplateBody,
  TaskTemplateMetadata,
  TaskTemplateRepo,
} from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';
import { resource, resourceOps } from '../instances/resource.js';
import { templateProblems } from './template-rules.js';
import {
  CreateInput,
  GetInput,
  ListInput,
  UpdateInput,
  bodyOf,
  type CreateTaskTemplateInput,
  type ListTaskTemplatesInput,
  type UpdateTaskTemplateInput,
} from './template-input.js';

export type { CreateTaskTemplateInput, ListTaskTemplatesInput, UpdateTaskTemplateInput };

/** The flow type a task runs (an inbound flow, in the console's words). */
const TASK_FLOW_TYPE = 'CONTACT_FLOW';

const TASK_TEMPLATE = resource<TaskTemplate, TaskTemplateRepo>({
  what: 'Task template',
  idName: 'TaskTemplateId',
  repo: (repos) => repos.taskTemplates,
});

export const requireTaskTemplate = TASK_TEMPLATE.require;

/** Connect's quota error for templates: 402, not retried by the SDK, with a Reason. */
const quotaExceeded = (message: string, quota: string): ConnectError =>
  new ConnectError('ServiceQuotaExceededException', message, { reason: { TaskTemplateQuota: quota } });

/** Problems that need the store: the flows and quick connects a template names, and its name's uniqueness. */
async function storeProblems(
  repos: Repositories,
  instanceId: string,
  body: TaskTemplateBody,
  selfId: string | undefined,
): Promise<PropertyValidationProblem[]> {
  const problems: PropertyValidationProblem[] = [];
  for (const key of ['ContactFlowId', 'SelfAssignFlowId'] as const) {
    const flowId = body[key];
    if (flowId === undefined) continue;
    const type = await repos.taskTemplates.flowType(instanceId, flowId);
    if (type === undefined)
      problems.push({
        PropertyPath: key,
        Reason: 'REFERENCED_RESOURCE_NOT_FOUND',
        Message: `flow ${flowId} does not exist in the instance`,
      });
    else if (type !== TASK_FLOW_TYPE)
      problems.push({
        PropertyPath: key,
        Reason: 'TYPE_MISMATCH',
        Message: `flow ${flowId} is of type ${type}: a task's flow must be of type ${TASK_FLOW_TYPE}`,
      });
  }
  const quickConnectFields = new Set(
    body.Fields.filter((f) => f.Type === 'QUICK_CONNECT').map((f) => f.Id.Name),
  );
  for (const [i, d] of body.Defaults.DefaultFieldValues.entries()) {
    if (!quickConnectFields.has(d.Id.Name) || d.DefaultValue === '') continue;
    const qcId = idFromIdOrArn(d.DefaultValue);
    if (!(await repos.quickConnects.get(instanceId, qcId)))
      problems.push({
        PropertyPath: `Defaults.DefaultFieldValues[${i}].DefaultValue`,
        Reason: 'REFERENCED_RESOURCE_NOT_FOUND',
        Message: `default value of QUICK_CONNECT field '${d.Id.Name}': quick connect ${qcId} does not exist`,
      });
  }
  const sameName = await repos.taskTemplates.findByName(instanceId, body.Name);
  if (sameName && sameName.Id !== selfId) problems.push(nameTaken(body.Name));
  return problems;
}

const nameTaken = (name: string): PropertyValidationProblem => ({
  PropertyPath: 'Name',
  Reason: 'RESOURCE_NAME_ALREADY_EXISTS',
  Message: `a task template named '${name}' already exists`,
});

/** Runs a write; a name taken meanwhile by a concurrent request reads as the same error as one taken before. */
async function write(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    if (isConnectError(e) && e.code === 'DuplicateResourceException')
      throw propertyValidation([nameTaken(name)]);
    throw e;
  }
}

export const metadataOf = (t: TaskTemplate): TaskTemplateMetadata => ({
  Id: t.Id,
  Arn: t.Arn,
  Name: t.Name,
  ...(t.Description !== undefined && { Description: t.Description }),
  Status: t.Status,
  CreatedTime: t.CreatedTime,
  LastModifiedTime: t.LastModifiedTime,
});

/** Task templates: Create/Get/Update/List/Delete, each create and update a new version (SnapshotVersion). */
export function taskTemplateService(deps: ServiceDeps) {
  const { store, clock, ids, arns, limits } = deps;
  const templates = resourceOps(deps, TASK_TEMPLATE);

  /** Refuses a template over the field quota, or breaking any rule (all of them in one error). */
  async function check(
    repos: Repositories,
    instanceId: string,
    body: TaskTemplateBody,
    selfId: string | undefined,
    extra: PropertyValidationProblem[] = [],
  ): Promise<void> {
    if (body.Fields.length > limits.fieldsPerTaskTemplate)
      throw quotaExceeded(
        `a task template may have at most ${limits.fieldsPerTaskTemplate} fields (this one has ${body.Fields.length})`,
        'FIELDS_PER_TASK_TEMPLATE',
      );
    const problems = [
      ...extra,
      ...templateProblems(body),
      ...(await storeProblems(repos, instanceId, body, selfId)),
    ];
    if (problems.length > 0) throw propertyValidation(problems);
  }

  return {
    /**
     * `inTransaction` runs in the template's transaction once it is written (the API records the request's
     * ClientToken there, so the template and the record commit together).
     */
    async create(
      instanceId: string,
      input: CreateTaskTemplateInput,
      options: { inTransaction?: (repos: Repositories, created: TaskTemplate) => Promise<void> } = {},
    ): Promise<TaskTemplate> {
      const req = validate(CreateInput, input);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        if ((await repos.taskTemplates.count(instanceId)) >= limits.taskTemplatesPerInstance)
          throw quotaExceeded(
            `an instance may have at most ${limits.taskTemplatesPerInstance} task templates`,
            'TASK_TEMPLATES_PER_INSTANCE',
          );
        const body = bodyOf(req, 'ACTIVE');
        await check(repos, instanceId, body, undefined);
        const id = ids.next();
        const now = clock.now();
        const template: TaskTemplate = {
          InstanceId: instanceId,
          Id: id,
          Arn: resourceArn(arns, instanceId, 'task-template', id),
          ...body,
          Version: 1,
          Tags: {},
          CreatedTime: now,
          LastModifiedTime: now,
        };
        await write(body.Name, () => repos.taskTemplates.insert(template));
        await options.inTransaction?.(repos, template);
        return template;
      });
    },

    /** The latest version, or with `SnapshotVersion` the version a task was made with. */
    async get(
      instanceId: string,
      taskTemplateId: string,
      input: { SnapshotVersion?: unknown } = {},
    ): Promise<TaskTemplate> {
      validate(IdOrArn, taskTemplateId);
      const { SnapshotVersion } = validate(GetInput, input);
      const current = await templates.read(instanceId, taskTemplateId);
      if (SnapshotVersion === undefined) return current;
      const version = /^[1-9]\d{0,8}$/.test(SnapshotVersion) ? Number(SnapshotVersion) : undefined;
      const snapshot =
        version === undefined
          ? undefined
          : await store.repos.taskTemplates.getVersion(instanceId, current.Id, version);
      if (!snapshot)
        throw new ConnectError(
          'ResourceNotFoundException',
          `task template ${current.Id} has no version '${SnapshotVersion}'`,
          { ids: { TaskTemplateId: current.Id, SnapshotVersion } },
        );
      return snapshot;
    },

    async list(
      instanceId: string,
      input: ListTaskTemplatesInput = {},
    ): Promise<ListResult<TaskTemplateMetadata>> {
      return templates.list(instanceId, ListInput, input, (req) => {
        const filter = { Status: req.Status, Name: req.Name };
        return {
          scope: `task-templates:${JSON.stringify([instanceId, req.Status ?? '', req.Name ?? ''])}`,
          fetch: async (page) =>
            (await store.repos.taskTemplates.list(instanceId, page, filter)).map(metadataOf),
        };
      });
    },

    /** Full replacement, as Connect's: what the request leaves out is cleared (the Name is kept). */
    async update(
      instanceId: string,
      taskTemplateId: string,
      input: UpdateTaskTemplateInput,
    ): Promise<TaskTemplate> {
      validate(IdOrArn, taskTemplateId);
      const req = validate(UpdateInput, input);
      return templates.withItem(instanceId, taskTemplateId, async (current, repos) => {
        const body = bodyOf({ ...req, Name: req.Name ?? current.Name }, current.Status);
        const statusMissing: PropertyValidationProblem[] =
          req.Status === undefined
            ? [
                {
                  PropertyPath: 'Status',
                  Reason: 'REQUIRED_PROPERTY_MISSING',
                  Message: 'UpdateTaskTemplate needs the Status (ACTIVE or INACTIVE)',
                },
              ]
            : [];
        await check(repos, instanceId, body, current.Id, statusMissing);
        const next: TaskTemplate = {
          InstanceId: current.InstanceId,
          Id: current.Id,
          Arn: current.Arn,
          ...body,
          Version: current.Version + 1,
          Tags: current.Tags,
          CreatedTime: current.CreatedTime,
          LastModifiedTime: clock.now(),
        };
        await write(body.Name, () => repos.taskTemplates.update(next));
        return next;
      });
    },

    async delete(instanceId: string, taskTemplateId: string): Promise<void> {
      validate(IdOrArn, taskTemplateId);
      await templates.withItem(instanceId, taskTemplateId, (t, repos) =>
        repos.taskTemplates.delete(instanceId, t.Id),
      );
    },
  };
}
export type TaskTemplateService = ReturnType<typeof taskTemplateService>;
