/**
 * Users: the list (ListUsers, each described for its name and profiles), a new user (CreateUser), a user's
 * routing and security profiles, and delete after a confirmation (DeleteUser; a user a quick connect points to
 * is refused by the server, in its words).
 */
import { useState } from 'react';
import { peopleApi, type NamedSummary, type UserDetails } from '../../api/console-people.js';
import { ErrorMessage } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import '../people/people.css';
import { Confirm } from '../people/Confirm.js';
import { usePeopleT } from '../people/messages.js';
import { UserCreateForm } from '../people/UserCreateForm.js';
import { UserEditor } from '../people/UserEditor.js';
import { useLoaded } from '../people/use-loaded.js';

const nameOf = (u: UserDetails) =>
  [u.IdentityInfo?.FirstName, u.IdentityInfo?.LastName].filter((n) => n !== undefined && n !== '').join(' ');

const namesOf = (list: NamedSummary[] | undefined) => new Map((list ?? []).map((p) => [p.Id, p.Name]));

export function UsersPage() {
  const { t } = useI18n();
  const tp = usePeopleT();
  const users = useLoaded(peopleApi.users);
  const routing = useLoaded(peopleApi.routingProfiles);
  const security = useLoaded(peopleApi.securityProfiles);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserDetails>();
  const [deleting, setDeleting] = useState<UserDetails>();
  const [status, setStatus] = useState('');
  const routingNames = namesOf(routing.data);
  const securityNames = namesOf(security.data);
  const ready = routing.data !== undefined && security.data !== undefined;
  const loadError = users.error ?? routing.error ?? security.error;

  return (
    <section aria-labelledby="users-title">
      <div className="section-head">
        <h2 id="users-title">{tp('user.title')}</h2>
        <button
          type="button"
          className="primary"
          disabled={!ready}
          onClick={() => {
            setStatus('');
            setEditing(undefined);
            setCreating(true);
          }}
        >
          {tp('user.new')}
        </button>
      </div>
      <ErrorMessage error={loadError} />
      <p role="status">{status}</p>
      {users.data === undefined ? (
        <p>{t('app.loading')}</p>
      ) : (
        <table className="table" data-testid="users">
          <thead>
            <tr>
              <th scope="col">{tp('user.username')}</th>
              <th scope="col">{tp('user.name')}</th>
              <th scope="col">{tp('user.routingProfile')}</th>
              <th scope="col">{tp('user.securityProfiles')}</th>
              <th scope="col">{tp('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.Id} className={editing?.Id === u.Id ? 'selected' : undefined}>
                <th scope="row" className="text-value">
                  {u.Username}
                </th>
                <td className="text-value">{nameOf(u)}</td>
                <td className="text-value">{routingNames.get(u.RoutingProfileId) ?? u.RoutingProfileId}</td>
                <td className="text-value">
                  {u.SecurityProfileIds.map((id) => securityNames.get(id) ?? id).join(', ')}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    disabled={!ready}
                    aria-label={tp('user.edit', { name: u.Username })}
                    onClick={() => {
                      setStatus('');
                      setCreating(false);
                      setEditing(u);
                    }}
                  >
                    {tp('user.profiles')}
                  </button>
                  <button
                    type="button"
                    aria-label={tp('user.delete', { name: u.Username })}
                    onClick={() => setDeleting(u)}
                  >
                    {tp('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && routing.data && security.data && (
        <UserCreateForm
          routingProfiles={routing.data}
          securityProfiles={security.data}
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            setStatus(tp('user.created', { name }));
            users.reload();
          }}
        />
      )}
      {editing && routing.data && security.data && (
        <UserEditor
          key={editing.Id}
          user={editing}
          routingProfiles={routing.data}
          securityProfiles={security.data}
          onClose={() => setEditing(undefined)}
          onChanged={users.reload}
        />
      )}
      {deleting && (
        <Confirm
          title={tp('user.deleteTitle')}
          question={tp('user.deleteQuestion', { name: deleting.Username })}
          confirmLabel={tp('delete')}
          onCancel={() => setDeleting(undefined)}
          onConfirm={async () => {
            await peopleApi.deleteUser(deleting.Id);
            setDeleting(undefined);
            if (editing?.Id === deleting.Id) setEditing(undefined);
            setStatus(tp('user.deleted', { name: deleting.Username }));
            users.reload();
          }}
        />
      )}
    </section>
  );
}
