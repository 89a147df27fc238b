/**
 * Voice calls through a channel (the web phone, the scripted caller): a call to a claimed number runs the number's
 * inbound flow; keys go to the flow that waits for them; the caller hangs up.
 */
import { invalidParameter, invalidRequest, notFound, resourceArn, E164_PATTERN } from '../core/index.js';
import type { Contact } from '../store/ports/index.js';
import { appendEvent, insertContact, type Tx } from './live.js';
import { disconnect } from './lifecycle.js';
import { resumeFlow, startFlow } from './flow-host.js';
import { hostStateOf } from './host-state.js';

/** A call arrives from `from` to the instance's number `to`: a VOICE contact (INBOUND) in the number's flow. */
export async function dial(tx: Tx, from: string, to: string): Promise<Contact> {
  const { live, repos } = tx;
  if (!E164_PATTERN.test(from))
    throw invalidParameter('From', 'is not an E.164 phone number (+ and 2-15 digits)');
  const number = await repos.phoneNumbers.findByNumber(to);
  if (!number || number.InstanceId !== live.instanceId) throw notFound('Phone number', to, 'PhoneNumber');
  if (!number.ContactFlowId) throw invalidRequest(`phone number ${to} has no flow: associate one first`);
  const id = live.deps.ids.next();
  const contact: Contact = {
    InstanceId: live.instanceId,
    Id: id,
    Arn: resourceArn(live.deps.arns, live.instanceId, 'contact', id),
    Channel: 'VOICE',
    InitiationMethod: 'INBOUND',
    State: 'IN_FLOW',
    InitialContactId: id,
    InitiationTimestamp: tx.now,
    LastUpdateTimestamp: tx.now,
    TransferCount: 0,
    RescheduleCount: 0,
    CustomerEndpoint: { Type: 'TELEPHONE_NUMBER', Address: from },
    SystemEndpoint: { Type: 'TELEPHONE_NUMBER', Address: to },
    Attributes: {},
    References: {},
    SegmentAttributes: {},
    Tags: {},
    ContactFlowId: number.ContactFlowId,
  };
  await insertContact(tx, contact);
  await appendEvent(tx, id, 'INITIATED', { InitiationMethod: 'INBOUND', From: from, To: to });
  await startFlow(tx, contact, 'main', number.ContactFlowId);
  return contact;
}

function activeCall(tx: Tx, contactId: string): Contact {
  const contact = tx.live.contacts.get(contactId);
  if (!contact || contact.Channel !== 'VOICE') throw notFound('Call', contactId, 'ContactId');
  return contact;
}

/** DTMF keys from the caller: to the flow waiting for them (the inbound flow, or the customer queue flow). */
export async function sendDigits(tx: Tx, contactId: string, digits: string): Promise<void> {
  if (!/^[0-9*#]{1,64}$/.test(digits))
    throw invalidParameter('Digits', 'holds only 0-9, * and # (1 to 64 of them)');
  const contact = activeCall(tx, contactId);
  const host = hostStateOf(contact);
  const slot = host?.main ? 'main' : host?.queue ? 'queue' : undefined;
  await appendEvent(tx, contactId, 'DTMF', { Digits: digits });
  if (slot) await resumeFlow(tx, contact, slot, { type: 'digits', digits });
}

/** The caller hangs up: in a flow or a queue the contact ends; with an agent, the agent goes to after-contact work. */
export async function hangUp(tx: Tx, contactId: string): Promise<void> {
  const contact = activeCall(tx, contactId);
  await disconnect(tx, contact, 'CUSTOMER_DISCONNECT');
}
