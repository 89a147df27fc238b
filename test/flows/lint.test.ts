import { describe, expect, it } from 'vitest';
import { lintFlowText } from '../../src/flows/lint.js';
import { flowJson, type TestAction } from '../support/flows.js';

const lint = (
  actions: Record<string, TestAction>,
  type?: Parameters<typeof lintFlowText>[1],
  start = Object.keys(actions)[0] ?? '',
) => lintFlowText(flowJson(start, actions), type);
const codes = (findings: { code: string; actionId?: string }[]) =>
  findings.map((f) => `${f.code}${f.actionId ? `@${f.actionId}` : ''}`);
const bye = { Type: 'DisconnectParticipant' };

describe('tsunagi flow lint rules', () => {
  it('refuses blocks the flow type does not allow, naming the block', () => {
    const r = lint(
      { q: { Type: 'TransferContactToQueue', Errors: { NoMatchingError: 'bye' } }, bye },
      'CUSTOMER_QUEUE',
    );
    expect(codes(r.errors)).toEqual(['NOT_ALLOWED_IN_FLOW_TYPE@q']);
    expect(r.errors[0]?.message).toBe('TransferContactToQueue cannot be used in a CUSTOMER_QUEUE flow');
  });

  it('reports dangling transitions as errors and $-targets and an empty start as warnings', () => {
    const r = lint({ a: { Type: 'MessageParticipant', Next: 'gone', Errors: { NoMatchingError: '$end' } } });
    expect(codes(r.errors)).toEqual(['MISSING_TRANSITION_TARGET@a']);
    expect(codes(r.warnings)).toContain('RESERVED_TARGET@a');
    expect(codes(lint({ a: bye }, 'CONTACT_FLOW', '').warnings)).toContain('EMPTY_START_ACTION');
  });

  it('warns about unknown types, types Tsunagi does not run yet, unreachable blocks, and channel limits', () => {
    const r = lint(
      {
        a: {
          Type: 'GetParticipantInput',
          Parameters: { Text: 'x' },
          Conditions: [['1', 'b']],
          Errors: { NoMatchingError: 'b', NoMatchingCondition: 'b' },
        },
        b: { Type: 'CreateCase', Next: 'c' },
        c: { Type: 'TotallyNewBlock' },
        island: bye,
      },
      'CONTACT_FLOW',
    );
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(
      expect.arrayContaining([
        'CHANNEL_UNSUPPORTED@a',
        'NOT_SUPPORTED@b',
        'UNKNOWN_ACTION_TYPE@c',
        'UNREACHABLE@island',
      ]),
    );
    expect(r.warnings.find((w) => w.code === 'CHANNEL_UNSUPPORTED')?.message).toBe(
      'GetParticipantInput takes its error branch on CHAT, TASK, EMAIL',
    );
  });

  it('warns when a block that can fail has no error branch, or a result can match no condition', () => {
    const r = lint({
      m: { Type: 'MessageParticipant', Parameters: { Text: 'hi' }, Next: 'c' },
      c: { Type: 'Compare', Parameters: { ComparisonValue: '$.Channel' }, Conditions: [['VOICE', 'bye']] },
      bye,
    });
    expect(codes(r.warnings)).toEqual(
      expect.arrayContaining(['MISSING_ERROR_BRANCH@m', 'MISSING_DEFAULT_BRANCH@c']),
    );
    expect(codes(r.warnings)).not.toContain('MISSING_ERROR_BRANCH@c');
  });

  it('needs no default branch when the conditions cover every result the block can give', () => {
    const r = lint({
      loop: {
        Type: 'Loop',
        Parameters: { LoopCount: '2' },
        Conditions: [
          ['ContinueLooping', 'loop'],
          ['DoneLooping', 'bye'],
        ],
      },
      bye,
    });
    expect(codes(r.warnings)).not.toContain('MISSING_DEFAULT_BRANCH@loop');
  });

  it('counts actions and reports the flow type it used', () => {
    const r = lintFlowText(flowJson('a', { a: bye }, 'customerQueue'));
    expect(r).toMatchObject({ actions: 1, flowType: 'CUSTOMER_QUEUE', errors: [] });
    expect(codes(lintFlowText(flowJson('a', { a: bye })).warnings)).toContain('UNKNOWN_FLOW_TYPE');
  });
});
