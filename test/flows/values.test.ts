import { describe, expect, it } from 'vitest';
import { readFlowDocument } from '../../src/flows/model.js';
import { runFlow } from '../../src/flows/runtime/run.js';
import { newContact, newFrame, type ContactState } from '../../src/flows/runtime/state.js';
import { flowJson, pathOf, promptsOf, runActions, type TestAction } from '../support/flows.js';

// Reference §2 (values and the JSONPath namespace) and §1.2/§1.3 (transitions and condition operators).

// The simulator matches a Lambda by its full ARN (it splits names on '/', and Lambda ARNs end in ':name').
const CRM = 'arn:aws:lambda:us-east-1:123456789012:function:crm';
const hangUp: TestAction = { Type: 'DisconnectParticipant' };
const say = (text: string, next = 'bye'): TestAction => ({
  Type: 'MessageParticipant',
  Parameters: { Text: text },
  Next: next,
});

/** Runs one inbound flow on a contact built by the test (the fields a simulated call cannot have, e.g. a task's). */
function runOnContact(contact: ContactState, start: string, actions: Record<string, TestAction>) {
  const { flow } = readFlowDocument(flowJson(start, actions));
  if (!flow) throw new Error('bad test flow');
  const library = { get: (id: string) => (id === 'f' ? { flow, type: 'CONTACT_FLOW' as const } : undefined) };
  return runFlow(library, { contact, frame: newFrame('f', 'CONTACT_FLOW') }, { type: 'start' });
}

