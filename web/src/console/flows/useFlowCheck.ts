/**
 * The import form's checks of the flow being imported, run a moment after the text or the type last changed:
 * the export read and the example ARNs it names bound to this instance (BindFlowReferences), then
 * LintContactFlow on the bound content — what Save sends. An answer that comes after a newer request is dropped.
 */
import { useEffect, useState } from 'react';
import { flowsApi, type BoundReferences, type LintResult } from '../../api/console-flows.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';

export interface FlowCheck {
  /** The text the check was made for (the export as pasted or read from the file). */
  source: string;
  /** What the export says of itself: its name, type and description. */
  exported: Pick<BoundReferences, 'Name' | 'Type' | 'Description'>;
  /** The flow type lint checked it for ('' when none was chosen). */
  type: string;
  /** The content to save: the source with its example ARNs bound. */
  content: string;
  references: Pick<BoundReferences, 'Bound' | 'Missing'>;
  lint: LintResult;
}

export function useFlowCheck(source: string, type: string, round: number) {
  const { t } = useI18n();
  const [check, setCheck] = useState<FlowCheck>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  useEffect(() => {
    setCheck(undefined);
    setError(undefined);
    if (source.trim() === '') {
      setPending(false);
      return;
    }
    setPending(true);
    let current = true;
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const bound = await flowsApi.bindReferences(source);
          const lintType = type || (bound.Type !== 'MODULE' ? bound.Type : undefined);
          const lint = await flowsApi.lint(bound.Content, lintType);
          if (current)
            setCheck({
              source,
              exported: {
                ...(bound.Name !== undefined && { Name: bound.Name }),
                ...(bound.Type !== undefined && { Type: bound.Type }),
                ...(bound.Description !== undefined && { Description: bound.Description }),
              },
              type,
              content: bound.Content,
              references: { Bound: bound.Bound, Missing: bound.Missing },
              lint,
            });
        } catch (e) {
          if (current) setError(describeError(e, t));
        } finally {
          if (current) setPending(false);
        }
      })();
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [source, type, round, t]);

  return { check, error, pending };
}
