/** Events grouped into one story: an attack campaign, a scan, a credential-stuffing run. */
export interface Incident {
  readonly id: string;
  readonly title: string;
  /** `low`, `medium`, `high`, `critical`. */
  readonly severity: 'low' | 'medium' | 'high' | 'critical';
  /** `open`, `acknowledged`, `closed`. */
  readonly status: 'open' | 'acknowledged' | 'closed';
  readonly site: string;
  /** Client addresses involved. */
  readonly clients: readonly string[];
  /** Attack categories seen. */
  readonly categories: readonly string[];
  /** Ids of the events that make it up (the most recent, bounded). */
  readonly events: readonly string[];
  readonly eventCount: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Plain-language account, once written. */
  readonly summary: string;
}
