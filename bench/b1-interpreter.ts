/**
 * B1: flow interpreter throughput, pure steps on one core (target ≥ 250,000 actions/s, DESIGN.md).
 * A flow loops over Set contact attributes → Check contact attributes → Loop, the commonest data blocks of
 * real exports, with a JSONPath read and a template on every turn.
 *   npx tsx bench/b1-interpreter.ts [--seconds 5] [--turns 1000]
 */
import { parseArgs } from 'node:util';
import { readFlowDocument } from '../src/flows/model.js';
import { runFlow } from '../src/flows/runtime/run.js';
import { newContact, newFrame } from '../src/flows/runtime/state.js';
import type { FlowLibrary } from '../src/flows/runtime/protocol.js';
import { emit } from './report.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, turns: { type: 'string', default: '1000' } },
});
const seconds = Number(values.seconds);
const turns = Number(values.turns);

const content = JSON.stringify({
  Version: '2019-10-30',
  StartAction: 'loop',
  Actions: [
    {
      Identifier: 'loop',
      Type: 'Loop',
      Parameters: { LoopCount: String(turns) },
      Transitions: {
        Conditions: [
          { NextAction: 'set', Condition: { Operator: 'Equals', Operands: ['ContinueLooping'] } },
          { NextAction: 'end', Condition: { Operator: 'Equals', Operands: ['DoneLooping'] } },
        ],
      },
    },
    {
      Identifier: 'set',
      Type: 'UpdateContactAttributes',
      Parameters: { Attributes: { greeting: 'Hello $.CustomerEndpoint.Address', tier: 'gold' } },
      Transitions: { NextAction: 'check', Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'end' }] },
    },
    {
      Identifier: 'check',
      Type: 'Compare',
      Parameters: { ComparisonValue: '$.Attributes.tier' },
      Transitions: {
        Conditions: [{ NextAction: 'loop', Condition: { Operator: 'Equals', Operands: ['gold'] } }],
        Errors: [{ ErrorType: 'NoMatchingCondition', NextAction: 'end' }],
      },
    },
    { Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
});
const { flow } = readFlowDocument(content);
if (!flow) throw new Error('bench flow did not parse');
const library: FlowLibrary = { get: () => ({ flow, type: 'CONTACT_FLOW' }) };
const state = {
  contact: newContact({
    ContactId: 'c-1',
    Channel: 'VOICE',
    InitiationMethod: 'INBOUND',
    CustomerEndpoint: { Address: '+815012345678', Type: 'TELEPHONE_NUMBER' },
  }),
  frame: newFrame('bench', 'CONTACT_FLOW'),
};

let actions = 0;
let runs = 0;
const start = process.hrtime.bigint();
const deadline = start + BigInt(Math.round(seconds * 1e9));
while (process.hrtime.bigint() < deadline) {
  const r = runFlow(library, state, { type: 'start' }, { maxActions: turns * 4 + 10 });
  if (r.status.kind !== 'ended' || r.status.outcome.type !== 'disconnect')
    throw new Error(`unexpected end: ${JSON.stringify(r.status)}`);
  actions += r.effects.filter((e) => e.type === 'action').length;
  runs++;
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
const rate = actions / elapsed;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
emit({
  id: 'B1',
  title: 'flow interpreter, pure steps',
  command: `npm run bench:b1 -- --seconds ${seconds} --turns ${turns}`,
  rows: [
    { name: 'actions run', value: n(actions) },
    { name: 'flow runs', value: n(runs) },
    { name: 'seconds', value: elapsed.toFixed(2) },
    { name: 'actions/s (one core)', value: n(rate), target: '≥ 250,000', met: rate >= 250_000 },
  ],
  notes: [
    'A loop of Set contact attributes (a JSONPath template) → Check contact attributes → Loop, run by the interpreter alone (src/flows/runtime), one thread.',
  ],
});
