/**
 * The Create task form's model (rules R2, R3, T6, T7): which fields it shows for a template (or none), what POST
 * /api/agent/tasks gets from their values, and which field the server's refusal is about.
 */
import type { ApiError } from '../api/client.js';
import type { FieldType, TaskRequest, TaskTemplate } from '../api/types.js';
import { REFERENCE_TYPES, type TaskField } from './task-fields.js';

/** Where a field's value is kept in the form (template field names are any text; the task's own are not). */
export const keyOf = (f: TaskField): string => (f.standard ? `\u0000${f.type}` : f.name);

const own = (type: FieldType, required = false): TaskField => ({
  name: type,
  type,
  value: '',
  editable: true,
  required,
  standard: true,
});

/** A template's default as the form holds it: DATE_TIME in epoch seconds, SCHEDULED_TIME in epoch ms. */
function formValueOf(type: FieldType, value: string): string {
  if (value === '' || (type !== 'DATE_TIME' && type !== 'SCHEDULED_TIME')) return value;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (!Number.isFinite(ms)) return '';
  return type === 'DATE_TIME' ? String(Math.floor(ms / 1000)) : String(ms);
}

/**
 * Without a template: Name, Description, a schedule and a quick connect (which decides where the task goes, so
 * it is needed). With one: its visible fields in its order, required and read-only as it says, defaults
 * prefilled (invisible ones absent), then a Description and a schedule if the template has none.
 */
export function creationFields(template: TaskTemplate | undefined): TaskField[] {
  if (!template)
    return [own('NAME', true), own('DESCRIPTION'), own('SCHEDULED_TIME'), own('QUICK_CONNECT', true)];
  const names = (list: { Id: { Name: string } }[]) => new Set(list.map((f) => f.Id.Name));
  const invisible = names(template.Constraints.InvisibleFields);
  const readOnly = names(template.Constraints.ReadOnlyFields);
  const required = names(template.Constraints.RequiredFields);
  const defaults = new Map(template.Defaults.DefaultFieldValues.map((d) => [d.Id.Name, d.DefaultValue]));
  const fields: TaskField[] = template.Fields.filter((f) => !invisible.has(f.Id.Name)).map((f) => ({
    name: f.Id.Name,
    type: f.Type,
    ...(f.Description !== undefined && { description: f.Description }),
    ...(f.SingleSelectOptions && { options: f.SingleSelectOptions }),
    value: formValueOf(f.Type, defaults.get(f.Id.Name) ?? ''),
    editable: !readOnly.has(f.Id.Name),
    required: required.has(f.Id.Name),
  }));
  const has = (type: FieldType) => template.Fields.some((f) => f.Type === type);
  if (!has('DESCRIPTION')) fields.push(own('DESCRIPTION'));
  if (!has('SCHEDULED_TIME')) fields.push(own('SCHEDULED_TIME'));
  return fields;
}

/**
 * The request: the name, description and schedule as the request's members, a quick connect as QuickConnectId
 * without a template (with one, as the value of its QUICK_CONNECT field), every other field as a reference
 * named after it. Read-only fields are not sent (only their default applies, T6), except the name, which the
 * request always carries.
 */
export function taskRequestOf(
  template: TaskTemplate | undefined,
  fields: TaskField[],
  values: Record<string, string>,
): TaskRequest {
  const nameDefault = template?.Defaults.DefaultFieldValues.find(
    (d) => d.Id.Name === template.Fields.find((f) => f.Type === 'NAME')?.Id.Name,
  )?.DefaultValue;
  const request: TaskRequest = { Name: nameDefault ?? '', ...(template && { TaskTemplateId: template.Id }) };
  for (const f of fields) {
    const value = (f.editable ? values[keyOf(f)] : undefined) ?? f.value;
    if (value === '' || (!f.editable && f.type !== 'NAME')) continue;
    if (f.type === 'NAME') request.Name = value;
    else if (f.type === 'DESCRIPTION') request.Description = value;
    else if (f.type === 'SCHEDULED_TIME') request.ScheduledTime = Number(value);
    else if (f.type === 'QUICK_CONNECT' && !template) request.QuickConnectId = value;
    else
      request.References = {
        ...request.References,
        [f.name]: { Type: REFERENCE_TYPES[f.type] ?? 'STRING', Value: value },
      };
  }
  return request;
}

/** The request member each of the task's own field types travels as (the paths the server names). */
const MEMBERS: Partial<Record<FieldType, string>> = {
  NAME: 'Name',
  DESCRIPTION: 'Description',
  SCHEDULED_TIME: 'ScheduledTime',
  QUICK_CONNECT: 'QuickConnectId',
};

function fieldAt(fields: TaskField[], path: string): TaskField | undefined {
  if (path.startsWith('References.')) {
    const name = path.slice('References.'.length);
    return fields.find((f) => !f.standard && f.name === name);
  }
  return fields.find((f) => MEMBERS[f.type] === path);
}

/**
 * The server's words about a refused task, put at the fields they are about (by field key): each problem of a
 * PropertyValidationException at its path, a message `Member: ...` at that member's field; the rest for the form.
 */
export function errorsOf(
  fields: TaskField[],
  error: ApiError,
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  const place = (path: string, message: string, whole = message) => {
    const field = fieldAt(fields, path);
    if (!field) rest.push(whole);
    else byField[keyOf(field)] = [byField[keyOf(field)], message].filter(Boolean).join(' ');
  };
  if (error.problems.length > 0)
    for (const p of error.problems) place(p.PropertyPath, p.Message, `${p.PropertyPath}: ${p.Message}`);
  else {
    const member = /^([A-Za-z]+(?:\.[^:;]+)?): [^;]*$/.exec(error.message)?.[1];
    if (member) place(member, error.message);
    else rest.push(error.message);
  }
  return { byField, rest };
}
