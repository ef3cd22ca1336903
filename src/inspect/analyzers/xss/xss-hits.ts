/** One thing the XSS scan saw, before it becomes a Finding. */
export interface XssHit {
  readonly rule: string;
  readonly confidence: number;
  readonly evidence: string;
  /** Decodings the analyzer itself applied to reveal it (`html-entities` inside an attribute, `utf7-decode`). */
  readonly transforms: readonly string[];
}

/** The strongest hit per rule: a value reports each rule once, however many times it matched. */
export class XssHits {
  readonly #best = new Map<string, XssHit>();
  #max = 0;

  /** True when a hit of `rule` at `confidence` would be kept: callers build evidence only then. */
  wants(rule: string, confidence: number): boolean {
    return confidence > (this.#best.get(rule)?.confidence ?? 0);
  }

  /** Keeps `hit` when it beats the rule's current best. */
  add(hit: XssHit): void {
    const current = this.#best.get(hit.rule);
    if (current !== undefined && current.confidence >= hit.confidence) return;
    this.#best.set(hit.rule, hit);
    if (hit.confidence > this.#max) this.#max = hit.confidence;
  }

  /** The highest confidence so far, 0 when nothing was seen. */
  get max(): number {
    return this.#max;
  }

  get size(): number {
    return this.#best.size;
  }

  list(): XssHit[] {
    return [...this.#best.values()];
  }
}
