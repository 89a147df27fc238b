/** A new access key for a user (CreateAccessKey): the user and an optional description. */
import { useState, type FormEvent } from 'react';
import { peopleApi, type NewAccessKey, type UserSummary } from '../../api/console-people.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { usePeopleT } from './messages.js';

interface Props {
  users: UserSummary[];
  onCreated: (key: NewAccessKey) => void;
}

export function AccessKeyCreateForm({ users, onCreated }: Props) {
  const { t } = useI18n();
  const tp = usePeopleT();
  const [userId, setUserId] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    if (!userId) {
      setError(tp('key.chooseUser'));
      return;
    }
    setBusy(true);
    try {
      const key = await peopleApi.createAccessKey(userId, description);
      setDescription('');
      onCreated(key);
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void create(e)} aria-labelledby="key-new-title" noValidate>
      <h3 id="key-new-title">{tp('key.creating')}</h3>
      <div className="inline-form">
        <label htmlFor="key-user">{tp('key.user')}</label>
        <select id="key-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">{tp('choose')}</option>
          {users.map((u) => (
            <option key={u.Id} value={u.Id}>
              {u.Username}
            </option>
          ))}
        </select>
        <label htmlFor="key-description">{tp('key.description')}</label>
        <input id="key-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tp('saving') : tp('key.create')}
        </button>
      </div>
      <p className="help">{tp('key.createHelp')}</p>
      <ErrorMessage error={error} onDismiss={() => setError(undefined)} />
    </form>
  );
}
