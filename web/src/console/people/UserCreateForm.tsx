/**
 * A new user (CreateUser): username, password, first and last name, routing profile, one or more security
 * profiles. The password rule is the server's (Connect's); what the server refuses — a weak password, a taken
 * username — is shown on that field and summed up in an alert.
 */
import { useState, type FormEvent } from 'react';
import { peopleApi, type NamedSummary } from '../../api/console-people.js';
import { useI18n } from '../../i18n/i18n.js';
import { placeErrors, type PlacedErrors } from './field-errors.js';
import { ErrorSummary, FieldError } from './FormBits.js';
import { usePeopleT } from './messages.js';
import { ProfileChecks } from './ProfileChecks.js';
import { RoutingSelect } from './RoutingSelect.js';

type Field = 'username' | 'password' | 'firstName' | 'lastName' | 'routing' | 'profiles';
const MEMBERS: Record<Field, readonly string[]> = {
  username: ['Username'],
  password: ['Password'],
  firstName: ['IdentityInfo.FirstName'],
  lastName: ['IdentityInfo.LastName'],
  routing: ['RoutingProfileId'],
  profiles: ['SecurityProfileIds'],
};

interface Props {
  routingProfiles: NamedSummary[];
  securityProfiles: NamedSummary[];
  onClose: () => void;
  onCreated: (username: string) => void;
}

export function UserCreateForm({ routingProfiles, securityProfiles, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const tp = usePeopleT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [routing, setRouting] = useState('');
  const [profiles, setProfiles] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors<Field>>();

  /** What the form can tell before asking the server (its own words for empty choices). */
  const missing = (): PlacedErrors<Field> | undefined => {
    const byField: PlacedErrors<Field>['byField'] = {};
    if (!routing) byField.routing = [tp('user.chooseRouting')];
    if (profiles.size === 0) byField.profiles = [tp('user.chooseProfiles')];
    const all = Object.values(byField).flat();
    return all.length > 0 ? { all, byField } : undefined;
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const problems = missing();
    setErrors(problems);
    if (problems) return;
    setBusy(true);
    try {
      const name = { ...(firstName && { FirstName: firstName }), ...(lastName && { LastName: lastName }) };
      await peopleApi.createUser({
        Username: username,
        Password: password,
        ...(Object.keys(name).length > 0 && { IdentityInfo: name }),
        RoutingProfileId: routing,
        SecurityProfileIds: [...profiles],
      });
      onCreated(username);
    } catch (err) {
      setErrors(placeErrors(err, t, MEMBERS, { DuplicateResourceException: 'username' }));
    } finally {
      setBusy(false);
    }
  };

  const text = (id: Field, label: string, value: string, set: (v: string) => void, type = 'text') => {
    const fieldErrors = errors?.byField[id];
    const described = [fieldErrors && `user-${id}-error`, type === 'password' && 'user-password-rule'];
    return (
      <>
        <label htmlFor={`user-${id}`}>{label}</label>
        <div>
          <input
            id={`user-${id}`}
            type={type}
            value={value}
            autoComplete={type === 'password' ? 'new-password' : 'off'}
            onChange={(e) => set(e.target.value)}
            aria-invalid={fieldErrors ? true : undefined}
            aria-describedby={described.filter(Boolean).join(' ') || undefined}
          />
          {type === 'password' && (
            <p className="help" id="user-password-rule">
              {tp('user.passwordRule')}
            </p>
          )}
          <FieldError id={`user-${id}-error`} errors={fieldErrors} />
        </div>
      </>
    );
  };

  return (
    <form
      className="card editor"
      onSubmit={(e) => void create(e)}
      aria-labelledby="user-new-title"
      noValidate
    >
      <h3 id="user-new-title">{tp('user.creating')}</h3>
      <div className="editor-grid">
        {text('username', tp('user.username'), username, setUsername)}
        {text('password', tp('user.password'), password, setPassword, 'password')}
        {text('firstName', tp('user.firstName'), firstName, setFirstName)}
        {text('lastName', tp('user.lastName'), lastName, setLastName)}
        <label htmlFor="user-routing">{tp('user.routingProfile')}</label>
        <div>
          <RoutingSelect
            id="user-routing"
            profiles={routingProfiles}
            value={routing}
            onChange={setRouting}
            errorId="user-routing-error"
            invalid={errors?.byField.routing !== undefined}
          />
          <FieldError id="user-routing-error" errors={errors?.byField.routing} />
        </div>
      </div>
      <ProfileChecks
        legend={tp('user.securityProfiles')}
        profiles={securityProfiles}
        chosen={profiles}
        onChange={setProfiles}
        errorId="user-profiles-error"
        invalid={errors?.byField.profiles !== undefined}
      />
      <FieldError id="user-profiles-error" errors={errors?.byField.profiles} />
      <ErrorSummary title={tp('user.notCreated')} errors={errors} testId="user-errors" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tp('saving') : tp('user.create')}
        </button>
        <button type="button" onClick={onClose}>
          {tp('close')}
        </button>
      </div>
    </form>
  );
}
