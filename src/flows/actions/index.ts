import type { ActionSpec } from '../runtime/spec.js';
import { controlActions } from './control.js';
import { dataActions } from './data.js';
import { participantActions } from './participant.js';
import { routingActions } from './routing.js';

/** Every action type Tsunagi runs, by its identifier in the flow language. Unknown types take their error branch. */
export const ACTIONS: ReadonlyMap<string, ActionSpec> = new Map(
  [...participantActions, ...dataActions, ...controlActions, ...routingActions].map((spec) => [
    spec.type,
    spec,
  ]),
);
