/**
 * Every supported operation with its permission check (permissions.ts): the access key's user must be in the
 * instance the request names and hold the operation's permission. InstanceId labels given as ARNs are turned
 * into ids here, once for every handler.
 */
import { idFromIdOrArn, instanceIdFromArn } from '../../core/index.js';
import type { Actor } from '../../access/actor.js';
import type { ApiDeps } from '../deps.js';
import type { ConnectHandler, ConnectHandlers, SupportedOperationName } from './types.js';
import { authorize } from './permissions.js';
import { handlersFor } from './handlers/index.js';
import { routingHandlers } from './handlers/routing.js';
import { accessHandlers } from './handlers/access.js';
import { flowHandlers } from './handlers/flows.js';
import { contactHandlers } from './handlers/contacts.js';
import { metricHandlers } from './handlers/metrics.js';
import type { ArnContext } from '../../core/index.js';

/** Operations that may name no instance: an access key's request is confined to the key's instance. */
const SCOPED_TO_CALLER: ReadonlySet<string> = new Set(['DescribePhoneNumber', 'ListPhoneNumbersV2']);

/**
 * The instance a request acts on: its InstanceId (an id or an ARN), else the instance of its TargetArn
 * (ClaimPhoneNumber, ListPhoneNumbersV2), so a key cannot reach another instance through TargetArn.
 */
function namedInstance(input: Record<string, unknown>): string | undefined {
  if (typeof input.InstanceId === 'string') return idFromIdOrArn(input.InstanceId);
  if (typeof input.TargetArn === 'string') return instanceIdFromArn(input.TargetArn);
  return undefined;
}

/** Every operation Tsunagi answers, unchecked (tests of the wire use it directly). */
export function allHandlers(deps: ApiDeps, arns: ArnContext): ConnectHandlers {
  return {
    ...handlersFor(deps),
    ...routingHandlers(deps),
    ...accessHandlers(deps),
    ...flowHandlers(deps),
    ...contactHandlers(deps),
    ...metricHandlers(deps, arns),
  };
}

/**
 * The handlers behind the permission check. `instanceOfKey` tells which instance an access key belongs to (the
 * authenticator records it); a request without a user (no authentication configured) is not checked.
 */
export function securedHandlers(
  handlers: ConnectHandlers,
  actors: (instanceId: string, userId: string) => Promise<Actor>,
  instanceOfKey: (accessKeyId: string) => string | undefined,
): ConnectHandlers {
  const out: ConnectHandlers = {};
  for (const [name, handler] of Object.entries(handlers) as [SupportedOperationName, ConnectHandler][]) {
    out[name] = async (input, ctx) => {
      const named = namedInstance(input);
      let normalized = named === undefined ? input : { ...input, InstanceId: named };
      if (ctx.userId) {
        const home = (ctx.accessKeyId && instanceOfKey(ctx.accessKeyId)) ?? named ?? '';
        await authorize(actors, name, named, ctx.userId, home);
        // A request that names no instance (DescribePhoneNumber, ListPhoneNumbersV2 without a target) reaches
        // only the caller's instance.
        if (named === undefined && SCOPED_TO_CALLER.has(name)) normalized = { ...input, InstanceId: home };
      }
      return handler(normalized, ctx);
    };
  }
  return out;
}
