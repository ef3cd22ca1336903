/** One ban read from an imported list, before it becomes a stored `Decision`. */
export interface ImportedDecision {
  readonly scope: 'ip' | 'cidr';
  readonly value: string;
  /** `null` for a ban that never expires. */
  readonly durationMs: number | null;
  readonly reason: string;
}

/** What an import produced: the bans, and one line per entry that was skipped or not understood. */
export interface ImportResult {
  readonly decisions: readonly ImportedDecision[];
  /** One line each, such as `line 3: not an address or CIDR range: foo`. */
  readonly problems: readonly string[];
}

/** Reason and duration for bans whose source format carries none. */
export interface ImportDefaults {
  readonly reason: string;
  readonly durationMs: number | null;
}