describe('JSONPath values in parameters (reference §2.2)', () => {
  it('fills a prompt template with attributes, endpoints, the channel and the contact ids', async () => {
    const r = await runActions(
      'greet',
      {
        greet: say(
          'Hello $.Attributes.firstName, you called $.SystemEndpoint.Address from $.CustomerEndpoint.Address on $.Channel (contact $.ContactId, first $.InitialContactId).',
        ),
        bye: hangUp,
      },
      { attributes: { firstName: 'Aiko' }, callerNumber: '+12065550100', dialledNumber: '+18005550199' },
    );
    expect(pathOf(r)).toEqual(['greet → Success', 'bye → End']);
    expect(promptsOf(r)).toEqual([
      'Hello Aiko, you called +18005550199 from +12065550100 on VOICE (contact sim-contact-1, first sim-contact-1).',
    ]);
  });

  it('resolves a path that is not there to empty text, and a block that needs an id from it takes NoMatchingError', async () => {
    const r = await runActions('show', {
      show: say(
        'a[$.Attributes.nothing]b[$.External.x.y]c[$.FlowAttributes.z]d[$.Queue.Name]e[$.StoredCustomerInput]',
        'queue',
      ),
      queue: {
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId: '$.Attributes.WorkingQueue' },
        Next: 'bye',
        Errors: { NoMatchingError: 'failed' },
      },
      failed: say('no queue'),
      bye: hangUp,
    });
    expect(promptsOf(r)).toEqual(['a[]b[]c[]d[]e[]', 'no queue']);
    expect(pathOf(r)).toEqual([
      'show → Success',
      'queue → Error: NoMatchingError',
      'failed → Success',
      'bye → End',
    ]);
  });

  it('reads $.FlowAttributes set earlier in the same flow', async () => {
    const r = await runActions(
      'set',
      {
        set: {
          Type: 'UpdateFlowAttributes',
          Parameters: { FlowAttributes: { greeting: { Value: 'Hi $.Attributes.n' } } },
          Next: 'greet',
        },
        greet: say('$.FlowAttributes.greeting!'),
        bye: hangUp,
      },
      { attributes: { n: 'Ken' } },
    );
    expect(promptsOf(r)).toEqual(['Hi Ken!']);
    expect(r.contact.Attributes).toEqual({ n: 'Ken' });
  });

  it('reads nested $.External values returned by a Lambda function', async () => {
    const r = await runActions(
      'lookup',
      {
        lookup: {
          Type: 'InvokeLambdaFunction',
          Parameters: {
            LambdaFunctionARN: CRM,
            ResponseValidation: { ResponseType: 'JSON' },
          },
          Next: 'greet',
          Errors: { NoMatchingError: 'bye' },
        },
        greet: say('Tier $.External.customer.tier, id $.External.customer.id, open $.External.open'),
        bye: hangUp,
      },
      { lambdas: { [CRM]: { customer: { tier: 'gold', id: 42 }, open: true } } },
    );
    expect(pathOf(r)).toEqual(['lookup → Success', 'greet → Success', 'bye → End']);
    expect(promptsOf(r)).toEqual(['Tier gold, id 42, open true']);
  });

  it('reads $.StoredCustomerInput after Store customer input, and does not persist it as an attribute', async () => {
    const r = await runActions(
      'ask',
      {
        ask: {
          Type: 'GetParticipantInput',
          Parameters: {
            Text: 'Account number?',
            StoreInput: 'True',
            InputTimeLimitSeconds: '5',
            InputValidation: { CustomValidation: { MaximumLength: '8' } },
          },
          Next: 'echo',
          Errors: { NoMatchingError: 'bye' },
        },
        echo: say('You entered $.StoredCustomerInput'),
        bye: hangUp,
      },
      { inputs: ['1234#'] },
    );
    expect(pathOf(r)).toEqual(['ask → Success', 'echo → Success', 'bye → End']);
    expect(promptsOf(r)).toEqual(['Account number?', 'You entered 1234']);
    expect(r.contact.Attributes).toEqual({});
  });

  it('reads $.Queue.Name and $.Queue.ARN of the working queue', async () => {
    const arn = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-support';
    const r = await runActions(
      'setQueue',
      {
        setQueue: {
          Type: 'UpdateContactTargetQueue',
          Parameters: { QueueId: arn },
          Next: 'tell',
          Errors: { NoMatchingError: 'bye' },
        },
        tell: say('Queue $.Queue.Name at $.Queue.ARN'),
        bye: hangUp,
      },
      {
        respond: (req) =>
          req.type === 'ResolveQueue'
            ? { ok: true, data: { queue: { Id: 'q-support', Name: 'Support', ARN: arn } } }
            : undefined,
      },
    );
    expect(pathOf(r)).toEqual(['setQueue → Success', 'tell → Success', 'bye → End']);
    expect(promptsOf(r)).toEqual([`Queue Support at ${arn}`]);
  });

  it('reads $.Metrics.* loaded by Get queue metrics', async () => {
    const r = await runActions(
      'metrics',
      {
        metrics: {
          Type: 'GetMetricData',
          Parameters: { QueueId: 'q-support' },
          Next: 'tell',
          Errors: { NoMatchingError: 'bye' },
        },
        tell: say(
          '$.Metrics.Queue.Size ahead, $.Metrics.Agents.Available.Count free, oldest $.Metrics.Queue.OldestContactAge',
        ),
        bye: hangUp,
      },
      {
        respond: (req) =>
          req.type === 'LoadMetrics'
            ? {
                ok: true,
                data: {
                  Queue: { Name: 'Support', Size: 3, OldestContactAge: 95 },
                  Agents: { Available: { Count: 2 } },
                },
              }
            : undefined,
      },
    );
    expect(pathOf(r)).toEqual(['metrics → Success', 'tell → Success', 'bye → End']);
    expect(promptsOf(r)).toEqual(['3 ahead, 2 free, oldest 95']);
  });

  it('reads $.Task.ContactId, the id of the task the last CreateTask made', async () => {
    const r = await runActions('task', {
      task: {
        Type: 'CreateTask',
        Parameters: { Name: 'Call back', ContactFlowId: 'task-flow' },
        Next: 'tell',
        Errors: { NoMatchingError: 'bye' },
      },
      tell: say('Task $.Task.ContactId created'),
      bye: hangUp,
    });
    expect(pathOf(r)).toEqual(['task → Success', 'tell → Success', 'bye → End']);
    expect(promptsOf(r)).toEqual([`Task ${r.tasks[0]?.contactId} created`]);
    expect(r.tasks[0]?.contactId).toBeTruthy();
  });

  it("reads a task's name, description, references and linked contact ids", () => {
    const contact = newContact({
      ContactId: 'task-2',
      InitialContactId: 'call-1',
      PreviousContactId: 'call-1',
      Channel: 'TASK',
      InitiationMethod: 'API',
      Name: 'Call back',
      Description: 'Customer pressed 2',
      References: { PhoneNumber: { Value: '+815012345678', Type: 'STRING' } },
    });
    const r = runOnContact(contact, 'copy', {
      copy: {
        Type: 'UpdateContactAttributes',
        Parameters: {
          Attributes: {
            previous: '$.PreviousContactId',
            initial: '$.InitialContactId',
            self: '$.ContactId',
            name: '$.Name',
            description: '$.Description',
            phone: '$.References.PhoneNumber.Value',
            phoneType: '$.References.PhoneNumber.Type',
            channel: '$.Channel',
            summary: '$.Name for $.References.PhoneNumber.Value',
          },
        },
      },
    });
    expect(r.status).toEqual({
      kind: 'ended',
      outcome: { type: 'disconnect', actionId: 'copy', reason: 'FlowEnded' },
    });
    expect(r.state.contact.Attributes).toEqual({
      previous: 'call-1',
      initial: 'call-1',
      self: 'task-2',
      name: 'Call back',
      description: 'Customer pressed 2',
      phone: '+815012345678',
      phoneType: 'STRING',
      channel: 'TASK',
      summary: 'Call back for +815012345678',
    });
  });
});

