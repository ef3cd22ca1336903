import type { Finding, RequestView } from '../core/index.js';
import type { Analyzer } from './analyzer.js';
import type { InspectedValue, Inspectable, Variant } from './inspectable.js';
import type { ParsedRequest } from './parsed-request.js';

/** Runs every analyzer over a request; pure, no I/O. */
export interface Inspector {
  inspect(view: RequestView): readonly Finding[];
  readonly analyzers: readonly string[];
}

/** What the inspector is built from. */
export interface InspectorParts {
  readonly analyzers: readonly Analyzer[];
  /** Turns a request into its inspectable values. */
  readonly extract: (view: RequestView) => ParsedRequest;
  /** The distinct normalized spellings of a value; the first is the value itself. */
  readonly normalize: (item: Inspectable) => readonly Variant[];
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

function append(findings: readonly Finding[], found: readonly Finding[]): readonly Finding[] {
  // Most requests find nothing: allocate only for the ones that do.
  if (found.length === 0) return findings;
  return findings.length === 0 ? found : [...findings, ...found];
}

/**
 * Creates an inspector: extract, then request analyzers over the whole request and value analyzers over
 * each value's normalized variants.
 */
export function createInspector(parts: InspectorParts): Inspector {
  const requestAnalyzers = parts.analyzers.filter((a) => a.analyzeRequest !== undefined);
  const valueAnalyzers = parts.analyzers.filter((a) => a.analyzeValue !== undefined);
  return {
    analyzers: parts.analyzers.map((a) => a.id),
    inspect(view) {
      if (parts.analyzers.length === 0) return NO_FINDINGS;
      const request = parts.extract(view);
      let findings = NO_FINDINGS;
      for (const analyzer of requestAnalyzers) findings = append(findings, analyzer.analyzeRequest!(request));
      if (valueAnalyzers.length === 0) return findings;
      for (const item of request.values) {
        const value: InspectedValue = { item, variants: parts.normalize(item) };
        for (const analyzer of valueAnalyzers) findings = append(findings, analyzer.analyzeValue!(value));
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
