/**
 * An instance's configuration as a setup file and one file per flow (its content as stored, the instance's own
 * ARNs turned into placeholders), which applySetup imports back into any instance. Everything is listed by name,
 * sorted, without ids: exporting the same configuration twice gives the same files.
 */
import type { Page, Store } from '../store/ports/index.js';
import type { SetupInput } from './format.js';
import { unbindFromInstance } from './unbind.js';

export interface SetupExport {
  setup: SetupInput;
  /** The flow files the setup names, by file name (beside setup.json). */
  files: { name: string; content: string }[];
  /** What the setup file cannot say, in words. */
  problems: string[];
}

const PAGE = 500;

async function all<T>(fetch: (page: Page) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await fetch({ offset, limit: PAGE });
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

const byName =
  <T>(name: (t: T) => string) =>
  (a: T, b: T) =>
    name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;

/** `Callback inbound` → `callback-inbound.json`, unique among `taken`. */
function fileName(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'flow';
  let file = `${base === 'setup' ? 'setup-flow' : base}.json`;
  for (let n = 2; taken.has(file); n++) file = `${base}-${n}.json`;
  taken.add(file);
  return file;
}

const opt = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export async function exportSetup(store: Store, instanceId: string): Promise<SetupExport> {
  const r = store.repos;
  const problems: string[] = [];
  const hours = (await all((p) => r.hours.list(instanceId, p))).sort(byName((h) => h.Name));
  const queues = (await all((p) => r.queues.list(instanceId, p, ['STANDARD']))).sort(byName((q) => q.Name));
  const flows = (await all((p) => r.flows.list(instanceId, p, { modules: false }))).concat(
    await all((p) => r.flows.list(instanceId, p, { modules: true })),
  );
  flows.sort(byName((f) => f.Name));
  const templates = (await all((p) => r.taskTemplates.list(instanceId, p))).sort(byName((t) => t.Name));
  const profiles = (await all((p) => r.routingProfiles.list(instanceId, p))).sort(byName((x) => x.Name));
  const securityProfiles = (await all((p) => r.securityProfiles.list(instanceId, p))).sort(
    byName((x) => x.SecurityProfileName),
  );
  const users = (await all((p) => r.users.list(instanceId, p))).sort(byName((u) => u.Username));
  const quickConnects = (await all((p) => r.quickConnects.list(instanceId, p))).sort(byName((q) => q.Name));
  const statuses = (await all((p) => r.agentStatuses.list(instanceId, p, ['CUSTOM']))).sort(
    byName((s) => s.Name),
  );
  const numbers = (await all((p) => r.phoneNumbers.list({ instanceId }, p))).sort(
    byName((n) => n.PhoneNumber),
  );

  const names = new Map<string, string>();
  const name = (kind: string, id: string | undefined) =>
    id === undefined ? undefined : names.get(`${kind}/${id}`);
  hours.forEach((h) => names.set(`operating-hours/${h.HoursOfOperationId}`, h.Name));
  queues.forEach((q) => names.set(`queue/${q.QueueId}`, q.Name));
  flows.forEach((f) => names.set(`${f.Type === 'MODULE' ? 'flow-module' : 'contact-flow'}/${f.Id}`, f.Name));
  flows.forEach((f) => names.set(`flow/${f.Id}`, f.Name));
  templates.forEach((t) => names.set(`task-template/${t.Id}`, t.Name));
  profiles.forEach((p) => names.set(`routing-profile/${p.RoutingProfileId}`, p.Name));
  securityProfiles.forEach((p) => names.set(`security-profile/${p.Id}`, p.SecurityProfileName));
  users.forEach((u) => names.set(`agent/${u.Id}`, u.Username));
  quickConnects.forEach((q) => names.set(`transfer-destination/${q.QuickConnectId}`, q.Name));

  const taken = new Set(['setup.json']);
  const files: SetupExport['files'] = [];
  const flowEntries = [];
  for (const summary of flows) {
    const f = await r.flows.get(instanceId, summary.Id);
    if (!f) continue;
    const file = fileName(f.Name, taken);
    const unbound = unbindFromInstance(f.Content, instanceId, (segment, id) => names.get(`${segment}/${id}`));
    for (const arn of unbound.unnamed)
      problems.push(`flow '${f.Name}' keeps ${arn}: no placeholder names it`);
    if (f.State === 'ARCHIVED') problems.push(`flow '${f.Name}' is archived: it imports as active`);
    if (f.Status === 'SAVED') problems.push(`flow '${f.Name}' was never published: it imports published`);
    if (f.SavedContent !== undefined)
      problems.push(
        `flow '${f.Name}' has a draft saved since it was published: the published content is exported`,
      );
    files.push({ name: file, content: unbound.content });
    flowEntries.push({ Name: f.Name, Type: f.Type, File: file, ...opt('Description', f.Description) });
  }

  const setup: SetupInput = {
    Version: 1,
    HoursOfOperations: hours.map((h) => ({
      Name: h.Name,
      ...opt('Description', h.Description),
      TimeZone: h.TimeZone,
      Config: h.Config,
    })),
    Queues: await Promise.all(
      queues.map(async (q) => {
        const qcs = (await r.queues.quickConnectIds(instanceId, q.QueueId))
          .map((id) => name('transfer-destination', id) ?? id)
          .sort();
        return {
          Name: q.Name,
          ...opt('Description', q.Description),
          HoursOfOperation: name('operating-hours', q.HoursOfOperationId) ?? '',
          ...opt('MaxContacts', q.MaxContacts),
          ...(qcs.length > 0 && { QuickConnects: qcs }),
        };
      }),
    ),
    Flows: flowEntries,
    TaskTemplates: templates.map((t) => ({
      Name: t.Name,
      ...opt('Description', t.Description),
      ...opt('ContactFlow', name('flow', t.ContactFlowId)),
      ...opt('SelfAssignFlow', name('flow', t.SelfAssignFlowId)),
      Fields: t.Fields,
      Constraints: t.Constraints,
      Defaults: t.Defaults,
      Status: t.Status,
    })),
    RoutingProfiles: await Promise.all(
      profiles.map(async (p) => {
        const configs = (await r.routingProfiles.queueConfigs(instanceId, p.RoutingProfileId))
          .map((c) => ({
            Queue: name('queue', c.QueueId) ?? c.QueueId,
            Channel: c.Channel,
            Priority: c.Priority,
            Delay: c.Delay,
          }))
          .sort((a, b) => byName<typeof a>((c) => `${c.Queue}\u0000${c.Channel}`)(a, b));
        return {
          Name: p.Name,
          Description: p.Description,
          DefaultOutboundQueue: name('queue', p.DefaultOutboundQueueId) ?? p.DefaultOutboundQueueId,
          MediaConcurrencies: p.MediaConcurrencies,
          ...(configs.length > 0 && { Queues: configs }),
          ...opt('AgentAvailabilityTimer', p.AgentAvailabilityTimer),
        };
      }),
    ),
    SecurityProfiles: securityProfiles.map((p) => ({
      Name: p.SecurityProfileName,
      ...opt('Description', p.Description),
      Permissions: p.Permissions,
    })),
    Users: users.map((u) => ({
      Username: u.Username,
      ...opt('FirstName', u.IdentityInfo?.FirstName),
      ...opt('LastName', u.IdentityInfo?.LastName),
      ...opt('Email', u.IdentityInfo?.Email),
      PhoneConfig: u.PhoneConfig,
      RoutingProfile: name('routing-profile', u.RoutingProfileId) ?? u.RoutingProfileId,
      SecurityProfiles: u.SecurityProfileIds.map((id) => name('security-profile', id) ?? id).sort(),
    })),
    QuickConnects: quickConnects.map((q) => {
      const c = q.QuickConnectConfig;
      return {
        Name: q.Name,
        ...opt('Description', q.Description),
        Type: c.QuickConnectType,
        ...opt('User', c.UserConfig && (name('agent', c.UserConfig.UserId) ?? c.UserConfig.UserId)),
        ...opt('Queue', c.QueueConfig && (name('queue', c.QueueConfig.QueueId) ?? c.QueueConfig.QueueId)),
        ...opt('PhoneNumber', c.PhoneConfig?.PhoneNumber),
        ...opt(
          'Flow',
          name(
            'flow',
            c.UserConfig?.ContactFlowId ?? c.QueueConfig?.ContactFlowId ?? c.FlowConfig?.ContactFlowId,
          ),
        ),
      };
    }),
    AgentStatuses: statuses.map((s) => ({
      Name: s.Name,
      ...opt('Description', s.Description),
      State: s.State,
      ...opt('DisplayOrder', s.DisplayOrder),
    })),
    PhoneNumbers: numbers.map((n) => ({
      PhoneNumber: n.PhoneNumber,
      ...opt('Description', n.PhoneNumberDescription),
      ...opt('Flow', name('flow', n.ContactFlowId)),
    })),
  };
  return { setup, files, problems };
}
