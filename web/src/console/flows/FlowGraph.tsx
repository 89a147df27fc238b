/**
 * A flow's picture: an SVG of its blocks (type, name, what it does) and arrows from each branch's row to the
 * block it goes to, in a scrollable box with zoom buttons (and the + and − keys). Blocks named by lint findings
 * are outlined. Under it, the same as a list (BlockList) for those who do not see the picture.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import './flows.css';
import type { FlowGraph as Graph } from './graph.js';
import { BRANCH_ROW, LINE, PAD, layoutFlow, type PlacedBlock } from './layout.js';
import { useFlowsT, type FlowsT } from './messages.js';
import { BlockList } from './BlockList.js';
import { blockWords, branchText, clip } from './words.js';

export type Marks = ReadonlyMap<string, 'error' | 'warning'>;

const SCALES = [0.25, 0.35, 0.5, 0.65, 0.8, 1, 1.25, 1.5, 2];

function BlockShape({ placed, mark, ft }: { placed: PlacedBlock; mark?: 'error' | 'warning'; ft: FlowsT }) {
  const { block, x, y, width, height, lines, ports } = placed;
  const room = Math.floor((width - 2 * PAD) / 6.6);
  const text = [block.name, block.summary].filter((s): s is string => s !== undefined);
  const split = y + PAD + lines * LINE + 3;
  return (
    <g
      className={`fg-block${mark ? ` ${mark}` : ''}`}
      data-block={block.id}
      data-testid={`fg-block-${block.id}`}
    >
      <title>{[blockWords(block), block.summary].filter(Boolean).join('\n')}</title>
      <rect x={x} y={y} width={width} height={height} rx={6} />
      <text className="fg-type" x={x + PAD} y={y + PAD + LINE - 4}>
        {clip(block.type, room - 2)}
      </text>
      {text.map((s, i) => (
        <text
          key={i}
          className={i === 0 && block.name ? 'fg-name' : 'fg-summary'}
          x={x + PAD}
          y={y + PAD + (i + 2) * LINE - 4}
        >
          {clip(s, room)}
        </text>
      ))}
      {block.branches.length > 0 && <line className="fg-split" x1={x} x2={x + width} y1={split} y2={split} />}
      {block.branches.map((br, i) => {
        const py = ports[i] ?? y;
        return (
          <g key={i} className={`fg-port ${br.kind}`}>
            <text x={x + width - 12} y={py + 4} textAnchor="end">
              {clip(branchText(br, ft), room - 2)}
            </text>
            <circle cx={x + width} cy={py} r={BRANCH_ROW / 4} />
          </g>
        );
      })}
    </g>
  );
}

export function FlowGraph({ graph, name, marks }: { graph: Graph; name: string; marks?: Marks }) {
  const ft = useFlowsT();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const layout = useMemo(() => layoutFlow(graph), [graph]);
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  const fit = () => Math.min(1, ((box.current?.clientWidth ?? layout.width) - 4) / layout.width);

  useLayoutEffect(() => {
    setScale(Math.max(0.65, fit()));
    // Only when the picture changes: the user's zoom stays otherwise.
  }, [layout]);

  const step = (dir: 1 | -1) =>
    setScale((s) =>
      dir > 0
        ? (SCALES.find((v) => v > s + 0.001) ?? s)
        : ([...SCALES].reverse().find((v) => v < s - 0.001) ?? s),
    );
  const onKey = (e: KeyboardEvent) => {
    if (e.key === '+' || e.key === '=') step(1);
    else if (e.key === '-' || e.key === '−') step(-1);
    else return;
    e.preventDefault();
  };
  const byId = new Map(layout.blocks.map((b) => [b.block.id, b.block]));
  const label = ft('graph.label', { name, count: graph.blocks.length });

  return (
    <div className="fg">
      <div className="fg-tools" role="group" aria-label={ft('graph.tools')}>
        <button type="button" onClick={() => step(-1)} aria-label={ft('graph.zoomOut')}>
          −
        </button>
        <button type="button" onClick={() => step(1)} aria-label={ft('graph.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => setScale(fit())}>
          {ft('graph.fit')}
        </button>
        <button type="button" onClick={() => setScale(1)}>
          {ft('graph.actual')}
        </button>
        <span className="muted" aria-live="polite">
          {ft('graph.scale', { percent: Math.round(scale * 100) })}
        </span>
        <span className="help">{ft('graph.hint')}</span>
      </div>
      <div className="fg-scroll" ref={box} tabIndex={0} onKeyDown={onKey} role="region" aria-label={label}>
        <svg
          role="img"
          aria-label={label}
          width={Math.ceil(layout.width * scale)}
          height={Math.ceil(layout.height * scale)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          data-testid="flow-graph"
        >
          <defs>
            <marker
              id={`arrow-${uid}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" className="fg-arrowhead" />
            </marker>
          </defs>
          <g className="fg-entry">
            <rect {...layout.entry} rx={13} />
            <text x={layout.entry.x + layout.entry.width / 2} y={layout.entry.y + 17} textAnchor="middle">
              {ft('graph.start')}
            </text>
          </g>
          {layout.entryPath && (
            <path className="fg-edge next" d={layout.entryPath} markerEnd={`url(#arrow-${uid})`} />
          )}
          {layout.edges.map((e) => {
            const from = byId.get(e.from);
            const to = byId.get(e.to);
            const br = from?.branches[e.branch];
            if (!from || !to || !br) return null;
            return (
              <path
                key={`${e.from}/${e.branch}`}
                className={`fg-edge ${br.kind}`}
                d={e.path}
                markerEnd={`url(#arrow-${uid})`}
              >
                <title>
                  {ft('graph.edge', {
                    from: blockWords(from),
                    branch: branchText(br, ft),
                    to: blockWords(to),
                  })}
                </title>
              </path>
            );
          })}
          {layout.blocks.map((b) => (
            <BlockShape key={b.block.id} placed={b} mark={marks?.get(b.block.id)} ft={ft} />
          ))}
        </svg>
      </div>
      <BlockList graph={graph} />
    </div>
  );
}
