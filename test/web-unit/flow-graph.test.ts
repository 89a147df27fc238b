/**
 * The console's flow picture as data (web/src/console/flows): blocks and branches read from the flow, and the
 * layout — Connect's canvas positions when the export has them, layers from StartAction when not — for the
 * scenario's four flows and the 26 real exports in ../shared/flows. Pure functions, no browser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrapFlowExport } from '../../src/flows/content.js';
import { exportFileName } from '../../web/src/console/flows/flow-export.js';
import { flowGraph, type FlowGraph } from '../../web/src/console/flows/graph.js';
import { layoutFlow, type FlowLayout, type PlacedBlock } from '../../web/src/console/flows/layout.js';
import { repoRoot, sharedDir } from '../support/cli.js';

const EXAMPLES = join(repoRoot, 'examples/callback-via-task');
const CORPUS = join(sharedDir, 'flows');
const example = (file: string) => readFileSync(join(EXAMPLES, file), 'utf8');

function graphOf(text: string): FlowGraph {
  const graph = flowGraph(unwrapFlowExport(text).content);
  if (!graph) throw new Error('not a flow');
  return graph;
}

const overlap = (a: PlacedBlock, b: PlacedBlock) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** What makes a picture readable whatever the flow: inside the canvas, no block over another, every arrow drawn. */
function expectReadable(graph: FlowGraph, layout: FlowLayout) {
  expect(layout.blocks).toHaveLength(graph.blocks.length);
  for (const b of layout.blocks) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
    expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
    expect(b.ports).toHaveLength(b.block.branches.length);
    for (const p of b.ports) expect(p > b.y && p < b.y + b.height).toBe(true);
  }
  for (const [i, a] of layout.blocks.entries())
    for (const b of layout.blocks.slice(i + 1))
      expect(overlap(a, b), `${a.block.id} / ${b.block.id}`).toBe(false);
  const arrows = graph.blocks.flatMap((b) => b.branches.filter((br) => br.target !== undefined));
  expect(layout.edges).toHaveLength(arrows.length);
  for (const e of layout.edges) expect(e.path).toMatch(/^M[\d.-]+,[\d.-]+ C/);
}

