import { z } from 'zod';
import {
  Tags,
  MaxResults,
  IdOrArn,
  idFromIdOrArn,
  inUse,
  limitExceeded,
  listPage,
  notFound,
  resourceArn,
  validate,
  duplicate,
  type ListResult,
} from '../core/index.js';
import type { HoursOfOperation, Repositories } from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';

const TimeSlice = z.object({
  Hours: z.number().int().min(0).max(23),
  Minutes: z.number().int().min(0).max(59),
});
const Day = z.enum(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);
const Config = z.array(z.object({ Day, StartTime: TimeSlice, EndTime: TimeSlice })).max(100);

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const TimeZone = z.string().min(1).refine(isTimeZone, 'is not a known IANA time zone');
const Name = z.string().min(1).max(127);
const Description = z.string().min(1).max(250);

const CreateInput = z.object({
  Name,
  Description: Description.optional(),
  TimeZone,
  Config,
  Tags: Tags.optional(),
});
const UpdateInput = z.object({
  Name: Name.optional(),
  Description: Description.optional(),
  TimeZone: TimeZone.optional(),
  Config: Config.optional(),
});
const ListInput = z.object({ NextToken: z.string().optional(), MaxResults: MaxResults(1000).optional() });

export type CreateHoursOfOperationInput = z.input<typeof CreateInput>;
export type UpdateHoursOfOperationInput = z.input<typeof UpdateInput>;

async function requireHours(
  repos: Repositories,
  instanceId: string,
  idOrArn: string,
): Promise<HoursOfOperation> {
  const id = idFromIdOrArn(idOrArn);
  const h = await repos.hours.get(instanceId, id);
  if (!h) throw notFound('Hours of operation', id, 'HoursOfOperationId');
  return h;
}

/** Hours of operation: Create/Describe/List/Update/Delete. */
export function hoursOfOperationService(deps: ServiceDeps) {
  const { store, clock, ids, arns, limits } = deps;
  return {
    async create(instanceId: string, input: CreateHoursOfOperationInput): Promise<HoursOfOperation> {
      const req = validate(CreateInput, input);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        if (await repos.hours.findByName(instanceId, req.Name))
          throw duplicate('Hours of operation', req.Name);
        if ((await repos.hours.count(instanceId)) >= limits.hoursOfOperationPerInstance)
          throw limitExceeded(
            `an instance may have at most ${limits.hoursOfOperationPerInstance} hours of operation`,
          );
        const id = ids.next();
        const h: HoursOfOperation = {
          InstanceId: instanceId,
          HoursOfOperationId: id,
          HoursOfOperationArn: resourceArn(arns, instanceId, 'hours-of-operation', id),
          Name: req.Name,
          ...(req.Description !== undefined && { Description: req.Description }),
          TimeZone: req.TimeZone,
          Config: req.Config,
          Tags: req.Tags ?? {},
          LastModifiedTime: clock.now(),
        };
        await repos.hours.insert(h);
        return h;
      });
    },

    async describe(instanceId: string, hoursId: string): Promise<HoursOfOperation> {
      validate(IdOrArn, hoursId);
      await requireInstance(store.repos, instanceId);
      return requireHours(store.repos, instanceId, hoursId);
    },

    async list(
      instanceId: string,
      input: z.input<typeof ListInput> = {},
    ): Promise<ListResult<HoursOfOperation>> {
      const req = validate(ListInput, input);
      await requireInstance(store.repos, instanceId);
      return listPage(`hours:${instanceId}`, req, 100, (page) => store.repos.hours.list(instanceId, page));
    },

    async update(
      instanceId: string,
      hoursId: string,
      input: UpdateHoursOfOperationInput,
    ): Promise<HoursOfOperation> {
      const req = validate(UpdateInput, input);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        const current = await requireHours(repos, instanceId, hoursId);
        if (
          req.Name !== undefined &&
          req.Name !== current.Name &&
          (await repos.hours.findByName(instanceId, req.Name))
        )
          throw duplicate('Hours of operation', req.Name);
        const next: HoursOfOperation = {
          ...current,
          ...(req.Name !== undefined && { Name: req.Name }),
          ...(req.Description !== undefined && { Description: req.Description }),
          ...(req.TimeZone !== undefined && { TimeZone: req.TimeZone }),
          ...(req.Config !== undefined && { Config: req.Config }),
          LastModifiedTime: clock.now(),
        };
        await repos.hours.update(next);
        return next;
      });
    },

    async delete(instanceId: string, hoursId: string): Promise<void> {
      await store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        const h = await requireHours(repos, instanceId, hoursId);
        const queues = await repos.hours.usedByQueues(instanceId, h.HoursOfOperationId);
        if (queues.length > 0)
          throw inUse('Hours of operation', h.HoursOfOperationId, `queue ${queues.join(', ')}`);
        await repos.hours.delete(instanceId, h.HoursOfOperationId);
      });
    },
  };
}
export type HoursOfOperationService = ReturnType<typeof hoursOfOperationService>;
