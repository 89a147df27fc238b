/**
 * The types of the reduced Amazon Connect service model in `model.generated.ts`: what the router and the
 * codec need of the botocore model, without documentation or constraints (the services validate those).
 */
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD';

/** Scalar types: a member whose target is one of these is inlined as the type's name. */
export type Primitive = 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';

export const PRIMITIVES: ReadonlySet<string> = new Set<Primitive>([
  'string',
  'integer',
  'long',
  'float',
  'double',
  'boolean',
  'timestamp',
  'blob',
]);

/** Where a request member travels; absent: in the JSON body under its own name. */
export type MemberLocation = 'uri' | 'querystring' | 'header';

export interface MemberSpec {
  /** A Primitive, or the name of a structure, list or map in SHAPES. */
  shape: string;
  location?: MemberLocation;
  /** The label, query key or header name the member travels under. */
  locationName?: string;
  idempotencyToken?: true;
}

/** A member given only by its target (a body member with no traits) is written as the target's name. */
export type MemberRef = string | MemberSpec;

export type ShapeSpec =
  | { type: 'structure'; members: Readonly<Record<string, MemberRef>> }
  | { type: 'list'; member: string }
  | { type: 'map'; value: string };

export interface OperationSpec {
  /** The input structure's name (every supported operation has one). */
  input: string;
  /** The output structure's name; absent: the operation answers `{}`. */
  output?: string;
  /** The error shapes the model lists for the operation. */
  errors: readonly string[];
}

/** A member reference in its full form. */
export function memberSpec(ref: MemberRef): MemberSpec {
  return typeof ref === 'string' ? { shape: ref } : ref;
}
