/**
 * Generates src/api/connect/model.generated.ts from the Amazon Connect service model
 * (../shared/reference/connect-model/service-2.json, next to the repository; not shipped with Tsunagi).
 *
 *   npx tsx scripts/gen-connect-model.ts
 *
 * Emits every operation's method and URI (so an operation Tsunagi does not serve is recognised by name), and
 * for the SUPPORTED operations their input, output and error shapes with every shape they reach, reduced to
 * what the codec needs. To serve another operation: add it to SUPPORTED, re-run, commit the output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

/** The operations of issue 5 item 1. */
export const SUPPORTED = [
  // instances
  'CreateInstance',
  'DescribeInstance',
  'ListInstances',
  // hours of operation
  'CreateHoursOfOperation',
  'DescribeHoursOfOperation',
  'ListHoursOfOperations',
  'UpdateHoursOfOperation',
  'DeleteHoursOfOperation',
  // queues
  'CreateQueue',
  'DescribeQueue',
  'ListQueues',
  'UpdateQueueStatus',
  'UpdateQueueMaxContacts',
  'AssociateQueueQuickConnects',
  'DisassociateQueueQuickConnects',
  'ListQueueQuickConnects',
  // routing profiles
  'CreateRoutingProfile',
  'DescribeRoutingProfile',
  'ListRoutingProfiles',
  'AssociateRoutingProfileQueues',
  'ListRoutingProfileQueues',
  'UpdateRoutingProfileConcurrency',
  'UpdateRoutingProfileQueues',
  // users
  'CreateUser',
  'DescribeUser',
  'ListUsers',
  'DeleteUser',
  'UpdateUserRoutingProfile',
  'UpdateUserSecurityProfiles',
  // security profiles
  'CreateSecurityProfile',
  'DescribeSecurityProfile',
  'ListSecurityProfiles',
  'UpdateSecurityProfile',
  'DeleteSecurityProfile',
  'ListSecurityProfilePermissions',
  // quick connects
  'CreateQuickConnect',
  'DescribeQuickConnect',
  'ListQuickConnects',
  'DeleteQuickConnect',
  'UpdateQuickConnectConfig',
  // flows
  'CreateContactFlow',
  'DescribeContactFlow',
  'ListContactFlows',
  'UpdateContactFlowContent',
  'DeleteContactFlow',
  // phone numbers
  'ClaimPhoneNumber',
  'ListPhoneNumbersV2',
  'DescribePhoneNumber',
  'AssociatePhoneNumberContactFlow',
  // task templates
  'CreateTaskTemplate',
  'GetTaskTemplate',
  'UpdateTaskTemplate',
  'ListTaskTemplates',
  'DeleteTaskTemplate',
  // contacts
  'StartTaskContact',
  'UpdateContactSchedule',
  'DescribeContact',
  'SearchContacts',
  'StopContact',
  'TransferContact',
  'UpdateContact',
  'UpdateContactAttributes',
  'GetContactAttributes',
  'ListContactReferences',
  // agents and metrics
  'PutUserStatus',
  'ListAgentStatuses',
  'CreateAgentStatus',
  'DescribeAgentStatus',
  'UpdateAgentStatus',
  'GetCurrentMetricData',
  'GetCurrentUserData',
];

interface RawMember {
  shape: string;
  location?: string;
  locationName?: string;
  idempotencyToken?: boolean;
}
interface RawShape {
  type: string;
  members?: Record<string, RawMember>;
  member?: RawMember;
  value?: RawMember;
  timestampFormat?: string;
  exception?: boolean;
  error?: { httpStatusCode?: number };
}
interface RawOperation {
  http: { method: string; requestUri: string };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
}
interface RawModel {
  metadata: { apiVersion: string };
  operations: Record<string, RawOperation>;
  shapes: Record<string, RawShape>;
}

