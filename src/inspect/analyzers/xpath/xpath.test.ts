import { describe, expect, it } from 'vitest';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { xpathCases } from './cases.js';
import { createXpathAnalyzer } from './create-xpath-analyzer.js';

const analyzer = createXpathAnalyzer();

describe('xpath analyzer', () => {
  itRunsCaseTable(analyzer, xpathCases);

  it('refuses unknown and out-of-range options', () => {
    expect(() => createXpathAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createXpathAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createXpathAnalyzer({ maxLength: 100 }).id).toBe('xpath');
  });

  it('is certain after a quote breakout, less so without one', () => {
    const [broken] = analyzer.analyzeValue!(inspected("' and count(/*)=1 and '1'='1"));
    const [bare] = analyzer.analyzeValue!(inspected('count(/*)'));
    expect(broken?.confidence).toBe(1);
    expect(bare?.confidence).toBeLessThan(1);
  });
});

describe('xpath regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    '('.repeat(50_000),
    'count('.repeat(8_000),
    'count( '.repeat(7_000),
    '::'.repeat(25_000),
    'child::'.repeat(7_000),
    '/'.repeat(50_000),
    '//a'.repeat(16_000),
    `'${' '.repeat(50_000)}|/`,
    "' ".repeat(25_000),
    '|'.repeat(50_000),
  ];
  const unbounded = createXpathAnalyzer({ maxLength: 1 << 20 });
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      for (const kind of ['query-value', 'body-text'] as const) {
        analyzer.analyzeValue!(inspected(input, kind));
        unbounded.analyzeValue!(inspected(input, kind));
      }
    },
    0,
  );
});
