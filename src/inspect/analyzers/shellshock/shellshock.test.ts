import { describe, expect, it } from 'vitest';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
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
  const unbounded = createShellshockAnalyzer({ maxLength: 1 << 20 });
  itStaysLinear(new URL('.', import.meta.url), adversarial, (input) => {
    for (const kind of ['query-value', 'body-text'] as const) {
      analyzer.analyzeValue!(inspected(input, kind));
      unbounded.analyzeValue!(inspected(input, kind));
    }
  });
});
