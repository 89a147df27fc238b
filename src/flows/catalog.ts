import { ACTIONS } from './actions/index.js';
import type { ActionSpec } from './runtime/spec.js';

/**
 * Action types of the flow language that Tsunagi knows but does not run yet (they need services it does not
 * have: Cases, Customer Profiles, Voice ID, outbound campaigns...). At run time they take their error branch.
 */
export const KNOWN_NOT_RUN: ReadonlySet<string> = new Set([
  'AssociateContactToCustomerProfile',
  'AuthenticateParticipant',
  'CheckOutboundCallStatus',
  'CheckSegmentMembershipForCustomerProfile',
  'CheckVoiceId',
  'CompleteOutboundCall',
  'CreateCase',
  'CreateContact',
  'CreateCustomerProfile',
  'CreatePersistentContactAssociation',
  'CreateWisdomSession',
  'GetCalculatedAttributesForCustomerProfile',
  'GetCase',
  'GetCustomerProfile',
  'GetCustomerProfileObject',
  'RenderMessageTemplate',
  'ResumeContact',
  'StartOutboundChatContact',
  'StartOutboundEmailContact',
  'StartVoiceIdStream',
  'UpdateCase',
  'UpdateContactMediaProcessing',
  'UpdateCustomerProfile',
  'UpdateRoutingCriteria',
]);

export type ActionSupport = 'runs' | 'known-not-run' | 'unknown';

export function supportOf(type: string): ActionSupport {
  if (ACTIONS.has(type)) return 'runs';
  return KNOWN_NOT_RUN.has(type) ? 'known-not-run' : 'unknown';
}

export function specOf(type: string): ActionSpec | undefined {
  return ACTIONS.get(type);
}
