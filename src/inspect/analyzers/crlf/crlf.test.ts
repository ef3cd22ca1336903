import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InspectedValue, Variant } from '../../inspectable.js';
import { crlfCases } from './cases.js';
import { createCrlfAnalyzer } from './create-crlf-analyzer.js';

const analyzer = createCrlfAnalyzer();

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

function inspected(
  input: string,
  kind: InspectedValue['item']['kind'] = 'query-value',
  location = 'query.x',
): InspectedValue {
  const variants: Variant[] = [{ value: input, transforms: [] }];
  const decoded = urlDecoded(input);
  if (decoded !== input) variants.push({ value: decoded, transforms: ['url-decode'] });
  return { item: { location, kind, value: input }, variants };
}

describe('crlf analyzer', () => {
  for (const c of crlfCases) {
    it(`${c.expect ?? 'passes'}: ${JSON.stringify(c.input).slice(0, 80)}`, () => {
      const location = c.location ?? 'query.x';
      const findings = analyzer.analyzeValue!(inspected(c.input, c.kind, location));
      if (c.expect === null) {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings.map((f) => f.rule)).toContain(c.expect);
      for (const f of findings) {
        expect(f.analyzer).toBe('crlf');
        expect(f.location).toBe(location);
        expect(f.confidence).toBeGreaterThan(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
        expect(f.evidence.length).toBeLessThanOrEqual(64);
        expect(f.evidence).not.toMatch(/[\u0000-\u001f]/);
      }
    });
  }

  it('refuses unknown and out-of-range options', () => {
    expect(() => createCrlfAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createCrlfAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createCrlfAnalyzer({ maxLength: 100 }).id).toBe('crlf');
  });

  it('leaves raw line breaks in header values to the protocol analyzer', () => {
    const value = 'Headerdata\rInjectedHeader: response_splitting_code';
    expect(analyzer.analyzeValue!(inspected(value, 'header-value', 'header.someheader'))).toEqual([]);
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
      const unbounded = createCrlfAnalyzer({ maxLength: 1 << 20 });
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
