import { describe, expect, it } from 'vitest';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { sstiCases } from './cases.js';
import { createSstiAnalyzer } from './create-ssti-analyzer.js';

const analyzer = createSstiAnalyzer();

describe('ssti analyzer', () => {
  itRunsCaseTable(analyzer, sstiCases);

  it('refuses unknown and out-of-range options', () => {
    expect(() => createSstiAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createSstiAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createSstiAnalyzer({ maxLength: 100 }).id).toBe('ssti');
  });

  it('blocks a lone probe in a parameter but only flags one inside text', () => {
    const [whole] = analyzer.analyzeValue!(inspected('{{7*7}}'));
    const [inText] = analyzer.analyzeValue!(inspected('hello {{7*7}} there'));
    expect(whole?.confidence).toBe(1);
    expect(inText?.confidence).toBeLessThan(1);
    // Thymeleaf's inline wrappers are part of the construct: still a lone probe.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax under test, not a JS template
    for (const input of ['[[${7*7}]]', '[(${7*7})]', '${{7*7}}', '{{=7*7}}']) {
      expect(analyzer.analyzeValue!(inspected(input))[0]?.confidence, input).toBe(1);
    }
  });
});

describe('ssti regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    '{{'.repeat(25_000),
    '${'.repeat(25_000),
    '{%'.repeat(25_000),
    '<%'.repeat(25_000),
    '<#a'.repeat(16_000),
    '#set('.repeat(10_000),
    '@{['.repeat(16_000),
    `{{${'('.repeat(50_000)}`,
    `{{${"'".repeat(50_000)}`,
    `{{${'__'.repeat(25_000)}`,
    `$a${'.b'.repeat(25_000)}`,
    '{a'.repeat(25_000),
    `{{${'a.'.repeat(25_000)}}}`,
  ];
  const unbounded = createSstiAnalyzer({ maxLength: 1 << 20 });
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      for (const kind of ['query-value', 'body-text'] as const) {
        analyzer.analyzeValue!(inspected(input, kind));
        unbounded.analyzeValue!(inspected(input, kind));
      }
    },
    4,
  );
});
