import { describe, expect, it } from 'vitest';
import { pathOf, promptsOf, runActions, type TestAction } from '../support/flows.js';

// Reference §5.1 (prompts and input), §3 (flow types and channels), §6 (ShowView), §5.3 (Transfer to phone number).

const hangUp: TestAction = { Type: 'DisconnectParticipant' };
const say = (text: string, next = 'bye'): TestAction => ({
  Type: 'MessageParticipant',
  Parameters: { Text: text },
  Next: next,
});

describe('MessageParticipant (Play prompt)', () => {
  it('plays Text with embedded paths, and SSML reduced to the words it speaks', async () => {
    const r = await runActions(
      'text',
      {
        text: say('Welcome to $.Attributes.brand.', 'ssml'),
        ssml: {
          Type: 'MessageParticipant',
          Parameters: { SSML: '<speak>Calls are <break time="1s"/>recorded &amp; monitored.</speak>' },
          Next: 'plain',
          Errors: { NoMatchingError: 'bye' },
        },
        plain: { Type: 'MessageParticipant', Parameters: { SSML: 'No speak wrapper here' }, Next: 'bye' },
        bye: hangUp,
      },
      { attributes: { brand: 'Tsunagi' } },
    );
    expect(pathOf(r)).toEqual(['text → Success', 'ssml → Success', 'plain → Success', 'bye → End']);
    expect(promptsOf(r)).toEqual([
      'Welcome to Tsunagi.',
      'Calls are recorded & monitored.',
      'No speak wrapper here',
    ]);
  });

  it('succeeds without effect on a task', async () => {
    const r = await runActions(
      'p',
      { p: { ...say('Hello'), Errors: { NoMatchingError: 'err' } }, bye: hangUp, err: hangUp },
      { channel: 'TASK' },
    );
    expect(pathOf(r)).toEqual(['p → Success', 'bye → End']);
    expect(promptsOf(r)).toEqual([]);
  });

  it('sends Text to a chat', async () => {
    const r = await runActions('p', { p: say('Hi there'), bye: hangUp }, { channel: 'CHAT' });
    expect(pathOf(r)).toEqual(['p → Success', 'bye → End']);
    expect(promptsOf(r)).toEqual(['Hi there']);
  });

  it('is not allowed in a hold flow: error branch', async () => {
    const r = await runActions(
      'p',
      {
        p: { ...say('Hold on'), Errors: { NoMatchingError: 'end' } },
        bye: hangUp,
        end: { Type: 'EndFlowExecution' },
      },
      { type: 'CUSTOMER_HOLD' },
    );
    expect(pathOf(r)).toEqual(['p → Error: NoMatchingError', 'end → End']);
    expect(promptsOf(r)).toEqual([]);
  });
});

describe('MessageParticipantIteratively (Loop prompts)', () => {
  const loop = (extra: Record<string, unknown> = {}): Record<string, TestAction> => ({
    loop: {
      Type: 'MessageParticipantIteratively',
      Parameters: {
        Messages: [{ Text: 'Please hold.' }, { SSML: '<speak>Your call matters.</speak>' }],
        ...extra,
      },
      Conditions: [['MessagesInterrupted', 'offer']],
      Errors: { NoMatchingError: 'err' },
    },
    offer: say('Still there?', 'end'),
    end: { Type: 'EndFlowExecution' },
    err: { Type: 'EndFlowExecution' },
  });

  it('completes with MessagesInterrupted every InterruptFrequencySeconds in a customer queue flow', async () => {
    const r = await runActions('loop', loop({ InterruptFrequencySeconds: '30' }), { type: 'CUSTOMER_QUEUE' });
    expect(pathOf(r)).toEqual(['loop → Equals MessagesInterrupted', 'offer → Success', 'end → End']);
    expect(r.seconds).toBe(30);
    expect(promptsOf(r)).toEqual(['Please hold.', 'Your call matters.', 'Still there?']);
    expect(r.outcome).toMatchObject({ type: 'ended', detail: expect.stringMatching(/Resume/) as unknown });
  });

  it('never completes on its own without InterruptFrequencySeconds', async () => {
    const r = await runActions('loop', loop(), { type: 'CUSTOMER_QUEUE' });
    expect(pathOf(r)).toEqual([]);
    expect(promptsOf(r)).toEqual(['Please hold.', 'Your call matters.']);
    expect(r.outcome.type).toBe('ended');
  });

  it.each(['TASK', 'CHAT'] as const)('takes the error branch at once on %s', async (channel) => {
    const r = await runActions('loop', loop({ InterruptFrequencySeconds: '30' }), {
      type: 'CUSTOMER_QUEUE',
      channel,
    });
    expect(pathOf(r)).toEqual(['loop → Error: NoMatchingError', 'err → End']);
    expect(r.seconds).toBe(0);
    expect(promptsOf(r)).toEqual([]);
  });

  it('is not allowed in an inbound flow: error branch', async () => {
    const r = await runActions('loop', { ...loop({ InterruptFrequencySeconds: '30' }), err: hangUp });
    expect(pathOf(r)).toEqual(['loop → Error: NoMatchingError', 'err → End']);
  });
});

