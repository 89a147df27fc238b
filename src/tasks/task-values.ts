/**
 * A task made from a template: what its fields hold, given what a flow's Create task block, a StartTaskContact
 * call or an agent supplies. Pure: rules T4 (what a flow fills in is visible and editable), T6 (a read-only
 * field keeps its default; setting it is an error, never a silent drop) and T7 (defaults prefill the task).
 */
import {
  ConnectError,
  invalidRequest,
  propertyValidation,
  type PropertyValidationProblem,
  type PropertyValidationReason,
} from '../core/index.js';
import type { TaskTemplate, TaskTemplateField, TaskTemplateFieldType } from '../store/ports/index.js';
import {
  parseDateTime,
  referenceTypeOf,
  sameValue,
  valueProblem,
  type TaskReferenceType,
} from './field-values.js';

/** A field's value as given: bare text, or a task reference `{ Value, Type }`. */
export type TaskValueInput = string | { Value: string; Type?: string };

export interface TaskValuesInput {
  /** The task's name: the value of the template's NAME field. */
  Name?: string;
  /** The value of the DESCRIPTION field. */
  Description?: string;
  /** Epoch ms: the value of the SCHEDULED_TIME field. */
  ScheduledTime?: number;
  /** The value of the QUICK_CONNECT field. */
  QuickConnectId?: string;
  /**
   * Values of the template's fields by field name: StartTaskContact's References, the Create task block's
   * field values, the workspace's form. Any field may be given here, the four above included.
   */
  References?: Record<string, TaskValueInput>;
}

export interface ResolvedTaskValues {
  TaskTemplateId: string;
  TaskTemplateVersion: number;
  /** The template's flow, if it has one. */
  ContactFlowId?: string;
  Name: string;
  Description?: string;
  /** Epoch ms. */
  ScheduledTime?: number;
  QuickConnectId?: string;
  SelfAssign?: boolean;
  ExpiryDurationMinutes?: number;
  /** Every field that has a value, by field name, defaults applied (T7). */
  FieldValues: Record<string, string>;
  /** The template's own fields (not the task-property ones), as the task's references; DATE in epoch seconds. */
  References: Record<string, { Type: TaskReferenceType; Value: string }>;
}

/** Top-level inputs and the field type each one fills. */
const PROPERTIES = [
  ['Name', 'NAME'],
  ['Description', 'DESCRIPTION'],
  ['ScheduledTime', 'SCHEDULED_TIME'],
  ['QuickConnectId', 'QUICK_CONNECT'],
] as const satisfies readonly (readonly [keyof TaskValuesInput, TaskTemplateFieldType])[];

interface Supplied {
  value: string;
  path: string;
  /** The reference type the caller declared, if any. */
  type?: string;
}

