import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

/** Most milliseconds the best of three runs over one adversarial input may take, unless a test says otherwise. */
const SLOW_MS = 50;

/** The regular-expression literals assigned in an analyzer folder's sources (not its tests or case table). */
export function regexLiterals(folder: URL): RegExp[] {
  const sources = readdirSync(folder).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.testing.ts') && f !== 'cases.ts',
  );
  return sources.flatMap((f) =>
    [...readFileSync(new URL(f, folder), 'utf8').matchAll(/=\s*\/((?:\\.|[^/\\\n])+)\/([gimsuy]*);/g)].map(
      (m) => new RegExp(m[1]!, m[2]!.replace('g', '')),
    ),
  );
}

/**
 * Registers the linearity tests of an analyzer folder: it holds more than `minRegexes` regex literals (so
 * the scan of its sources still finds them; omit it for a folder whose sources have none), and for each
 * adversarial input, every literal plus `run(input)` (the analyzer over that input) stays under `slowMs`
 * (50 unless given), best of three runs.
 * @example itStaysLinear(new URL('.', import.meta.url), ['a'.repeat(50_000)], (s) => analyze(s), 4)
 */
export function itStaysLinear(
  folder: URL,
  adversarial: readonly string[],
  run: (input: string) => void,
  minRegexes?: number,
  slowMs = SLOW_MS,
): void {
  const literals = regexLiterals(folder);

  if (minRegexes !== undefined) {
    it('finds the regexes', () => {
      expect(literals.length).toBeGreaterThan(minRegexes);
    });
  }

  for (const input of adversarial) {
    it(`stays fast on ${JSON.stringify(input.slice(0, 12))}…`, () => {
      let best = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 3; round++) {
        const start = performance.now();
        for (const re of literals) re.test(input);
        run(input);
        best = Math.min(best, performance.now() - start);
      }
      expect(best).toBeLessThan(slowMs);
    });
  }
}
