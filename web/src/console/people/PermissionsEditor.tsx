/**
 * A security profile's permissions, grouped as Connect groups them (ListPermissionGroups): a filter box over the
 * labels and API names, one collapsible group each (a disclosure button with how many are chosen), one row per
 * feature with a checkbox per permission ("Queues: Create"), and the summary of what is chosen now.
 */
import { useId, useMemo, useState } from 'react';
import { usePeopleT } from './messages.js';
import { filterGroups, labelsByName, type FeatureView, type GroupView } from './permission-labels.js';

interface Props {
  groups: GroupView[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

function FeatureRow({
  feature,
  selected,
  toggle,
}: {
  feature: FeatureView;
  selected: ReadonlySet<string>;
  toggle: (name: string, on: boolean) => void;
}) {
  const box = (name: string) => (
    <input type="checkbox" checked={selected.has(name)} onChange={(e) => toggle(name, e.target.checked)} />
  );
  const only = feature.items.length === 1 ? feature.items[0] : undefined;
  return (
    <li className="perm-feature">
      {only ? (
        <label className="perm-single" title={only.name}>
          {box(only.name)} {feature.label}
        </label>
      ) : (
        <>
          <span className="perm-label">{feature.label}</span>
          <span className="perm-actions">
            {feature.items.map((item) => (
              <label key={item.name} title={item.name}>
                {box(item.name)} <span className="visually-hidden">{feature.label}: </span>
                {item.action}
              </label>
            ))}
          </span>
        </>
      )}
      <code className="muted perm-api">{feature.apiName}</code>
    </li>
  );
}

export function PermissionsEditor({ groups, selected, onChange }: Props) {
  const tp = usePeopleT();
  const baseId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  /** While filtering every group with a match is open, unless closed since the filter last changed. */
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => filterGroups(groups, query), [groups, query]);
  const labels = useMemo(() => labelsByName(groups), [groups]);
  const filtering = query.trim() !== '';

  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };
  const flip = (label: string) =>
    (filtering ? setClosed : setOpen)((o) => {
      const next = new Set(o);
      if (next.has(label)) next.delete(label);
      else next.add(label);
      return next;
    });
  const chosenIn = (g: GroupView) =>
    g.features.reduce((n, f) => n + f.items.filter((i) => selected.has(i.name)).length, 0);
  const summary = [...selected].map((name) => labels.get(name) ?? name).sort((a, b) => a.localeCompare(b));

  return (
    <div className="permissions">
      <h4>{tp('sp.permissions')}</h4>
      <div className="perm-summary" data-testid="permission-summary">
        <p>{tp('sp.selectedCount', { count: summary.length })}</p>
        {summary.length > 0 && (
          <ul aria-label={tp('sp.selected')}>
            {summary.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${baseId}-filter`}>{tp('sp.filter')}</label>
        <input
          id={`${baseId}-filter`}
          type="search"
          value={query}
          placeholder={tp('sp.filterHint')}
          onChange={(e) => {
            setQuery(e.target.value);
            setClosed(new Set());
          }}
        />
      </div>
      {shown.length === 0 && <p>{tp('sp.noMatch')}</p>}
      {shown.map((g, i) => {
        const expanded = filtering ? !closed.has(g.label) : open.has(g.label);
        const panelId = `${baseId}-group-${i}`;
        return (
          <section key={g.label} className="perm-group">
            <h5>
              <button
                type="button"
                className="perm-toggle"
                aria-expanded={expanded}
                aria-controls={panelId}
                onClick={() => flip(g.label)}
              >
                <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {g.label}
                <span className="muted"> {tp('sp.groupCount', { count: chosenIn(g) })}</span>
              </button>
            </h5>
            {expanded && (
              <ul id={panelId} className="perm-features">
                {g.features.map((f) => (
                  <FeatureRow key={f.label} feature={f} selected={selected} toggle={toggle} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
