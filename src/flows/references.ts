import { idFromIdOrArn } from '../core/index.js';
import { isPath } from './runtime/values.js';
import type { FlowDocument } from './model.js';

export type ReferenceKind =
  'queue' | 'user' | 'flow' | 'flow-module' | 'task-template' | 'hours-of-operation';

/** A resource a flow names statically (values that are JSONPaths are only known at run time). */
export interface FlowReference {
  actionId: string;
  parameter: string;
  kind: ReferenceKind;
  /** The value as written (an id or an ARN). */
  value: string;
  /** The id it names. */
  id: string;
}

const PARAMETER_KINDS: Record<string, ReferenceKind> = {
  QueueId: 'queue',
  AgentId: 'user',
  ContactFlowId: 'flow',
  FlowModuleId: 'flow-module',
  TaskTemplateId: 'task-template',
  HoursOfOperationId: 'hours-of-operation',
};

/** Every static resource reference of a flow, for lint's existence check and for import's rewriting. */
export function referencesOf(flow: FlowDocument): FlowReference[] {
  const out: FlowReference[] = [];
  const add = (actionId: string, parameter: string, kind: ReferenceKind, value: unknown) => {
    if (typeof value !== 'string' || value === '' || isPath(value)) return;
    out.push({ actionId, parameter, kind, value, id: idFromIdOrArn(value) });
  };
  for (const action of flow.actions.values()) {
    for (const [name, kind] of Object.entries(PARAMETER_KINDS))
      add(action.id, name, kind, action.parameters[name]);
    const hooks = action.parameters.EventHooks;
    if (typeof hooks === 'object' && hooks !== null)
      for (const [hook, value] of Object.entries(hooks)) add(action.id, `EventHooks.${hook}`, 'flow', value);
  }
  return out;
}