describe('conditions (reference §1.3)', () => {
  const compare = (operator: string, operand: string, value: string) =>
    runActions(
      'check',
      {
        check: {
          Type: 'Compare',
          Parameters: { ComparisonValue: '$.Attributes.v' },
          Conditions: [[operator, operand, 'yes']],
          Errors: { NoMatchingCondition: 'no' },
        },
        yes: hangUp,
        no: hangUp,
      },
      { attributes: { v: value } },
    );

  const cases: [string, string, string, boolean][] = [
    ['Equals', 'VOICE', 'VOICE', true],
    ['Equals', 'voice', 'VOICE', false],
    ['TextStartsWith', '+81', '+815012345678', true],
    ['TextStartsWith', '81', '+815012345678', false],
    ['TextEndsWith', '5678', '+815012345678', true],
    ['TextEndsWith', '+81', '+815012345678', false],
    ['TextContains', 'gold', 'vip-gold-2', true],
    ['TextContains', 'silver', 'vip-gold-2', false],
    ['NumberGreaterThan', '9', '10', true],
    ['NumberGreaterThan', '10', '10', false],
    ['NumberGreaterThan', '-1', '0', true],
    ['NumberGreaterThan', '0', 'abc', false],
    ['NumberGreaterOrEqualTo', '10', '10', true],
    ['NumberGreaterOrEqualTo', '10', '9.5', false],
    ['NumberLessThan', '10', '9', true],
    ['NumberLessThan', '2.5', '2.25', true],
    ['NumberLessThan', '300000', '300000', false],
    ['NumberLessOrEqualTo', '5', '5', true],
    ['NumberLessOrEqualTo', '5', '6', false],
  ];
  it.each(cases)('%s %s against %s → %s', async (operator, operand, value, holds) => {
    const r = await compare(operator, operand, value);
    expect(pathOf(r)).toEqual([
      holds ? `check → ${operator} ${operand}` : 'check → Error: NoMatchingCondition',
      `${holds ? 'yes' : 'no'} → End`,
    ]);
  });

  it('takes the first condition that holds, in array order', async () => {
    const r = await runActions(
      'check',
      {
        check: {
          Type: 'Compare',
          Parameters: { ComparisonValue: '$.Attributes.v' },
          Conditions: [
            ['NumberGreaterThan', '100', 'big'],
            ['NumberGreaterThan', '10', 'medium'],
            ['NumberGreaterThan', '0', 'small'],
          ],
          Errors: { NoMatchingCondition: 'none' },
        },
        big: hangUp,
        medium: hangUp,
        small: hangUp,
        none: hangUp,
      },
      { attributes: { v: '50' } },
    );
    expect(pathOf(r)).toEqual(['check → NumberGreaterThan 10', 'medium → End']);
  });

  it('takes the NoMatchingCondition error branch as the default, never NextAction (§10.1)', async () => {
    const r = await runActions('check', {
      check: {
        Type: 'Compare',
        Parameters: { ComparisonValue: '$.Channel' },
        Next: 'next',
        Conditions: [['CHAT', 'chat']],
        Errors: { NoMatchingCondition: 'default' },
      },
      chat: hangUp,
      next: hangUp,
      default: hangUp,
    });
    expect(pathOf(r)).toEqual(['check → Error: NoMatchingCondition', 'default → End']);
  });

  it('takes NoMatchingError when the specific error has no branch of its own', async () => {
    const r = await runActions('menu', {
      menu: {
        Type: 'GetParticipantInput',
        Parameters: { Text: 'Press 1', StoreInput: 'False', InputTimeLimitSeconds: '3' },
        Conditions: [['1', 'one']],
        Errors: { NoMatchingError: 'catchAll' },
      },
      one: hangUp,
      catchAll: hangUp,
    });
    expect(pathOf(r)).toEqual([
      'menu → Error: InputTimeLimitExceeded (NoMatchingError branch)',
      'catchAll → End',
    ]);
  });

  it('stops the flow when an error has no branch, or a transition names no action', async () => {
    const noBranch = await runActions('check', {
      check: {
        Type: 'Compare',
        Parameters: { ComparisonValue: '$.Channel' },
        Conditions: [['CHAT', 'chat']],
      },
      chat: hangUp,
    });
    expect(noBranch.outcome).toEqual({ type: 'error', actionId: 'check', error: 'NoMatchingCondition' });
    const dangling = await runActions('a', {
      a: {
        Type: 'UpdateFlowLoggingBehavior',
        Parameters: { FlowLoggingBehavior: 'Enabled' },
        Next: 'nowhere',
      },
    });
    expect(dangling.outcome).toMatchObject({ type: 'error', actionId: 'a' });
  });

  it('ends the flow at an empty NextAction (an unconnected block): an inbound caller is disconnected', async () => {
    const r = await runActions('a', {
      a: { Type: 'UpdateContactAttributes', Parameters: { Attributes: { x: '1' } }, Next: '' },
    });
    expect(pathOf(r)).toEqual(['a → Success']);
    expect(r.outcome).toEqual({ type: 'disconnected', reason: 'FlowEnded' });
  });
});
