import { describe, expect, it } from 'vitest';
import { normalizeValue } from '../../normalize/index.js';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { crlfCases } from './cases.js';
import { createCrlfAnalyzer } from './create-crlf-analyzer.js';

const analyzer = createCrlfAnalyzer();

describe('crlf analyzer', () => {
  itRunsCaseTable(analyzer, crlfCases);

  it('refuses unknown and out-of-range options', () => {
    expect(() => createCrlfAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createCrlfAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createCrlfAnalyzer({ maxLength: 100 }).id).toBe('crlf');
  });

  it('leaves raw line breaks in header values to the protocol analyzer', () => {
    const value = 'Headerdata\rInjectedHeader: response_splitting_code';
    expect(analyzer.analyzeValue!(inspected(value, 'header-value', 'header.someheader'))).toEqual([]);
  });

  it('blocks a new query parameter after a bare CR, which no text box sends, but not after CRLF or LF', () => {
    const top = (input: string) => analyzer.analyzeValue!(inspected(input))[0]?.confidence ?? 0;
    expect(top('abc%0Dadmin=1')).toBeGreaterThanOrEqual(0.9);
    expect(top('abc%0A%0Dadmin=1')).toBeGreaterThanOrEqual(0.9);
    expect(top('abc%0D%0Aadmin=1')).toBeLessThan(0.9);
    expect(top('abc%0Aadmin=1')).toBeLessThan(0.9);
  });

  it('reads the line breaks base64 carries, in the shared spellings', () => {
    const value = Buffer.from('en\r\nSet-Cookie: session=evil').toString('base64');
    const item = { location: 'query.x', kind: 'query-value' as const, value };
    const [f] = analyzer.analyzeValue!({ item, variants: normalizeValue(item) });
    expect(f?.rule).toBe('crlf/header-injection');
    expect(f?.transforms).toEqual(['base64-decode']);
  });

  it('reports the transforms that revealed the break', () => {
    const [f] = analyzer.analyzeValue!(inspected('en%0d%0aSet-Cookie:%20a=b'));
    expect(f?.confidence).toBe(1);
    expect(f?.transforms).toEqual(['url-decode']);
    expect(f?.evidence).toBe('\\x0d\\x0aSet-Cookie: a=b');
  });
});

describe('crlf regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    '%0d%0a'.repeat(10_000),
    '\r\n'.repeat(25_000),
    `\r\n${'a'.repeat(50_000)}`,
    `\r\n${'a'.repeat(50_000)}:`,
    '\r\nX:'.repeat(12_000),
    '<meta '.repeat(10_000),
    `<meta${' http-equiv'.repeat(5_000)}`,
    'GET '.repeat(12_000),
    'http/'.repeat(10_000),
  ];
  const unbounded = createCrlfAnalyzer({ maxLength: 1 << 20 });
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
