/**
 * A quick connect chosen for a new task (assigning it to an agent or a queue): the quick connects the agent may
 * use, by name; the chosen one's warning (its flow fails on tasks, rule X2) is shown under it. Read-only, it shows
 * the template's default by name.
 */
import type { QuickConnect } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorMessage } from '../errors.js';
import type { TaskField } from './task-fields.js';

interface Props {
  field: TaskField;
  id: string;
  label?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  quickConnects: QuickConnect[] | undefined;
  loadError: string | undefined;
}

/** A quick connect's value may be its id or its ARN. */
const named = (list: QuickConnect[] | undefined, value: string) =>
  list?.find((q) => q.Id === value || q.Arn === value);

export function QuickConnectField(props: Props) {
  const { field, id, value, onChange, error, quickConnects, loadError } = props;
  const { t } = useI18n();
  const label = props.label ?? field.name;
  const chosen = named(quickConnects, value);
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [
    field.description && `${id}-help`,
    chosen?.TaskWarnings.length && `${id}-warn`,
    errorId,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field" data-field={field.name}>
      {field.editable ? (
        <>
          <label htmlFor={id}>
            {label}
            {field.required && <span className="tag"> ({t('task.required')})</span>}
          </label>
          <select
            id={id}
            value={value}
            aria-required={field.required}
            {...(errorId && { 'aria-invalid': true })}
            {...(describedBy && { 'aria-describedby': describedBy })}
            onChange={(e) => onChange(e.target.value)}
          >
            <option value="">{t('create.noQuickConnect')}</option>
            {value !== '' && !chosen && <option value={value}>{value}</option>}
            {(quickConnects ?? []).map((q) => (
              <option key={q.Id} value={q.Id}>
                {q.TaskWarnings.length > 0 ? t('create.quickConnectWarned', { name: q.Name }) : q.Name}
              </option>
            ))}
          </select>
        </>
      ) : (
        <>
          <span className="label" id={`${id}-label`}>
            {label} <span className="tag">({t('task.readOnly')})</span>
          </span>
          <p className="readonly text-value" aria-labelledby={`${id}-label`} data-readonly={field.name}>
            {value === '' ? '—' : (chosen?.Name ?? value)}
          </p>
        </>
      )}
      {field.description && (
        <p className="help text-value" id={`${id}-help`}>
          {field.description}
        </p>
      )}
      {chosen && chosen.TaskWarnings.length > 0 && (
        <p className="qc-warning text-value" id={`${id}-warn`}>
          <strong>{t('transfer.warning')}</strong> {chosen.TaskWarnings.join(' ')}
        </p>
      )}
      <ErrorMessage error={loadError} />
      {error && (
        <p className="error" role="alert" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
