/** One protocol anomaly, before it becomes a finding. */
export interface Anomaly {
  /** Short rule name, e.g. `cl-te-conflict`; the analyzer prefixes its id. */
  readonly rule: string;
  readonly confidence: number;
  /** `method`, `target`, `header.content-length`, `body`... */
  readonly location: string;
  readonly evidence: string;
}

/** Collects anomalies of one request, keeping the strongest per rule so a finding list stays short. */
export class Anomalies {
  readonly #byRule = new Map<string, Anomaly>();

  add(rule: string, confidence: number, location: string, evidence: string): void {
    const known = this.#byRule.get(rule);
    if (known === undefined || confidence > known.confidence)
      this.#byRule.set(rule, { rule, confidence, location, evidence });
  }

  list(): readonly Anomaly[] {
    return [...this.#byRule.values()];
  }
}
