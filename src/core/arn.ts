/**
 * Amazon Connect ARNs. Instance-scoped resources:
 * `arn:aws:connect:<region>:<account>:instance/<instanceId>/<segment>/<id>`; phone numbers are account-scoped:
 * `arn:aws:connect:<region>:<account>:phone-number/<id>`.
 */
export type ResourceKind =
  | 'queue'
  | 'routing-profile'
  | 'user'
  | 'security-profile'
  | 'hours-of-operation'
  | 'quick-connect'
  | 'contact-flow'
  | 'flow-module'
  | 'task-template'
  | 'agent-status'
  | 'contact';

/** The path segment Connect uses in the ARN of each kind. */
export const ARN_SEGMENT: Readonly<Record<ResourceKind, string>> = {
  queue: 'queue',
  'routing-profile': 'routing-profile',
  user: 'agent',
  'security-profile': 'security-profile',
  'hours-of-operation': 'operating-hours',
  'quick-connect': 'transfer-destination',
  'contact-flow': 'contact-flow',
  'flow-module': 'flow-module',
  'task-template': 'task-template',
  'agent-status': 'agent-state',
  contact: 'contact',
};

export interface ArnContext {
  region: string;
  account: string;
}

export const DEFAULT_ARN_CONTEXT: ArnContext = { region: 'us-east-1', account: '000000000000' };

export function instanceArn(ctx: ArnContext, instanceId: string): string {
  return `arn:aws:connect:${ctx.region}:${ctx.account}:instance/${instanceId}`;
}

export function resourceArn(ctx: ArnContext, instanceId: string, kind: ResourceKind, id: string): string {
  return `${instanceArn(ctx, instanceId)}/${ARN_SEGMENT[kind]}/${id}`;
}

export function phoneNumberArn(ctx: ArnContext, id: string): string {
  return `arn:aws:connect:${ctx.region}:${ctx.account}:phone-number/${id}`;
}

export interface ParsedArn {
  region: string;
  account: string;
  /** `instance/<id>/queue/<id>` → ['instance', id, 'queue', id] */
  path: string[];
}

const ARN_RE = /^arn:aws[a-z-]*:connect:([a-z0-9-]*):([0-9]*):(.+)$/;

export function parseArn(value: string): ParsedArn | undefined {
  const m = ARN_RE.exec(value);
  if (!m) return undefined;
  return { region: m[1] ?? '', account: m[2] ?? '', path: (m[3] ?? '').split('/') };
}

/**
 * Connect accepts either a bare id or the resource's full ARN wherever an id is expected. Returns the id
 * (the last path segment of an ARN; for an instance ARN, the instance id), or the input unchanged.
 */
export function idFromIdOrArn(value: string): string {
  const parsed = parseArn(value);
  if (!parsed) return value;
  return parsed.path[parsed.path.length - 1] ?? value;
}

/** For an instance-scoped ARN, the instance id it names; undefined for a bare id. */
export function instanceIdFromArn(value: string): string | undefined {
  const parsed = parseArn(value);
  if (!parsed || parsed.path[0] !== 'instance') return undefined;
  return parsed.path[1];
}
