import type { ArnContext, Clock, IdGenerator, Limits } from '../core/index.js';
import { notFound } from '../core/index.js';
import type { Instance, Repositories, Store } from '../store/ports/index.js';

/** What every service of the engine is given by the composition root (src/app). */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  arns: ArnContext;
  limits: Limits;
}

/** The instance, or ResourceNotFoundException naming it. */
export async function requireInstance(repos: Repositories, instanceId: string): Promise<Instance> {
  const instance = await repos.instances.get(instanceId);
  if (!instance) throw notFound('Instance', instanceId, 'InstanceId');
  return instance;
}
