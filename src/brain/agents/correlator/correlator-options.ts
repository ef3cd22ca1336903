/** How the correlator groups events into incidents; every field has a default. */
export interface CorrelatorOptions {
  /** A finding at least this sure makes its event hostile; default 0.5. */
  readonly hostileConfidence?: number;
  /** Hostile events from one client, within `windowMs`, that open an incident about it; default 3. */
  readonly clientMinEvents?: number;
  /** Addresses sending the same payload family within `windowMs` that make a campaign; default 5. */
  readonly campaignMinClients?: number;
  /** What a payload family is made of: the findings' analyzers (`scanner`) or their rules; default analyzer. */
  readonly campaignKey?: 'analyzer' | 'rule';
  /** The window of the counts above; default 600,000 ms (ten minutes). */
  readonly windowMs?: number;
  /** Paths of login forms; default: `/login`, `/signin`, `/auth`, `/session`, `/wp-login.php`, `/account`. */
  readonly loginPath?: RegExp;
  /** Statuses a login form answers a wrong password with; default 401 and 403. */
  readonly loginFailureStatuses?: readonly number[];
  /** Failed logins from one client within `windowMs` that make a credential-stuffing incident; default 10. */
  readonly stuffingMinFailures?: number;
  /** An incident with no event for this long is resolved; default 1,800,000 ms (30 minutes). */
  readonly resolveAfterMs?: number;
  /** A client trapped in the maze counts as held this long after its last maze page; default one hour. */
  readonly trappedHoldMs?: number;
  /** A client seen refused by a standing decision counts as held this long after; default ten minutes. */
  readonly refusedHoldMs?: number;
  /** Incidents followed at once; over it the one quiet the longest is resolved early; default 10,000. */
  readonly maxActive?: number;
  /** Clients and payload families followed before they make an incident; default 50,000. */
  readonly maxTracked?: number;
}

export type ResolvedCorrelatorOptions = Required<CorrelatorOptions>;

const LOGIN = /(?:^|\/)(?:log-?in|sign-?in|auth(?:enticate)?|session|wp-login\.php|account)(?:[/.?]|$)/i;

export const DEFAULT_CORRELATOR_OPTIONS: ResolvedCorrelatorOptions = Object.freeze({
  hostileConfidence: 0.5,
  clientMinEvents: 3,
  campaignMinClients: 5,
  campaignKey: 'analyzer',
  windowMs: 600_000,
  loginPath: LOGIN,
  loginFailureStatuses: [401, 403],
  stuffingMinFailures: 10,
  resolveAfterMs: 1_800_000,
  trappedHoldMs: 3_600_000,
  refusedHoldMs: 600_000,
  maxActive: 10_000,
  maxTracked: 50_000,
});