const PRIMITIVE = new Set(['string', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp', 'blob']);
const LOCATIONS = new Set(['uri', 'querystring', 'header']);

/** A quoted literal of the output; names and URIs of the model never need escaping, and are checked. */
function q(text: string): string {
  if (!/^[\w/{}.:-]*$/.test(text)) throw new Error(`unexpected characters in ${JSON.stringify(text)}`);
  return `'${text}'`;
}

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const modelPath = resolve(repo, '../shared/reference/connect-model/service-2.json');
const outPath = resolve(repo, 'src/api/connect/model.generated.ts');

const model = JSON.parse(readFileSync(modelPath, 'utf8')) as RawModel;
const shapeOf = (name: string): RawShape => {
  const s = model.shapes[name];
  if (!s) throw new Error(`the model has no shape ${name}`);
  return s;
};

/** A target: the primitive's name for a scalar, else the shape's name (which the walk then emits). */
function target(name: string, reach: (n: string) => void): string {
  const s = shapeOf(name);
  if (PRIMITIVE.has(s.type)) {
    if (s.type === 'timestamp' && s.timestampFormat)
      throw new Error(`${name}: timestampFormat ${s.timestampFormat} is not handled by the codec`);
    return s.type;
  }
  if (PRIMITIVE.has(name)) throw new Error(`shape ${name} would be read as a primitive`);
  reach(name);
  return name;
}

const reduced = new Map<string, string>();
function reach(name: string): void {
  if (reduced.has(name)) return;
  reduced.set(name, '');
  const s = shapeOf(name);
  let text: string;
  if (s.type === 'structure') {
    const members = Object.entries(s.members ?? {}).map(([m, spec]) => {
      const t = target(spec.shape, reach);
      const traits: string[] = [];
      if (spec.location) {
        if (!LOCATIONS.has(spec.location)) throw new Error(`${name}.${m}: location ${spec.location}`);
        traits.push(`location: ${q(spec.location)}`);
      }
      if (spec.locationName) traits.push(`locationName: ${q(spec.locationName)}`);
      if (spec.idempotencyToken) traits.push('idempotencyToken: true');
      const value = traits.length ? `{ shape: ${q(t)}, ${traits.join(', ')} }` : q(t);
      return `${m}: ${value}`;
    });
    text = `{ type: 'structure', members: { ${members.join(', ')} } }`;
  } else if (s.type === 'list') {
    if (!s.member) throw new Error(`${name}: list without member`);
    text = `{ type: 'list', member: ${q(target(s.member.shape, reach))} }`;
  } else if (s.type === 'map') {
    if (!s.value) throw new Error(`${name}: map without value`);
    text = `{ type: 'map', value: ${q(target(s.value.shape, reach))} }`;
  } else {
    throw new Error(`${name}: unexpected type ${s.type}`);
  }
  reduced.set(name, text);
}

const operationLines: string[] = [];
for (const [name, op] of Object.entries(model.operations).sort(([a], [b]) => a.localeCompare(b)))
  operationLines.push(`${name}: [${q(op.http.method)}, ${q(op.http.requestUri)}],`);

const supportedLines: string[] = [];
for (const name of [...SUPPORTED].sort()) {
  const op = model.operations[name];
  if (!op) throw new Error(`SUPPORTED names ${name}, which the model does not have`);
  if (!op.input) throw new Error(`${name} has no input shape`);
  const parts = [`input: ${q(target(op.input.shape, reach))}`];
  if (op.output) {
    const located = Object.entries(shapeOf(op.output.shape).members ?? {}).filter(([, m]) => m.location);
    if (located.length) throw new Error(`${name}: output members in headers are not handled by the codec`);
    parts.push(`output: ${q(target(op.output.shape, reach))}`);
  }
  parts.push(`errors: [${(op.errors ?? []).map((e) => q(e.shape)).join(', ')}]`);
  supportedLines.push(`${name}: { ${parts.join(', ')} },`);
}

const errorLines = Object.entries(model.shapes)
  .filter(([, s]) => s.exception)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, s]) => `${name}: ${s.error?.httpStatusCode ?? 400},`);

const shapeLines = [...reduced.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, text]) => `${name}: ${text},`);

const block = (lines: string[]): string => lines.map((l) => `  ${l}`).join('\n');

const source = `/**
 * GENERATED FILE: do not edit by hand. Generated by \`npx tsx scripts/gen-connect-model.ts\` from the Amazon
 * Connect service model (botocore connect/2017-08-08 service-2.json, apiVersion ${model.metadata.apiVersion}).
 * To serve another operation, add it to SUPPORTED in the script, re-run it, and commit this file.
 * Longer than the 400 lines of a hand-written file because it is data: one entry per line (prettier-ignore).
 */
import type { HttpMethod, OperationSpec, ShapeSpec } from './model-types.js';

/** Every operation of the model (${operationLines.length}): its HTTP method and request URI template. */
// prettier-ignore
export const OPERATIONS = {
${block(operationLines)}
} as const satisfies Record<string, readonly [HttpMethod, string]>;

/** The operations Tsunagi serves (${supportedLines.length}): their input and output structures and modeled errors. */
// prettier-ignore
export const SUPPORTED_OPERATIONS = {
${block(supportedLines)}
} as const satisfies Record<string, OperationSpec>;

/** The HTTP status of every error shape of the model. */
// prettier-ignore
export const ERROR_STATUS: Readonly<Record<string, number>> = {
${block(errorLines)}
};

/** The shapes the supported operations' inputs and outputs reach (${shapeLines.length}); scalars are inlined. */
// prettier-ignore
export const SHAPES: Readonly<Record<string, ShapeSpec>> = {
${block(shapeLines)}
};
`;

const config = await resolveConfig(outPath);
writeFileSync(outPath, await format(source, { ...config, filepath: outPath }));
console.log(
  `${outPath}: ${operationLines.length} operations, ${supportedLines.length} supported, ${shapeLines.length} shapes`,
);
