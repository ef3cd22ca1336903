import type { Decision, DecisionScope, EventBus, IntruderSession, Log, Topics } from '../core/index.js';
import type { AuditLog, SecretBox } from '../guardian/index.js';
import type {
  ApiKeyStore,
  AuditStore,
  ConfigVersionStore,
  EventStore,
  IncidentStore,
  IntruderSessionStore,
  RefreshTokenStore,
  SecretStore,
  UserStore,
} from '../store/index.js';

/** A decision as the API creates it. */
export interface DecisionInput {
  readonly scope: Extract<DecisionScope, 'ip' | 'cidr'>;
  readonly value: string;
  readonly action: Decision['action'];
  readonly reason: string;
  /** Epoch milliseconds, or null for no expiry. */
  readonly expires: number | null;
}

/** The gateway's decisions, as the control plane may see and change them. */
export interface DecisionControl {
  list(): readonly Decision[];
  /** Adds and persists a decision; throws an Error with a readable message for a bad value. */
  add(input: DecisionInput, createdBy: string): Promise<Decision>;
  remove(id: string): Promise<boolean>;
}

/** Outcome of checking or applying a configuration. */
export type ConfigOutcome = { ok: true; version: number } | { ok: false; problems: readonly string[] };

/** The running configuration, as the control plane may read and change it. */
export interface ConfigControl {
  /** The running configuration as YAML with secrets redacted, and its version. */
  current(): { readonly version: number; readonly source: string };
  /** Checks a configuration (YAML or JSON text) without applying it; version is the running one. */
  validate(text: string): Promise<ConfigOutcome>;
  /** Checks, records a new version and applies it; a refused configuration changes nothing. */
  apply(text: string, author: string, comment: string): Promise<ConfigOutcome>;
}

/** Everything the control plane works with; the composition root provides it. */
export interface ControlDeps {
  readonly stores: {
    readonly users: UserStore;
    readonly apiKeys: ApiKeyStore;
    readonly refreshTokens: RefreshTokenStore;
    readonly secrets: SecretStore;
    readonly events: EventStore;
    readonly configVersions: ConfigVersionStore;
    readonly incidents: IncidentStore;
    readonly intruders: IntruderSessionStore;
    readonly audit: AuditStore;
  };
  readonly audit: AuditLog;
  readonly box: SecretBox;
  readonly bus: EventBus<Topics>;
  readonly decisions: DecisionControl;
  readonly config: ConfigControl;
  /** Prometheus text of the process's metrics. */
  metrics(): Promise<{ contentType: string; body: string }>;
  /** Whether the gateway takes traffic. */
  ready(): { ready: boolean; detail: Record<string, unknown> };
  readonly log: Log;
  readonly clock?: () => number;
  readonly version: string;
  readonly options: ControlOptions;
}

/** Tunables of the control plane. */
export interface ControlOptions {
  /** Access token lifetime in seconds (900). */
  readonly accessTtlSeconds: number;
  /** Refresh token lifetime in milliseconds. */
  readonly refreshTtlMs: number;
  /** Signing key rotation period in milliseconds. */
  readonly keyRotateMs: number;
  /** Bytes a live-stream client may fall behind before it is dropped. */
  readonly streamMaxBufferedBytes: number;
  /** One-time token that creates the first admin while there are no users; undefined when there are. */
  readonly setupToken: string | undefined;
}

/** Re-exported for route files. */
export type { IntruderSession };
