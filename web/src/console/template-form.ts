/**
 * The task-template editor's model: one row per field with its permissions (visible / editable / required) and
 * default, to and from Connect's template shape. Invisible = not visible; read-only = visible and not editable.
 * The server's problems (PropertyValidationException) are put on the row whose field name they quote.
 */
import type { PropertyProblem } from '../api/client.js';
import type { FullTemplate, TemplateInput, TemplateStatus } from '../api/console.js';
import type { FieldType } from '../api/types.js';

export const FIELD_TYPES: readonly FieldType[] = [
  'NAME',
  'DESCRIPTION',
  'SCHEDULED_TIME',
  'QUICK_CONNECT',
  'URL',
  'NUMBER',
  'TEXT',
  'TEXT_AREA',
  'DATE_TIME',
  'BOOLEAN',
  'SINGLE_SELECT',
  'EMAIL',
  'SELF_ASSIGN',
  'EXPIRY_DURATION',
];

export interface FieldRow {
  /** A key for React, stable while the row lives. */
  key: number;
  name: string;
  type: FieldType;
  description: string;
  /** SINGLE_SELECT options, one a line. */
  options: string;
  visible: boolean;
  editable: boolean;
  required: boolean;
  defaultValue: string;
}

export interface TemplateDraft {
  id?: string;
  name: string;
  description: string;
  flowId: string;
  status: TemplateStatus;
  fields: FieldRow[];
}

let nextKey = 1;

export function newRow(overrides: Partial<FieldRow> = {}): FieldRow {
  return {
    key: nextKey++,
    name: '',
    type: 'TEXT',
    description: '',
    options: '',
    visible: true,
    editable: true,
    required: false,
    defaultValue: '',
    ...overrides,
  };
}

export function emptyDraft(): TemplateDraft {
  return {
    name: '',
    description: '',
    flowId: '',
    status: 'ACTIVE',
    fields: [newRow({ name: 'Task name', type: 'NAME', required: true })],
  };
}

export function optionsOf(row: FieldRow): string[] {
  return row.options
    .split('\n')
    .map((o) => o.trim())
    .filter((o) => o !== '');
}

export function draftOf(t: FullTemplate): TemplateDraft {
  const names = (list: { Id: { Name: string } }[] | undefined) => new Set((list ?? []).map((f) => f.Id.Name));
  const required = names(t.Constraints?.RequiredFields);
  const readOnly = names(t.Constraints?.ReadOnlyFields);
  const invisible = names(t.Constraints?.InvisibleFields);
  const defaults = new Map(
    (t.Defaults?.DefaultFieldValues ?? []).map((d) => [d.Id.Name, d.DefaultValue] as const),
  );
  return {
    id: t.Id,
    name: t.Name,
    description: t.Description ?? '',
    flowId: t.ContactFlowId ?? '',
    status: t.Status,
    fields: (t.Fields ?? []).map((f) =>
      newRow({
        name: f.Id.Name,
        type: f.Type,
        description: f.Description ?? '',
        options: (f.SingleSelectOptions ?? []).join('\n'),
        visible: !invisible.has(f.Id.Name),
        editable: !readOnly.has(f.Id.Name) && !invisible.has(f.Id.Name),
        required: required.has(f.Id.Name),
        defaultValue: defaults.get(f.Id.Name) ?? '',
      }),
    ),
  };
}

export function inputOf(d: TemplateDraft): TemplateInput {
  const ref = (r: FieldRow) => ({ Id: { Name: r.name.trim() } });
  return {
    Name: d.name.trim(),
    ...(d.description.trim() !== '' && { Description: d.description.trim() }),
    ...(d.flowId !== '' && { ContactFlowId: d.flowId }),
    Status: d.status,
    Fields: d.fields.map((r) => ({
      Id: { Name: r.name.trim() },
      Type: r.type,
      ...(r.description.trim() !== '' && { Description: r.description.trim() }),
      ...(r.type === 'SINGLE_SELECT' && { SingleSelectOptions: optionsOf(r) }),
    })),
    Constraints: {
      RequiredFields: d.fields.filter((r) => r.required).map(ref),
      ReadOnlyFields: d.fields.filter((r) => r.visible && !r.editable).map(ref),
      InvisibleFields: d.fields.filter((r) => !r.visible).map(ref),
    },
    Defaults: {
      DefaultFieldValues: d.fields
        .filter((r) => r.defaultValue !== '')
        .map((r) => ({ ...ref(r), DefaultValue: r.defaultValue })),
    },
  };
}

export interface PlacedProblems {
  /** Messages per row key. */
  byRow: Map<number, string[]>;
  /** Every message, for the summary. */
  all: string[];
}

/** Puts each problem on the row whose name its message quotes ('Name'), else on the row its path indexes. */
export function placeProblems(
  rows: FieldRow[],
  problems: PropertyProblem[],
  message: string,
): PlacedProblems {
  const list = problems.length > 0 ? problems : [{ PropertyPath: '', Reason: '', Message: message }];
  const byRow = new Map<number, string[]>();
  for (const p of list) {
    const quoted = rows.filter((r) => r.name.trim() !== '' && p.Message.includes(`'${r.name.trim()}'`));
    const indexed = /^Fields\[(\d+)\]/.exec(p.PropertyPath);
    const row =
      quoted.sort((a, b) => b.name.length - a.name.length)[0] ??
      (indexed ? rows[Number(indexed[1])] : undefined);
    if (row) byRow.set(row.key, [...(byRow.get(row.key) ?? []), p.Message]);
  }
  return { byRow, all: list.map((p) => p.Message) };
}
