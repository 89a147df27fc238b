import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectError } from '../../src/core/index.js';
import {
  assertFlowContent,
  flowContentProblems,
  flowContentSha256,
  unwrapFlowExport,
} from '../../src/flows/content.js';
import { FLOW_TYPES } from '../../src/flows/model.js';

const CORPUS = '/work/shared/flows';
const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.json'));

/** A flow document with the given actions (Identifier, Type, Transitions). */
const flow = (start: unknown, actions: unknown[]) =>
  JSON.stringify({ Version: '2019-10-30', StartAction: start, Actions: actions });
const action = (Identifier: string, Transitions: unknown = {}, Type = 'MessageParticipant') => ({
  Identifier,
  Type,
  Parameters: {},
  Transitions,
});
const messages = (content: string) => flowContentProblems(content, 'PUBLISHED').map((p) => p.message);

describe('unwrapFlowExport over the corpus of real exports', () => {
  it('has the corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of corpus)
    it(`${file}: unwraps to content that passes the PUBLISHED checks`, () => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const out = unwrapFlowExport(text);
      expect(flowContentProblems(out.content, 'PUBLISHED')).toEqual([]);
      expect([...FLOW_TYPES, 'MODULE']).toContain(out.type);
      const doc = JSON.parse(text) as Record<string, unknown> & { ContactFlow?: Record<string, unknown> };
      const wrapper = doc.ContactFlow ?? (typeof doc.Content === 'string' ? doc : undefined);
      if (wrapper) {
        // The inner string, exactly as the wrapper holds it, and what the wrapper says about it.
        expect(out.content).toBe(wrapper.Content);
        expect(out.type).toBe(wrapper.Type);
        expect(out.name).toBe(wrapper.Name);
      } else {
        expect(out.content).toBe(text.replace(/^\uFEFF/, ''));
      }
    });

  it('reads the type from Metadata, and a module from its Settings', () => {
    const byName = (part: string) => {
      const file = corpus.find((f) => f.includes(part));
      if (!file) throw new Error(`no corpus file ${part}`);
      return unwrapFlowExport(readFileSync(join(CORPUS, file), 'utf8'));
    };
    expect(byName('Sample_interruptible_queue_flow').type).toBe('CUSTOMER_QUEUE');
    expect(byName('cfAgentCallBackWhisperflow').type).toBe('AGENT_WHISPER');
    expect(byName('agent_hold').type).toBe('AGENT_HOLD');
    expect(byName('GetCustomerResponseModule')).toMatchObject({
      type: 'MODULE',
      name: 'getCustomerResponseModule',
      description: 'Flow Module for getting Customer Response',
    });
    expect(byName('acme_main_AUTO')).toMatchObject({ type: 'CONTACT_FLOW', description: 'Main Entry Point' });
  });
});

describe('unwrapFlowExport shapes', () => {
  const inner = flow('a', [action('a')]);

  it('unwraps the DescribeContactFlow, DescribeContactFlowModule and CreateContactFlow shapes', () => {
    expect(
      unwrapFlowExport(
        JSON.stringify({ ContactFlow: { Name: 'Main', Type: 'CUSTOMER_QUEUE', Content: inner } }),
      ),
    ).toEqual({ content: inner, type: 'CUSTOMER_QUEUE', name: 'Main' });
    expect(
      unwrapFlowExport(
        JSON.stringify({ ContactFlowModule: { Name: 'Mod', Content: inner, Description: 'd' } }),
      ),
    ).toEqual({ content: inner, type: 'MODULE', name: 'Mod', description: 'd' });
    expect(unwrapFlowExport(JSON.stringify({ Content: inner, Type: 'QUEUE_TRANSFER' }))).toEqual({
      content: inner,
      type: 'QUEUE_TRANSFER',
    });
  });

  it('keeps a bare flow as it is (without a byte-order mark) and passes other text through', () => {
    const bare = `{ "StartAction":"a",\n\t"Metadata":{"type":"contactFlow","name":"Bare"}, "Actions":[] }`;
    expect(unwrapFlowExport(`\uFEFF${bare}`)).toEqual({ content: bare, type: 'CONTACT_FLOW', name: 'Bare' });
    expect(unwrapFlowExport('not json')).toEqual({ content: 'not json' });
    expect(unwrapFlowExport('[1,2]')).toEqual({ content: '[1,2]' });
  });

  it('serializes a Content given as an object, and ignores an unknown wrapper Type', () => {
    const out = unwrapFlowExport(JSON.stringify({ Content: { StartAction: 'a', Actions: [] }, Type: 'IVR' }));
    expect(out).toEqual({ content: '{"StartAction":"a","Actions":[]}' });
  });
});