describe('GetParticipantInput (Get customer input: one DTMF key)', () => {
  const menu: Record<string, TestAction> = {
    menu: {
      Type: 'GetParticipantInput',
      Parameters: { Text: 'Press 1, 2, * or #', StoreInput: 'False', InputTimeLimitSeconds: '7' },
      Conditions: [
        ['1', 'one'],
        ['2', 'two'],
        ['*', 'star'],
        ['#', 'hash'],
      ],
      Errors: { NoMatchingCondition: 'other', InputTimeLimitExceeded: 'timeout', NoMatchingError: 'err' },
    },
    one: hangUp,
    two: hangUp,
    star: hangUp,
    hash: hangUp,
    other: hangUp,
    timeout: hangUp,
    err: hangUp,
  };

  it.each([
    ['2', 'menu → Equals 2', 'two → End'],
    ['21', 'menu → Equals 2', 'two → End'],
    ['*', 'menu → Equals *', 'star → End'],
    ['#', 'menu → Equals #', 'hash → End'],
    ['7', 'menu → Error: NoMatchingCondition', 'other → End'],
  ])('key(s) %s → %s', async (keys, first, second) => {
    const r = await runActions('menu', menu, { inputs: [keys] });
    expect(pathOf(r)).toEqual([first, second]);
    expect(promptsOf(r)).toEqual(['Press 1, 2, * or #']);
  });

  it('takes InputTimeLimitExceeded after InputTimeLimitSeconds with no key', async () => {
    const r = await runActions('menu', menu);
    expect(pathOf(r)).toEqual(['menu → Error: InputTimeLimitExceeded', 'timeout → End']);
    expect(r.seconds).toBe(7);
  });

  it.each(['TASK', 'CHAT'] as const)(
    'takes the error branch on %s (chat input needs Lex)',
    async (channel) => {
      const r = await runActions('menu', menu, { channel, inputs: ['1'] });
      expect(pathOf(r)).toEqual(['menu → Error: NoMatchingError', 'err → End']);
    },
  );

  it('is not allowed in a whisper flow: error branch', async () => {
    const r = await runActions(
      'menu',
      { ...menu, err: { Type: 'EndFlowExecution' } },
      { type: 'CUSTOMER_WHISPER', inputs: ['1'] },
    );
    expect(pathOf(r)).toEqual(['menu → Error: NoMatchingError', 'err → End']);
  });
});

