import {
  ATTRIBUTE_KEY,
  E164_PATTERN,
  MAX_ATTRIBUTE_BYTES,
  attributeBytes,
  isRecord,
} from '../../core/index.js';
import { asBoolean, asNumber, resolveMap } from '../runtime/values.js';
import {
  ERR,
  INBOUND,
  NOT_CHAT_TASK_EMAIL,
  QUEUE,
  TRANSFER,
  WHISPER,
  defineActions,
  type ActionContext,
  type Step,
} from '../runtime/spec.js';

/** Sets contact attributes all or nothing: a bad key or going over 32 KB changes nothing and is an error. */
function setAttributes(ctx: ActionContext, values: Record<string, string>): Step {
  const target = ctx.text('TargetContact') || 'Current';
  if (target !== 'Current') return { kind: 'error', error: ERR };
  if (Object.keys(values).some((k) => !ATTRIBUTE_KEY.test(k))) return { kind: 'error', error: ERR };
  const next = { ...ctx.state.contact.Attributes, ...values };
  if (attributeBytes(next) > MAX_ATTRIBUTE_BYTES) return { kind: 'error', error: ERR };
  ctx.state.contact.Attributes = next;
  ctx.effects.push({ type: 'attributes', actionId: ctx.action.id, changed: values });
  return { kind: 'success' };
}

const success: Step = { kind: 'success' };

const EVENT_HOOKS = new Set([
  'CustomerQueue',
  'CustomerHold',
  'AgentHold',
  'CustomerWhisper',
  'AgentWhisper',
  'CustomerRemaining',
  'DefaultAgentUI',
  'DisconnectAgentUI',
  'PauseContact',
  'ResumeContact',
]);

