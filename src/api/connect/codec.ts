/**
 * restJson1 by the model's shapes: an operation's input is built from its path labels, query, headers and JSON
 * body, each value checked against the member's type (InvalidParameterException naming the member path);
 * timestamps arrive as epoch seconds (fractional allowed) and become epoch ms for Tsunagi's services. An output
 * keeps only the members of its shape, recursively (internal fields never leak), with epoch ms turned back into
 * epoch seconds.
 */
import { ConnectError, formatPath, invalidParameter } from '../../core/index.js';
import { memberSpec, PRIMITIVES, type MemberSpec, type ShapeSpec } from './model-types.js';
import { SHAPES } from './model.generated.js';

type Path = (string | number)[];
type Json = Record<string, unknown>;

function shapeNamed(name: string): ShapeSpec {
  const shape = SHAPES[name];
  if (!shape) throw new Error(`the generated model has no shape ${name}`);
  return shape;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const bad = (path: Path, problem: string): ConnectError => invalidParameter(formatPath(path), problem);

const isNumberType = (t: string) => t === 'integer' || t === 'long' || t === 'float' || t === 'double';

function checkNumber(type: string, value: number, path: Path): number {
  if (!Number.isFinite(value)) throw bad(path, 'must be a number');
  if ((type === 'integer' || type === 'long') && !Number.isInteger(value))
    throw bad(path, 'must be an integer');
  return value;
}

/** A JSON body value of type `ref` (a primitive or a shape name), checked and converted for the services. */
export function fromWire(ref: string, value: unknown, path: Path = []): unknown {
  if (value === null || value === undefined) return undefined;
  if (PRIMITIVES.has(ref)) {
    if (ref === 'string' || ref === 'blob') {
      if (typeof value !== 'string') throw bad(path, 'must be a string');
      return value;
    }
    if (ref === 'boolean') {
      if (typeof value !== 'boolean') throw bad(path, 'must be a boolean');
      return value;
    }
    if (typeof value !== 'number')
      throw bad(path, `must be a ${ref === 'timestamp' ? 'timestamp' : 'number'}`);
    if (ref === 'timestamp') return Math.round(checkNumber('double', value, path) * 1000);
    return checkNumber(ref, value, path);
  }
  const shape = shapeNamed(ref);
  if (shape.type === 'list') {
    if (!Array.isArray(value)) throw bad(path, 'must be a list');
    return value.map((item: unknown, i) => fromWire(shape.member, item, [...path, i]));
  }
  if (!isObject(value)) throw bad(path, 'must be an object');
  if (shape.type === 'map') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      const converted = fromWire(shape.value, v, [...path, k]);
      if (converted !== undefined) out[k] = converted;
    }
    return out;
  }
  const out: Json = {};
  for (const [name, ref2] of Object.entries(shape.members)) {
    if (!Object.hasOwn(value, name)) continue;
    const converted = fromWire(memberSpec(ref2).shape, value[name], [...path, name]);
    if (converted !== undefined) out[name] = converted;
  }
  return out;
}

/** A service value of type `ref` for the wire: only modeled members, epoch ms as epoch seconds. */
export function toWire(ref: string, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (ref === 'timestamp') {
    const ms =
      value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
    return typeof ms === 'number' && Number.isFinite(ms) ? ms / 1000 : undefined;
  }
  if (PRIMITIVES.has(ref)) return value;
  const shape = shapeNamed(ref);
  if (shape.type === 'list') {
    if (!Array.isArray(value)) return undefined;
    return value.map((item: unknown) => toWire(shape.member, item)).filter((v) => v !== undefined);
  }
  if (!isObject(value)) return undefined;
  const out: Json = {};
  if (shape.type === 'map') {
    for (const [k, v] of Object.entries(value)) {
      const converted = toWire(shape.value, v);
      if (converted !== undefined) out[k] = converted;
    }
    return out;
  }
  for (const [name, ref2] of Object.entries(shape.members)) {
    const converted = toWire(memberSpec(ref2).shape, value[name]);
    if (converted !== undefined) out[name] = converted;
  }
  return out;
}

