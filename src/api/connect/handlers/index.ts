/**
 * Every Connect operation handler Tsunagi has. A new module exports `<area>Handlers(deps: ApiDeps):
 * ConnectHandlers`, imported and spread below (and add its operations to SUPPORTED in scripts/gen-connect-model.ts).
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
