/** A routing profile chooser (a <select> with "Choose…" first). */
import type { NamedSummary } from '../../api/console-people.js';
import { usePeopleT } from './messages.js';

interface Props {
  id: string;
  profiles: NamedSummary[];
  value: string;
  onChange: (id: string) => void;
  errorId?: string;
  invalid?: boolean;
}

export function RoutingSelect({ id, profiles, value, onChange, errorId, invalid }: Props) {
  const tp = usePeopleT();
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...(invalid && errorId && { 'aria-describedby': errorId, 'aria-invalid': true })}
    >
      <option value="">{tp('choose')}</option>
      {profiles.map((p) => (
        <option key={p.Id} value={p.Id}>
          {p.Name}
        </option>
      ))}
    </select>
  );
}
