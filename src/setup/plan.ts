/**
 * Everything decided before a setup changes anything: the file is read and checked, the flow files are read and
 * checked, every name it refers to is found (defined in the file, or in the instance), the types that must match
 * do, and the order of creation is fixed. Any problem is thrown here, so a refused setup changes nothing.
 */
import { ConnectError, invalidParameter, propertyValidation } from '../core/index.js';
import { bodyOf } from '../tasks/template-input.js';
import { templateProblems } from '../tasks/template-rules.js';
import { flowContentProblems, unwrapFlowExport } from '../flows/content.js';
import { placeholdersOf } from '../flows/placeholders.js';
import type { Repositories } from '../store/ports/index.js';
import {
  findExisting,
  KIND_LABEL,
  KIND_RANK,
  PLACEHOLDER_KIND,
  type Existing,
  type SetupKind,
} from './catalog.js';
import { isValidPassword, parseSetup, type Setup } from './format.js';
import { orderNodes } from './order.js';
import { definitionsOf, referencesOf, type Definition, type Reference } from './references.js';

/** Reads a file the setup names (a flow's File), relative to the setup file. */
export type ReadFile = (file: string) => Promise<string>;

export interface PlannedFlow {
  content: string;
  type: string;
}

export interface PlanStep extends Definition {
  /** What the instance has of that name already (kept, not created). */
  existing?: Existing;
  /** A flow created before everything it names existed: bound again at the end. */
  early: boolean;
}

export interface Plan {
  setup: Setup;
  steps: PlanStep[];
  /** Each defined flow's content (as in its file, unwrapped) and type, by name. */
  flows: Map<string, PlannedFlow>;
  /** Each new user's password from the environment (the variable's name and value), by username. */
  passwords: Map<string, { env: string; value: string }>;
}

export interface PlanOptions {
  env: Readonly<Record<string, string | undefined>>;
}

const key = (kind: SetupKind, name: string) => `${kind}:${name}`;

/** The flow types a reference to a flow needs, by the member that makes it. */
const NEEDED_FLOW_TYPE: Record<string, string> = {
  'quickConnect:USER': 'AGENT_TRANSFER',
  'quickConnect:QUEUE': 'QUEUE_TRANSFER',
  'quickConnect:FLOW': 'CONTACT_FLOW',
  phoneNumber: 'CONTACT_FLOW',
  template: 'CONTACT_FLOW',
};

