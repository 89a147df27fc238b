/**
 * Flows of a setup file: flows that name each other in a circle are all made and bound to each other; a flow
 * that exists with other content is kept and noted, or published anew when asked (`updateFlows`).
 */
import { expect, it } from 'vitest';
import { applySetup, type SetupInput } from '../../src/setup/index.js';
import { describeStores } from '../support/env.js';
import { flowJson } from '../support/flows.js';

const PLACEHOLDER = 'arn:aws:connect:us-east-1:000000000000:instance/example';

/** A flow that transfers to the flow named `next`. */
const toFlow = (next: string, text = 'Hello') =>
  flowJson('Say', {
    Say: {
      Type: 'MessageParticipant',
      Parameters: { Text: text },
      Next: 'Go',
      Errors: { NoMatchingError: 'Go' },
    },
    Go: {
      Type: 'TransferToFlow',
      Parameters: { ContactFlowId: `${PLACEHOLDER}/contact-flow/${next}` },
      Errors: { NoMatchingError: 'End' },
    },
    End: { Type: 'DisconnectParticipant' },
  });

const setup = (names: string[]): SetupInput => ({
  Version: 1,
  Flows: names.map((Name) => ({ Name, Type: 'CONTACT_FLOW', File: `${Name}.json` })),
});

describeStores('flows of a setup file', (env) => {
  it('flows that name each other in a circle (and one that names itself) are made and bound to each other', async () => {
    const e = env();
    const files: Record<string, string> = {
      'A.json': toFlow('B'),
      'B.json': toFlow('C'),
      'C.json': toFlow('A'),
      'Self.json': toFlow('Self'),
    };
    const report = await applySetup(e.services, e.store, e.instanceId, setup(['A', 'B', 'C', 'Self']), (f) =>
      Promise.resolve(files[f] ?? ''),
    );
    expect(report.created.map((c) => c.name).sort()).toEqual(['A', 'B', 'C', 'Self']);
    const flows = new Map<string, { Arn: string; Content: string }>();
    for (const name of ['A', 'B', 'C', 'Self']) {
      const f = await e.store.repos.flows.findByName(e.instanceId, name);
      if (!f) throw new Error(`${name} is missing`);
      flows.set(name, f);
    }
    const target = (name: string) => {
      const doc = JSON.parse(flows.get(name)?.Content ?? '{}') as {
        Actions: { Parameters: { ContactFlowId?: string } }[];
      };
      return doc.Actions[1]?.Parameters.ContactFlowId;
    };
    expect(target('A')).toBe(flows.get('B')?.Arn);
    expect(target('B')).toBe(flows.get('C')?.Arn);
    expect(target('C')).toBe(flows.get('A')?.Arn);
    expect(target('Self')).toBe(flows.get('Self')?.Arn);
  });

  it('a flow that exists with other content is kept and noted; with updateFlows it is published anew', async () => {
    const e = env();
    const files: Record<string, string> = { 'A.json': toFlow('B'), 'B.json': toFlow('A') };
    const read = (f: string) => Promise.resolve(files[f] ?? '');
    await applySetup(e.services, e.store, e.instanceId, setup(['A', 'B']), read);
    const before = await e.store.repos.flows.findByName(e.instanceId, 'A');

    files['A.json'] = toFlow('B', 'Welcome back');
    const kept = await applySetup(e.services, e.store, e.instanceId, setup(['A', 'B']), read);
    expect(kept.created).toEqual([]);
    expect(kept.updated).toEqual([]);
    expect(kept.problems).toEqual([
      "flow 'A' differs from A.json: kept as it is (import with --update-flows to publish the file)",
    ]);
    expect((await e.store.repos.flows.findByName(e.instanceId, 'A'))?.Content).toBe(before?.Content);

    const updated = await applySetup(e.services, e.store, e.instanceId, setup(['A', 'B']), read, {
      updateFlows: true,
    });
    expect(updated.updated).toEqual([{ kind: 'flow', name: 'A' }]);
    expect(updated.kept).toEqual([{ kind: 'flow', name: 'B' }]);
    const after = await e.store.repos.flows.findByName(e.instanceId, 'A');
    expect(after?.Content).toContain('Welcome back');
    expect(after?.Content).not.toContain('instance/example/');
    expect(after?.Version).toBe((before?.Version ?? 0) + 1);
  });
});
