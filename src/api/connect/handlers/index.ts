/**
 * Every Connect operation handler Tsunagi has. To add a module: import its `xxxHandlers(deps: ApiDeps):
 * ConnectHandlers` and spread it below (and add its operations to SUPPORTED in scripts/gen-connect-model.ts).
 */
import type { ApiDeps } from '../../deps.js';
import type { ConnectHandlers } from '../types.js';
import { instanceHandlers } from './instances.js';
import { hoursHandlers } from './hours.js';

export function handlersFor(deps: ApiDeps): ConnectHandlers {
  return {
    ...instanceHandlers(deps),
    ...hoursHandlers(deps),
  };
}
