/**
 * Applies a setup file to an instance, idempotently by name: what the instance has of a name is kept as it is
 * (and reported as kept), what it lacks is created, in an order where everything exists before it is named
 * (plan.ts). Flows are bound to the instance (their placeholder ARNs replaced by the ARNs of the resources of
 * those names) as they are created. A setup that names what neither exists nor is defined is refused before
 * anything changes. The services check each resource as it is created: a rule only they know (a template's
 * read-only required field, T5) stops the run there; what was made is kept, and a run after the fix completes it.
 */
import { systemEntropy, type Entropy } from '../core/index.js';
import { bindToInstance } from '../flows/bind-instance.js';
import type { Store } from '../store/ports/index.js';
import { requireExisting } from './catalog.js';
import * as create from './create.js';
import type { Setup } from './format.js';
import { planSetup, type Plan, type PlanStep, type ReadFile } from './plan.js';
import { emptyReport, type SetupReport } from './report.js';

export type { ReadFile } from './plan.js';
export type { SetupServices } from './create.js';

export interface ApplyOptions {
  /** Where PasswordEnv variables are read (the app passes process.env); none by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where made-up passwords come from; the operating system's by default. */
  entropy?: Entropy;
  /** Publish the file's content to flows that exist with other content (else they are kept and noted). */
  updateFlows?: boolean;
}

type Context = create.CreateContext & { plan: Plan; report: SetupReport; options: ApplyOptions };

/** The entry of the setup file a step defines. */
function entryOf<T>(list: T[] | undefined, step: PlanStep): T {
  const entry = list?.[step.index];
  if (entry === undefined) throw new Error(`no entry for ${step.namePath}`);
  return entry;
}

async function applyFlow(ctx: Context, step: PlanStep): Promise<void> {
  const def = entryOf(ctx.plan.setup.Flows, step);
  if (step.existing) {
    // Compared with the file once everything exists (keptFlows), as the file may name what is made later.
    ctx.report.kept.push({ kind: 'flow', name: def.Name });
    return;
  }
  const planned = ctx.plan.flows.get(def.Name);
  if (!planned) throw new Error(`flow ${def.Name} was not read`);
  const bound = await bindToInstance(ctx.repos, ctx.instanceId, planned.content);
  if (bound.missing.length > 0 && !step.early)
    throw new Error(
      `flow ${def.Name}: ${bound.missing.map((m) => `${m.segment}/${m.name}`).join(', ')} not made`,
    );
  await create.createFlow(ctx, { ...def, type: planned.type, content: bound.content });
  ctx.report.created.push({ kind: 'flow', name: def.Name });
}

/** Flows that existed: their content against the file's; published anew only when asked (else noted). */
async function keptFlows(ctx: Context): Promise<void> {
  for (const step of ctx.plan.steps.filter((s) => s.kind === 'flow' && s.existing)) {
    const def = entryOf(ctx.plan.setup.Flows, step);
    const stored = await ctx.repos.flows.get(ctx.instanceId, step.existing?.id ?? '');
    const planned = ctx.plan.flows.get(def.Name);
    if (!stored || !planned) continue;
    const bound = await bindToInstance(ctx.repos, ctx.instanceId, planned.content);
    if (stored.Content === bound.content) continue;
    if (ctx.options.updateFlows) {
      await create.publishFlow(ctx, stored.Id, stored.Type, bound.content);
      ctx.report.kept.splice(
        ctx.report.kept.findIndex((e) => e.kind === 'flow' && e.name === def.Name),
        1,
      );
      ctx.report.updated.push({ kind: 'flow', name: def.Name });
    } else
      ctx.report.problems.push(
        `flow '${def.Name}' differs from ${def.File}: kept as it is (import with --update-flows to publish the file)`,
      );
  }
}

async function applyUser(ctx: Context, step: PlanStep): Promise<void> {
  const u = entryOf(ctx.plan.setup.Users, step);
  const fromEnv = ctx.plan.passwords.get(u.Username);
  if (step.existing) {
    ctx.report.kept.push({ kind: 'user', name: u.Username });
    if (u.PasswordEnv !== undefined && fromEnv === undefined && hasEnv(ctx, u.PasswordEnv))
      ctx.report.problems.push(`user '${u.Username}' exists: its password was not changed`);
    return;
  }
  const made = await create.createUser(ctx, u, fromEnv?.value, ctx.options.entropy ?? systemEntropy);
  ctx.report.created.push({ kind: 'user', name: u.Username });
  ctx.report.passwords.push(
    made !== undefined
      ? { username: u.Username, password: made }
      : { username: u.Username, env: fromEnv?.env ?? '' },
  );
}

