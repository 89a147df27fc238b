import { E164_PATTERN } from '../../core/index.js';
import { asBoolean, asNumber } from '../runtime/values.js';
import {
  ERR,
  HOLD,
  INBOUND,
  NOT_CHAT_TASK_EMAIL,
  QUEUE,
  TRANSFER,
  WHISPER,
  defineActions,
  type ActionContext,
  type Step,
} from '../runtime/spec.js';
import type { Waiting } from '../runtime/state.js';
import { validatePhoneInput } from './phone-input.js';

/** Reduces SSML to the words it speaks. */
export function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<break[^>]*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The prompt of a block (Text, SSML, PromptId or Media), as something a caller can be shown or hear. */
export function promptOf(
  ctx: ActionContext,
  params: Readonly<Record<string, unknown>> = ctx.action.parameters,
): { text: string; ssml: boolean } | undefined {
  if (params.Text !== undefined) return { text: ctx.resolve(params.Text), ssml: false };
  if (params.SSML !== undefined) return { text: ssmlToText(ctx.resolve(params.SSML)), ssml: true };
  if (params.PromptId !== undefined) return { text: `[prompt ${ctx.resolve(params.PromptId)}]`, ssml: false };
  if (params.Media !== undefined) return { text: '[audio]', ssml: false };
  return undefined;
}

function say(ctx: ActionContext, loop = false): void {
  const prompt = promptOf(ctx);
  if (!prompt) return;
  ctx.effects.push({
    type: 'prompt',
    actionId: ctx.action.id,
    text: prompt.text,
    ssml: prompt.ssml,
    ...(ctx.state.contact.TextToSpeechVoice && { voice: ctx.state.contact.TextToSpeechVoice }),
    ...(loop && { loop: true }),
  });
}

const seconds = (value: unknown, fallback: number): number => {
  const n = asNumber(value);
  return n !== undefined && n > 0 ? n : fallback;
};

interface InputConfig {
  stored: boolean;
  timeLimitMs: number;
  interdigitMs: number;
  terminator: string;
  cancelKey: boolean;
  maxLength: number;
}

function inputConfig(ctx: ActionContext): InputConfig {
  const p = ctx.action.parameters;
  const dtmf = (p.DTMFConfiguration ?? {}) as Record<string, unknown>;
  const validation = (p.InputValidation ?? {}) as Record<string, unknown>;
  const custom = (validation.CustomValidation ?? {}) as Record<string, unknown>;
  const terminator =
    typeof dtmf.InputTerminationSequence === 'string' && dtmf.InputTerminationSequence
      ? dtmf.InputTerminationSequence
      : '#';
  return {
    stored: asBoolean(p.StoreInput),
    timeLimitMs: seconds(p.InputTimeLimitSeconds, 5) * 1000,
    interdigitMs: seconds(dtmf.InterdigitTimeLimitSeconds, 5) * 1000,
    terminator,
    cancelKey: !asBoolean(dtmf.DisableCancelKey),
    maxLength: asNumber(custom.MaximumLength) ?? (validation.PhoneNumberValidation ? 20 : 20),
  };
}

/** Finishes a stored input: validation, then `$.StoredCustomerInput`. */
function finishStored(ctx: ActionContext, digits: string): Step {
  const validation = (ctx.action.parameters.InputValidation ?? {}) as Record<string, unknown>;
  const phone = validation.PhoneNumberValidation as Record<string, unknown> | undefined;
  if (phone) {
    const format = typeof phone.NumberFormat === 'string' ? phone.NumberFormat : 'E164';
    const country = typeof phone.CountryCode === 'string' ? phone.CountryCode : '';
    const e164 = validatePhoneInput(digits, format, country);
    if (!e164) {
      ctx.state.frame.storedCustomerInput = digits;
      return { kind: 'error', error: 'InvalidPhoneNumber' };
    }
    ctx.state.frame.storedCustomerInput = e164;
    return { kind: 'success' };
  }
  ctx.state.frame.storedCustomerInput = digits;
  return { kind: 'success' };
}

/** Feeds keys to a stored input: returns the finished step, or the wait that continues. */
function collect(
  ctx: ActionContext,
  config: InputConfig,
  wait: Waiting & { kind: 'input' },
  keys: string,
): Step {
  let digits = wait.digits;
  for (const key of keys) {
    if (config.cancelKey && key === '*') {
      digits = '';
      continue;
    }
    digits += key;
    if (digits.endsWith(config.terminator))
      return finishStored(ctx, digits.slice(0, -config.terminator.length));
    if (digits.length >= config.maxLength) return finishStored(ctx, digits);
  }
  return {
    kind: 'wait',
    wait: { ...wait, digits },
    timerMs: digits ? config.interdigitMs : config.timeLimitMs,
  };
}