describe('the flow picture', () => {
  it("reads the scenario's inbound flow: blocks, names, what they do, branches in Connect's order", () => {
    const graph = graphOf(example('F1-inbound.json'));
    expect(graph.start).toBe('Enable logging');
    expect(graph.blocks.map((b) => b.id)).toEqual([
      'Enable logging',
      'Greeting',
      'Set customer queue flow',
      'Set working queue',
      'Transfer to queue',
      'Sorry',
      'Disconnect',
    ]);
    const byId = new Map(graph.blocks.map((b) => [b.id, b]));
    expect(byId.get('Greeting')).toMatchObject({
      type: 'MessageParticipant',
      name: 'Greeting',
      summary: 'Thank you for calling. Please hold for the next available agent.',
    });
    expect(byId.get('Set working queue')?.summary).toBe('BasicQueue');
    expect(byId.get('Set customer queue flow')?.summary).toBe('CustomerQueue: Callback customer queue');
    expect(byId.get('Transfer to queue')?.branches).toEqual([
      { kind: 'next', label: '', target: 'Sorry' },
      { kind: 'error', label: 'QueueAtCapacity', target: 'Sorry' },
      { kind: 'error', label: 'NoMatchingError', target: 'Sorry' },
    ]);
    expect(byId.get('Disconnect')?.branches).toEqual([]);
  });

  it("names the resources a bound flow uses by this instance's names, else by the end of their ARN", () => {
    const arn = (kind: string, id: string) =>
      `arn:aws:connect:ap-northeast-1:123456789012:instance/i-1/${kind}/${id}`;
    const bound = example('F1-inbound.json')
      .replace(/arn:[^"]*queue\/BasicQueue/, arn('queue', 'q-1'))
      .replace(/arn:[^"]*contact-flow\/Callback customer queue/, arn('contact-flow', 'f-2'));
    const summary = (g: FlowGraph | undefined, id: string) => g?.blocks.find((b) => b.id === id)?.summary;
    const names = new Map([
      ['q-1', 'BasicQueue'],
      ['f-2', 'Callback customer queue'],
    ]);
    expect(summary(flowGraph(bound, names), 'Set working queue')).toBe('BasicQueue');
    expect(summary(flowGraph(bound, names), 'Set customer queue flow')).toBe(
      'CustomerQueue: Callback customer queue',
    );
    expect(summary(flowGraph(bound), 'Set working queue')).toBe('q-1');
    const f2 = graphOf(example('F2-customer-queue.json'));
    expect(summary(f2, 'Create callback task')).toBe('Callback request');
  });

  it('labels conditions by their operands and keeps error types, e.g. the keypress of F2', () => {
    const offer = graphOf(example('F2-customer-queue.json')).blocks.find((b) => b.id === 'Offer callback');
    expect(offer?.branches.map((b) => [b.kind, b.label, b.target])).toEqual([
      ['next', '', 'Hold music'],
      ['condition', '2', 'Create callback task'],
      ['error', 'InputTimeLimitExceeded', 'Hold music'],
      ['error', 'NoMatchingCondition', 'Hold music'],
      ['error', 'NoMatchingError', 'Hold music'],
    ]);
  });

  it('lays out flows without canvas positions in layers from StartAction', () => {
    // The example's flows (its setup.json is not one).
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json') && f !== 'setup.json')) {
      const graph = graphOf(example(file));
      expect(graph.blocks.every((b) => b.position === undefined)).toBe(true);
      const layout = layoutFlow(graph);
      expectReadable(graph, layout);
      const x = new Map(layout.blocks.map((b) => [b.block.id, b.x]));
      const start = x.get(graph.start) ?? NaN;
      for (const b of layout.blocks) expect(b.x).toBeGreaterThanOrEqual(start);
      expect(layout.entry.x + layout.entry.width).toBeLessThan(start);
      expect(layout.entryPath).toBeDefined();
    }
    const f1 = layoutFlow(graphOf(example('F1-inbound.json')));
    const column = (id: string) => f1.blocks.find((b) => b.block.id === id)?.x;
    expect(column('Greeting')).toBeGreaterThan(column('Enable logging') ?? Infinity);
    expect(column('Disconnect')).toBeGreaterThan(column('Sorry') ?? Infinity);
  });

  it('leaves a branch to a block that does not exist open, naming what it pointed at', () => {
    const broken = JSON.parse(example('F4-task-queue.json')) as { Actions: { Transitions: object }[] };
    const first = broken.Actions[0];
    if (first) first.Transitions = { NextAction: 'Nowhere' };
    const graph = graphOf(JSON.stringify(broken));
    expect(graph.blocks[0]?.branches).toEqual([{ kind: 'next', label: '', missing: 'Nowhere' }]);
    expectReadable(graph, layoutFlow(graph));
    expect(flowGraph('{"Version":"2019-10-30"}')).toBeUndefined();
    expect(flowGraph('not json')).toBeUndefined();
  });

  it('names the export file after the flow', () => {
    expect(exportFileName('Callback inbound')).toBe('Callback inbound.json');
    expect(exportFileName('a/b:c?')).toBe('a_b_c_.json');
    expect(exportFileName('  ')).toBe('flow.json');
  });

  it("draws the real exports where Connect's editor placed their blocks", () => {
    const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.json'));
    expect(corpus.length).toBeGreaterThanOrEqual(26);
    for (const file of corpus) {
      const graph = graphOf(readFileSync(join(CORPUS, file), 'utf8'));
      expect(graph.blocks.length, file).toBeGreaterThan(0);
      expect(
        graph.blocks.every((b) => b.position !== undefined),
        file,
      ).toBe(true);
      const layout = layoutFlow(graph);
      expectReadable(graph, layout);
      // Left-to-right order is the author's; blocks are only ever moved down to clear one another.
      const placed = new Map(layout.blocks.map((b) => [b.block.id, b]));
      for (const a of graph.blocks)
        for (const b of graph.blocks)
          if ((a.position?.x ?? 0) < (b.position?.x ?? 0))
            expect((placed.get(a.id)?.x ?? 0) < (placed.get(b.id)?.x ?? 0)).toBe(true);
      expect(layout.width).toBeLessThan(7000);
    }
  });
});
