/**
 * Security profiles: the list (ListSecurityProfiles), the editor for a new or an existing one (its current
 * permissions from ListSecurityProfilePermissions, Connect's permissions from ListPermissionGroups), and delete
 * after a confirmation (DeleteSecurityProfile; a profile still given to users is refused by the server).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { peopleApi, type NamedSummary, type PermissionGroup } from '../../api/console-people.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import '../people/people.css';
import { Confirm } from '../people/Confirm.js';
import { usePeopleT } from '../people/messages.js';
import { groupViews } from '../people/permission-labels.js';
import { SecurityProfileEditor, type ProfileDraft } from '../people/SecurityProfileEditor.js';
import { useLoaded } from '../people/use-loaded.js';

const emptyDraft = (): ProfileDraft => ({ name: '', description: '', permissions: new Set() });

export function SecurityProfilesPage() {
  const { t, dateTime } = useI18n();
  const tp = usePeopleT();
  const profiles = useLoaded(peopleApi.securityProfiles);
  const [groups, setGroups] = useState<PermissionGroup[]>();
  const [error, setError] = useState<string>();
  const [draft, setDraft] = useState<ProfileDraft>();
  const [deleting, setDeleting] = useState<NamedSummary>();
  const [status, setStatus] = useState('');
  const views = useMemo(() => groupViews(groups ?? []), [groups]);

  useEffect(() => {
    peopleApi
      .permissionGroups()
      .then(setGroups)
      .catch((e: unknown) => setError(describeError(e, t)));
  }, [t]);

  const open = useCallback(
    (p: NamedSummary) => {
      setStatus('');
      setError(undefined);
      Promise.all([peopleApi.securityProfile(p.Id), peopleApi.profilePermissions(p.Id)])
        .then(([sp, permissions]) =>
          setDraft({
            id: sp.Id,
            name: sp.SecurityProfileName,
            description: sp.Description ?? '',
            permissions: new Set(permissions),
          }),
        )
        .catch((e: unknown) => setError(describeError(e, t)));
    },
    [t],
  );

  return (
    <section aria-labelledby="security-title">
      <div className="section-head">
        <h2 id="security-title">{tp('sp.title')}</h2>
        <button
          type="button"
          className="primary"
          disabled={!groups}
          onClick={() => {
            setStatus('');
            setDraft(emptyDraft());
          }}
        >
          {tp('sp.new')}
        </button>
      </div>
      <ErrorMessage
        error={error ?? profiles.error}
        onDismiss={() => (error ? setError(undefined) : profiles.dismiss())}
      />
      <p role="status">{status}</p>
      {profiles.data === undefined ? (
        <p>{t('app.loading')}</p>
      ) : profiles.data.length === 0 ? (
        <p>{tp('sp.none')}</p>
      ) : (
        <table className="table" data-testid="security-profiles">
          <thead>
            <tr>
              <th scope="col">{tp('sp.name')}</th>
              <th scope="col">{tp('lastChanged')}</th>
              <th scope="col">{tp('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {profiles.data.map((p) => (
              <tr key={p.Id} className={draft?.id === p.Id ? 'selected' : undefined}>
                <th scope="row" className="text-value">
                  {p.Name}
                </th>
                <td>{p.LastModifiedTime ? dateTime(p.LastModifiedTime) : '—'}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => open(p)} aria-label={tp('sp.edit', { name: p.Name })}>
                    {tp('edit')}
                  </button>
                  <button
                    type="button"
                    onClick={() => setDeleting(p)}
                    aria-label={tp('sp.delete', { name: p.Name })}
                  >
                    {tp('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft && groups && (
        <SecurityProfileEditor
          key={draft.id ?? 'new'}
          initial={draft}
          groups={views}
          onClose={() => setDraft(undefined)}
          onSaved={(name) => {
            setDraft(undefined);
            setStatus(tp('sp.saved', { name }));
            profiles.reload();
          }}
        />
      )}
      {deleting && (
        <Confirm
          title={tp('sp.deleteTitle')}
          question={tp('sp.deleteQuestion', { name: deleting.Name })}
          confirmLabel={tp('delete')}
          onCancel={() => setDeleting(undefined)}
          onConfirm={async () => {
            await peopleApi.deleteSecurityProfile(deleting.Id);
            setDeleting(undefined);
            if (draft?.id === deleting.Id) setDraft(undefined);
            setStatus(tp('sp.deleted', { name: deleting.Name }));
            profiles.reload();
          }}
        />
      )}
    </section>
  );
}