/** A query, header or label string as the member's type. */
function fromText(type: string, text: string, path: Path, location: string): unknown {
  if (type === 'string' || type === 'blob') return text;
  if (type === 'boolean') {
    if (text === 'true' || text === 'false') return text === 'true';
    throw bad(path, 'must be a boolean');
  }
  if (isNumberType(type)) {
    const trimmed = text.trim();
    if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed))
      throw bad(path, 'must be a number');
    return checkNumber(type, Number(trimmed), path);
  }
  if (type === 'timestamp') {
    // restJson1: query timestamps are ISO 8601, header timestamps HTTP dates; epoch seconds are accepted too.
    const seconds = Number(text);
    const ms = text.trim() !== '' && Number.isFinite(seconds) ? seconds * 1000 : Date.parse(text);
    if (!Number.isFinite(ms)) throw bad(path, 'must be a timestamp');
    return Math.round(ms);
  }
  throw new ConnectError('InvalidRequestException', `${formatPath(path)} cannot be sent in the ${location}`);
}

/** The values of a query or header member: a list member takes every value, a scalar the first. */
function fromTexts(spec: MemberSpec, texts: string[], path: Path, location: string): unknown {
  if (texts.length === 0) return undefined;
  if (PRIMITIVES.has(spec.shape)) return fromText(spec.shape, texts[0] ?? '', path, location);
  const shape = shapeNamed(spec.shape);
  if (shape.type !== 'list')
    throw new ConnectError(
      'InvalidRequestException',
      `${formatPath(path)} cannot be sent in the ${location}`,
    );
  return texts.map((t, i) => fromText(shape.member, t, [...path, i], location));
}

export interface WireRequest {
  /** Decoded path labels by label name. */
  labels: Readonly<Record<string, string>>;
  /** The raw query string (without `?`). */
  query: string;
  /** Header values by lower-case name. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The raw body ('' when none). */
  body: string;
}

function parseBody(body: string): Json {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ConnectError('InvalidRequestException', 'The request body is not valid JSON');
  }
  if (!isObject(parsed))
    throw new ConnectError('InvalidRequestException', 'The request body must be a JSON object');
  return parsed;
}

const headerValues = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : v.split(',').map((s) => s.trim());

/** The input of an operation whose input structure is `inputShape`, from the request's parts. */
export function decodeInput(inputShape: string, req: WireRequest): Json {
  const shape = shapeNamed(inputShape);
  if (shape.type !== 'structure') throw new Error(`${inputShape} is not a structure`);
  const query = new URLSearchParams(req.query);
  const members = Object.entries(shape.members).map(([name, ref]) => [name, memberSpec(ref)] as const);
  const hasBodyMembers = members.some(([, spec]) => spec.location === undefined);
  const body = hasBodyMembers ? parseBody(req.body) : {};
  const input: Json = {};
  for (const [name, spec] of members) {
    const key = spec.locationName ?? name;
    let value: unknown;
    if (spec.location === 'uri') {
      const label = req.labels[key];
      value = label === undefined ? undefined : fromText(spec.shape, label, [name], 'path');
    } else if (spec.location === 'querystring') {
      value = fromTexts(spec, query.getAll(key), [name], 'query');
    } else if (spec.location === 'header') {
      value = fromTexts(spec, headerValues(req.headers[key.toLowerCase()]), [name], 'headers');
    } else if (Object.hasOwn(body, name)) {
      value = fromWire(spec.shape, body[name], [name]);
    }
    if (value !== undefined) input[name] = value;
  }
  return input;
}

/** The JSON body of an operation's answer; `{}` for an operation without output. */
export function encodeOutput(outputShape: string | undefined, output: Json): Json {
  if (outputShape === undefined) return {};
  const encoded = toWire(outputShape, output);
  return isObject(encoded) ? encoded : {};
}
