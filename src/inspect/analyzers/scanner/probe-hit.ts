/** What one scanner check saw, before it becomes a finding. */
export interface ProbeHit {
  /** Short rule name, e.g. `tool-agent`; the analyzer prefixes its id. */
  readonly rule: string;
  readonly confidence: number;
  readonly evidence: string;
}
