import type { AuditLog } from '../../guardian/index.js';
import {
  createPrivacyService,
  type DecisionAccess,
  type PrivacyService,
  type PrivacyStores,
} from '../../guardian/privacy/index.js';
import type { IntruderSessionStore } from '../../store/intruder-session-store.js';

/** What the privacy service is built from, besides the stores. */
export interface PrivacyWiring {
  /** The running gateway's decisions (removing one makes it forget it), or storedDecisions() for the CLI. */
  readonly decisions: DecisionAccess;
  readonly audit: AuditLog;
  /** See openFingerprintKey. */
  readonly key: Buffer;
  /** `defend.ipv6PrefixLength`: how incidents and agents name an IPv6 client's network. */
  readonly ipv6PrefixLength: number;
  /** The gateway's live intruder sessions, when they are apart from `stores.intruders`. */
  readonly liveIntruders?: IntruderSessionStore;
}

/**
 * The privacy service over the process's stores.
 * @example const privacy = createPrivacy(stores, { decisions, audit, key: await openFingerprintKey(stores.secrets, box) });
 */
export function createPrivacy(stores: PrivacyStores, wiring: PrivacyWiring): PrivacyService {
  return createPrivacyService({
    stores,
    decisions: wiring.decisions,
    audit: wiring.audit,
    key: wiring.key,
    ipv6PrefixLength: wiring.ipv6PrefixLength,
    ...(wiring.liveIntruders ? { liveIntruders: wiring.liveIntruders } : {}),
  });
}