export const dataActions = defineActions([
  {
    type: 'UpdateContactAttributes',
    run: (ctx) => setAttributes(ctx, resolveMap(ctx.action.parameters.Attributes, ctx.state)),
  },
  {
    type: 'UpdateFlowAttributes',
    canFail: false,
    run(ctx) {
      const raw = ctx.action.parameters.FlowAttributes;
      if (!isRecord(raw)) return { kind: 'error', error: ERR };
      for (const [k, v] of Object.entries(raw))
        ctx.state.frame.flowAttributes[k] = ctx.resolve(isRecord(v) && 'Value' in v ? v.Value : v);
      return success;
    },
  },
  {
    type: 'UpdateContactData',
    run(ctx) {
      const p = ctx.action.parameters;
      const c = ctx.state.contact;
      if ((ctx.text('TargetContact') || 'Current') !== 'Current') return { kind: 'error', error: ERR };
      if (p.Name !== undefined) c.Name = ctx.template('Name');
      if (p.Description !== undefined) c.Description = ctx.template('Description');
      if (p.LanguageCode !== undefined) c.LanguageCode = ctx.single('LanguageCode');
      if (p.CustomerId !== undefined) c.CustomerId = ctx.single('CustomerId');
      if (isRecord(p.References))
        for (const [k, v] of Object.entries(p.References)) {
          const ref = isRecord(v) ? v : { Value: v, Type: 'STRING' };
          c.References[k] = {
            Value: ctx.resolve(ref.Value),
            Type: typeof ref.Type === 'string' ? ref.Type : 'STRING',
          };
        }
      return success;
    },
  },
  {
    type: 'Compare',
    canFail: false,
    conditions: true,
    run: (ctx) => ({ kind: 'success', result: ctx.single('ComparisonValue') }),
  },
  {
    type: 'TagContact',
    run(ctx) {
      Object.assign(ctx.state.contact.Tags, resolveMap(ctx.action.parameters.Tags, ctx.state));
      return success;
    },
  },
  {
    type: 'UnTagContact',
    run(ctx) {
      const keys = ctx.action.parameters.TagKeys;
      for (const k of Array.isArray(keys) ? keys : []) delete ctx.state.contact.Tags[String(k)];
      return success;
    },
  },
  {
    type: 'UpdateFlowLoggingBehavior',
    canFail: false,
    run(ctx) {
      ctx.state.contact.FlowLogging = ctx.text('FlowLoggingBehavior') === 'Enabled';
      return success;
    },
  },
  {
    type: 'UpdateContactRecordingBehavior',
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER, 'OUTBOUND_WHISPER'],
    channels: { TASK: { error: ERR } },
    run(ctx) {
      ctx.state.contact.RecordingBehavior = ctx.action.parameters.RecordingBehavior;
      if (ctx.action.parameters.AnalyticsBehavior !== undefined)
        ctx.state.contact.AnalyticsBehavior = ctx.action.parameters.AnalyticsBehavior;
      return success;
    },
  },
  {
    type: 'UpdateContactRecordingAndAnalyticsBehavior',
    channels: { TASK: { error: ERR } },
    errors: ['ChannelMismatch'],
    run(ctx) {
      ctx.state.contact.RecordingBehavior = ctx.action.parameters;
      return success;
    },
  },
  {
    type: 'UpdateContactTextToSpeechVoice',
    channels: { CHAT: 'noop', TASK: 'noop', EMAIL: 'noop' },
    run(ctx) {
      const c = ctx.state.contact;
      c.TextToSpeechVoice = ctx.single('TextToSpeechVoice') || c.TextToSpeechVoice;
      if (ctx.action.parameters.TextToSpeechEngine !== undefined)
        c.TextToSpeechEngine = ctx.single('TextToSpeechEngine');
      if (ctx.action.parameters.TextToSpeechStyle !== undefined)
        c.TextToSpeechStyle = ctx.single('TextToSpeechStyle');
      return success;
    },
  },
  {
    type: 'UpdateContactMediaStreamingBehavior',
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER, ...WHISPER],
    channels: NOT_CHAT_TASK_EMAIL(),
    run(ctx) {
      ctx.state.contact.MediaStreaming = ctx.text('MediaStreamingState') === 'Enabled';
      return success;
    },
  },
  {
    type: 'UpdatePreviousContactParticipantState',
    flowTypes: [...INBOUND, ...TRANSFER, 'OUTBOUND_WHISPER'],
    channels: NOT_CHAT_TASK_EMAIL(),
    run: () => success,
  },
  {
    type: 'UpdateContactRoutingBehavior',
    flowTypes: INBOUND,
    run(ctx) {
      const priority = asNumber(ctx.single('QueuePriority'));
      const age = asNumber(ctx.single('QueueTimeAdjustmentSeconds'));
      if (priority === undefined && age === undefined) return { kind: 'error', error: ERR };
      if (priority !== undefined) {
        if (!Number.isInteger(priority) || priority < 1) return { kind: 'error', error: ERR };
        ctx.state.contact.QueuePriority = priority;
      }
      if (age !== undefined) ctx.state.contact.QueueTimeAdjustmentSeconds = age;
      return success;
    },
  },
  {
    type: 'UpdateContactCallbackNumber',
    flowTypes: [...INBOUND, ...QUEUE, ...TRANSFER],
    channels: NOT_CHAT_TASK_EMAIL('InvalidCallbackNumber'),
    errors: ['InvalidCallbackNumber', 'CallbackNumberNotDialable'],
    run(ctx) {
      const raw = ctx.text('CallbackNumber');
      if (!raw.startsWith('$.')) return { kind: 'error', error: 'InvalidCallbackNumber' };
      const number = ctx.single('CallbackNumber');
      if (!E164_PATTERN.test(number)) return { kind: 'error', error: 'InvalidCallbackNumber' };
      ctx.state.contact.CallbackNumber = number;
      return success;
    },
  },
  {
    type: 'UpdateContactEventHooks',
    run(ctx) {
      const hooks = ctx.action.parameters.EventHooks;
      if (!isRecord(hooks) || Object.keys(hooks).length === 0) return { kind: 'error', error: ERR };
      const config = isRecord(ctx.action.parameters.EventHooksConfiguration)
        ? ctx.action.parameters.EventHooksConfiguration
        : {};
      for (const [hook, value] of Object.entries(hooks)) {
        if (!EVENT_HOOKS.has(hook)) return { kind: 'error', error: ERR };
        const hookConfig = config[hook];
        if (isRecord(hookConfig) && asBoolean(hookConfig.DisableExecution)) {
          delete ctx.state.contact.EventHooks[hook];
          continue;
        }
        const flowId = ctx.resolve(value);
        if (!flowId) return { kind: 'error', error: ERR };
        ctx.state.contact.EventHooks[hook] = flowId;
      }
      return success;
    },
  },
]);
