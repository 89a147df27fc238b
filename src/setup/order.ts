/**
 * The order a setup is applied in: each resource after the resources of the file it names (a topological order),
 * ties broken by kind (catalog.ts KIND_RANK) and then by place in the file. Flows can name each other in a
 * circle (A transfers to B, B back to A); such a circle is broken by creating one flow before all it names exist,
 * with those placeholders left as they are, and binding it again once everything exists (`early`).
 */

export interface OrderNode {
  key: string;
  rank: number;
  index: number;
  /** Keys of the nodes it needs first (keys that are not nodes are ignored). */
  deps: readonly string[];
  /** Whether it may be created before what it needs (flows: their content is bound again later). */
  breakable: boolean;
}

export interface Ordered {
  key: string;
  /** Created before all it needs existed: bind it again at the end. */
  early: boolean;
}

const before = (a: OrderNode, b: OrderNode) => a.rank - b.rank || a.index - b.index;

/** Throws when a circle holds no breakable node (it cannot happen with the setup file's kinds). */
export function orderNodes(nodes: readonly OrderNode[]): Ordered[] {
  const keys = new Set(nodes.map((n) => n.key));
  const placed = new Set<string>();
  const remaining = [...nodes];
  const out: Ordered[] = [];
  const waitingOn = (n: OrderNode) => n.deps.filter((d) => keys.has(d) && d !== n.key && !placed.has(d));
  while (remaining.length > 0) {
    const ready = remaining.filter((n) => waitingOn(n).length === 0).sort(before);
    let next = ready[0];
    let early = false;
    if (!next) {
      next = remaining
        .filter((n) => n.breakable)
        .sort((a, b) => waitingOn(a).length - waitingOn(b).length || before(a, b))[0];
      early = true;
      if (!next)
        throw new Error(`these name each other in a circle: ${remaining.map((n) => n.key).join(', ')}`);
    }
    // A flow that names itself is bound again too: its own ARN is known only once it exists.
    if (next.deps.includes(next.key)) early = true;
    out.push({ key: next.key, early });
    placed.add(next.key);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return out;
}
