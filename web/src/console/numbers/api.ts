/**
 * The console's phone-number operations: Connect's ListPhoneNumbersV2, ClaimPhoneNumber (any E.164 number: Tsunagi
 * has no carrier) and AssociatePhoneNumberContactFlow (an inbound flow, type CONTACT_FLOW, runs the calls).
 */
import { consoleCall } from '../../api/console.js';
import { listAll } from '../../api/console.js';

export interface PhoneNumberSummary {
  PhoneNumberId: string;
  PhoneNumberArn: string;
  PhoneNumber: string;
  PhoneNumberType: string;
  PhoneNumberCountryCode: string;
  PhoneNumberDescription?: string;
  /** The flow the number runs: Tsunagi's console API tells it (Connect's ListPhoneNumbersV2 does not). */
  ContactFlowId?: string;
}

export const numbersApi = {
  list: () => listAll<PhoneNumberSummary>('ListPhoneNumbersV2', 'ListPhoneNumbersSummaryList'),
  claim: (PhoneNumber: string, PhoneNumberDescription?: string) =>
    consoleCall<{ PhoneNumberId: string; PhoneNumberArn: string }>('ClaimPhoneNumber', {
      PhoneNumber,
      ...(PhoneNumberDescription && { PhoneNumberDescription }),
    }),
  bind: (PhoneNumberId: string, ContactFlowId: string) =>
    consoleCall<Record<string, never>>('AssociatePhoneNumberContactFlow', { PhoneNumberId, ContactFlowId }),
};
