/**
 * What the import found before saving: the resources the flow names by example ARN (found here or not), lint's
 * errors and warnings each naming its block, and the flow's picture with those blocks outlined.
 */
import { useMemo } from 'react';
import type { LintFinding } from '../../api/console-flows.js';
import { ErrorMessage } from '../../errors.js';
import { FlowGraph } from './FlowGraph.js';
import { flowGraph, type Block, type Names } from './graph.js';
import { flowsKey, useFlowsT, type FlowsT } from './messages.js';
import type { FlowCheck } from './useFlowCheck.js';
import { blockWords } from './words.js';

function whereOf(f: LintFinding, blocks: Map<string, Block>, ft: FlowsT): string {
  if (f.ActionId === undefined) return ft('import.wholeFlow');
  const b = blocks.get(f.ActionId);
  return b ? ft('import.inBlock', { block: blockWords(b) }) : ft('import.unknownBlock', { id: f.ActionId });
}

function Findings({
  list,
  kind,
  blocks,
}: {
  list: LintFinding[];
  kind: 'errors' | 'warnings';
  blocks: Map<string, Block>;
}) {
  const ft = useFlowsT();
  return (
    <ul className={`findings ${kind}`} data-testid={`lint-${kind}`}>
      {list.map((f, i) => (
        <li key={i}>
          <strong>{whereOf(f, blocks, ft)}:</strong> {f.Message}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  check?: FlowCheck;
  pending: boolean;
  error?: string;
  name: string;
  names: Names;
}

export function ImportChecks({ check, pending, error, name, names }: Props) {
  const ft = useFlowsT();
  const graph = useMemo(() => (check ? flowGraph(check.content, names) : undefined), [check, names]);
  const blocks = useMemo(() => new Map((graph?.blocks ?? []).map((b) => [b.id, b])), [graph]);
  const marks = useMemo(() => {
    const m = new Map<string, 'error' | 'warning'>();
    for (const w of check?.lint.Warnings ?? []) if (w.ActionId) m.set(w.ActionId, 'warning');
    for (const e of check?.lint.Errors ?? []) if (e.ActionId) m.set(e.ActionId, 'error');
    return m;
  }, [check]);
  const kind = (k: string) => {
    const key = flowsKey('kind', k);
    return key ? ft(key) : k;
  };
  const lint = check?.lint;
  const refs = check ? [...check.references.Bound, ...check.references.Missing] : [];

  return (
    <section className="import-checks" aria-labelledby="import-checks-title" aria-busy={pending}>
      <h4 id="import-checks-title">{ft('import.check')}</h4>
      <p role="status">{pending ? ft('import.checking') : ''}</p>
      <ErrorMessage error={error} />
      {check && refs.length > 0 && (
        <>
          <h5>{ft('import.references')}</h5>
          <ul className="references" data-testid="import-references">
            {check.references.Bound.map((r) => (
              <li key={`b/${r.Kind}/${r.Name}`}>
                {ft('import.bound', { kind: kind(r.Kind), name: r.Name })}
              </li>
            ))}
            {check.references.Missing.map((r) => (
              <li key={`m/${r.Kind}/${r.Name}`} className="missing">
                {ft('import.missing', { kind: kind(r.Kind), name: r.Name })}
              </li>
            ))}
          </ul>
        </>
      )}
      <div role="alert" className={lint && lint.Errors.length > 0 ? 'error summary' : 'error empty'}>
        {lint && lint.Errors.length > 0 && (
          <>
            <p>{ft('import.errors', { count: lint.Errors.length })}</p>
            <Findings list={lint.Errors} kind="errors" blocks={blocks} />
          </>
        )}
      </div>
      {lint && lint.Warnings.length > 0 && (
        <>
          <p>{ft('import.warnings', { count: lint.Warnings.length })}</p>
          <Findings list={lint.Warnings} kind="warnings" blocks={blocks} />
        </>
      )}
      {lint && lint.Errors.length === 0 && lint.Warnings.length === 0 && (
        <p data-testid="lint-clean">{ft('import.clean', { count: lint.Actions })}</p>
      )}
      {graph && graph.blocks.length > 0 && (
        <>
          <h5>{ft('import.preview')}</h5>
          <FlowGraph graph={graph} name={name} marks={marks} />
        </>
      )}
    </section>
  );
}
