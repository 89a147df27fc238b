/**
 * A security profile's editor: name (only when creating: Connect cannot rename one), description and the
 * permissions. Save sends CreateSecurityProfile or UpdateSecurityProfile; the server's refusal is shown on the
 * field it names and summed up in an alert.
 */
import { useState, type FormEvent } from 'react';
import { peopleApi } from '../../api/console-people.js';
import { useI18n } from '../../i18n/i18n.js';
import { placeErrors, invalidProps, type PlacedErrors } from './field-errors.js';
import { ErrorSummary, FieldError } from './FormBits.js';
import { usePeopleT } from './messages.js';
import { PermissionsEditor } from './PermissionsEditor.js';
import type { GroupView } from './permission-labels.js';

export interface ProfileDraft {
  id?: string;
  name: string;
  description: string;
  permissions: Set<string>;
}

type Field = 'name' | 'description' | 'permissions';
const MEMBERS: Record<Field, readonly string[]> = {
  name: ['SecurityProfileName'],
  description: ['Description'],
  permissions: ['Permissions'],
};

interface Props {
  initial: ProfileDraft;
  groups: GroupView[];
  onClose: () => void;
  onSaved: (name: string) => void;
}

export function SecurityProfileEditor({ initial, groups, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const tp = usePeopleT();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors<Field>>();
  const set = (changes: Partial<ProfileDraft>) => setDraft((d) => ({ ...d, ...changes }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(undefined);
    const Permissions = [...draft.permissions].sort();
    try {
      if (draft.id)
        await peopleApi.updateSecurityProfile(draft.id, { Description: draft.description, Permissions });
      else
        await peopleApi.createSecurityProfile({
          SecurityProfileName: draft.name,
          ...(draft.description && { Description: draft.description }),
          Permissions,
        });
      onSaved(draft.name);
    } catch (err) {
      setErrors(placeErrors(err, t, MEMBERS, { DuplicateResourceException: 'name' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card editor" onSubmit={(e) => void save(e)} aria-labelledby="sp-editor-title" noValidate>
      <h3 id="sp-editor-title">
        {initial.id ? tp('sp.editing', { name: initial.name }) : tp('sp.creating')}
      </h3>
      <div className="editor-grid">
        <label htmlFor="sp-name">{tp('sp.name')}</label>
        <div>
          <input
            id="sp-name"
            value={draft.name}
            readOnly={draft.id !== undefined}
            onChange={(e) => set({ name: e.target.value })}
            {...invalidProps(errors?.byField.name, 'sp-name-error')}
          />
          {draft.id ? (
            <p className="help">{tp('sp.nameFixed')}</p>
          ) : (
            <p className="help">{tp('sp.nameRule')}</p>
          )}
          <FieldError id="sp-name-error" errors={errors?.byField.name} />
        </div>
        <label htmlFor="sp-description">{tp('sp.description')}</label>
        <div>
          <textarea
            id="sp-description"
            rows={2}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
            {...invalidProps(errors?.byField.description, 'sp-description-error')}
          />
          <FieldError id="sp-description-error" errors={errors?.byField.description} />
        </div>
      </div>
      <PermissionsEditor
        groups={groups}
        selected={draft.permissions}
        onChange={(permissions) => set({ permissions })}
      />
      <FieldError id="sp-permissions-error" errors={errors?.byField.permissions} />
      <ErrorSummary title={tp('sp.notSaved')} errors={errors} testId="security-profile-errors" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tp('saving') : tp('save')}
        </button>
        <button type="button" onClick={onClose}>
          {tp('close')}
        </button>
      </div>
    </form>
  );
}
