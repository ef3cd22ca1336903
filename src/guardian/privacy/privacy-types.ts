import type {
  AuditEntry,
  Decision,
  Incident,
  IntruderSession,
  RequestSample,
  Role,
  SecurityEvent,
} from '../../core/index.js';
import type { AgentMemoryStore } from '../../store/agent-memory-store.js';
import type { ApiKeyStore } from '../../store/api-key-store.js';
import type { AuditStore } from '../../store/audit-store.js';
import type { EventStore } from '../../store/event-store.js';
import type { IncidentStore } from '../../store/incident-store.js';
import type { IntruderSessionStore } from '../../store/intruder-session-store.js';
import type { RefreshTokenStore } from '../../store/refresh-token-store.js';
import type { RequestSampleStore } from '../../store/request-sample-store.js';
import type { SecretStore } from '../../store/secret-store.js';
import type { UserStore } from '../../store/user-store.js';
import type { AuditLog } from '../audit-log.js';

/** Whose data: a client address, or a control-plane user by username. */
export type PrivacySubject = { readonly ip: string } | { readonly user: string };

/** Who asks, for the audit log: `user:alice`, `apikey:…`, `cli`; and from where (empty when not over a network). */
export interface PrivacyRequester {
  readonly actor: string;
  readonly ip: string;
}

/**
 * The decisions in force, as the running gateway holds them: removing one here must make the gateway forget it
 * too, not only the store.
 */
export interface DecisionAccess {
  list(): readonly Decision[] | Promise<readonly Decision[]>;
  remove(id: string): Promise<boolean>;
}

/** The stores personal data is kept in. */
export interface PrivacyStores {
  readonly events: EventStore;
  readonly samples: RequestSampleStore;
  readonly intruders: IntruderSessionStore;
  readonly incidents: IncidentStore;
  readonly agentMemory: AgentMemoryStore;
  readonly audit: AuditStore;
  readonly users: UserStore;
  readonly apiKeys: ApiKeyStore;
  readonly refreshTokens: RefreshTokenStore;
  readonly secrets: SecretStore;
}

/** What the privacy service works with. */
export interface PrivacyDeps {
  readonly stores: PrivacyStores;
  /** Intruder sessions the running gateway holds in memory, when they are kept apart from `stores.intruders`. */
  readonly liveIntruders?: IntruderSessionStore;
  readonly decisions: DecisionAccess;
  readonly audit: AuditLog;
  /** Keys the fingerprint the audit log records instead of an erased address (see addressFingerprint). */
  readonly key: Buffer;
  /** Bits of the network an IPv6 client is grouped by (`defend.ipv6PrefixLength`; 64 when absent). */
  readonly ipv6PrefixLength?: number;
  /** Records of one kind an export holds at most (default 10,000); the section says when it was cut. */
  readonly maxRecords?: number;
  readonly clock?: () => number;
}

/** The records of one kind, and whether they are all there. */
export interface ExportSection<T> {
  readonly items: readonly T[];
  /** False when there were more than the export holds; `note` says so. */
  readonly complete: boolean;
  readonly note?: string;
}

/** Everything kept about an address. */
export interface AddressExport {
  readonly subject: { readonly ip: string };
  /** ISO 8601. */
  readonly generated: string;
  readonly events: ExportSection<SecurityEvent>;
  /** Decisions on exactly this address: erased with it. */
  readonly decisions: ExportSection<Decision>;
  /** Decisions on a range holding the address: they are about a network, and erasure keeps them. */
  readonly decisionRanges: ExportSection<Decision>;
  readonly samples: ExportSection<RequestSample>;
  readonly intruderSessions: ExportSection<IntruderSession>;
  readonly incidents: ExportSection<Incident>;
  /** Audit entries made from this address or naming it. */
  readonly audit: ExportSection<AuditEntry>;
  /** What the export does not hold, and why. */
  readonly notes: readonly string[];
}

/** A user's account as an export shows it: never the password hash, MFA seed or recovery codes. */
export interface ExportedAccount {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly mfaEnabled: boolean;
  readonly recoveryCodesLeft: number;
  readonly failedLogins: number;
  readonly lockedUntil: number;
  readonly created: number;
  readonly lastLogin: number | null;
  readonly disabled: boolean;
}

/** An API key as an export shows it: never its secret's hash. */
export interface ExportedApiKey {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly scopes: readonly string[];
  readonly created: number;
  readonly createdBy: string;
  readonly expires: number | null;
  readonly lastUsed: number | null;
  readonly revoked: boolean;
}

/** Everything kept about a control-plane user. */
export interface UserExport {
  readonly subject: { readonly user: string; readonly id: string };
  /** ISO 8601. */
  readonly generated: string;
  readonly account: ExportedAccount;
  /** Keys the user created. */
  readonly apiKeys: ExportSection<ExportedApiKey>;
  /** Audit entries the user or one of their keys made, or that name the user. */
  readonly audit: ExportSection<AuditEntry>;
  readonly notes: readonly string[];
}

/** What an erasure removed, by kind, and what it kept on purpose. */
export interface ErasureReport {
  readonly subject: 'ip' | 'user';
  /** Records removed (or, for refresh tokens, revoked) per kind. */
  readonly counts: Readonly<Record<string, number>>;
  /** The audit log's name for the subject in the `privacy.erase` entry: `ip:<fingerprint>` or `user:<id>`. */
  readonly target: string;
  readonly notes: readonly string[];
}
