import type {
  AgentHealth,
  AlertStats,
  FindingExplanation,
  IncidentSummary,
  LlmAnalystStats,
  QueryAnswer,
  SiteForecast,
} from '../brain/index.js';
import type {
  Decision,
  DecisionScope,
  EventBus,
  IntruderSession,
  Log,
  SecurityEvent,
  Topics,
} from '../core/index.js';
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
import type { ChangeControl } from './change-control.js';
import type { PrivacyControl } from './privacy-control.js';
import type { ReportControl } from './report-control.js';

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
  /** Imports a list (plain addresses, fail2ban status, CrowdSec decisions) as decisions with one action. */
  importList(input: DecisionImportInput, createdBy: string): Promise<DecisionImportResult>;
}

/** A list to import as decisions. */
export interface DecisionImportInput {
  readonly format: 'plain' | 'fail2ban' | 'crowdsec';
  readonly text: string;
  readonly action: Decision['action'];
  readonly reason: string;
  /** Milliseconds, or null for no expiry (a CrowdSec entry's own duration wins). */
  readonly durationMs: number | null;
}

/** What an import did. */
export interface DecisionImportResult {
  readonly added: readonly Decision[];
  /** One line per entry that was not understood. */
  readonly problems: readonly string[];
}

/** A scoped exclusion of the detection engine; every field given narrows it. */
export interface ExclusionInput {
  readonly site?: string | undefined;
  readonly path?: string | undefined;
  readonly location?: string | undefined;
  readonly analyzer?: string | undefined;
  readonly rule?: string | undefined;
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
  /** The detection exclusions in force. */
  exclusions(): readonly ExclusionInput[];
  /** Adds an exclusion to the configuration file and applies it as a new version. */
  addExclusion(exclusion: ExclusionInput, author: string, comment: string): Promise<ConfigOutcome>;
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
  /** Export and erasure of personal data; no privacy routes without it. */
  readonly privacy?: PrivacyControl;
  /** Compliance reports over live evidence. */
  readonly reports?: ReportControl;
  /** Change requests: approvals with impact previews. */
  readonly changes?: ChangeControl;
  /** The brain, in a process that runs it (not in a gateway of a cluster). */
  readonly brain?: BrainControl;
  /** Prometheus text of the process's metrics. */
  metrics(): Promise<{ contentType: string; body: string }>;
  /** Whether the gateway takes traffic. */
  ready(): { ready: boolean; detail: Record<string, unknown> };
  readonly log: Log;
  readonly clock?: () => number;
  readonly version: string;
  readonly options: ControlOptions;
  /** The dashboard's built files (web/dist), served at `/`; none when undefined. */
  readonly webRoot?: string;
}

/** What the control plane asks of the brain. */
export interface BrainControl {
  /** A plain-language summary of an incident with recommended actions; undefined for an unknown id. */
  summarize(incidentId: string): Promise<IncidentSummary | undefined>;
  /** A question in plain language, turned into a validated event query and run. */
  ask(question: string): Promise<QueryAnswer & { readonly events: readonly SecurityEvent[] }>;
  /** What finding `finding` of an event means; undefined when there is no such event or finding. */
  explain(eventId: string, finding: number): Promise<FindingExplanation | undefined>;
  forecast(site: string): Promise<SiteForecast>;
  status(): { agents: AgentHealth[]; alerts: AlertStats; analyst: LlmAnalystStats };
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
  /**
   * What the listener serves: everything (`full`, the default), or only /healthz, /readyz and /metrics
   * (`system`, for a process that runs only the data plane of a cluster).
   */
  readonly surface?: 'full' | 'system';
}

/** Re-exported for route files. */
export type { IntruderSession };
