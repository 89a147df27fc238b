/**
 * One task field as an input of its type (a received task's editable fields, and the Create task form), and a
 * read-only field's value as text. DATE_TIME values are epoch seconds (a DATE reference), SCHEDULED_TIME values
 * epoch ms; both are edited as datetime-local in the browser's time zone.
 */
import { useI18n } from '../i18n/i18n.js';
import { SafeLink } from '../safe-link.js';
import { epochSecondsOf, localInputOf, type TaskField } from './task-fields.js';

interface Props {
  field: TaskField;
  id: string;
  value: string;
  onChange: (v: string) => void;
  /** The id of an error shown for this field: the input is then marked invalid and described by it. */
  errorId?: string;
}

const seconds = (ms: string) => (ms === '' ? '' : String(Math.floor(Number(ms) / 1000)));
const millis = (s: string) => (s === '' ? '' : String(Number(s) * 1000));

export function FieldInput({ field, id, value, onChange, errorId }: Props) {
  const { t } = useI18n();
  const describedBy = [field.description && `${id}-help`, errorId].filter(Boolean).join(' ');
  const common = {
    id,
    'aria-required': field.required,
    ...(errorId && { 'aria-invalid': true }),
    ...(describedBy && { 'aria-describedby': describedBy }),
  };
  switch (field.type) {
    case 'DESCRIPTION':
    case 'TEXT_AREA':
      return <textarea {...common} rows={4} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'BOOLEAN':
    case 'SELF_ASSIGN':
      return (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          <option value="true">{t('task.yes')}</option>
          <option value="false">{t('task.no')}</option>
        </select>
      );
    case 'SINGLE_SELECT':
      return (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'DATE_TIME':
    case 'SCHEDULED_TIME': {
      const ms = field.type === 'SCHEDULED_TIME';
      return (
        <input
          {...common}
          type="datetime-local"
          value={localInputOf(ms ? seconds(value) : value)}
          onChange={(e) => {
            const s = epochSecondsOf(e.target.value);
            onChange(ms ? millis(s) : s);
          }}
        />
      );
    }
    default: {
      const type =
        field.type === 'NUMBER' || field.type === 'EXPIRY_DURATION'
          ? 'number'
          : field.type === 'EMAIL'
            ? 'email'
            : field.type === 'URL'
              ? 'url'
              : 'text';
      return <input {...common} type={type} value={value} onChange={(e) => onChange(e.target.value)} />;
    }
  }
}

export function ReadOnlyValue({ field }: { field: TaskField }) {
  const { dateTime } = useI18n();
  if (field.value === '') return <>—</>;
  if (field.type === 'SCHEDULED_TIME') return <>{dateTime(Number(field.value))}</>;
  if (field.type === 'DATE_TIME') return <>{dateTime(Number(field.value) * 1000)}</>;
  if (field.type === 'URL') return <SafeLink value={field.value} />;
  return <span className="text-value">{field.value}</span>;
}

/**
 * A field with its label: editable ones as an input (required marked), read-only ones as text (marked so), the
 * template's help text, and the server's words about it when it refused the value.
 */
export function FieldRow({
  field,
  id,
  label,
  value,
  onChange,
  error,
}: {
  field: TaskField;
  id: string;
  label?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const name = label ?? field.name;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field" data-field={field.name}>
      {field.editable ? (
        <label htmlFor={id}>
          {name}
          {field.required && <span className="tag"> ({t('task.required')})</span>}
        </label>
      ) : (
        <span className="label" id={`${id}-label`}>
          {name} <span className="tag">({t('task.readOnly')})</span>
        </span>
      )}
      {field.editable ? (
        <FieldInput field={field} id={id} value={value} onChange={onChange} {...(errorId && { errorId })} />
      ) : (
        <p className="readonly" aria-labelledby={`${id}-label`} data-readonly={field.name}>
          <ReadOnlyValue field={field} />
        </p>
      )}
      {field.description && (
        <p className="help text-value" id={`${id}-help`}>
          {field.description}
        </p>
      )}
      {error && (
        <p className="error" role="alert" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** An element id made from a field's name (any text). */
export const fieldIdOf = (prefix: string, name: string) =>
  `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
