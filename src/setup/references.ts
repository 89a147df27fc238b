/** What a setup file defines, and every name it refers to, with the path of the member that does. */
import type { SetupKind } from './catalog.js';
import type { Setup } from './format.js';

export interface Definition {
  kind: SetupKind;
  name: string;
  /** Where in its list, e.g. 1 for `Queues[1]`. */
  index: number;
  /** The member holding the name, e.g. `Queues[1].Name`. */
  namePath: string;
}

export interface Reference {
  kind: SetupKind;
  name: string;
  /** The member that refers, e.g. `Queues[1].HoursOfOperation`. */
  path: string;
  /** The definition (`kind:name`) that needs it to exist first; none for associations made at the end. */
  from?: string;
  /** How the message says it, when not "names". */
  via?: string;
  /** What the referred flow must be: a key of plan.ts NEEDED_FLOW_TYPE. */
  needs?: string;
}

/** Every resource the file defines, in the file's order of kinds. */
export function definitionsOf(s: Setup): Definition[] {
  const list = <T>(
    items: T[] | undefined,
    kind: SetupKind,
    section: string,
    member: string,
    name: (t: T) => string,
  ) =>
    (items ?? []).map((item, index) => ({
      kind,
      name: name(item),
      index,
      namePath: `${section}[${index}].${member}`,
    }));
  return [
    ...list(s.HoursOfOperations, 'hours', 'HoursOfOperations', 'Name', (h) => h.Name),
    ...list(s.Queues, 'queue', 'Queues', 'Name', (q) => q.Name),
    ...list(s.SecurityProfiles, 'securityProfile', 'SecurityProfiles', 'Name', (p) => p.Name),
    ...list(s.RoutingProfiles, 'routingProfile', 'RoutingProfiles', 'Name', (p) => p.Name),
    ...list(s.Users, 'user', 'Users', 'Username', (u) => u.Username),
    ...list(s.AgentStatuses, 'agentStatus', 'AgentStatuses', 'Name', (a) => a.Name),
    ...list(s.TaskTemplates, 'template', 'TaskTemplates', 'Name', (t) => t.Name),
    ...list(s.Flows, 'flow', 'Flows', 'Name', (f) => f.Name),
    ...list(s.QuickConnects, 'quickConnect', 'QuickConnects', 'Name', (q) => q.Name),
    ...list(s.PhoneNumbers, 'phoneNumber', 'PhoneNumbers', 'PhoneNumber', (p) => p.PhoneNumber),
  ];
}

/** Every name the file refers to outside its flow files (plan.ts adds the flows' placeholders). */
export function referencesOf(s: Setup): Reference[] {
  const out: Reference[] = [];
  const ref = (kind: SetupKind, name: string | undefined, path: string, from?: string, needs?: string) => {
    if (name !== undefined)
      out.push({
        kind,
        name,
        path,
        ...(from !== undefined && { from }),
        ...(needs !== undefined && { needs }),
      });
  };
  (s.Queues ?? []).forEach((q, i) => {
    ref('hours', q.HoursOfOperation, `Queues[${i}].HoursOfOperation`, `queue:${q.Name}`);
    (q.QuickConnects ?? []).forEach((name, j) =>
      ref('quickConnect', name, `Queues[${i}].QuickConnects[${j}]`),
    );
  });
  (s.RoutingProfiles ?? []).forEach((p, i) => {
    const from = `routingProfile:${p.Name}`;
    ref('queue', p.DefaultOutboundQueue, `RoutingProfiles[${i}].DefaultOutboundQueue`, from);
    (p.Queues ?? []).forEach((c, j) =>
      ref('queue', c.Queue, `RoutingProfiles[${i}].Queues[${j}].Queue`, from),
    );
  });
  (s.Users ?? []).forEach((u, i) => {
    const from = `user:${u.Username}`;
    ref('routingProfile', u.RoutingProfile, `Users[${i}].RoutingProfile`, from);
    u.SecurityProfiles.forEach((name, j) =>
      ref('securityProfile', name, `Users[${i}].SecurityProfiles[${j}]`, from),
    );
  });
  (s.TaskTemplates ?? []).forEach((t, i) => {
    const from = `template:${t.Name}`;
    ref('flow', t.ContactFlow, `TaskTemplates[${i}].ContactFlow`, from, 'template');
    ref('flow', t.SelfAssignFlow, `TaskTemplates[${i}].SelfAssignFlow`, from, 'template');
  });
  (s.QuickConnects ?? []).forEach((q, i) => {
    const from = `quickConnect:${q.Name}`;
    ref('user', q.User, `QuickConnects[${i}].User`, from);
    ref('queue', q.Queue, `QuickConnects[${i}].Queue`, from);
    ref('flow', q.Flow, `QuickConnects[${i}].Flow`, from, `quickConnect:${q.Type}`);
  });
  (s.PhoneNumbers ?? []).forEach((p, i) =>
    ref('flow', p.Flow, `PhoneNumbers[${i}].Flow`, `phoneNumber:${p.PhoneNumber}`, 'phoneNumber'),
  );
  return out;
}
