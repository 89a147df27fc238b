/**
 * The Create task dialog (rules R2, R3): a template (or none), the template's fields as it says (required marked,
 * read-only shown but not editable, invisible absent, defaults prefilled), a Description, an optional date and
 * time in the user's time zone, a quick connect; Create sends POST /api/agent/tasks. The server's refusals (a time
 * in the past or too far ahead, a required field left empty) are shown at the field they are about. A modal
 * <dialog>: focus moves into it, Esc and Cancel close it, the opener gets focus back.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { agentApi } from '../api/agent.js';
import { ApiError } from '../api/client.js';
import type { Contact, FieldType, QuickConnect, TaskTemplate } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { ErrorMessage } from '../errors.js';
import { FieldRow } from './FieldInput.js';
import { QuickConnectField } from './QuickConnectField.js';
import { creationFields, errorsOf, keyOf, taskRequestOf } from './task-create.js';

interface Props {
  templates: TaskTemplate[];
  onClose: () => void;
  onCreated: (contact: Contact) => void;
  onFailed: (e: unknown, show: (message: string) => void) => void;
}

/** The labels of the task's own fields (a template's fields are labelled with their names). */
const OWN_LABELS: Partial<Record<FieldType, MessageKey>> = {
  NAME: 'create.name',
  DESCRIPTION: 'create.description',
  SCHEDULED_TIME: 'create.scheduled',
  QUICK_CONNECT: 'create.quickConnect',
};

export function CreateTaskDialog({ templates, onClose, onCreated, onFailed }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [templateId, setTemplateId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [quickConnects, setQuickConnects] = useState<QuickConnect[]>();
  const [qcError, setQcError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const template = templates.find((x) => x.Id === templateId);
  const fields = useMemo(() => creationFields(template), [template]);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  useEffect(() => {
    let live = true;
    agentApi
      .quickConnects()
      .then(
        (r) => live && setQuickConnects(r.QuickConnects.filter((q) => q.QuickConnectType !== 'PHONE_NUMBER')),
      )
      .catch((e: unknown) => live && onFailed(e, setQcError));
    return () => {
      live = false;
    };
  }, [onFailed]);

  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    setValues({});
    setFieldErrors({});
    setFormErrors([]);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFieldErrors({});
    setFormErrors([]);
    try {
      const { Contact: created } = await agentApi.createTask(taskRequestOf(template, fields, values));
      onCreated(created);
    } catch (err) {
      if (err instanceof ApiError && err.status >= 400 && err.status !== 401) {
        const { byField, rest } = errorsOf(fields, err);
        setFieldErrors(byField);
        setFormErrors(rest);
        requestAnimationFrame(() =>
          dialog.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
        );
      } else onFailed(err, (m) => setFormErrors([m]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="create-dialog-title"
      data-testid="create-task-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="create-dialog-title">{t('create.title')}</h2>
        <div className="field">
          <label htmlFor="create-template">{t('create.template')}</label>
          <select
            id="create-template"
            autoFocus
            value={templateId}
            onChange={(e) => chooseTemplate(e.target.value)}
          >
            <option value="">{t('create.noTemplate')}</option>
            {templates.map((x) => (
              <option key={x.Id} value={x.Id}>
                {x.Name}
              </option>
            ))}
          </select>
          <p className="help text-value">{template ? template.Description : t('create.noTemplateHelp')}</p>
        </div>
        {fields.map((f, i) => {
          const key = keyOf(f);
          const ownLabel = f.standard ? OWN_LABELS[f.type] : undefined;
          const common = {
            field:
              f.standard && f.type === 'SCHEDULED_TIME'
                ? { ...f, description: t('create.scheduledHelp', { zone }) }
                : f,
            id: `create-field-${i}`,
            ...(ownLabel && { label: t(ownLabel) }),
            value: values[key] ?? f.value,
            onChange: (v: string) => setValues((prev) => ({ ...prev, [key]: v })),
            error: fieldErrors[key],
          };
          return f.type === 'QUICK_CONNECT' ? (
            <QuickConnectField key={key} {...common} quickConnects={quickConnects} loadError={qcError} />
          ) : (
            <FieldRow key={key} {...common} />
          );
        })}
        {formErrors.map((m) => (
          <ErrorMessage key={m} error={m} />
        ))}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('create.busy') : t('create.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('create.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
