/**
 * A task's fields as its template says (rule V2): each visible field with its value on the contact and whether
 * the agent may edit it; invisible fields are left out. NAME and DESCRIPTION are the contact's Name and
 * Description, SCHEDULED_TIME its schedule (shown, never edited, R3); the template's own fields are references
 * named after the field.
 */
import type { ContactChanges } from '../api/agent.js';
import type { Contact, FieldType, TaskTemplate, TemplateField } from '../api/types.js';

export interface TaskField {
  name: string;
  type: FieldType;
  description?: string;
  options?: string[];
  value: string;
  editable: boolean;
  required: boolean;
  /**
   * Not a template field but one of the task's own (a task made without a template, or a Description or schedule
   * the template does not have): labelled in the workspace's words and sent as the request's member.
   */
  standard?: true;
}

/** The reference type each field type's value travels as (the server's REFERENCE_TYPES). */
export const REFERENCE_TYPES: Partial<Record<FieldType, string>> = {
  TEXT: 'STRING',
  TEXT_AREA: 'STRING',
  BOOLEAN: 'STRING',
  SINGLE_SELECT: 'STRING',
  NUMBER: 'NUMBER',
  DATE_TIME: 'DATE',
  URL: 'URL',
  EMAIL: 'EMAIL',
};

/** Fields that only mean something when a task is created: not shown on a received task. */
const CREATION_ONLY: readonly FieldType[] = ['QUICK_CONNECT', 'SELF_ASSIGN', 'EXPIRY_DURATION'];

function valueOf(field: TemplateField, contact: Contact): string {
  switch (field.Type) {
    case 'NAME':
      return contact.Name ?? '';
    case 'DESCRIPTION':
      return contact.Description ?? '';
    case 'SCHEDULED_TIME':
      return contact.ScheduledTimestamp === undefined ? '' : String(contact.ScheduledTimestamp);
    default:
      return contact.References[field.Id.Name]?.Value ?? '';
  }
}

export function taskFields(contact: Contact, template: TaskTemplate | undefined): TaskField[] {
  if (!template) {
    if (contact.Channel !== 'TASK') return [];
    const plain = (name: string, type: FieldType, value: string | undefined): TaskField => ({
      name,
      type,
      value: value ?? '',
      editable: true,
      required: false,
    });
    return [plain('Name', 'NAME', contact.Name), plain('Description', 'DESCRIPTION', contact.Description)];
  }
  const names = (list: { Id: { Name: string } }[]) => new Set(list.map((f) => f.Id.Name));
  const invisible = names(template.Constraints.InvisibleFields);
  const readOnly = names(template.Constraints.ReadOnlyFields);
  const required = names(template.Constraints.RequiredFields);
  return template.Fields.filter((f) => !invisible.has(f.Id.Name) && !CREATION_ONLY.includes(f.Type)).map(
    (f) => ({
      name: f.Id.Name,
      type: f.Type,
      ...(f.Description !== undefined && { description: f.Description }),
      ...(f.SingleSelectOptions && { options: f.SingleSelectOptions }),
      value: valueOf(f, contact),
      editable: !readOnly.has(f.Id.Name) && f.Type !== 'SCHEDULED_TIME',
      required: required.has(f.Id.Name),
    }),
  );
}

/** The names of the fields the template defines (their references are shown as fields, not again below). */
export function fieldNames(template: TaskTemplate | undefined): Set<string> {
  return new Set(template?.Fields.map((f) => f.Id.Name) ?? []);
}

/** What PATCH /contacts/:id gets for the edited fields; only editable fields whose value changed. */
export function changesOf(fields: TaskField[], edited: Record<string, string>): ContactChanges {
  const changes: ContactChanges = {};
  for (const f of fields) {
    const value = edited[f.name];
    if (!f.editable || value === undefined || value === f.value) continue;
    if (f.type === 'NAME') changes.Name = value;
    else if (f.type === 'DESCRIPTION') changes.Description = value;
    else {
      const Type = REFERENCE_TYPES[f.type];
      if (Type) changes.References = { ...changes.References, [f.name]: { Type, Value: value } };
    }
  }
  return changes;
}

/** A DATE reference (epoch seconds) as the value of a datetime-local input, in the browser's time zone. */
export function localInputOf(epochSeconds: string): string {
  const ms = Number(epochSeconds) * 1000;
  if (epochSeconds === '' || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function epochSecondsOf(localInput: string): string {
  const ms = new Date(localInput).getTime();
  return Number.isNaN(ms) ? '' : String(Math.floor(ms / 1000));
}
