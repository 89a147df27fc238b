import { z } from 'zod';
import { Tags, inUse, resourceArn, validate, type ListResult } from '../core/index.js';
import type { HoursOfOperation, HoursOfOperationRepo } from '../store/ports/index.js';
import { requireInstance, type ServiceDeps } from '../instances/context.js';
import { ListInput, namedResource, requireRoom, resourceOps } from '../instances/resource.js';

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

export type CreateHoursOfOperationInput = z.input<typeof CreateInput>;
export type UpdateHoursOfOperationInput = z.input<typeof UpdateInput>;

const HOURS = namedResource<HoursOfOperation, HoursOfOperationRepo>({
  what: 'Hours of operation',
  idName: 'HoursOfOperationId',
  repo: (repos) => repos.hours,
});

export const requireHours = HOURS.require;

/** Hours of operation: Create/Describe/List/Update/Delete. */
export function hoursOfOperationService(deps: ServiceDeps) {
  const { store, clock, ids, arns, limits } = deps;
  const hours = resourceOps(deps, HOURS);
  return {
    async create(instanceId: string, input: CreateHoursOfOperationInput): Promise<HoursOfOperation> {
      const req = validate(CreateInput, input);
      return store.transaction(async (repos) => {
        await requireInstance(repos, instanceId);
        await HOURS.requireUnusedName(repos, instanceId, req.Name);
        requireRoom(
          'hours of operation',
          await repos.hours.count(instanceId),
          limits.hoursOfOperationPerInstance,
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

    describe: hours.describe,

    async list(
      instanceId: string,
      input: z.input<typeof ListInput> = {},
    ): Promise<ListResult<HoursOfOperation>> {
      return hours.list(instanceId, ListInput, input, () => ({
        scope: `hours:${instanceId}`,
        fetch: (page) => store.repos.hours.list(instanceId, page),
      }));
    },

    async update(
      instanceId: string,
      hoursId: string,
      input: UpdateHoursOfOperationInput,
    ): Promise<HoursOfOperation> {
      const req = validate(UpdateInput, input);
      return hours.modify(instanceId, hoursId, async (current, repos) => ({
        ...(await HOURS.renamed(repos, instanceId, current, req)),
        ...(req.TimeZone !== undefined && { TimeZone: req.TimeZone }),
        ...(req.Config !== undefined && { Config: req.Config }),
      }));
    },

    async delete(instanceId: string, hoursId: string): Promise<void> {
      await hours.withItem(instanceId, hoursId, async (h, repos) => {
        const queues = await repos.hours.usedByQueues(instanceId, h.HoursOfOperationId);
        if (queues.length > 0)
          throw inUse('Hours of operation', h.HoursOfOperationId, `queue ${queues.join(', ')}`);
        await repos.hours.delete(instanceId, h.HoursOfOperationId);
      });
    },
  };
}
export type HoursOfOperationService = ReturnType<typeof hoursOfOperationService>;