/** Epoch ms as ISO-8601 text, or the number as text when it is no time at all. */
function isoOf(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

/** What the caller gave, by field name; reports values for fields the template does not have. */
function suppliedValues(
  template: TaskTemplate,
  input: TaskValuesInput,
  problem: (path: string, reason: PropertyValidationReason, message: string) => void,
): Map<string, Supplied> {
  const byName = new Map(template.Fields.map((f) => [f.Id.Name, f]));
  const supplied = new Map<string, Supplied>();
  for (const [prop, type] of PROPERTIES) {
    const raw = input[prop];
    const field = template.Fields.find((f) => f.Type === type);
    if (raw === undefined || raw === '' || !field) continue;
    const value = typeof raw === 'number' ? isoOf(raw) : raw;
    supplied.set(field.Id.Name, { value, path: prop });
  }
  for (const [name, raw] of Object.entries(input.References ?? {})) {
    const path = `References.${name}`;
    const { Value: value, Type: type } = typeof raw === 'string' ? { Value: raw } : raw;
    if (!byName.has(name))
      problem(
        path,
        'REFERENCED_RESOURCE_NOT_FOUND',
        `'${name}' is not a field of template '${template.Name}'`,
      );
    else if (supplied.has(name))
      problem(
        path,
        'UNIQUE_CONSTRAINT_VIOLATED',
        `field '${name}' is given twice (also as ${supplied.get(name)?.path})`,
      );
    else if (value !== '') supplied.set(name, { value, path, ...(type !== undefined && { type }) });
  }
  return supplied;
}

/** Where a missing or refused value of the field would have been given. */
const pathOf = (f: TaskTemplateField): string =>
  PROPERTIES.find(([, type]) => type === f.Type)?.[0] ?? `References.${f.Id.Name}`;

/**
 * The values of a task made from `template` (as it is at the version given), or an error naming every field
 * in the way: InvalidRequestException for an INACTIVE template; else one PropertyValidationException listing
 * values for unknown fields, values for read-only fields other than their default (T6), values of the wrong
 * type, and required fields left without a value. Properties whose field the template lacks (a Description
 * without a DESCRIPTION field, say) pass through as given.
 */
export function resolveTaskValues(template: TaskTemplate, input: TaskValuesInput): ResolvedTaskValues {
  if (template.Status !== 'ACTIVE')
    throw invalidRequest(
      `task template '${template.Name}' is ${template.Status}: tasks can be made only from ACTIVE templates`,
      { TaskTemplateId: template.Id },
    );
  const problems: PropertyValidationProblem[] = [];
  const problem = (PropertyPath: string, Reason: PropertyValidationReason, Message: string) =>
    problems.push({ PropertyPath, Reason, Message });
  const supplied = suppliedValues(template, input, problem);
  const names = (list: { Id: { Name: string } }[]) => new Set(list.map((r) => r.Id.Name));
  const required = names(template.Constraints.RequiredFields);
  const readOnly = names(template.Constraints.ReadOnlyFields);
  const defaults = new Map(
    template.Defaults.DefaultFieldValues.filter((d) => d.DefaultValue !== '').map((d) => [
      d.Id.Name,
      d.DefaultValue,
    ]),
  );

  const values = new Map<string, string>();
  for (const field of template.Fields) {
    const name = field.Id.Name;
    const given = supplied.get(name);
    const fallback = defaults.get(name);
    if (given && readOnly.has(name) && !(fallback !== undefined && sameValue(field, given.value, fallback)))
      problem(
        given.path,
        'NOT_SUPPORTED',
        `field '${name}' is read-only in template '${template.Name}': only its default applies, ` +
          'so it cannot be set when a task is created',
      );
    else if (given) {
      const expected = referenceTypeOf(field.Type);
      const bad = valueProblem(field, given.value, true);
      if (bad) problem(given.path, 'TYPE_MISMATCH', `value of ${field.Type} field '${name}': ${bad}`);
      else if (given.type !== undefined && expected !== undefined && given.type !== expected)
        problem(
          given.path,
          'TYPE_MISMATCH',
          `field '${name}' is ${field.Type}: its reference type is ${expected}, not ${given.type}`,
        );
      else values.set(name, given.value);
    }
    const value = values.get(name) ?? fallback;
    if (value !== undefined) values.set(name, value);
    else if (required.has(name) && !given)
      problem(
        pathOf(field),
        'REQUIRED_PROPERTY_MISSING',
        `field '${name}' is required by template '${template.Name}' and has no value`,
      );
  }
  if (problems.length > 0) throw propertyValidation(problems);
  return assemble(template, input, values);
}

/** The task's properties and references from the fields' values. */
function assemble(
  template: TaskTemplate,
  input: TaskValuesInput,
  values: Map<string, string>,
): ResolvedTaskValues {
  const of = (type: TaskTemplateFieldType): string | undefined => {
    const field = template.Fields.find((f) => f.Type === type);
    return field && values.get(field.Id.Name);
  };
  const name = of('NAME');
  if (name === undefined) throw new ConnectError('InternalServiceException', 'template without a NAME value');
  const description = of('DESCRIPTION') ?? input.Description;
  const scheduled = of('SCHEDULED_TIME');
  const quickConnect = of('QUICK_CONNECT') ?? input.QuickConnectId;
  const selfAssign = of('SELF_ASSIGN');
  const expiry = of('EXPIRY_DURATION');
  const references = template.Fields.flatMap((field) => {
    const type = referenceTypeOf(field.Type);
    const value = values.get(field.Id.Name);
    if (type === undefined || value === undefined) return [];
    const date = type === 'DATE' ? parseDateTime(value, true) : undefined;
    return [
      [field.Id.Name, { Type: type, Value: date === undefined ? value : String(Math.floor(date / 1000)) }],
    ];
  });
  return {
    TaskTemplateId: template.Id,
    TaskTemplateVersion: template.Version,
    ...(template.ContactFlowId !== undefined && { ContactFlowId: template.ContactFlowId }),
    Name: name,
    ...(description !== undefined && { Description: description }),
    ...(scheduled !== undefined
      ? { ScheduledTime: parseDateTime(scheduled, true) }
      : input.ScheduledTime !== undefined && { ScheduledTime: input.ScheduledTime }),
    ...(quickConnect !== undefined && { QuickConnectId: quickConnect }),
    ...(selfAssign !== undefined && { SelfAssign: selfAssign === 'true' }),
    ...(expiry !== undefined && { ExpiryDurationMinutes: Number(expiry) }),
    FieldValues: Object.fromEntries(values),
    References: Object.fromEntries(references) as ResolvedTaskValues['References'],
  };
}
