/** One thing an analyzer saw in one part of a request. */
export interface Finding {
  /** Analyzer that produced it, e.g. `sqli`. */
  readonly analyzer: string;
  /** Rule inside the analyzer, e.g. `sqli/tautology`. */
  readonly rule: string;
  /** 0..1: how sure the analyzer is. */
  readonly confidence: number;
  /** Where in the request: `query.id`, `body.json.user.name`, `header.user-agent`. */
  readonly location: string;
  /** Short, redacted excerpt; never sent to the client. */
  readonly evidence: string;
  /** Normalization transforms that revealed it, in order. */
  readonly transforms: readonly string[];
}
