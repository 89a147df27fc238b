/** The picture's accessible alternative: every block with what it does and where each branch goes. */
import type { FlowGraph } from './graph.js';
import { useFlowsT } from './messages.js';
import { blockWords, branchText } from './words.js';

export function BlockList({ graph }: { graph: FlowGraph }) {
  const ft = useFlowsT();
  const byId = new Map(graph.blocks.map((b) => [b.id, b]));
  const start = byId.get(graph.start);
  return (
    <details className="fg-list">
      <summary>{ft('graph.list', { count: graph.blocks.length })}</summary>
      {start && <p>{ft('graph.startsAt', { block: blockWords(start) })}</p>}
      <ol>
        {graph.blocks.map((b) => (
          <li key={b.id} data-testid={`block-item-${b.id}`}>
            <strong>{blockWords(b)}</strong>
            {b.summary && <span className="text-value">: {b.summary}</span>}
            {b.branches.length === 0 ? (
              <p className="help">{ft('graph.noBranches')}</p>
            ) : (
              <ul>
                {b.branches.map((br, i) => {
                  const branch = branchText(br, ft);
                  const target = br.target === undefined ? undefined : byId.get(br.target);
                  return (
                    <li key={i}>
                      {target
                        ? ft('graph.goesTo', { branch, block: blockWords(target) })
                        : br.missing !== undefined
                          ? ft('graph.missing', { branch, id: br.missing })
                          : ft('graph.ends', { branch })}
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
