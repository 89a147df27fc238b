/**
 * Connect's permission groups (ListPermissionGroups) as the editor shows them: each permission labelled with its
 * feature and its action ("Queues: Create"); a feature with a single permission is labelled by the feature alone
 * ("Restrict task creation"). The filter matches labels, API names, features and groups.
 */
import type { PermissionGroup } from '../../api/console-people.js';

export interface PermissionItem {
  name: string;
  /** The action as shown beside the feature ("Create"); absent for a feature of one permission. */
  action?: string;
  /** The checkbox's full label. */
  label: string;
}

export interface FeatureView {
  label: string;
  /** The API names of the feature: "Queues.*", or the one name. */
  apiName: string;
  items: PermissionItem[];
}

export interface GroupView {
  label: string;
  features: FeatureView[];
}

/** "EnableAndDisable" → "Enable and disable". */
export function humanize(segment: string): string {
  const words = segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  return words.map((w, i) => (i === 0 || /^[A-Z0-9]+$/.test(w) ? w : w.toLowerCase())).join(' ');
}

/** The dot-separated segments every name starts with (never a whole name). */
function sharedSegments(names: readonly string[]): string[] {
  const split = names.map((n) => n.split('.'));
  const shortest = Math.min(...split.map((s) => s.length));
  const shared: string[] = [];
  for (let i = 0; i < shortest - 1; i++) {
    const seg = split[0]?.[i];
    if (seg === undefined || split.some((s) => s[i] !== seg)) break;
    shared.push(seg);
  }
  return shared;
}

export function featureView(label: string, names: readonly string[]): FeatureView {
  if (names.length === 1) {
    const name = names[0] ?? '';
    return { label, apiName: name, items: [{ name, label }] };
  }
  const shared = sharedSegments(names);
  const items = names.map((name) => {
    const action = name.split('.').slice(shared.length).map(humanize).join(' – ');
    return { name, action, label: `${label}: ${action}` };
  });
  return { label, apiName: shared.length > 0 ? `${shared.join('.')}.*` : names.join(', '), items };
}

export function groupViews(groups: readonly PermissionGroup[]): GroupView[] {
  return groups.map((g) => ({
    label: g.Label,
    features: g.Features.map((f) => featureView(f.Label, f.Permissions)),
  }));
}

/** The groups with only what matches `query` (whole groups or features when their label matches). */
export function filterGroups(groups: readonly GroupView[], query: string): GroupView[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...groups];
  const has = (text: string) => text.toLowerCase().includes(q);
  return groups.flatMap((g) => {
    if (has(g.label)) return [g];
    const features = g.features.flatMap((f) => {
      if (has(f.label) || has(f.apiName)) return [f];
      const items = f.items.filter((i) => has(i.label) || has(i.name));
      return items.length > 0 ? [{ ...f, items }] : [];
    });
    return features.length > 0 ? [{ ...g, features }] : [];
  });
}

/** Each permission name → its label, for the summary of what a profile holds. */
export function labelsByName(groups: readonly GroupView[]): Map<string, string> {
  return new Map(groups.flatMap((g) => g.features.flatMap((f) => f.items.map((i) => [i.name, i.label]))));
}
