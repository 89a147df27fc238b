/**
 * Finds the Connect operation of a request from its method and raw path (the part after `/connect`, still
 * percent-encoded, without the query). The path is split on `/` first and each segment decoded afterwards, so
 * an ARN label (`arn%3Aaws%3Aconnect%3A...%2Fqueue%2F...`) stays one segment. Labels are single, non-empty
 * segments; Connect has no greedy labels. No two operations share a method and URI shape, but a literal
 * segment is preferred over a label anyway.
 */
import { ConnectError } from '../../core/index.js';
import { OPERATIONS } from './model.generated.js';

export type OperationName = keyof typeof OPERATIONS;

type Segment = { literal: string } | { label: string };

interface Route {
  operation: OperationName;
  segments: Segment[];
}

export interface RouteMatch {
  operation: OperationName;
  /** Decoded label values by label name, e.g. `{ InstanceId: 'arn:aws:connect:...' }`. */
  labels: Record<string, string>;
}

const splitPath = (path: string): string[] => {
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  return trimmed === '' ? [] : trimmed.split('/');
};

function parseTemplate(operation: OperationName, uri: string): Route {
  const segments = splitPath(uri).map((s): Segment => {
    const m = /^\{([A-Za-z0-9_]+)\}$/.exec(s);
    return m?.[1] ? { label: m[1] } : { literal: s };
  });
  return { operation, segments };
}

/** Routes by method and segment count, most literal segments first. */
function buildTable(): Map<string, Route[]> {
  const table = new Map<string, Route[]>();
  for (const [operation, [method, uri]] of Object.entries(OPERATIONS) as [
    OperationName,
    readonly [string, string],
  ][]) {
    const route = parseTemplate(operation, uri);
    const key = `${method} ${route.segments.length}`;
    const list = table.get(key) ?? [];
    list.push(route);
    table.set(key, list);
  }
  const literals = (r: Route) => r.segments.filter((s) => 'literal' in s).length;
  for (const list of table.values()) list.sort((a, b) => literals(b) - literals(a));
  return table;
}

const TABLE = buildTable();

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ConnectError('InvalidRequestException', `The path segment '${segment}' is not validly encoded`);
  }
}

/** The operation `method rawPath` calls, with its labels decoded; undefined when none matches. */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  const raw = splitPath(rawPath);
  const candidates = TABLE.get(`${method.toUpperCase()} ${raw.length}`);
  if (!candidates) return undefined;
  const segments = raw.map(decodeSegment);
  for (const route of candidates) {
    const labels: Record<string, string> = {};
    const ok = route.segments.every((s, i) => {
      const value = segments[i] ?? '';
      if ('literal' in s) return s.literal === value;
      labels[s.label] = value;
      return value !== '';
    });
    if (ok) return { operation: route.operation, labels };
  }
  return undefined;
}
