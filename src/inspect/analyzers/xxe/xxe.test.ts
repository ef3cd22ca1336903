import { describe, expect, it } from 'vitest';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { xxeCases } from './cases.js';
import { createXxeAnalyzer } from './create-xxe-analyzer.js';

const analyzer = createXxeAnalyzer();

describe('xxe analyzer', () => {
  itRunsCaseTable(analyzer, xxeCases);

  it('refuses unknown and out-of-range options', () => {
    expect(() => createXxeAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createXxeAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createXxeAnalyzer({ maxLength: 100 }).id).toBe('xxe');
  });

  it('scores an external entity as unmistakable', () => {
    const [f] = analyzer.analyzeValue!(inspected('<!ENTITY x SYSTEM "file:///etc/passwd">', 'xml-doctype'));
    expect(f?.confidence).toBe(1);
    expect(f?.evidence).toBe('<!ENTITY x SYSTEM "file:///etc/passwd">');
  });

  it('weighs any entity declared in a URL, cookie or header as a probe, and a document body as a document', () => {
    const internal = '<!DOCTYPE x [<!ENTITY foo "aaaaaa">]>';
    const relative = '<!ENTITY e SYSTEM "robots.txt">';
    for (const input of [internal, relative]) {
      expect(analyzer.analyzeValue!(inspected(input))[0]?.confidence, input).toBeGreaterThanOrEqual(0.9);
      const [inBody] = analyzer.analyzeValue!(inspected(input, 'xml-doctype', 'body.xml#doctype'));
      expect(inBody?.confidence, input).toBeLessThan(0.9);
    }
  });
});

describe('xslt', () => {
  const analyzer = createXxeAnalyzer();
  it('is certain when the stylesheet calls out, a probe in a URL, and only strong in a body otherwise', () => {
    const out = "<xsl:value-of select=\"php:function('passthru','id')\"/>";
    expect(analyzer.analyzeValue!(inspected(out, 'body-text', 'body'))[0]?.confidence).toBe(1);
    const plain = '<xsl:template match="/"><xsl:value-of select="."/></xsl:template>';
    expect(analyzer.analyzeValue!(inspected(plain))[0]?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(analyzer.analyzeValue!(inspected(plain, 'body-text', 'body'))[0]?.confidence).toBeLessThan(0.9);
  });
});

describe('xxe regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    '<!'.repeat(25_000),
    '<!ENTITY '.repeat(6_000),
    `<!ENTITY x SYSTEM "${'a'.repeat(50_000)}`,
    `<!DOCTYPE${' '.repeat(50_000)}`,
    ':include'.repeat(6_000),
    `<xi:include${' href'.repeat(10_000)}`,
    '&x;'.repeat(12_000),
  ];
  const unbounded = createXxeAnalyzer({ maxLength: 1 << 20 });
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      for (const kind of ['query-value', 'body-text'] as const) {
        analyzer.analyzeValue!(inspected(input, kind));
        unbounded.analyzeValue!(inspected(input, kind));
      }
    },
    2,
  );
});
