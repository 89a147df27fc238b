/** The security profiles to give a user: a fieldset of checkboxes, one per profile of the instance. */
import type { NamedSummary } from '../../api/console-people.js';

interface Props {
  legend: string;
  profiles: NamedSummary[];
  chosen: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  errorId?: string;
  invalid?: boolean;
}

export function ProfileChecks({ legend, profiles, chosen, onChange, errorId, invalid }: Props) {
  return (
    <fieldset
      className="profile-checks"
      {...(invalid && errorId && { 'aria-describedby': errorId, 'aria-invalid': true })}
    >
      <legend>{legend}</legend>
      {profiles.map((p) => (
        <label key={p.Id} className="text-value">
          <input
            type="checkbox"
            checked={chosen.has(p.Id)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(p.Id);
              else next.delete(p.Id);
              onChange(next);
            }}
          />{' '}
          {p.Name}
        </label>
      ))}
    </fieldset>
  );
}
