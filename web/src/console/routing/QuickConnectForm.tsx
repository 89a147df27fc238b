/**
 * A new quick connect (CreateQuickConnect) of each type: USER (a user and a flow of type AGENT_TRANSFER), QUEUE
 * (a queue and a flow of type QUEUE_TRANSFER) or PHONE_NUMBER (an E.164 number). The server's refusal is shown
 * on the form; the page shows the new one's task warnings (rule X2) right away.
 */
import { useState, type FormEvent } from 'react';
import {
  routingApi,
  type QuickConnectConfig,
  type QuickConnectType,
  type Summary,
} from '../../api/console-routing.js';
import { ErrorMessage, useAction } from '../../errors.js';
import { useRoutingT } from './messages.js';

type CreatableType = Exclude<QuickConnectType, 'FLOW'>;
const TYPES: readonly CreatableType[] = ['USER', 'QUEUE', 'PHONE_NUMBER'];
const FLOW_TYPE = { USER: 'AGENT_TRANSFER', QUEUE: 'QUEUE_TRANSFER' } as const;

export interface Choices {
  users: { Id: string; Username: string }[];
  queues: Summary[];
  flows: (Summary & { ContactFlowType?: string })[];
}

interface Props {
  choices: Choices;
  onClose: () => void;
  onCreated: (name: string, quickConnectId: string) => void;
}

export function QuickConnectForm({ choices, onClose, onCreated }: Props) {
  const tr = useRoutingT();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [type, setType] = useState<CreatableType>('QUEUE');
  const [target, setTarget] = useState('');
  const [flowId, setFlowId] = useState('');
  const [number, setNumber] = useState('');
  const { busy, error, run } = useAction();

  const configOf = (): QuickConnectConfig => {
    switch (type) {
      case 'USER':
        return { QuickConnectType: type, UserConfig: { UserId: target, ContactFlowId: flowId } };
      case 'QUEUE':
        return { QuickConnectType: type, QueueConfig: { QueueId: target, ContactFlowId: flowId } };
      case 'PHONE_NUMBER':
        return { QuickConnectType: type, PhoneConfig: { PhoneNumber: number.trim() } };
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const created = await routingApi.createQuickConnect({
        Name: name.trim(),
        ...(description.trim() && { Description: description.trim() }),
        QuickConnectConfig: configOf(),
      });
      onCreated(name.trim(), created.QuickConnectId);
    });
  };

  const chooseType = (value: string) => {
    const next = TYPES.find((x) => x === value);
    if (!next) return;
    setType(next);
    setTarget('');
    setFlowId('');
  };
  const flows =
    type === 'PHONE_NUMBER' ? [] : choices.flows.filter((f) => f.ContactFlowType === FLOW_TYPE[type]);
  const targets =
    type === 'USER'
      ? choices.users.map((u) => ({ id: u.Id, label: u.Username }))
      : choices.queues.map((q) => ({ id: q.Id, label: q.Name }));

  return (
    <form
      className="card editor routing-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="qc-form-title"
      noValidate
    >
      <h3 id="qc-form-title">{tr('qc.new')}</h3>
      <div className="editor-grid">
        <label htmlFor="qc-name">{tr('common.name')}</label>
        <input id="qc-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="qc-description">
          {tr('common.description')} <span className="tag">{tr('common.optional')}</span>
        </label>
        <input id="qc-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        <label htmlFor="qc-type">{tr('qc.type')}</label>
        <select id="qc-type" value={type} onChange={(e) => chooseType(e.target.value)}>
          {TYPES.map((x) => (
            <option key={x} value={x}>
              {tr(`qc.${x}`)}
            </option>
          ))}
        </select>
        {type === 'PHONE_NUMBER' ? (
          <>
            <label htmlFor="qc-number">{tr('qc.number')}</label>
            <div>
              <input
                id="qc-number"
                type="tel"
                value={number}
                aria-describedby="qc-number-help"
                onChange={(e) => setNumber(e.target.value)}
              />
              <p className="help" id="qc-number-help">
                {tr('qc.numberHelp')}
              </p>
            </div>
          </>
        ) : (
          <>
            <label htmlFor="qc-target">{tr(type === 'USER' ? 'qc.user' : 'qc.queue')}</label>
            <select id="qc-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{tr('common.choose')}</option>
              {targets.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label}
                </option>
              ))}
            </select>
            <label htmlFor="qc-flow">{tr('qc.flow')}</label>
            <div>
              <select
                id="qc-flow"
                value={flowId}
                aria-describedby="qc-flow-help"
                onChange={(e) => setFlowId(e.target.value)}
              >
                <option value="">{tr('common.choose')}</option>
                {flows.map((f) => (
                  <option key={f.Id} value={f.Id}>
                    {f.Name}
                  </option>
                ))}
              </select>
              <p className="help" id="qc-flow-help">
                {tr(type === 'USER' ? 'qc.flowHelpUSER' : 'qc.flowHelpQUEUE')}
              </p>
            </div>
          </>
        )}
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tr('common.saving') : tr('qc.create')}
        </button>
        <button type="button" onClick={onClose}>
          {tr('common.cancel')}
        </button>
      </div>
    </form>
  );
}
