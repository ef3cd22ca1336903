import type {
  AddressExport,
  ErasureReport,
  PrivacyRequester,
  PrivacySubject,
  UserExport,
} from '../guardian/privacy/index.js';

/**
 * Export and erasure of what is kept about an address or a user, as the control plane offers them. Each call
 * appends its own audit entry. A refusal the caller can fix (not an address, no such user, the last admin)
 * is a PrivacyError; anything else is a fault.
 */
export interface PrivacyControl {
  exportSubject(subject: PrivacySubject, by: PrivacyRequester): Promise<AddressExport | UserExport>;
  eraseSubject(subject: PrivacySubject, by: PrivacyRequester): Promise<ErasureReport>;
}
