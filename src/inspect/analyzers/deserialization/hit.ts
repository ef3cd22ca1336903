/** What one detector saw in one spelling of a value, before it becomes a finding. */
export interface Hit {
  /** Short rule name, e.g. `java-class`; the analyzer prefixes its id. */
  readonly rule: string;
  readonly confidence: number;
  readonly evidence: string;
  /** A decoding the detector applied itself, e.g. `base64-bits`. */
  readonly transform?: string;
  /** Found in text that a post could quote (a name or a path, not a serialized object): weaker in prose. */
  readonly quotable?: boolean;
}

/** The stronger of two hits; the first wins ties, so earlier (cheaper, plainer) detectors are preferred. */
export function stronger(a: Hit | undefined, b: Hit | undefined): Hit | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.confidence > a.confidence ? b : a;
}
