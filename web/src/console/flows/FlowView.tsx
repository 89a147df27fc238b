/** One flow: its type, status, description and picture (DescribeContactFlow), with Export. */
import { useEffect, useMemo, useState } from 'react';
import { flowsApi, type ContactFlow } from '../../api/console-flows.js';
import { ErrorMessage, describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { downloadFlow } from './download.js';
import { FlowGraph } from './FlowGraph.js';
import { flowGraph, type Names } from './graph.js';
import { flowsKey, useFlowsT } from './messages.js';

interface Props {
  flowId: string;
  names: Names;
  onClose: () => void;
  onExported: (message: string) => void;
}

export function FlowView({ flowId, names, onClose, onExported }: Props) {
  const { t, dateTime } = useI18n();
  const ft = useFlowsT();
  const [flow, setFlow] = useState<ContactFlow>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    flowsApi
      .describe(flowId)
      .then((f) => {
        if (current) setFlow(f);
      })
      .catch((e: unknown) => {
        if (current) setError(describeError(e, t));
      });
    return () => {
      current = false;
    };
  }, [flowId, t]);

  const graph = useMemo(() => (flow ? flowGraph(flow.Content, names) : undefined), [flow, names]);
  const label = (prefix: 'type' | 'status', v: string | undefined) => {
    const key = v === undefined ? undefined : flowsKey(prefix, v);
    return key ? ft(key) : (v ?? '');
  };

  return (
    <section className="card flow-view" aria-labelledby="flow-view-title" data-testid="flow-view">
      <div className="section-head">
        <h3 id="flow-view-title">{ft('view.title', { name: flow?.Name ?? '' })}</h3>
        <div className="actions">
          <button
            type="button"
            disabled={!flow}
            onClick={() => flow && onExported(ft('flows.exported', { file: downloadFlow(flow) }))}
          >
            {ft('flows.export')}
          </button>
          <button type="button" onClick={onClose}>
            {ft('view.close')}
          </button>
        </div>
      </div>
      <ErrorMessage error={error} />
      {!flow && !error && <p>{t('app.loading')}</p>}
      {flow && (
        <>
          <p>
            {label('type', flow.Type)} · {label('status', flow.Status)}
            {flow.State === 'ARCHIVED' && ` · ${ft('state.ARCHIVED')}`}
            {flow.LastModifiedTime !== undefined && (
              <span className="muted">
                {' '}
                · {ft('view.changed', { time: dateTime(flow.LastModifiedTime) })}
              </span>
            )}
          </p>
          {flow.Description && <p className="text-value">{flow.Description}</p>}
          {graph ? <FlowGraph graph={graph} name={flow.Name} /> : <p>{ft('graph.notAFlow')}</p>}
        </>
      )}
    </section>
  );
}
