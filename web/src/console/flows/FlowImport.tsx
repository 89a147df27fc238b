/**
 * Importing a flow exported from Amazon Connect: a file or pasted JSON (bare, or wrapped as DescribeContactFlow /
 * CreateContactFlow have it), its name, type and description taken from the export and open to change, the
 * checks (ImportChecks) before saving, then CreateContactFlow — or UpdateContactFlowContent when the user chose
 * to replace the flow of that name. The server's refusals are shown on the form in words.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { flowsApi, type ContactFlowSummary } from '../../api/console-flows.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { FLOW_TYPES, isFlowType } from './flow-export.js';
import type { Names } from './graph.js';
import { ImportChecks } from './ImportChecks.js';
import { ImportSource } from './ImportSource.js';
import { flowsKey, useFlowsT } from './messages.js';
import { useFlowCheck } from './useFlowCheck.js';

interface Props {
  flows: ContactFlowSummary[];
  names: Names;
  onClose: () => void;
  onSaved: (message: string) => void;
}

type Field = 'name' | 'type' | 'description';

export function FlowImport({ flows, names, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const ft = useFlowsT();
  const [text, setText] = useState('');
  const [fields, setFields] = useState<Record<Field, string>>({ name: '', type: '', description: '' });
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [module, setModule] = useState(false);
  const [replace, setReplace] = useState(false);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  const existing = flows.find((f) => f.Name === fields.name.trim());
  const replacing = existing !== undefined && replace;
  const type = replacing ? existing.ContactFlowType : fields.type;
  const { check, error, pending } = useFlowCheck(text, type, round);
  const typeLabel = (v: string) => {
    const key = flowsKey('type', v);
    return key ? ft(key) : v;
  };

  const onText = (next: string) => {
    setText(next);
    setSaveError(undefined);
  };
  // The export's name, type and description (read by the server) fill the fields the user has not changed.
  const exported = check?.source === text ? check.exported : undefined;
  useEffect(() => {
    if (!exported) return;
    setModule(exported.Type === 'MODULE');
    setFields((f) => ({
      name: touched.has('name') ? f.name : (exported.Name ?? ''),
      type: touched.has('type') ? f.type : isFlowType(exported.Type) ? exported.Type : '',
      description: touched.has('description') ? f.description : (exported.Description ?? ''),
    }));
  }, [exported, touched]);
  const set = (field: Field, value: string) => {
    setFields((f) => ({ ...f, [field]: value }));
    setTouched((s) => new Set(s).add(field));
    setSaveError(undefined);
  };

  const blocker =
    text.trim() === ''
      ? ft('import.needContent')
      : fields.name.trim() === ''
        ? ft('import.needName')
        : type === ''
          ? ft('import.needType')
          : check && check.lint.Errors.length > 0
            ? ft('import.fixErrors')
            : undefined;
  // A check made for other text or type (the answer for these is on its way) does not count.
  const checked = check !== undefined && check.source === text && check.type === type;
  const ready = blocker === undefined && checked && !pending;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || !check) return;
    setBusy(true);
    setSaveError(undefined);
    const name = fields.name.trim();
    try {
      if (replacing) {
        await flowsApi.updateContent(existing.Id, check.content);
        onSaved(ft('import.replaced', { name }));
      } else {
        const description = fields.description.trim();
        await flowsApi.create({
          Name: name,
          Type: type,
          Content: check.content,
          ...(description && { Description: description }),
        });
        onSaved(ft('import.saved', { name }));
      }
    } catch (err) {
      setSaveError(ft('import.notSaved', { error: describeError(err, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card editor flow-import"
      onSubmit={(e) => void save(e)}
      aria-labelledby="import-title"
      noValidate
    >
      <h3 id="import-title">{ft('import.title')}</h3>
      <ImportSource text={text} onText={onText} />
      <div className="editor-grid">
        <label htmlFor="import-name">{ft('import.name')}</label>
        <input id="import-name" value={fields.name} onChange={(e) => set('name', e.target.value)} />
        <label htmlFor="import-type">{ft('import.type')}</label>
        <select
          id="import-type"
          value={type}
          disabled={replacing}
          onChange={(e) => set('type', e.target.value)}
        >
          <option value="">{ft('import.chooseType')}</option>
          {FLOW_TYPES.map((v) => (
            <option key={v} value={v}>
              {typeLabel(v)}
            </option>
          ))}
        </select>
        <label htmlFor="import-description">{ft('import.description')}</label>
        <textarea
          id="import-description"
          rows={2}
          value={fields.description}
          disabled={replacing}
          onChange={(e) => set('description', e.target.value)}
        />
      </div>
      {module && <p className="notice">{ft('import.module')}</p>}
      {existing && (
        <div className="notice" data-testid="import-exists">
          <p>{ft('import.exists', { name: existing.Name, type: typeLabel(existing.ContactFlowType) })}</p>
          <label>
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />{' '}
            {ft('import.replace')}
          </label>
        </div>
      )}
      <ImportChecks check={check} pending={pending} error={error} name={fields.name.trim()} names={names} />
      <ErrorMessage error={saveError} onDismiss={() => setSaveError(undefined)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready || busy} aria-describedby="import-blocker">
          {busy ? ft('import.saving') : replacing ? ft('import.saveReplace') : ft('import.save')}
        </button>
        <button type="button" onClick={() => setRound((r) => r + 1)} disabled={text.trim() === ''}>
          {ft('import.recheck')}
        </button>
        <button type="button" onClick={onClose}>
          {ft('import.cancel')}
        </button>
        <span id="import-blocker" className="help">
          {blocker ?? ''}
        </span>
      </div>
    </form>
  );
}
