/**
 * The rules a task template must keep (Connect's documented ones and the scenario's T2/T5), as a pure function
 * that reports every problem at once, in the shape of PropertyValidationException's PropertyList. The rules for
 * a task made from a template (T4, T6, T7) are in task-values.ts.
 */
import type { PropertyValidationProblem, PropertyValidationReason } from '../core/index.js';
import type { TaskTemplateBody, TaskTemplateField, TaskTemplateFieldRef } from '../store/ports/index.js';
import { TASK_PROPERTY_TYPES, valueProblem } from './field-values.js';

export { resolveTaskValues } from './task-values.js';
export type { TaskValuesInput, TaskValueInput, ResolvedTaskValues } from './task-values.js';

class Problems {
  readonly list: PropertyValidationProblem[] = [];
  add(PropertyPath: string, Reason: PropertyValidationReason, Message: string): void {
    this.list.push({ PropertyPath, Reason, Message });
  }
}

/** Field names, types and options: unique names, one field of each task-property type, select options. */
function checkFields(t: TaskTemplateBody, p: Problems): Map<string, TaskTemplateField> {
  const byName = new Map<string, TaskTemplateField>();
  const byType = new Map<string, string>();
  t.Fields.forEach((f, i) => {
    const name = f.Id.Name;
    if (byName.has(name))
      p.add(
        `Fields[${i}].Id.Name`,
        'UNIQUE_CONSTRAINT_VIOLATED',
        `field name '${name}' is used by two fields`,
      );
    else byName.set(name, f);
    if (TASK_PROPERTY_TYPES.includes(f.Type)) {
      const first = byType.get(f.Type);
      if (first === undefined) byType.set(f.Type, name);
      else
        p.add(
          `Fields[${i}].Type`,
          'UNIQUE_CONSTRAINT_VIOLATED',
          `field '${name}' is a second ${f.Type} field (after '${first}'): a template has at most one`,
        );
    }
    const options = f.SingleSelectOptions;
    if (f.Type === 'SINGLE_SELECT') {
      if (!options?.length)
        p.add(
          `Fields[${i}].SingleSelectOptions`,
          'REQUIRED_PROPERTY_MISSING',
          `SINGLE_SELECT field '${name}' needs its SingleSelectOptions`,
        );
      options?.forEach((o, j) => {
        if (options.indexOf(o) !== j)
          p.add(
            `Fields[${i}].SingleSelectOptions[${j}]`,
            'UNIQUE_CONSTRAINT_VIOLATED',
            `field '${name}' lists the option '${o}' twice`,
          );
      });
    } else if (options !== undefined)
      p.add(
        `Fields[${i}].SingleSelectOptions`,
        'NOT_SUPPORTED',
        `field '${name}' is of type ${f.Type}: only SINGLE_SELECT fields have options`,
      );
  });
  const names = t.Fields.filter((f) => f.Type === 'NAME');
  if (names.length === 0)
    p.add('Fields', 'REQUIRED_PROPERTY_MISSING', 'a template needs exactly one field of type NAME');
  return byName;
}

/** The names a list refers to; reports entries naming no field, and names listed twice. */
function namesOf(
  list: TaskTemplateFieldRef[] | { Id: { Name: string } }[],
  path: string,
  fields: Map<string, TaskTemplateField>,
  p: Problems,
): Set<string> {
  const seen = new Set<string>();
  list.forEach(({ Id: { Name } }, i) => {
    if (!fields.has(Name))
      p.add(
        `${path}[${i}].Id.Name`,
        'REFERENCED_RESOURCE_NOT_FOUND',
        `'${Name}' is not a field of this template`,
      );
    else if (seen.has(Name))
      p.add(`${path}[${i}]`, 'UNIQUE_CONSTRAINT_VIOLATED', `field '${Name}' is listed twice`);
    seen.add(Name);
  });
  return seen;
}

/** A field's permissions: rules T2 and T5, and the NAME field that must be required. */
function checkConstraints(t: TaskTemplateBody, fields: Map<string, TaskTemplateField>, p: Problems): void {
  const c = t.Constraints;
  const required = namesOf(c.RequiredFields, 'Constraints.RequiredFields', fields, p);
  const readOnly = namesOf(c.ReadOnlyFields, 'Constraints.ReadOnlyFields', fields, p);
  namesOf(c.InvisibleFields, 'Constraints.InvisibleFields', fields, p);

  const nameField = t.Fields.find((f) => f.Type === 'NAME');
  if (nameField && !required.has(nameField.Id.Name))
    p.add(
      'Constraints.RequiredFields',
      'REQUIRED_PROPERTY_MISSING',
      `the NAME field '${nameField.Id.Name}' must be listed in Constraints.RequiredFields`,
    );
  // rule T5: what the agent cannot edit, or cannot see, the agent could never fill in.
  c.ReadOnlyFields.forEach(({ Id: { Name } }, i) => {
    if (required.has(Name))
      p.add(
        `Constraints.ReadOnlyFields[${i}]`,
        'NOT_SUPPORTED',
        `field '${Name}' is read-only and required: a read-only field cannot be required, ` +
          'because the agent could never fill it in',
      );
  });
  c.InvisibleFields.forEach(({ Id: { Name } }, i) => {
    if (required.has(Name))
      p.add(
        `Constraints.InvisibleFields[${i}]`,
        'NOT_SUPPORTED',
        `field '${Name}' is invisible and required: an invisible field cannot be required, ` +
          'because the agent could never fill it in',
      );
    if (readOnly.has(Name))
      p.add(
        `Constraints.InvisibleFields[${i}]`,
        'NOT_SUPPORTED',
        `field '${Name}' is both read-only and invisible: a field is either shown read-only or not shown`,
      );
  });
}

/** Defaults name existing fields, once each, with a value of the field's type. */
function checkDefaults(t: TaskTemplateBody, fields: Map<string, TaskTemplateField>, p: Problems): void {
  const path = 'Defaults.DefaultFieldValues';
  const values = t.Defaults.DefaultFieldValues;
  namesOf(values, path, fields, p);
  values.forEach(({ Id: { Name }, DefaultValue }, i) => {
    const field = fields.get(Name);
    const problem = field && DefaultValue !== '' ? valueProblem(field, DefaultValue) : undefined;
    if (field && problem)
      p.add(
        `${path}[${i}].DefaultValue`,
        'TYPE_MISMATCH',
        `default value of ${field.Type} field '${Name}': ${problem}`,
      );
  });
}

/**
 * Every problem of the template that needs nothing but the template itself (references to flows and quick
 * connects, and the name's uniqueness, are the service's). Empty when the template is valid.
 */
export function templateProblems(t: TaskTemplateBody): PropertyValidationProblem[] {
  const p = new Problems();
  const fields = checkFields(t, p);
  checkConstraints(t, fields, p);
  checkDefaults(t, fields, p);
  if (t.ContactFlowId === undefined && !t.Fields.some((f) => f.Type === 'QUICK_CONNECT'))
    p.add(
      'ContactFlowId',
      'REQUIRED_PROPERTY_MISSING',
      'a template needs a ContactFlowId or a QUICK_CONNECT field',
    );
  return p.list;
}