describe('flow content checks', () => {
  it('hashes the UTF-8 bytes as hex SHA-256', () => {
    expect(flowContentSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const odd = '{ "a" : "日本語 🎧" }\r\n';
    expect(flowContentSha256(odd)).toBe(createHash('sha256').update(Buffer.from(odd, 'utf8')).digest('hex'));
  });

  it('accepts what real flows do: unknown types, unconnected branches, $-targets, extra transition kinds', () => {
    const content = flow('', [
      action(
        'a',
        { NextAction: '', Errors: [{ ErrorType: 'NoMatchingError', NextAction: '$end' }] },
        'Future',
      ),
      action('b', { NextAction: 'a', Conditions: [{ NextAction: 'b' }], Extra: [{ NextAction: 'nowhere' }] }),
    ]);
    expect(flowContentProblems(content, 'PUBLISHED')).toEqual([]);
  });

  it('names each structural problem', () => {
    expect(messages('{"StartAction": "a", ')[0]).toMatch(/^Content is not valid JSON/);
    expect(messages('[]')).toEqual(['Content must be a JSON object with Actions and StartAction']);
    expect(messages('{"StartAction":"a"}')).toEqual(['Content has no Actions array']);
    expect(messages(JSON.stringify({ Actions: [] }))).toEqual([
      'StartAction is missing: it must name the action the flow starts with',
    ]);
    expect(messages(flow('x', [action('a')]))).toEqual(["StartAction 'x' names no action of the flow"]);
    expect(messages(flow('a', [action('a'), { Type: 'MessageParticipant' }]))).toEqual([
      'Actions[1] has no Identifier',
    ]);
    expect(messages(flow('a', [{ Identifier: 'a' }]))).toEqual(["Actions[0] ('a') has no Type"]);
    expect(messages(flow('a', [action('a'), action('a')]))).toEqual([
      "Actions[1] ('a'): the Identifier 'a' is used by another action",
    ]);
    expect(messages(flow('a', [action('a'), 'b']))).toEqual(['Actions[1] is not an object']);
    expect(
      messages(
        flow('a', [
          action('a', {
            NextAction: 'gone',
            Conditions: [{ NextAction: 'a' }, { NextAction: 'lost' }],
            Errors: [{ ErrorType: 'NoMatchingError', NextAction: 7 }],
          }),
        ]),
      ),
    ).toEqual([
      "Actions[0] ('a'): Transitions.NextAction goes to 'gone', which is not an action",
      "Actions[0] ('a'): Transitions.Conditions[1].NextAction goes to 'lost', which is not an action",
      "Actions[0] ('a'): Transitions.Errors[0].NextAction is not an action Identifier",
    ]);
  });

  it('checks SAVED content only for being JSON', () => {
    expect(flowContentProblems('{"draft": true}', 'SAVED')).toEqual([]);
    expect(flowContentProblems('"just a string"', 'SAVED')).toEqual([]);
    expect(flowContentProblems('{draft', 'SAVED')[0]?.message).toMatch(/not valid JSON/);
  });

  it('throws InvalidContactFlowException carrying the problems, at most 50', () => {
    const many = flow(
      'a',
      Array.from({ length: 60 }, (_, i) => action(`a${i}`, { NextAction: `missing${i}` })),
    );
    try {
      assertFlowContent(many, 'PUBLISHED');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConnectError);
      const err = e as ConnectError;
      expect(err.code).toBe('InvalidContactFlowException');
      expect(err.details.problems).toHaveLength(50);
      expect(err.message).toMatch(/StartAction 'a' names no action/);
    }
    expect(() => assertFlowContent(flow('a', [action('a')]), 'PUBLISHED')).not.toThrow();
  });
});
