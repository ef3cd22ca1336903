/** Why a privacy request was refused: a subject that is not one, one that is not there, or the last admin. */
export type PrivacyRefusal = 'invalid-subject' | 'unknown-user' | 'last-admin';

/**
 * A privacy request refused for a reason its caller can fix; the message says how. Anything else thrown by the
 * privacy service is a fault (a store down).
 * @example throw new PrivacyError('invalid-subject', '"1.2.3" is not an IPv4 or IPv6 address');
 */
export class PrivacyError extends Error {
  readonly reason: PrivacyRefusal;

  constructor(reason: PrivacyRefusal, message: string) {
    super(message);
    this.name = 'PrivacyError';
    this.reason = reason;
  }
}
