/**
 * The shapes every configuration service repeats, written once: finding a resource by id or ARN (`require`),
 * Describe, List, the load-change-stamp-save of every update (`modify`), renames with their duplicate-name
 * check, and the per-instance quota of a create. A service keeps only what is its own.
 */
import { z } from 'zod';
import {
  IdOrArn,
  MaxResults,
  duplicate,
  idFromIdOrArn,
  limitExceeded,
  listPage,
  notFound,
  validate,
  type Clock,
  type ListRequest,
  type ListResult,
  type PageRequest,
} from '../core/index.js';
import type { Instance, Repositories, Store } from '../store/ports/index.js';
import { requireInstance } from './context.js';

/** What the helpers use of a resource's repository. */
export interface ResourceRepo<T> {
  get(instanceId: string, id: string): Promise<T | undefined>;
  update(item: T): Promise<void>;
}

/** A repository whose items have a name unique in their instance. */
export interface NamedRepo<T> extends ResourceRepo<T> {
  findByName(instanceId: string, name: string): Promise<unknown>;
}

/** A kind of instance-scoped resource. */
export interface ResourceSpec<T, R extends ResourceRepo<T> = ResourceRepo<T>> {
  /** How messages name it: `Queue` in `Queue not found: <id>` and `Queue with the name 'x' already exists`. */
  what: string;
  /** The id member a ResourceNotFoundException names: `QueueId`. */
  idName: string;
  repo: (repos: Repositories) => R;
  /** Items of the repository that are of another kind (modules among flows) are not found. */
  accepts?: (item: T) => boolean;
  /** The repository derives members on reading (association counts): an update returns the item read back. */
  readBack?: boolean;
}

export interface Resource<T, R extends ResourceRepo<T> = ResourceRepo<T>> extends ResourceSpec<T, R> {
  /** The item named by a bare id or its ARN, or ResourceNotFoundException naming the id. */
  require: (repos: Repositories, instanceId: string, idOrArn: string) => Promise<T>;
}

export function resource<T, R extends ResourceRepo<T> = ResourceRepo<T>>(
  spec: ResourceSpec<T, R>,
): Resource<T, R> {
  return {
    ...spec,
    require: async (repos, instanceId, idOrArn) => {
      const id = idFromIdOrArn(idOrArn);
      const item = await spec.repo(repos).get(instanceId, id);
      if (!item || (spec.accepts && !spec.accepts(item))) throw notFound(spec.what, id, spec.idName);
      return item;
    },
  };
}

/** The members of an Update…Name request. */
export interface NameChange {
  Name?: string;
  Description?: string;
}

/** A resource whose items have a name unique in their instance. */
export interface NamedResource<T, R extends NamedRepo<T> = NamedRepo<T>> extends Resource<T, R> {
  /** DuplicateResourceException when another item of the instance has `name`. */
  requireUnusedName: (repos: Repositories, instanceId: string, name: string) => Promise<void>;
  /**
   * `item` with the Name and Description the request gives (each kept when left out). A new Name that
   * another item of the instance has is refused (DuplicateResourceException).
   */
  renamed: <U extends { Name: string; Description?: string }>(
    repos: Repositories,
    instanceId: string,
    item: U,
    req: NameChange,
  ) => Promise<U>;
}

export function namedResource<T, R extends NamedRepo<T> = NamedRepo<T>>(
  spec: ResourceSpec<T, R>,
): NamedResource<T, R> {
  const requireUnusedName = async (repos: Repositories, instanceId: string, name: string): Promise<void> => {
    if (await spec.repo(repos).findByName(instanceId, name)) throw duplicate(spec.what, name);
  };
  return {
    ...resource(spec),
    requireUnusedName,
    renamed: async (repos, instanceId, item, req) => {
      if (req.Name !== undefined && req.Name !== item.Name)
        await requireUnusedName(repos, instanceId, req.Name);
      return {
        ...item,
        ...(req.Name !== undefined && { Name: req.Name }),
        ...(req.Description !== undefined && { Description: req.Description }),
      };
    },
  };
}

