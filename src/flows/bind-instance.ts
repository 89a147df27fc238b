/**
 * Binds a flow's placeholder ARNs (placeholders.ts) to an instance: each names a resource by kind and name, and is
 * replaced by the ARN of the instance's resource of that kind and name. What the instance lacks is reported, not
 * guessed. The console's import and the command-line import use it, so an example flow (or one exported from
 * another instance, rewritten to placeholders) runs here without hand edits.
 */
import type { Repositories } from '../store/ports/index.js';
import { bindPlaceholders, placeholdersOf, type Placeholder } from './placeholders.js';

export interface BoundReference extends Placeholder {
  arn: string;
}

export interface InstanceBinding {
  content: string;
  bound: BoundReference[];
  missing: Placeholder[];
}

/** The ARN of the instance's resource a placeholder names, if there is one. */
async function arnOf(repos: Repositories, instanceId: string, p: Placeholder): Promise<string | undefined> {
  switch (p.segment) {
    case 'queue':
      return (await repos.queues.findByName(instanceId, p.name))?.QueueArn;
    case 'contact-flow':
    case 'flow-module':
      return (await repos.flows.findByName(instanceId, p.name))?.Arn;
    case 'task-template':
      return (await repos.taskTemplates.findByName(instanceId, p.name))?.Arn;
    case 'hours-of-operation':
      return (await repos.hours.findByName(instanceId, p.name))?.HoursOfOperationArn;
    case 'quick-connect':
      return (await repos.quickConnects.findByName(instanceId, p.name))?.QuickConnectARN;
    case 'routing-profile':
      return (await repos.routingProfiles.findByName(instanceId, p.name))?.RoutingProfileArn;
    case 'agent':
      return (await repos.users.findByUsername(instanceId, p.name))?.Arn;
    default:
      return undefined;
  }
}

export async function bindToInstance(
  repos: Repositories,
  instanceId: string,
  content: string,
): Promise<InstanceBinding> {
  const found = new Map<string, string>();
  const bound: BoundReference[] = [];
  for (const p of placeholdersOf(content)) {
    const arn = await arnOf(repos, instanceId, p);
    if (arn === undefined) continue;
    found.set(`${p.segment}/${p.name}`, arn);
    bound.push({ ...p, arn });
  }
  const result = bindPlaceholders(content, (p) => found.get(`${p.segment}/${p.name}`));
  return { content: result.content, bound, missing: result.missing };
}
