import { describe, expect, it } from 'vitest';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { ldapiCases } from './cases.js';
import { createLdapiAnalyzer } from './create-ldapi-analyzer.js';

const analyzer = createLdapiAnalyzer();

describe('ldapi analyzer', () => {
  itRunsCaseTable(analyzer, ldapiCases);

  it('refuses unknown and out-of-range options', () => {
    expect(() => createLdapiAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createLdapiAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createLdapiAnalyzer({ maxLength: 100 }).id).toBe('ldapi');
  });

  it('weighs a breakout in long free text lower', () => {
    const [f] = analyzer.analyzeValue!(inspected(`${'Notes. '.repeat(30)}x)(uid=*`, 'body-value'));
    expect(f?.confidence).toBeLessThan(1);
  });
});

describe('ldapi regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    ')('.repeat(25_000),
    `${'('.repeat(25_000)}${')'.repeat(25_000)}(`,
    ')(a'.repeat(16_000),
    `)(${'a'.repeat(50_000)}`,
    `)(a${':'.repeat(50_000)}`,
    `)${' '.repeat(50_000)}(`,
  ];
  const unbounded = createLdapiAnalyzer({ maxLength: 1 << 20 });
  itStaysLinear(new URL('.', import.meta.url), adversarial, (input) => {
    for (const kind of ['query-value', 'body-text'] as const) {
      analyzer.analyzeValue!(inspected(input, kind));
      unbounded.analyzeValue!(inspected(input, kind));
    }
  });
});
