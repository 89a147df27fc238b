/**
 * The console API: what the admin console (/console) uses. A person logged in with the agent API's session
 * calls any operation of the Connect-compatible API by name, with the same input and output members, the same
 * permission table and the same rules — times in epoch ms, the instance being the session's. Plus what only
 * the console does (operations.ts): access keys, flow lint, rule X2's warning, the real-time figures.
 *
 *   POST /api/console/<Operation>   body: the operation's input (InstanceId may be left out)
 */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { ConnectError, systemEntropy, validate, type ArnContext } from '../../core/index.js';
import type { ApiDeps } from '../deps.js';
import { sessionService, type SessionService } from '../../access/sessions.js';
import type { AccessKeyService } from '../../access/access-keys.js';
import { allHandlers } from '../connect/secured.js';
import { authorize } from '../connect/permissions.js';
import { cachedActors } from '../../access/actor.js';
import { callerOf, sessionGuard } from '../agent/session-guard.js';
import { sendError } from '../agent/errors.js';
import type { ConnectHandler } from '../connect/types.js';
import { consoleOperations } from './operations.js';

export const CONSOLE_API_PREFIX = '/api/console';

export interface ConsoleApiOptions {
  arns: ArnContext;
  accessKeys: AccessKeyService;
  sessions?: SessionService;
  /** Ids for the handlers' request context (the composition root gives them). */
  requestIds: () => string;
}

const Operation = z.object({
  operation: z.string().regex(/^[A-Z][A-Za-z0-9]{2,80}$/, 'is not an operation name'),
});

export async function registerConsoleApi(
  app: FastifyInstance,
  deps: ApiDeps & ConsoleApiOptions,
): Promise<void> {
  const sessions =
    deps.sessions ?? sessionService({ store: deps.store, clock: deps.clock, entropy: systemEntropy });
  const connect = allHandlers(deps, deps.arns) as Record<string, ConnectHandler | undefined>;
  const own = consoleOperations(deps, deps.accessKeys);
  const actors = cachedActors(deps.store, deps.clock);
  await app.register(
    (scope, _options, done) => {
      scope.setErrorHandler((error, req, reply) => sendError(error, req, reply));
      scope.addHook('onRequest', sessionGuard({ deps, sessions, open: new Set() }));
      scope.post('/:operation', async (req) => {
        const { operation } = validate(Operation, req.params);
        const { actor } = callerOf(req);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const input = { ...body, InstanceId: deps.instanceId };
        const ctx = { userId: actor.userId, requestId: deps.requestIds() };
        const mine = own[operation];
        if (mine) {
          if (!actor.permissions.has(mine.permission))
            throw new ConnectError(
              'AccessDeniedException',
              `user ${actor.username} may not call ${operation}: the security profile lacks ${mine.permission}`,
            );
          return mine.run(input, ctx);
        }
        const handler = connect[operation];
        if (!handler)
          throw new ConnectError(
            'ResourceNotFoundException',
            `the console API has no operation ${operation}`,
          );
        await authorize(actors, operation, deps.instanceId, actor.userId, deps.instanceId);
        return handler(input, ctx);
      });
      done();
    },
    { prefix: CONSOLE_API_PREFIX },
  );
}
