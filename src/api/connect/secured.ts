/**
 * Every supported operation with its permission check (permissions.ts): the access key's user must be in the
 * instance the request names and hold the operation's permission. InstanceId labels given as ARNs are turned
 * into ids here, once for every handler.
 */
import { idFromIdOrArn } from '../../core/index.js';
import type { Repositories } from '../../store/ports/index.js';
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
  repos: Repositories,
  instanceOfKey: (accessKeyId: string) => string | undefined,
): ConnectHandlers {
  const out: ConnectHandlers = {};
  for (const [name, handler] of Object.entries(handlers) as [SupportedOperationName, ConnectHandler][]) {
    out[name] = async (input, ctx) => {
      const named = typeof input.InstanceId === 'string' ? idFromIdOrArn(input.InstanceId) : undefined;
      const normalized = named === undefined ? input : { ...input, InstanceId: named };
      if (ctx.userId) {
        const home = (ctx.accessKeyId && instanceOfKey(ctx.accessKeyId)) ?? named ?? '';
        await authorize(repos, name, named, ctx.userId, home);
      }
      return handler(normalized, ctx);
    };
  }
  return out;
}
