/**
 * Where each block of a flow's picture goes. A flow exported from Connect's editor keeps its canvas positions
 * (Metadata.ActionMetadata[id].position) and is drawn as its author laid it out; a flow without them is laid out
 * in layers from StartAction (a block one branch further right, blocks of a layer stacked in the order the
 * branches reach them). Blocks that would overlap are pushed down. Each branch leaves its block from its own row
 * (Connect's way), so an arrow's condition is read at its start. Pure functions.
 */
import type { Block, FlowGraph, Point } from './graph.js';

export const BLOCK_WIDTH = 220;
export const LINE = 17;
export const BRANCH_ROW = 17;
export const PAD = 8;
const MARGIN = 24;
const LAYER_GAP = 70;
const STACK_GAP = 28;
const ENTRY = { width: 64, height: 26 };

export interface PlacedBlock {
  block: Block;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The header's lines: type, then name and summary when the block has them. */
  lines: number;
  /** The y of each branch row's middle, in the order of block.branches. */
  ports: number[];
}

export interface Edge {
  from: string;
  /** Index into the source block's branches. */
  branch: number;
  to: string;
  path: string;
}

export interface FlowLayout {
  blocks: PlacedBlock[];
  edges: Edge[];
  entry: Point & { width: number; height: number };
  /** The edge from the entry point to StartAction, when it names a block. */
  entryPath?: string;
  width: number;
  height: number;
}

export const headerLines = (b: Block): number => 1 + (b.name ? 1 : 0) + (b.summary ? 1 : 0);

export function blockHeight(b: Block): number {
  const header = PAD + headerLines(b) * LINE;
  return b.branches.length === 0 ? header + PAD : header + 6 + b.branches.length * BRANCH_ROW + PAD / 2;
}

/** Layers by breadth-first distance from StartAction, then from each block nothing reaches (document order). */
function layered(graph: FlowGraph): Map<string, Point> {
  const byId = new Map(graph.blocks.map((b) => [b.id, b]));
  const depth = new Map<string, number>();
  const order: string[] = [];
  const walk = (root: string) => {
    if (!byId.has(root) || depth.has(root)) return;
    depth.set(root, 0);
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i] as string;
      order.push(id);
      for (const br of byId.get(id)?.branches ?? [])
        if (br.target !== undefined && !depth.has(br.target)) {
          depth.set(br.target, (depth.get(id) ?? 0) + 1);
          queue.push(br.target);
        }
    }
  };
  walk(graph.start);
  for (const b of graph.blocks) walk(b.id);
  const columns = new Map<number, number>();
  const out = new Map<string, Point>();
  for (const id of order) {
    const d = depth.get(id) ?? 0;
    const y = columns.get(d) ?? 0;
    out.set(id, { x: ENTRY.width + LAYER_GAP / 2 + d * (BLOCK_WIDTH + LAYER_GAP), y });
    columns.set(d, y + blockHeight(byId.get(id) as Block) + STACK_GAP);
  }
  return out;
}

/** The editor's positions; blocks without one go in a row under the others. */
function fromCanvas(graph: FlowGraph): Map<string, Point> {
  const out = new Map<string, Point>();
  let bottom = -Infinity;
  for (const b of graph.blocks)
    if (b.position) {
      out.set(b.id, b.position);
      bottom = Math.max(bottom, b.position.y + blockHeight(b));
    }
  let x = 0;
  for (const b of graph.blocks)
    if (!b.position) {
      out.set(b.id, { x, y: bottom + STACK_GAP * 2 });
      x += BLOCK_WIDTH + STACK_GAP;
    }
  return out;
}

const overlaps = (a: PlacedBlock, b: PlacedBlock) =>
  a.x < b.x + b.width + 12 &&
  b.x < a.x + a.width + 12 &&
  a.y < b.y + b.height + 12 &&
  b.y < a.y + a.height + 12;

/** Pushes a block down below any block placed before it that it would cover (top to bottom, left to right). */
function separate(blocks: PlacedBlock[]): void {
  const done: PlacedBlock[] = [];
  for (const b of [...blocks].sort((p, q) => p.y - q.y || p.x - q.x)) {
    for (let moved = true; moved;) {
      moved = false;
      for (const other of done)
        if (overlaps(b, other)) {
          const dy = other.y + other.height + STACK_GAP - b.y;
          b.y += dy;
          b.ports = b.ports.map((p) => p + dy);
          moved = true;
        }
    }
    done.push(b);
  }
}

/** A curve from a branch's row (right edge) to the top of a block's left edge; it loops out when going back. */
export function edgePath(from: Point, to: Point): string {
  const reach = Math.max(40, Math.min(160, Math.abs(to.x - from.x) / 2 + (to.x < from.x ? 80 : 0)));
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M${r(from.x)},${r(from.y)} C${r(from.x + reach)},${r(from.y)} ${r(to.x - reach)},${r(to.y)} ${r(to.x)},${r(to.y)}`;
}

export function layoutFlow(graph: FlowGraph): FlowLayout {
  const canvas = graph.blocks.some((b) => b.position);
  const points = canvas ? fromCanvas(graph) : layered(graph);
  const placed: PlacedBlock[] = graph.blocks.map((block) => {
    const p = points.get(block.id) ?? { x: 0, y: 0 };
    const lines = headerLines(block);
    const first = p.y + PAD + lines * LINE + 6 + BRANCH_ROW / 2;
    return {
      block,
      x: p.x,
      y: p.y,
      width: BLOCK_WIDTH,
      height: blockHeight(block),
      lines,
      ports: block.branches.map((_, i) => first + i * BRANCH_ROW),
    };
  });
  separate(placed);
  const start = placed.find((b) => b.block.id === graph.start);
  const entryAt: Point =
    canvas && graph.entry
      ? graph.entry
      : { x: (start?.x ?? 0) - ENTRY.width - LAYER_GAP / 2, y: start?.y ?? 0 };

  // Everything shifted so the top-left corner is at the margin.
  const minX = Math.min(entryAt.x, ...placed.map((b) => b.x));
  const minY = Math.min(entryAt.y, ...placed.map((b) => b.y));
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  for (const b of placed) {
    b.x += dx;
    b.y += dy;
    b.ports = b.ports.map((p) => p + dy);
  }
  const entry = { x: entryAt.x + dx, y: entryAt.y + dy, ...ENTRY };
  const byId = new Map(placed.map((b) => [b.block.id, b]));
  const anchor = (b: PlacedBlock): Point => ({ x: b.x, y: b.y + PAD + LINE / 2 });
  const edges: Edge[] = [];
  for (const b of placed)
    b.block.branches.forEach((br, i) => {
      const target = br.target === undefined ? undefined : byId.get(br.target);
      if (!target) return;
      const from = { x: b.x + b.width, y: b.ports[i] ?? b.y };
      edges.push({ from: b.block.id, branch: i, to: target.block.id, path: edgePath(from, anchor(target)) });
    });
  const target = start && byId.get(start.block.id);
  return {
    blocks: placed,
    edges,
    entry,
    ...(target && {
      entryPath: edgePath({ x: entry.x + entry.width, y: entry.y + entry.height / 2 }, anchor(target)),
    }),
    width: Math.max(entry.x + entry.width, ...placed.map((b) => b.x + b.width)) + MARGIN,
    height: Math.max(entry.y + entry.height, ...placed.map((b) => b.y + b.height)) + MARGIN,
  };
}
