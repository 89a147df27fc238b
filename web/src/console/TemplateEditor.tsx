/**
 * A task template's editor: name, description, flow, status, and a grid of fields — name, type, description,
 * single-select options, permissions (visible / editable / required) and default. Save sends
 * CreateTaskTemplate or UpdateTaskTemplate; the server's problems (e.g. rule T5) are shown on the field's row
 * and summed up in an alert.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { consoleApi, type FlowSummary } from '../api/console.js';
import type { FieldType } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { useConsoleT } from '../i18n/console-messages.js';
import { describeError } from '../errors.js';
import {
  FIELD_TYPES,
  inputOf,
  newRow,
  optionsOf,
  placeProblems,
  type FieldRow,
  type PlacedProblems,
  type TemplateDraft,
} from './template-form.js';

interface Props {
  initial: TemplateDraft;
  flows: FlowSummary[];
  onClose: () => void;
  onSaved: (name: string) => void;
}

function DefaultInput({
  row,
  label,
  onChange,
}: {
  row: FieldRow;
  label: string;
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  if (row.type === 'SINGLE_SELECT' || row.type === 'BOOLEAN') {
    const options = row.type === 'BOOLEAN' ? ['true', 'false'] : optionsOf(row);
    return (
      <select aria-label={label} value={row.defaultValue} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {row.type === 'BOOLEAN' ? t(o === 'true' ? 'task.yes' : 'task.no') : o}
          </option>
        ))}
      </select>
    );
  }
  return <input aria-label={label} value={row.defaultValue} onChange={(e) => onChange(e.target.value)} />;
}

export function TemplateEditor({ initial, flows, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const tc = useConsoleT();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<PlacedProblems>();

  const set = (changes: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const setRow = (key: number, changes: Partial<FieldRow>) =>
    setDraft((d) => ({ ...d, fields: d.fields.map((r) => (r.key === key ? { ...r, ...changes } : r)) }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblems(undefined);
    try {
      const input = inputOf(draft);
      if (draft.id) await consoleApi.updateTemplate(draft.id, input);
      else await consoleApi.createTemplate(input);
      onSaved(input.Name);
    } catch (err) {
      const list = err instanceof ApiError ? err.problems : [];
      setProblems(placeProblems(draft.fields, list, describeError(err, t)));
    } finally {
      setBusy(false);
    }
  };

  const rowLabel = (row: FieldRow, i: number, what: string) =>
    `${what} (${row.name.trim() || tc('tpl.field', { n: i + 1 })})`;

  return (
    <form className="card editor" onSubmit={(e) => void save(e)} aria-labelledby="editor-title" noValidate>
      <h3 id="editor-title">{initial.id ? tc('tpl.editing', { name: initial.name }) : tc('tpl.creating')}</h3>
      <div className="editor-grid">
        <label htmlFor="tpl-name">{tc('tpl.name')}</label>
        <input id="tpl-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        <label htmlFor="tpl-description">{tc('tpl.description')}</label>
        <textarea
          id="tpl-description"
          rows={2}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <label htmlFor="tpl-flow">{tc('tpl.flow')}</label>
        <select id="tpl-flow" value={draft.flowId} onChange={(e) => set({ flowId: e.target.value })}>
          <option value="">{tc('tpl.noFlow')}</option>
          {flows.map((f) => (
            <option key={f.Id} value={f.Id}>
              {f.Name}
            </option>
          ))}
        </select>
        <label htmlFor="tpl-status">{tc('tpl.status')}</label>
        <select
          id="tpl-status"
          value={draft.status}
          onChange={(e) => set({ status: e.target.value === 'INACTIVE' ? 'INACTIVE' : 'ACTIVE' })}
        >
          <option value="ACTIVE">{tc('tpl.ACTIVE')}</option>
          <option value="INACTIVE">{tc('tpl.INACTIVE')}</option>
        </select>
      </div>

      <h4>{tc('tpl.fields')}</h4>
      <p className="help">{tc('tpl.permissionsHelp')}</p>
      <table className="table fields-grid">
        <thead>
          <tr>
            <th scope="col">{tc('tpl.fieldName')}</th>
            <th scope="col">{tc('tpl.fieldType')}</th>
            <th scope="col">{tc('tpl.fieldDescription')}</th>
            <th scope="col">{tc('tpl.options')}</th>
            <th scope="col">{tc('tpl.visible')}</th>
            <th scope="col">{tc('tpl.editable')}</th>
            <th scope="col">{tc('tpl.required')}</th>
            <th scope="col">{tc('tpl.default')}</th>
            <th scope="col">
              <span className="visually-hidden">{tc('tpl.removeField', { name: '' })}</span>
            </th>
          </tr>
        </thead>
        {draft.fields.map((row, i) => {
          const errors = problems?.byRow.get(row.key);
          const errorId = `field-error-${row.key}`;
          const invalid = {
            'aria-invalid': errors !== undefined,
            ...(errors && { 'aria-describedby': errorId }),
          };
          return (
            <tbody key={row.key} data-testid={`field-row-${i}`} className={errors ? 'invalid' : undefined}>
              <tr>
                <td>
                  <input
                    aria-label={rowLabel(row, i, tc('tpl.fieldName'))}
                    value={row.name}
                    onChange={(e) => setRow(row.key, { name: e.target.value })}
                    {...invalid}
                  />
                </td>
                <td>
                  <select
                    aria-label={rowLabel(row, i, tc('tpl.fieldType'))}
                    value={row.type}
                    onChange={(e) => setRow(row.key, { type: e.target.value as FieldType })}
                  >
                    {FIELD_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {type}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={rowLabel(row, i, tc('tpl.fieldDescription'))}
                    value={row.description}
                    onChange={(e) => setRow(row.key, { description: e.target.value })}
                  />
                </td>
                <td>
                  {row.type === 'SINGLE_SELECT' && (
                    <textarea
                      rows={3}
                      aria-label={rowLabel(row, i, tc('tpl.options'))}
                      value={row.options}
                      onChange={(e) => setRow(row.key, { options: e.target.value })}
                    />
                  )}
                </td>
                <td className="check">
                  <input
                    type="checkbox"
                    aria-label={rowLabel(row, i, tc('tpl.visible'))}
                    checked={row.visible}
                    onChange={(e) => setRow(row.key, { visible: e.target.checked })}
                    {...invalid}
                  />
                </td>
                <td className="check">
                  <input
                    type="checkbox"
                    aria-label={rowLabel(row, i, tc('tpl.editable'))}
                    checked={row.visible && row.editable}
                    disabled={!row.visible}
                    onChange={(e) => setRow(row.key, { editable: e.target.checked })}
                    {...invalid}
                  />
                </td>
                <td className="check">
                  <input
                    type="checkbox"
                    aria-label={rowLabel(row, i, tc('tpl.required'))}
                    checked={row.required}
                    onChange={(e) => setRow(row.key, { required: e.target.checked })}
                    {...invalid}
                  />
                </td>
                <td>
                  <DefaultInput
                    row={row}
                    label={rowLabel(row, i, tc('tpl.default'))}
                    onChange={(v) => setRow(row.key, { defaultValue: v })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={tc('tpl.removeField', { name: row.name.trim() || String(i + 1) })}
                    onClick={() => set({ fields: draft.fields.filter((r) => r.key !== row.key) })}
                  >
                    ✕
                  </button>
                </td>
              </tr>
              {errors && (
                <tr className="row-error">
                  <td colSpan={9} id={errorId} data-testid={`field-error-${row.name.trim()}`}>
                    {errors.map((m) => (
                      <p key={m} className="error">
                        {m}
                      </p>
                    ))}
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
      <button type="button" onClick={() => set({ fields: [...draft.fields, newRow()] })}>
        {tc('tpl.addField')}
      </button>

      <div role="alert" className={problems ? 'error summary' : 'error empty'} data-testid="template-errors">
        {problems && (
          <>
            <p>{tc('tpl.problems')}</p>
            <ul>
              {problems.all.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tc('tpl.saving') : tc('tpl.save')}
        </button>
        <button type="button" onClick={onClose}>
          {tc('tpl.cancel')}
        </button>
      </div>
    </form>
  );
}