describe('GetParticipantInput with StoreInput (Store customer input)', () => {
  const store = (params: Record<string, unknown>): Record<string, TestAction> => ({
    ask: {
      Type: 'GetParticipantInput',
      Parameters: { Text: 'Enter digits', StoreInput: 'True', InputTimeLimitSeconds: '6', ...params },
      Next: 'echo',
      Errors: { InvalidPhoneNumber: 'invalid', InputTimeLimitExceeded: 'timeout', NoMatchingError: 'err' },
    },
    echo: say('[$.StoredCustomerInput]'),
    invalid: say('invalid'),
    timeout: say('timeout'),
    err: say('error'),
    bye: hangUp,
  });
  const stored = async (params: Record<string, unknown>, keys: string[]) => {
    const r = await runActions('ask', store(params), { inputs: keys });
    return { path: pathOf(r), said: promptsOf(r).slice(1), seconds: r.seconds };
  };
  const maxFour = { InputValidation: { CustomValidation: { MaximumLength: '4' } } };

  it('ends the input at # and stores the digits before it', async () => {
    expect(await stored(maxFour, ['12#'])).toMatchObject({
      path: ['ask → Success', 'echo → Success', 'bye → End'],
      said: ['[12]'],
    });
  });

  it('ends the input when the maximum number of digits is reached', async () => {
    expect(await stored(maxFour, ['123456'])).toMatchObject({ said: ['[1234]'], seconds: 0 });
  });

  it('ends the input at a custom termination sequence', async () => {
    const params = {
      ...maxFour,
      DTMFConfiguration: { InputTerminationSequence: '*', DisableCancelKey: 'True' },
    };
    expect((await stored(params, ['12*'])).said).toEqual(['[12]']);
  });

  it('clears what was typed at *, unless the cancel key is disabled', async () => {
    expect((await stored(maxFour, ['12*34#'])).said).toEqual(['[34]']);
    const noCancel = { ...maxFour, DTMFConfiguration: { DisableCancelKey: 'True' } };
    expect((await stored(noCancel, ['1*3#'])).said).toEqual(['[1*3]']);
  });

  it('ends the input after the inter-digit time limit when no terminator comes', async () => {
    const params = { ...maxFour, DTMFConfiguration: { InterdigitTimeLimitSeconds: '3' } };
    expect(await stored(params, ['12'])).toMatchObject({
      path: ['ask → Success', 'echo → Success', 'bye → End'],
      said: ['[12]'],
      seconds: 3,
    });
  });

  it('parses StoreInput leniently ("true")', async () => {
    const r = await runActions(
      'ask',
      {
        ...store(maxFour),
        ask: { ...store(maxFour).ask, Parameters: { Text: 'x', StoreInput: 'true', ...maxFour } },
      } as Record<string, TestAction>,
      { inputs: ['9#'] },
    );
    expect(promptsOf(r)).toEqual(['x', '[9]']);
  });

  describe('phone number validation', () => {
    const local = (country: string) => ({
      InputValidation: { PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: country } },
    });
    const e164 = { InputValidation: { PhoneNumberValidation: { NumberFormat: 'E164' } } };

    it.each([
      [local('US'), '2065550100#', '+12065550100'],
      [local('JP'), '09012345678#', '+819012345678'],
      [e164, '815012345678#', '+815012345678'],
      [e164, '442071234567#', '+442071234567'],
    ])('stores a valid number in E.164 (%j, %s)', async (params, keys, e164Number) => {
      expect(await stored(params, [keys])).toMatchObject({
        path: ['ask → Success', 'echo → Success', 'bye → End'],
        said: [`[${e164Number}]`],
      });
    });

    it.each([
      [local('US'), '12345#'],
      [local('US'), '0065550100#'],
      [e164, '0123#'],
    ])('takes InvalidPhoneNumber for an invalid number (%j, %s)', async (params, keys) => {
      expect((await stored(params, [keys])).path).toEqual([
        'ask → Error: InvalidPhoneNumber',
        'invalid → Success',
        'bye → End',
      ]);
    });
  });

  // Store customer input block doc (cited by reference §2.2): no input → Success branch, $.StoredCustomerInput is "Timeout".
  it('on timeout with nothing typed, stores the value Timeout and takes the Success branch', async () => {
    expect(await stored(maxFour, [])).toMatchObject({
      path: ['ask → Success', 'echo → Success', 'bye → End'],
      said: ['[Timeout]'],
      seconds: 6,
    });
  });

  it.each(['TASK', 'CHAT'] as const)('takes the error branch on %s', async (channel) => {
    const r = await runActions('ask', store(maxFour), { channel, inputs: ['12#'] });
    expect(pathOf(r)).toEqual(['ask → Error: NoMatchingError', 'err → Success', 'bye → End']);
  });
});

