/**
 * What the HTTP pieces (the Connect API, the agent API, the web-phone API) are given by the composition root.
 * They talk to the engine and the services only: never to the store's implementation.
 */
import type { Clock } from '../core/index.js';
import type { Engine } from '../contacts/engine.js';
// The type of what the composition root built (no code of app is imported).
// eslint-disable-next-line no-restricted-imports
import type { Services } from '../app/services.js';
import type { Store } from '../store/ports/index.js';
import type { SignalRelay } from './signalling.js';

export interface ApiDeps {
  services: Services;
  engine: Engine;
  store: Store;
  clock: Clock;
  /** The instance the agent workspace and the web phone serve (the default instance). */
  instanceId: string;
  signalling: SignalRelay;
}
