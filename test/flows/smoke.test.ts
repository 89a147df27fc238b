import { describe, expect, it } from 'vitest';
import { pathOf, promptsOf, runActions } from '../support/flows.js';

describe('flow interpreter: the shape of a run', () => {
  it('follows conditions, and the NoMatchingCondition error branch as the default', async () => {
    const actions = {
      menu: {
        Type: 'GetParticipantInput',
        Parameters: { Text: 'Press 1 or 2', StoreInput: 'False', InputTimeLimitSeconds: '5' },
        Conditions: [
          ['1', 'one'],
          ['2', 'two'],
        ] as [string, string][],
        Errors: { NoMatchingCondition: 'other', InputTimeLimitExceeded: 'timeout', NoMatchingError: 'other' },
      },
      one: { Type: 'DisconnectParticipant' },
      two: { Type: 'DisconnectParticipant' },
      other: { Type: 'DisconnectParticipant' },
      timeout: { Type: 'DisconnectParticipant' },
    };
    expect(pathOf(await runActions('menu', actions, { inputs: ['2'] }))).toEqual([
      'menu → Equals 2',
      'two → End',
    ]);
    expect(pathOf(await runActions('menu', actions, { inputs: ['7'] }))).toEqual([
      'menu → Error: NoMatchingCondition',
      'other → End',
    ]);
    const silent = await runActions('menu', actions);
    expect(pathOf(silent)).toEqual(['menu → Error: InputTimeLimitExceeded', 'timeout → End']);
    expect(silent.seconds).toBe(5);
    expect(promptsOf(silent)).toEqual(['Press 1 or 2']);
  });

  it('ends with an error outcome when an error has no branch at all', async () => {
    const r = await runActions('q', {
      q: { Type: 'TransferContactToQueue', Next: 'x' },
      x: { Type: 'DisconnectParticipant' },
    });
    expect(r.outcome).toEqual({ type: 'error', actionId: 'q', error: 'NoMatchingError' });
  });

  it('disconnects an inbound caller when the flow runs off its end', async () => {
    const r = await runActions('a', {
      a: { Type: 'UpdateContactAttributes', Parameters: { Attributes: { x: '1' } } },
    });
    expect(r.outcome).toEqual({ type: 'disconnected', reason: 'FlowEnded' });
    expect(r.contact.Attributes).toEqual({ x: '1' });
  });
});