describe('DisconnectParticipant and EndFlowExecution', () => {
  it('Disconnect ends an inbound contact, and removes a waiting caller in a customer queue flow', async () => {
    for (const type of ['CONTACT_FLOW', 'CUSTOMER_QUEUE'] as const) {
      const r = await runActions('bye', { bye: hangUp }, { type });
      expect(pathOf(r)).toEqual(['bye → End']);
      expect(r.outcome).toEqual({ type: 'disconnected', reason: 'DisconnectParticipant' });
    }
  });

  it('End flow disconnects in an inbound flow', async () => {
    const r = await runActions('end', { end: { Type: 'EndFlowExecution' } });
    expect(pathOf(r)).toEqual(['end → End']);
    expect(r.outcome).toEqual({ type: 'disconnected', reason: 'EndFlowExecution' });
  });

  it.each(['CUSTOMER_QUEUE', 'CUSTOMER_WHISPER'] as const)(
    'End flow resumes the contact in a %s flow',
    async (type) => {
      const r = await runActions('end', { end: { Type: 'EndFlowExecution' } }, { type });
      expect(pathOf(r)).toEqual(['end → End']);
      expect(r.outcome).toMatchObject({ type: 'ended', detail: expect.stringMatching(/Resume/) as unknown });
    },
  );
});

describe('ShowView', () => {
  const view: Record<string, TestAction> = {
    view: {
      Type: 'ShowView',
      Parameters: {
        ViewResource: { Id: 'confirmation', Version: 'Latest' },
        InvocationTimeLimitSeconds: '30',
        ViewData: { Heading: 'Done' },
      },
      Conditions: [['Next', 'next']],
      Errors: { NoMatchingCondition: 'err', TimeLimitExceeded: 'late', NoMatchingError: 'err' },
    },
    next: hangUp,
    late: hangUp,
    err: hangUp,
  };

  it.each(['VOICE', 'TASK'] as const)('takes the error branch on %s', async (channel) => {
    const r = await runActions('view', view, { channel });
    expect(pathOf(r)).toEqual(['view → Error: NoMatchingError', 'err → End']);
  });

  it('takes TimeLimitExceeded on chat when nobody answers the view in time', async () => {
    const r = await runActions('view', view, { channel: 'CHAT' });
    expect(pathOf(r)).toEqual(['view → Error: TimeLimitExceeded', 'late → End']);
    expect(r.seconds).toBe(30);
  });
});

describe('TransferParticipantToThirdParty (Transfer to phone number)', () => {
  const transfer = (number: string): Record<string, TestAction> => ({
    out: {
      Type: 'TransferParticipantToThirdParty',
      Parameters: {
        ThirdPartyPhoneNumber: number,
        ThirdPartyConnectionTimeLimitSeconds: '60',
        ContinueFlowExecution: 'False',
      },
      Errors: { NoMatchingError: 'err' },
    },
    err: say('cannot transfer'),
    bye: hangUp,
  });

  it('sends a caller to an external number, from a path', async () => {
    const r = await runActions('out', transfer('$.Attributes.escalation'), {
      attributes: { escalation: '+14155550100' },
    });
    expect(pathOf(r)).toEqual(['out → End']);
    expect(r.outcome).toEqual({ type: 'transferred', to: '+14155550100' });
  });

  it('is allowed in a customer queue flow', async () => {
    const r = await runActions('out', transfer('+14155550100'), { type: 'CUSTOMER_QUEUE' });
    expect(r.outcome).toEqual({ type: 'transferred', to: '+14155550100' });
  });

  it('takes the error branch for a number that is not E.164, and on a task', async () => {
    expect(pathOf(await runActions('out', transfer('4155550100')))).toEqual([
      'out → Error: NoMatchingError',
      'err → Success',
      'bye → End',
    ]);
    expect(pathOf(await runActions('out', transfer('+14155550100'), { channel: 'TASK' }))).toEqual([
      'out → Error: NoMatchingError',
      'err → Success',
      'bye → End',
    ]);
  });
});
