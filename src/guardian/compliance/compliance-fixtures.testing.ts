import type { ApiKey, AuditEntry, Incident, User } from '../../core/index.js';
import { type ComplianceStatus, EVIDENCE_IDS, type Evidence, type EvidenceSet } from './index.js';

/** A user with MFA off, overridable. */
export function aUser(username: string, role: User['role'], overrides: Partial<User> = {}): User {
  return {
    id: `u-${username}`,
    username,
    role,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    mfaEnabled: false,
    recoveryCodes: [],
    failedLogins: 0,
    lockedUntil: 0,
    created: 0,
    lastLogin: null,
    disabled: false,
    ...overrides,
  };
}

/** An API key with every permission of its role and no expiry, overridable. */
export function aKey(id: string, role: ApiKey['role'], overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id,
    name: `key ${id}`,
    role,
    scopes: [],
    secretHash: '0'.repeat(64),
    created: 0,
    createdBy: 'user:admin',
    expires: null,
    lastUsed: null,
    revoked: false,
    ...overrides,
  };
}

/** An open, medium incident, overridable. */
export function anIncident(id: string, overrides: Partial<Incident> = {}): Incident {
  return {
    id,
    title: `incident ${id}`,
    kind: 'client',
    severity: 'medium',
    status: 'open',
    site: 'shop',
    clients: ['192.0.2.1'],
    fingerprints: [],
    categories: ['sqli'],
    events: [],
    eventCount: 3,
    decisions: [],
    campaign: null,
    firstSeen: 1_000,
    lastSeen: 2_000,
    summary: '',
    ...overrides,
  };
}

/** An audit entry (its hashes are not checked here). */
export function anEntry(seq: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    time: 0,
    actor: 'cli',
    action: 'backup.create',
    target: '/backups/infinisec.db',
    outcome: 'success',
    ip: '',
    details: {},
    prevHash: '0'.repeat(128),
    hash: '1'.repeat(128),
    ...overrides,
  };
}

/** Every kind of evidence with one status, or the status `statuses` gives it. */
export function evidenceSet(
  status: ComplianceStatus,
  statuses: Partial<Record<(typeof EVIDENCE_IDS)[number], ComplianceStatus>> = {},
): EvidenceSet {
  const entries = EVIDENCE_IDS.map((id): [string, Evidence] => [
    id,
    { id, title: `title of ${id}`, status: statuses[id] ?? status, finding: `finding of ${id}`, details: [] },
  ]);
  return Object.fromEntries(entries) as unknown as EvidenceSet;
}
