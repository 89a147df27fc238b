/**
 * This instance's queues, flows and task templates by id, so a flow's picture names the resources its blocks use
 * (a flow holds their ARNs). Without the permission to list queues or templates, the picture shows their ids: the
 * names are a help, not the page's purpose, so such a refusal is not an error here.
 */
import { useEffect, useMemo, useState } from 'react';
import { listAll } from '../../api/console.js';
import type { ContactFlowSummary } from '../../api/console-flows.js';
import type { Names } from './graph.js';

interface Named {
  Id: string;
  Name: string;
}

export function useResourceNames(flows: readonly ContactFlowSummary[] | undefined): Names {
  const [others, setOthers] = useState<Named[]>([]);
  useEffect(() => {
    let current = true;
    const quietly = (p: Promise<Named[]>) => p.catch((): Named[] => []);
    void Promise.all([
      quietly(listAll<Named>('ListQueues', 'QueueSummaryList', { QueueTypes: ['STANDARD'] })),
      quietly(listAll<Named>('ListTaskTemplates', 'TaskTemplates')),
    ]).then(([queues, templates]) => {
      if (current) setOthers([...queues, ...templates]);
    });
    return () => {
      current = false;
    };
  }, [flows]);
  return useMemo(() => new Map([...others, ...(flows ?? [])].map((r) => [r.Id, r.Name])), [others, flows]);
}