const hasEnv = (ctx: Context, names: string | string[]) =>
  (typeof names === 'string' ? [names] : names).some((n) => (ctx.options.env?.[n] ?? '') !== '');

async function applyStep(ctx: Context, step: PlanStep): Promise<void> {
  if (step.kind === 'flow') return applyFlow(ctx, step);
  if (step.kind === 'user') return applyUser(ctx, step);
  const entry = { kind: step.kind, name: step.name };
  if (step.existing) {
    ctx.report.kept.push(entry);
    return;
  }
  const s = ctx.plan.setup;
  switch (step.kind) {
    case 'hours':
      await create.createHours(ctx, entryOf(s.HoursOfOperations, step));
      break;
    case 'queue':
      await create.createQueue(ctx, entryOf(s.Queues, step));
      break;
    case 'securityProfile':
      await create.createSecurityProfile(ctx, entryOf(s.SecurityProfiles, step));
      break;
    case 'routingProfile':
      await create.createRoutingProfile(ctx, entryOf(s.RoutingProfiles, step));
      break;
    case 'agentStatus':
      await create.createAgentStatus(ctx, entryOf(s.AgentStatuses, step));
      break;
    case 'template':
      await create.createTemplate(ctx, entryOf(s.TaskTemplates, step));
      break;
    case 'quickConnect':
      await create.createQuickConnect(ctx, entryOf(s.QuickConnects, step));
      break;
    case 'phoneNumber':
      await create.createPhoneNumber(ctx, entryOf(s.PhoneNumbers, step));
      break;
  }
  ctx.report.created.push(entry);
}

/** Flows made before all they name existed: bound again now that everything exists. */
async function rebindEarlyFlows(ctx: Context): Promise<void> {
  for (const step of ctx.plan.steps.filter((s) => s.kind === 'flow' && s.early && !s.existing)) {
    const flow = await requireExisting(ctx.repos, ctx.instanceId, 'flow', step.name);
    const stored = await ctx.repos.flows.get(ctx.instanceId, flow.id);
    if (!stored) continue;
    const bound = await bindToInstance(ctx.repos, ctx.instanceId, stored.Content);
    if (bound.content !== stored.Content)
      await create.publishFlow(ctx, stored.Id, stored.Type, bound.content);
  }
}

/** Each queue's quick connects: those it lacks are associated (none is removed). */
async function associateQuickConnects(ctx: Context): Promise<void> {
  for (const q of ctx.plan.setup.Queues ?? []) {
    if (!q.QuickConnects?.length) continue;
    const queue = await requireExisting(ctx.repos, ctx.instanceId, 'queue', q.Name);
    const has = new Set(await ctx.repos.queues.quickConnectIds(ctx.instanceId, queue.id));
    const add: string[] = [];
    for (const name of q.QuickConnects) {
      const qc = await requireExisting(ctx.repos, ctx.instanceId, 'quickConnect', name);
      const entry = { kind: 'association' as const, name: `${q.Name}: ${name}` };
      if (has.has(qc.id) || add.includes(qc.id)) ctx.report.kept.push(entry);
      else {
        add.push(qc.id);
        ctx.report.created.push(entry);
      }
    }
    if (add.length > 0)
      await ctx.services.queues.associateQuickConnects(ctx.instanceId, queue.id, { QuickConnectIds: add });
  }
}

/**
 * Applies `setup` (the setup file's JSON, validated here) to the instance. `readFile` reads the flow files it
 * names, relative to the setup file. Returns what was created, kept and updated, and the passwords made up.
 */
export async function applySetup(
  services: create.SetupServices,
  store: Store,
  instanceId: string,
  setup: unknown,
  readFile: ReadFile,
  options: ApplyOptions = {},
): Promise<SetupReport> {
  const plan = await planSetup(store.repos, instanceId, setup, readFile, { env: options.env ?? {} });
  const ctx: Context = { services, repos: store.repos, instanceId, plan, report: emptyReport(), options };
  for (const step of plan.steps) await applyStep(ctx, step);
  await rebindEarlyFlows(ctx);
  await keptFlows(ctx);
  await associateQuickConnects(ctx);
  return ctx.report;
}

export type { Setup };
