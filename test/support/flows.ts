import { readFlowDocument, type FlowType } from '../../src/flows/model.js';
import {
  simulate,
  type SimFlow,
  type SimulationOptions,
  type SimulationResult,
} from '../../src/flows/simulator.js';

/** A compact way to write a flow in a test: actions by identifier, transitions as short fields. */
export interface TestAction {
  Type: string;
  Parameters?: Record<string, unknown>;
  Next?: string;
  /** [operator, operand, next] — or [operand, next] for Equals. */
  Conditions?: ([string, string] | [string, string, string])[];
  /** ErrorType → next action. */
  Errors?: Record<string, string>;
}

/** Builds flow JSON text (the export format) from the compact form. */
export function flowJson(start: string, actions: Record<string, TestAction>, metadataType?: string): string {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: start,
    ...(metadataType && { Metadata: { type: metadataType } }),
    Actions: Object.entries(actions).map(([id, a]) => ({
      Identifier: id,
      Type: a.Type,
      Parameters: a.Parameters ?? {},
      Transitions: {
        ...(a.Next !== undefined && { NextAction: a.Next }),
        ...(a.Conditions && {
          Conditions: a.Conditions.map((c) => {
            const [operator, operand, next] = c.length === 3 ? c : ['Equals', c[0], c[1]];
            return { NextAction: next, Condition: { Operator: operator, Operands: [operand] } };
          }),
        }),
        ...(a.Errors && {
          Errors: Object.entries(a.Errors).map(([ErrorType, NextAction]) => ({ ErrorType, NextAction })),
        }),
      },
    })),
  });
}

export function simFlow(
  id: string,
  type: FlowType,
  start: string,
  actions: Record<string, TestAction>,
): SimFlow {
  const { flow, problems } = readFlowDocument(flowJson(start, actions));
  if (!flow || problems.length > 0) throw new Error(`bad test flow ${id}: ${JSON.stringify(problems)}`);
  return { id, names: [], type, flow };
}

/** `actionId → branch` for every action visited, in order: what a builder reads in a trace. */
export function pathOf(result: SimulationResult): string[] {
  return result.events.flatMap((e) => (e.type === 'action' ? [`${e.actionId} → ${e.branch}`] : []));
}

export function promptsOf(result: SimulationResult): string[] {
  return result.events.flatMap((e) => (e.type === 'prompt' ? [e.text] : []));
}

/** Runs `actions` as a flow of `type` (CONTACT_FLOW by default) and returns the simulation (a promise). */
export function runActions(
  start: string,
  actions: Record<string, TestAction>,
  options: SimulationOptions & { type?: FlowType; others?: SimFlow[] } = {},
): Promise<SimulationResult> {
  const { type = 'CONTACT_FLOW', others = [], ...rest } = options;
  return simulate(simFlow('test-flow', type, start, actions), others, rest);
}
