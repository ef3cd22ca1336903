import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { shellshockCases } from './cases.js';
import { createShellshockAnalyzer } from './create-shellshock-analyzer.js';

const analyzer = createShellshockAnalyzer();

describe('shellshock analyzer', () => {
  itRunsCaseTable(analyzer, shellshockCases);

  it('refuses unknown and out-of-range options', () => {
    expect(() => createShellshockAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createShellshockAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createShellshockAnalyzer({ maxLength: 100 }).id).toBe('shellshock');
  });

  it('scores a leading definition in a header as unmistakable', () => {
    const [f] = analyzer.analyzeValue!(inspected('() { :; }; id', 'header-value'));
    expect(f?.confidence).toBe(1);
    expect(f?.evidence).toBe('() { :; }; id');
  });
});

describe('shellshock regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    '('.repeat(50_000),
    '() '.repeat(20_000),
    `() {${' '.repeat(50_000)}`,
    '( ) { :'.repeat(8_000),
  ];
  const folder = new URL('.', import.meta.url);
  const sources = readdirSync(folder).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'cases.ts',
  );
  const literals = sources.flatMap((f) =>
    [...readFileSync(new URL(f, folder), 'utf8').matchAll(/=\s*\/((?:\\.|[^/\\\n])+)\/([gimsuy]*);/g)].map(
      (m) => new RegExp(m[1]!, m[2]),
    ),
  );

  for (const input of adversarial) {
    it(`stays fast on ${JSON.stringify(input.slice(0, 12))}…`, () => {
      const unbounded = createShellshockAnalyzer({ maxLength: 1 << 20 });
      // Best of three, so a busy machine or a cold JIT does not fail a linear scan.
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        for (const re of literals) re.test(input);
        for (const kind of ['query-value', 'body-text'] as const) {
          analyzer.analyzeValue!(inspected(input, kind));
          unbounded.analyzeValue!(inspected(input, kind));
        }
        best = Math.min(best, performance.now() - start);
      }
      expect(best).toBeLessThan(50);
    });
  }
});