async function readFlows(setup: Setup, readFile: ReadFile): Promise<Map<string, PlannedFlow>> {
  const flows = new Map<string, PlannedFlow>();
  for (const [i, f] of (setup.Flows ?? []).entries()) {
    let text: string;
    try {
      text = await readFile(f.File);
    } catch (e) {
      throw invalidParameter(
        `Flows[${i}].File`,
        `cannot read '${f.File}' (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    const exported = unwrapFlowExport(text);
    const type = f.Type ?? exported.type;
    if (type === undefined)
      throw invalidParameter(`Flows[${i}].Type`, `is required: the Metadata of '${f.File}' gives no type`);
    const problems = flowContentProblems(exported.content, 'PUBLISHED');
    if (problems.length > 0)
      throw new ConnectError(
        'InvalidContactFlowException',
        `Flows[${i}].File: '${f.File}' is not a valid flow: ${problems.map((p) => p.message).join('; ')}`,
        { problems, ids: { field: `Flows[${i}].File` } },
      );
    flows.set(f.Name, { content: exported.content, type });
  }
  return flows;
}

/** The rules of a template that need nothing but the template (T5 and the like), checked before any change. */
function checkTemplates(setup: Setup): void {
  for (const [i, t] of (setup.TaskTemplates ?? []).entries()) {
    const { ContactFlow, SelfAssignFlow, ...rest } = t;
    const body = bodyOf(
      {
        ...rest,
        ...(ContactFlow !== undefined && { ContactFlowId: ContactFlow }),
        ...(SelfAssignFlow !== undefined && { SelfAssignFlowId: SelfAssignFlow }),
      },
      'ACTIVE',
    );
    const problems = templateProblems(body).map((p) => ({
      ...p,
      PropertyPath: `TaskTemplates[${i}].${p.PropertyPath.replace(/^(ContactFlow|SelfAssignFlow)Id/, '$1')}`,
    }));
    if (problems.length > 0) throw propertyValidation(problems);
  }
}

function requireUniqueNames(defs: Definition[]): void {
  const seen = new Map<string, string>();
  for (const d of defs) {
    const first = seen.get(key(d.kind, d.name));
    if (first !== undefined)
      throw invalidParameter(d.namePath, `'${d.name}' is defined twice (also at ${first})`);
    seen.set(key(d.kind, d.name), d.namePath);
  }
}

function missingError(missing: Reference[]): ConnectError {
  const lines = missing.map(
    (r) =>
      `${r.path}: ${r.via ?? 'names'} the ${KIND_LABEL[r.kind]} '${r.name}', which neither exists in the instance nor is defined in the setup file`,
  );
  return new ConnectError('ResourceNotFoundException', lines.join('; '), {
    ids: { field: missing[0]?.path ?? '', Name: missing[0]?.name ?? '' },
  });
}

function flowReferences(setup: Setup, flows: Map<string, PlannedFlow>): Reference[] {
  const out: Reference[] = [];
  for (const [i, f] of (setup.Flows ?? []).entries())
    for (const p of placeholdersOf(flows.get(f.Name)?.content ?? '')) {
      const kind = PLACEHOLDER_KIND[p.segment];
      const path = `Flows[${i}].File`;
      if (!kind)
        throw invalidParameter(
          path,
          `'${f.File}' names the ${p.segment} '${p.name}', which a setup file cannot define`,
        );
      out.push({ kind, name: p.name, path, from: key('flow', f.Name), via: `'${f.File}' names` });
    }
  return out;
}

function passwordsOf(setup: Setup, existing: Map<string, Existing>, options: PlanOptions) {
  const passwords = new Map<string, { env: string; value: string }>();
  for (const [i, u] of (setup.Users ?? []).entries()) {
    if (existing.has(key('user', u.Username)) || u.PasswordEnv === undefined) continue;
    const names = typeof u.PasswordEnv === 'string' ? [u.PasswordEnv] : u.PasswordEnv;
    const env = names.find((n) => (options.env[n] ?? '') !== '');
    const value = env === undefined ? undefined : options.env[env];
    if (env === undefined || value === undefined) continue;
    if (!isValidPassword(value))
      throw invalidParameter(
        `Users[${i}].PasswordEnv`,
        `the password in ${env} must be 8 to 64 characters without spaces, with a lower-case letter, an upper-case letter and a digit`,
      );
    passwords.set(u.Username, { env, value });
  }
  return passwords;
}

/** Checks the setup against the instance and decides the order; throws (changing nothing) when it cannot apply. */
export async function planSetup(
  repos: Repositories,
  instanceId: string,
  input: unknown,
  readFile: ReadFile,
  options: PlanOptions,
): Promise<Plan> {
  const setup = parseSetup(input);
  const defs = definitionsOf(setup);
  requireUniqueNames(defs);
  checkTemplates(setup);
  const flows = await readFlows(setup, readFile);
  const refs = [...referencesOf(setup), ...flowReferences(setup, flows)];

  const defined = new Set(defs.map((d) => key(d.kind, d.name)));
  const existing = new Map<string, Existing>();
  const lookUp = async (kind: SetupKind, name: string) => {
    const k = key(kind, name);
    if (!existing.has(k)) {
      const found = await findExisting(repos, instanceId, kind, name);
      if (found) existing.set(k, found);
    }
    return existing.get(k);
  };
  for (const d of defs) await lookUp(d.kind, d.name);
  const missing: Reference[] = [];
  for (const r of refs)
    if (!defined.has(key(r.kind, r.name)) && !(await lookUp(r.kind, r.name))) missing.push(r);
  if (missing.length > 0) throw missingError(missing);

  for (const d of defs) {
    const found = existing.get(key(d.kind, d.name));
    if (d.kind === 'phoneNumber' && found?.elsewhere)
      throw invalidParameter(d.namePath, `${d.name} is claimed by another instance`);
  }
  for (const r of refs) {
    const needed = r.needs && NEEDED_FLOW_TYPE[r.needs];
    if (r.kind !== 'flow' || !needed) continue;
    const type = existing.get(key('flow', r.name))?.type ?? flows.get(r.name)?.type;
    if (type !== needed)
      throw invalidParameter(r.path, `the flow '${r.name}' is of type ${type ?? '?'}; it must be ${needed}`);
  }
  const passwords = passwordsOf(setup, existing, options);

  const depsOf = new Map<string, string[]>();
  for (const r of refs) if (r.from) depsOf.set(r.from, [...(depsOf.get(r.from) ?? []), key(r.kind, r.name)]);
  const byKey = new Map(defs.map((d) => [key(d.kind, d.name), d]));
  const order = orderNodes(
    defs.map((d, index) => ({
      key: key(d.kind, d.name),
      rank: KIND_RANK[d.kind],
      index,
      // What exists already needs nothing: it is not created, and flows can be bound to it at any time.
      deps: existing.has(key(d.kind, d.name)) ? [] : (depsOf.get(key(d.kind, d.name)) ?? []),
      breakable: d.kind === 'flow',
    })),
  );
  const steps = order.map(({ key: k, early }): PlanStep => {
    const d = byKey.get(k);
    if (!d) throw new Error(`no definition for ${k}`);
    const found = existing.get(k);
    return { ...d, ...(found && { existing: found }), early: early && !found };
  });
  return { setup, steps, flows, passwords };
}
