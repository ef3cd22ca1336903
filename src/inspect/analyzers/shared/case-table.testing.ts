import { expect, it } from 'vitest';
import type { Analyzer } from '../../analyzer.js';
import type { InspectedValue, ValueKind, Variant } from '../../inspectable.js';

/** One row of an analyzer's case table: an input and the rule it must raise, or null for none. */
export interface CaseRow {
  readonly input: string;
  readonly expect: string | null;
  readonly kind?: ValueKind;
  readonly location?: string;
}

function urlDecoded(input: string): string {
  let value = input;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(value);
    } catch {
      break;
    }
    if (next === value) break;
    value = next;
  }
  return value;
}

/** A value as the engine hands it over: as received, plus its URL-decoded spelling when that differs. */
export function inspected(
  input: string,
  kind: ValueKind = 'query-value',
  location = 'query.x',
): InspectedValue {
  const variants: Variant[] = [{ value: input, transforms: [] }];
  const decoded = urlDecoded(input);
  if (decoded !== input) variants.push({ value: decoded, transforms: ['url-decode'] });
  return { item: { location, kind, value: input }, variants };
}

/**
 * Runs a case table through an analyzer, one test per row: the expected rule is raised (or nothing is),
 * and every finding is well formed — its analyzer, location, confidence in (0, 1], and short, log-safe evidence.
 */
export function itRunsCaseTable(analyzer: Analyzer, cases: readonly CaseRow[]): void {
  for (const c of cases) {
    it(`${c.expect ?? 'passes'}: ${JSON.stringify(c.input).slice(0, 80)}`, () => {
      const location = c.location ?? 'query.x';
      const findings = analyzer.analyzeValue!(inspected(c.input, c.kind, location));
      if (c.expect === null) {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings.map((f) => f.rule)).toContain(c.expect);
      for (const f of findings) {
        expect(f.analyzer).toBe(analyzer.id);
        expect(f.location).toBe(location);
        expect(f.confidence).toBeGreaterThan(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
        expect(f.evidence.length).toBeLessThanOrEqual(64);
        expect(f.evidence).not.toMatch(/[\u0000-\u001f]/);
      }
    });
  }
}
