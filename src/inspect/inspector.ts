import type { Finding, RequestView } from '../core/index.js';
import type { Analyzer } from './analyzer.js';

/** Runs every analyzer over a request; pure, no I/O. */
export interface Inspector {
  inspect(view: RequestView): readonly Finding[];
  readonly analyzers: readonly string[];
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * Creates an inspector over the given analyzers.
 * @example createInspector([]).inspect(view) // []
 */
export function createInspector(analyzers: readonly Analyzer[]): Inspector {
  return {
    analyzers: analyzers.map((a) => a.id),
    inspect(view) {
      let findings = NO_FINDINGS;
      for (const analyzer of analyzers) {
        const found = analyzer.analyze(view);
        // Most requests find nothing: allocate only for the ones that do.
        if (found.length > 0) findings = findings.length === 0 ? found : [...findings, ...found];
      }
      return findings;
    },
  };
}

/** Sums the findings' confidences into one score. */
export function scoreFindings(findings: readonly Finding[]): number {
  let score = 0;
  for (const finding of findings) score += finding.confidence;
  return score;
}
