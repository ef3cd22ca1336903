import { describe, expect, it } from 'vitest';
import { buildRequestView } from '../../build-request-view.js';
import { DEFAULT_EXTRACT_LIMITS, extractRequest } from '../../extract/index.js';
import type { ParsedRequest } from '../../parsed-request.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { type ScannerCase, scannerCases } from './cases.js';
import { createScannerAnalyzer } from './create-scanner-analyzer.js';

const analyzer = createScannerAnalyzer();
const BROWSER: readonly (readonly [string, string])[] = [
  ['Host', 'shop.example.com'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'],
];

function parsed(c: ScannerCase): ParsedRequest {
  const given = c.headers ?? [];
  const names = new Set(given.map(([n]) => n.toLowerCase()));
  const headers = [...BROWSER.filter(([n]) => !names.has(n.toLowerCase())), ...given];
  const view = buildRequestView({
    id: '1',
    method: c.method ?? 'GET',
    target: c.target ?? '/',
    rawHeaders: headers.flat(),
    httpVersion: '1.1',
    protocol: 'https',
    ...(c.body === undefined ? {} : { body: new TextEncoder().encode(c.body) }),
  });
  return extractRequest(view, DEFAULT_EXTRACT_LIMITS);
}

describe('scanner analyzer', () => {
  for (const c of scannerCases) {
    it(`${c.expect ?? 'passes'}: ${c.target ?? '/'} ${JSON.stringify(c.headers ?? []).slice(0, 60)}`, () => {
      const findings = analyzer.analyzeRequest!(parsed(c));
      if (c.expect === null) {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings.map((f) => f.rule)).toContain(c.expect);
      if (c.block !== undefined) {
        const strongest = Math.max(...findings.filter((f) => f.rule === c.expect).map((f) => f.confidence));
        expect(strongest >= 0.9).toBe(c.block);
      }
      for (const f of findings) {
        expect(f.analyzer).toBe('scanner');
        expect(f.confidence).toBeGreaterThan(0);
        expect(f.confidence).toBeLessThanOrEqual(0.9);
        expect(f.evidence.length).toBeLessThanOrEqual(64);
      }
    });
  }

  it('keeps reconnaissance paths weighted, never blocking alone', () => {
    const weighed = (rule: string | null) =>
      rule !== null &&
      rule !== 'scanner/callback-domain' &&
      rule !== 'scanner/source-disclosure' &&
      rule !== 'scanner/graphql-introspection';
    for (const c of scannerCases.filter((s) => s.target !== undefined && weighed(s.expect))) {
      for (const f of analyzer.analyzeRequest!(parsed(c))) expect(f.confidence).toBeLessThanOrEqual(0.5);
    }
  });

  it('leaves WordPress paths alone on a WordPress site', () => {
    const wordpress = createScannerAnalyzer({ wordpress: true });
    expect(wordpress.analyzeRequest!(parsed({ target: '/wp-login.php', expect: null }))).toEqual([]);
  });

  it('refuses unknown and malformed options', () => {
    expect(() => createScannerAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createScannerAnalyzer({ wordpress: 'yes' })).toThrow(/boolean/);
  });
});

describe('scanner regexes are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    'a.'.repeat(25_000),
    '/.'.repeat(25_000),
    'oast'.repeat(12_000),
    'a-'.repeat(25_000),
    `__schema${'%20'.repeat(16_000)}`,
    `__type(${'+'.repeat(50_000)}`,
  ];
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      analyzer.analyzeRequest!(
        parsed({
          target: `/${input}`,
          headers: [
            ['User-Agent', input],
            ['Referer', input],
          ],
          expect: null,
        }),
      );
    },
    4,
  );
});
