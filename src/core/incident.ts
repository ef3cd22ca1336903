/** Where an incident stands: being acted on, held (every client is banned or trapped), or over. */
export const INCIDENT_STATUSES = ['open', 'contained', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** What an incident is a story of: one client, one payload family from many addresses, a canary used... */
export const INCIDENT_KINDS = ['client', 'campaign', 'canary', 'credential-stuffing', 'scan'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** How bad an incident is, mildest first. */
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** Events grouped into one story: an attack campaign, a scan, a credential-stuffing run. */
export interface Incident {
  readonly id: string;
  readonly title: string;
  readonly kind: IncidentKind;
  readonly severity: IncidentSeverity;
  /** `open` → `contained` (every client banned or trapped) → `resolved` (quiet for a while). */
  readonly status: IncidentStatus;
  readonly site: string;
  /** Client addresses involved (an IPv6 client as its /64). */
  readonly clients: readonly string[];
  /** Client fingerprints seen in its events. */
  readonly fingerprints: readonly string[];
  /** Attack categories seen. */
  readonly categories: readonly string[];
  /** Ids of the events that make it up (the most recent, bounded). */
  readonly events: readonly string[];
  readonly eventCount: number;
  /** Ids of the decisions taken about its clients. */
  readonly decisions: readonly string[];
  /** The payload family a campaign is keyed by (`shop:scanner`), or null when it is not a campaign. */
  readonly campaign: string | null;
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Plain-language account, once written. */
  readonly summary: string;
}
