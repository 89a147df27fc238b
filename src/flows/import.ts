import { invalidParameter } from '../core/index.js';
import type { Flow } from '../store/ports/index.js';
import { unwrapFlowExport } from './content.js';
import type { flowService } from './flow-resources.js';
import type { FlowType } from './model.js';

export interface ImportOptions {
  /** The flow type, when the export does not say (no wrapper Type, no Metadata.type, no module Settings). */
  type?: FlowType;
  /** The name to give it (default: the wrapper's Name, else Metadata.name). */
  name?: string;
  description?: string;
  /** PUBLISHED (default) is validated as Connect validates a published flow; SAVED only needs to be JSON. */
  status?: 'PUBLISHED' | 'SAVED';
}

/**
 * Imports one flow export as people have them (bare, or wrapped with `Content` as a string) into an instance:
 * the type comes from the options, else the export; the content is stored exactly as the export holds it.
 */
export async function importFlowExport(
  flows: ReturnType<typeof flowService>,
  instanceId: string,
  text: string,
  options: ImportOptions = {},
): Promise<Flow> {
  const exported = unwrapFlowExport(text);
  const type = options.type ?? exported.type;
  if (!type) throw invalidParameter('Type', 'the export does not say which flow type it is: give one');
  const name = options.name ?? exported.name;
  if (!name)
    throw invalidParameter('Name', 'the export has no name (no wrapper Name, no Metadata.name): give one');
  const description = options.description ?? exported.description;
  if (type === 'MODULE')
    return flows.createModule(instanceId, {
      Name: name,
      Content: exported.content,
      ...(description && { Description: description }),
    });
  return flows.create(instanceId, {
    Name: name,
    Type: type,
    Content: exported.content,
    ...(description !== undefined && { Description: description }),
    ...(options.status && { Status: options.status }),
  });
}
