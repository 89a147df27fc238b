import type { ServiceDeps } from '../instances/context.js';

// Filled in by the piece that owns this resource.
export function userService(_deps: ServiceDeps) {
  return {};
}
