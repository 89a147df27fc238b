/**
 * One user's profiles, each changed on its own: the routing profile (UpdateUserRoutingProfile) and the security
 * profiles (UpdateUserSecurityProfiles). Each form shows its own refusal and confirmation.
 */
import { useState, type FormEvent } from 'react';
import { peopleApi, type NamedSummary, type UserDetails } from '../../api/console-people.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { usePeopleT } from './messages.js';
import { ProfileChecks } from './ProfileChecks.js';
import { RoutingSelect } from './RoutingSelect.js';

interface Props {
  user: UserDetails;
  routingProfiles: NamedSummary[];
  securityProfiles: NamedSummary[];
  onClose: () => void;
  onChanged: () => void;
}

/** Runs a change with its own busy flag, error and confirmation. */
function useChange() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState('');
  const run = async (change: () => Promise<unknown>, doneText: string) => {
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await change();
      setDone(doneText);
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run, dismiss: () => setError(undefined) };
}

export function UserEditor({ user, routingProfiles, securityProfiles, onClose, onChanged }: Props) {
  const tp = usePeopleT();
  const [routing, setRouting] = useState(user.RoutingProfileId);
  const [profiles, setProfiles] = useState<Set<string>>(new Set(user.SecurityProfileIds));
  const routingChange = useChange();
  const profilesChange = useChange();
  const name = user.Username;

  const saveRouting = (e: FormEvent) => {
    e.preventDefault();
    void routingChange.run(
      async () => {
        if (!routing) throw new Error(tp('user.chooseRouting'));
        await peopleApi.setRoutingProfile(user.Id, routing);
        onChanged();
      },
      tp('user.routingSaved', { name }),
    );
  };
  const saveProfiles = (e: FormEvent) => {
    e.preventDefault();
    void profilesChange.run(
      async () => {
        if (profiles.size === 0) throw new Error(tp('user.chooseProfiles'));
        await peopleApi.setSecurityProfiles(user.Id, [...profiles]);
        onChanged();
      },
      tp('user.profilesSaved', { name }),
    );
  };

  return (
    <section className="card editor" aria-labelledby="user-edit-title" data-testid="user-editor">
      <h3 id="user-edit-title">{tp('user.editing', { name })}</h3>
      <form onSubmit={saveRouting} className="inline-form">
        <label htmlFor="user-edit-routing">{tp('user.routingProfile')}</label>
        <RoutingSelect
          id="user-edit-routing"
          profiles={routingProfiles}
          value={routing}
          onChange={setRouting}
        />
        <button type="submit" disabled={routingChange.busy}>
          {tp('user.saveRouting')}
        </button>
      </form>
      <ErrorMessage error={routingChange.error} onDismiss={routingChange.dismiss} />
      <p role="status">{routingChange.done}</p>

      <form onSubmit={saveProfiles}>
        <ProfileChecks
          legend={tp('user.securityProfiles')}
          profiles={securityProfiles}
          chosen={profiles}
          onChange={setProfiles}
        />
        <button type="submit" disabled={profilesChange.busy}>
          {tp('user.saveProfiles')}
        </button>
      </form>
      <ErrorMessage error={profilesChange.error} onDismiss={profilesChange.dismiss} />
      <p role="status">{profilesChange.done}</p>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {tp('close')}
        </button>
      </div>
    </section>
  );
}
