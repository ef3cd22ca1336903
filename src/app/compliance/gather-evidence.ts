import type { Config } from '../../config/index.js';
import { ROLE_PERMISSIONS } from '../../control/auth/permissions.js';
import type { Incident } from '../../core/index.js';
import {
  accessRolesEvidence,
  auditChainEvidence,
  BACKUP_ACTION,
  backupEvidence,
  changeApprovalsEvidence,
  dataMinimisationEvidence,
  detectionModeEvidence,
  type EvidenceSet,
  encryptionAtRestEvidence,
  encryptionInTransitEvidence,
  incidentsEvidence,
  mfaEvidence,
  retentionEvidence,
  SUBJECT_REQUEST_ACTIONS,
  subjectRightsEvidence,
} from '../../guardian/compliance/index.js';
import { verifyAuditChain } from '../../guardian/index.js';
import type { Stores } from '../open-stores.js';
import { atRestFacts } from './at-rest-facts.js';
import { auditActionFacts } from './audit-action-facts.js';
import { detectionFacts, minimisationFacts, retentionFacts } from './config-facts.js';
import { inTransitFacts } from './in-transit-facts.js';

/** The stores a report reads. */
export type EvidenceStores = Pick<
  Stores,
  'audit' | 'users' | 'apiKeys' | 'secrets' | 'incidents' | 'configVersions'
>;

/** Where evidence comes from: the stores, the configuration in force and the environment, at one time. */
export interface EvidenceSources {
  readonly stores: EvidenceStores;
  readonly config: Config;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Epoch milliseconds the report is as of. */
  readonly now: number;
}

// Incidents of one status read at most; far past what an operator would leave open.
const INCIDENTS_MAX = 10_000;

async function unresolved(sources: EvidenceSources): Promise<Incident[]> {
  const { incidents } = sources.stores;
  const [open, contained] = await Promise.all([
    incidents.list({ status: 'open', limit: INCIDENTS_MAX }),
    incidents.list({ status: 'contained', limit: INCIDENTS_MAX }),
  ]);
  return [...open, ...contained];
}

/**
 * Reads every kind of evidence from the live system: verifies the audit chain, lists users, keys, secrets
 * and incidents, looks at the files on disk and the configuration.
 */
export async function gatherEvidence(sources: EvidenceSources): Promise<EvidenceSet> {
  const { stores, config, env, now } = sources;
  const [verification, users, keys, incidents, latest, atRest, backups, erasures, exports] =
    await Promise.all([
      verifyAuditChain(stores.audit),
      stores.users.list(),
      stores.apiKeys.list(),
      unresolved(sources),
      stores.configVersions.latest(),
      atRestFacts(config, env, stores.secrets),
      auditActionFacts(stores.audit, BACKUP_ACTION),
      auditActionFacts(stores.audit, SUBJECT_REQUEST_ACTIONS.erase),
      auditActionFacts(stores.audit, SUBJECT_REQUEST_ACTIONS.export),
    ]);
  const approvals = config.guardian.approvals;
  const holders = users
    .filter((u) => !u.disabled && ROLE_PERMISSIONS[u.role].has('privacy:manage'))
    .map((u) => u.username);
  return {
    'audit-chain': auditChainEvidence(verification),
    mfa: mfaEvidence(users),
    'access-roles': accessRolesEvidence(users, keys, now),
    'encryption-at-rest': encryptionAtRestEvidence(atRest),
    'encryption-in-transit': encryptionInTransitEvidence(inTransitFacts(config)),
    'detection-mode': detectionModeEvidence(detectionFacts(config)),
    incidents: incidentsEvidence(incidents),
    'change-approvals': changeApprovalsEvidence({
      approvals: approvals.enabled,
      approvers: approvals.approvers,
      expireHours: approvals.expireHours,
      versions: latest?.version ?? 0,
      latest: latest ? { time: latest.time, author: latest.author } : undefined,
    }),
    backup: backupEvidence({ lastSuccess: backups.lastSuccess, lastAttempt: backups.last }, now),
    retention: retentionEvidence(retentionFacts(config)),
    'data-minimisation': dataMinimisationEvidence(minimisationFacts(config)),
    'subject-rights': subjectRightsEvidence({
      holders,
      erasures: { count: erasures.successes, last: erasures.lastSuccess?.time },
      exports: { count: exports.successes, last: exports.lastSuccess?.time },
    }),
  };
}
