import { ConnectError, type Clock } from '../core/index.js';
import type { Repositories, Store } from '../store/ports/index.js';
import type { PermissionName } from './permissions.js';
import { permissionsOfProfiles } from './security-profiles.js';
import { requireUser } from './users.js';

/**
 * The permission checks of the agent and supervisor commands (scenario rules P1–P3, DESIGN.md "Security
 * model"): the services check them, so the API, the workspace and the console cannot disagree.
 */

/** Access to the agent workspace (Connect's Contact Control Panel). */
export const BASIC_AGENT_ACCESS = 'BasicAgentAccess' satisfies PermissionName;
/** A restricting permission: a user who has it may not create tasks by hand (P1). */
export const RESTRICT_TASK_CREATION = 'RestrictTaskCreation.Access' satisfies PermissionName;
/** Searching every contact of the instance (P3). */
export const CONTACT_SEARCH = 'ContactSearch.View' satisfies PermissionName;
/** Searching only the contacts the user handled. */
export const MY_CONTACTS = 'MyContacts.View' satisfies PermissionName;
/** The contact action "reschedule" (P2). */
export const RESCHEDULE = 'UpdateContactSchedule.Enabled' satisfies PermissionName;
/** The contact action "transfer". */
export const TRANSFER = 'TransferContact.Enabled' satisfies PermissionName;
/** The contact action "end contact". */
export const STOP = 'StopContact.Enabled' satisfies PermissionName;

/** Who performs a command, with the union of the permissions of its security profiles. */
export interface Actor {
  instanceId: string;
  userId: string;
  username: string;
  userArn: string;
  permissions: ReadonlySet<string>;
}

/** The user (id or ARN) as an actor; ResourceNotFoundException naming UserId when the instance has no such user. */
export async function actorOf(repos: Repositories, instanceId: string, userId: string): Promise<Actor> {
  const user = await requireUser(repos, instanceId, userId);
  const permissions = await permissionsOfProfiles(repos, instanceId, user.SecurityProfileIds);
  return {
    instanceId,
    userId: user.Id,
    username: user.Username,
    userArn: user.Arn,
    permissions,
  };
}

/** How long a kept actor is trusted at most, whatever the generation says (another process may have written). */
export const ACTOR_CACHE_MS = 5_000;
const ACTOR_CACHE_SIZE = 10_000;

/**
 * `actorOf` over the store's own repositories, each actor kept until the store's configuration changes (a user,
 * a security profile…) or `ttlMs` passes: every signed request and agent command needs its caller's permissions,
 * and reading them is several queries.
 */
export function cachedActors(
  store: Store,
  clock: Clock,
  ttlMs = ACTOR_CACHE_MS,
): (instanceId: string, userId: string) => Promise<Actor> {
  const kept = new Map<string, { generation: number; at: number; actor: Actor }>();
  return async (instanceId, userId) => {
    const key = `${instanceId}\n${userId}`;
    // Read before the look-up: a change committed meanwhile moves it, and the entry is not trusted again.
    const generation = store.configurationGeneration();
    const now = clock.now();
    const hit = kept.get(key);
    if (hit && hit.generation === generation && now - hit.at < ttlMs) return hit.actor;
    const actor = await actorOf(store.repos, instanceId, userId);
    kept.delete(key);
    kept.set(key, { generation, at: now, actor });
    if (kept.size > ACTOR_CACHE_SIZE) kept.delete(kept.keys().next().value as string);
    return actor;
  };
}

function denied(actor: Actor, action: string, reason: string): ConnectError {
  return new ConnectError('AccessDeniedException', `user ${actor.username} may not ${action}: ${reason}`, {
    ids: { UserId: actor.userId },
  });
}

/**
 * AccessDeniedException unless the actor has `permission`; `action` says in words what was refused
 * ("reschedule contacts").
 */
export function requirePermission(actor: Actor, permission: string, action: string): void {
  if (!actor.permissions.has(permission))
    throw denied(actor, action, `the security profile lacks ${permission}`);
}

/** The agent workspace requires BasicAgentAccess (P3). */
export function requireAgent(actor: Actor): void {
  requirePermission(actor, BASIC_AGENT_ACCESS, 'use the agent workspace');
}

/**
 * Creating a task by hand (P1): an agent (BasicAgentAccess) whose security profiles do not restrict task
 * creation (RestrictTaskCreation.Access).
 */
export function requireTaskCreation(actor: Actor): void {
  requirePermission(actor, BASIC_AGENT_ACCESS, 'create tasks');
  if (actor.permissions.has(RESTRICT_TASK_CREATION))
    throw denied(
      actor,
      'create tasks',
      `task creation is restricted by the security profile (${RESTRICT_TASK_CREATION})`,
    );
}

/**
 * Which contacts the actor may search (P3): 'ALL' with ContactSearch.View, 'MINE' (the contacts the user
 * handled) with only MyContacts.View; AccessDeniedException with neither.
 */
export function requireContactSearch(actor: Actor): 'ALL' | 'MINE' {
  if (actor.permissions.has(CONTACT_SEARCH)) return 'ALL';
  if (actor.permissions.has(MY_CONTACTS)) return 'MINE';
  throw denied(
    actor,
    'search contacts',
    `the security profile lacks ${CONTACT_SEARCH} (or ${MY_CONTACTS} for the user's own contacts)`,
  );
}