/** `{ Description }`, or nothing for an absent or empty one (where an empty Description removes it). */
export const descriptionMember = (description: string | undefined): { Description?: string } =>
  description ? { Description: description } : {};

/** LimitExceededException when the instance already has `max` of the resource (`plural` names them). */
export function requireRoom(plural: string, count: number, max: number): void {
  if (count >= max) throw limitExceeded(`an instance may have at most ${max} ${plural}`);
}

/** The item of most List… answers (the id, the ARN, the name, when it was last changed). */
export interface ResourceSummary {
  Id: string;
  Arn: string;
  Name: string;
  LastModifiedTime: number;
}

/** NextToken and MaxResults (1..1000), the members every List… request has. */
export const ListFields = { NextToken: z.string().optional(), MaxResults: MaxResults(1000).optional() };
export const ListInput = z.object(ListFields);

/** One listing: what its NextToken is tagged with, and how a page of it is read. */
export interface Listing<X> {
  scope: string;
  fetch: (page: PageRequest) => Promise<X[]>;
}

/** A List… request's filter by type: the distinct types sorted (undefined: all), and `key`, for its scope. */
export function typeFilter<E extends string>(
  values: E[] | undefined,
): { types: E[] | undefined; key: string } {
  const types = values?.length ? [...new Set(values)].sort() : undefined;
  return { types, key: (types ?? []).join(',') };
}

/** List…: the request validated, the instance checked, then one page (100 items unless MaxResults says). */
export async function listInInstance<O extends ListRequest, X>(
  repos: Repositories,
  instanceId: string,
  schema: z.ZodType<O>,
  input: unknown,
  listing: (req: O) => Listing<X>,
): Promise<ListResult<X>> {
  const req = validate(schema, input);
  await requireInstance(repos, instanceId);
  const { scope, fetch } = listing(req);
  return listPage(scope, req, 100, fetch);
}

/** What an update operation does to the item it loaded; it may read (and write) through `repos`. */
export type Change<T> = (current: T, repos: Repositories, instance: Instance) => Promise<T> | T;

/** The operations of a resource over the service's store: Describe, List, updates, and work on one item. */
export function resourceOps<T extends { LastModifiedTime: number }, R extends ResourceRepo<T>>(
  deps: { store: Store; clock: Clock },
  res: Resource<T, R>,
) {
  const { store, clock } = deps;

  /** The instance checked, then the item (outside a transaction). */
  const read = async (instanceId: string, idOrArn: string): Promise<T> => {
    await requireInstance(store.repos, instanceId);
    return res.require(store.repos, instanceId, idOrArn);
  };

  /** In one transaction: the instance checked, the item loaded, then `work` on it. */
  const withItem = <X>(
    instanceId: string,
    idOrArn: string,
    work: (item: T, repos: Repositories, instance: Instance) => Promise<X>,
  ): Promise<X> =>
    store.transaction(async (repos) => {
      const instance = await requireInstance(repos, instanceId);
      return work(await res.require(repos, instanceId, idOrArn), repos, instance);
    });

  return {
    read,
    withItem,

    /** Describe…: the id validated, then the instance, then the item. */
    describe: async (instanceId: string, idOrArn: string): Promise<T> => {
      validate(IdOrArn, idOrArn);
      return read(instanceId, idOrArn);
    },

    /** List… over the service's store (`listInInstance`). */
    list: <O extends ListRequest, X>(
      instanceId: string,
      schema: z.ZodType<O>,
      input: unknown,
      listing: (req: O) => Listing<X>,
    ): Promise<ListResult<X>> => listInInstance(store.repos, instanceId, schema, input, listing),

    /** Loads the item, applies `change`, stamps LastModifiedTime and saves it: the shape of every update. */
    modify: (instanceId: string, idOrArn: string, change: Change<T>): Promise<T> =>
      withItem(instanceId, idOrArn, async (current, repos, instance) => {
        const next = { ...(await change(current, repos, instance)), LastModifiedTime: clock.now() };
        await res.repo(repos).update(next);
        return res.readBack ? res.require(repos, instanceId, idOrArn) : next;
      }),
  };
}