export const participantActions = defineActions([
  {
    type: 'MessageParticipant',
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER, ...WHISPER],
    channels: { TASK: 'noop' },
    run(ctx) {
      say(ctx);
      return { kind: 'success' };
    },
  },
  {
    type: 'GetParticipantInput',
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER],
    channels: NOT_CHAT_TASK_EMAIL(),
    errors: ['InputTimeLimitExceeded', 'NoMatchingCondition', 'InvalidPhoneNumber'],
    conditions: true,
    run(ctx) {
      say(ctx);
      const config = inputConfig(ctx);
      return {
        kind: 'wait',
        wait: { kind: 'input', actionId: ctx.action.id, digits: '', stored: config.stored },
        timerMs: config.timeLimitMs,
      };
    },
    resume(ctx, wait, event) {
      if (wait.kind !== 'input') return { kind: 'error', error: ERR };
      const config = inputConfig(ctx);
      if (event.type === 'timer') {
        if (wait.stored && wait.digits) return finishStored(ctx, wait.digits);
        if (!wait.stored) return { kind: 'error', error: 'InputTimeLimitExceeded' };
        // Store customer input with nothing typed: the Success branch, with the value `Timeout` (block doc).
        ctx.state.frame.storedCustomerInput = 'Timeout';
        return { kind: 'success' };
      }
      if (event.type !== 'digits' || event.digits === '') return { kind: 'wait', wait, keepTimer: true };
      if (!wait.stored) return { kind: 'success', result: event.digits[0] ?? '' };
      return collect(ctx, config, wait, event.digits);
    },
  },
  {
    type: 'MessageParticipantIteratively',
    results: ['MessagesInterrupted'],
    flowTypes: [...QUEUE, ...HOLD, 'MODULE'],
    channels: NOT_CHAT_TASK_EMAIL(),
    conditions: true,
    run(ctx) {
      const messages = Array.isArray(ctx.action.parameters.Messages)
        ? (ctx.action.parameters.Messages as Record<string, unknown>[])
        : [];
      for (const m of messages) {
        const prompt = promptOf(ctx, m);
        if (prompt)
          ctx.effects.push({
            type: 'prompt',
            actionId: ctx.action.id,
            text: prompt.text,
            ssml: prompt.ssml,
            loop: true,
          });
      }
      const every = asNumber(ctx.action.parameters.InterruptFrequencySeconds);
      if (every !== undefined && every > 0)
        return { kind: 'wait', wait: { kind: 'interrupt', actionId: ctx.action.id }, timerMs: every * 1000 };
      return { kind: 'wait', wait: { kind: 'forever', actionId: ctx.action.id } };
    },
    resume(_ctx, wait, event) {
      if (wait.kind === 'interrupt' && event.type === 'timer')
        return { kind: 'success', result: 'MessagesInterrupted' };
      return { kind: 'wait', wait, keepTimer: true };
    },
  },
  {
    type: 'DisconnectParticipant',
    canFail: false,
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER],
    terminal: true,
    run: (ctx) => ({
      kind: 'end',
      outcome: { type: 'disconnect', actionId: ctx.action.id, reason: 'DisconnectParticipant' },
    }),
  },
  {
    type: 'EndFlowExecution',
    canFail: false,
    terminal: true,
    run(ctx) {
      const t = ctx.state.frame.flowType;
      return t === 'CONTACT_FLOW' || t === 'CAMPAIGN'
        ? {
            kind: 'end',
            outcome: { type: 'disconnect', actionId: ctx.action.id, reason: 'EndFlowExecution' },
          }
        : { kind: 'end', outcome: { type: 'resume', actionId: ctx.action.id } };
    },
  },
  {
    type: 'ConnectParticipantWithLexBot',
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER],
    channels: { TASK: { error: ERR } },
    errors: ['InputTimeLimitExceeded', 'NoMatchingCondition'],
    conditions: true,
    // Tsunagi has no language-understanding service to hand the caller to: the block takes its error branch.
    run: () => ({ kind: 'error', error: ERR }),
  },
  {
    type: 'ShowView',
    flowTypes: [...INBOUND, ...QUEUE],
    channels: { VOICE: { error: ERR }, TASK: { error: ERR }, EMAIL: { error: ERR } },
    errors: ['NoMatchingCondition', 'TimeLimitExceeded'],
    conditions: true,
    // On chat, no agent UI answers a view in Tsunagi yet: the time limit passes with no response.
    run: (ctx) => ({
      kind: 'wait',
      wait: { kind: 'wait', actionId: ctx.action.id },
      timerMs: seconds(ctx.action.parameters.InvocationTimeLimitSeconds, 300) * 1000,
    }),
    resume: (_ctx, wait, event) =>
      event.type === 'timer'
        ? { kind: 'error', error: 'TimeLimitExceeded' }
        : { kind: 'wait', wait, keepTimer: true },
  },
  {
    type: 'Wait',
    results: ['WaitCompleted'],
    channels: { VOICE: { error: ERR } },
    errors: ['ParticipantNotFound'],
    conditions: true,
    run(ctx) {
      const p = ctx.action.parameters;
      const limit = seconds(p.TimeLimitSeconds ?? p.TimeoutSeconds, 0);
      return { kind: 'wait', wait: { kind: 'wait', actionId: ctx.action.id }, timerMs: limit * 1000 };
    },
    resume: (_ctx, wait, event) =>
      event.type === 'timer'
        ? { kind: 'success', result: 'WaitCompleted' }
        : { kind: 'wait', wait, keepTimer: true },
  },
  {
    type: 'TransferParticipantToThirdParty',
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER],
    channels: NOT_CHAT_TASK_EMAIL(),
    run(ctx) {
      const number = ctx.single('ThirdPartyPhoneNumber');
      if (!E164_PATTERN.test(number)) return { kind: 'error', error: ERR };
      return {
        kind: 'end',
        outcome: {
          type: 'transferToPhoneNumber',
          actionId: ctx.action.id,
          phoneNumber: number,
          continueFlow: asBoolean(ctx.action.parameters.ContinueFlowExecution),
        },
      };
    },
  },
]);
