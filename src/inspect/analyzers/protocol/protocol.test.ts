import { describe, expect, it } from 'vitest';
import { buildRequestView } from '../../build-request-view.js';
import { DEFAULT_EXTRACT_LIMITS, extractRequest } from '../../extract/index.js';
import type { ParsedRequest } from '../../parsed-request.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { type ProtocolCase, protocolCases } from './cases.js';
import { createProtocolAnalyzer } from './create-protocol-analyzer.js';

const analyzer = createProtocolAnalyzer();
const BROWSER: readonly (readonly [string, string])[] = [
  ['Host', 'shop.example.com'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'],
];

function parsed(c: ProtocolCase): ParsedRequest {
  const given = c.headers ?? [];
  const names = new Set(given.map(([n]) => n.toLowerCase()));
  const headers = [...BROWSER.filter(([n]) => !names.has(n.toLowerCase())), ...given];
  const view = buildRequestView({
    id: '1',
    method: c.method ?? 'GET',
    target: c.target ?? '/',
    rawHeaders: headers.flat(),
    httpVersion: c.httpVersion ?? '1.1',
    protocol: 'https',
    ...(c.body === undefined ? {} : { body: new TextEncoder().encode(c.body) }),
  });
  return extractRequest(view, DEFAULT_EXTRACT_LIMITS);
}

describe('protocol analyzer', () => {
  for (const c of protocolCases) {
    const name = `${c.method ?? 'GET'} ${c.target ?? '/'} ${JSON.stringify(c.headers ?? []).slice(0, 60)}`;
    it(`${c.expect ?? 'passes'}: ${name}`, () => {
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
        expect(f.analyzer).toBe('protocol');
        expect(f.confidence).toBeGreaterThan(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
        expect(f.evidence.length).toBeLessThanOrEqual(64);
        expect(f.evidence).not.toMatch(/[\u0000-\u001f]/);
      }
    });
  }

  it('rates smuggling forms above odd but harmless signs', () => {
    const [smuggling] = analyzer.analyzeRequest!(parsed(protocolCases[0]!));
    expect(smuggling?.confidence).toBe(1);
    const odd = analyzer.analyzeRequest!(parsed({ headers: [['Cache-Control', 'private']], expect: null }));
    expect(odd.map((f) => f.confidence)).toEqual([0.3]);
  });

  it('reports one finding per rule', () => {
    const findings = analyzer.analyzeRequest!(parsed({ target: '/?a=%00&b=%00&c=%00', expect: null }));
    expect(findings.filter((f) => f.rule === 'protocol/null-byte')).toHaveLength(1);
  });

  it('refuses unknown and out-of-range options', () => {
    expect(() => createProtocolAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createProtocolAnalyzer({ maxHeaders: 2 })).toThrow(/maxHeaders/);
    expect(createProtocolAnalyzer({ maxHeaders: 10 }).id).toBe('protocol');
  });
});

describe('protocol regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    '%'.repeat(50_000),
    '%c0'.repeat(17_000),
    ';'.repeat(50_000),
    '"'.repeat(50_000),
    'unix:'.repeat(10_000),
    'GET '.repeat(12_000),
    'bytes=0-,'.repeat(5_000),
  ];
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      const requests = [
        parsed({
          method: 'POST',
          target: `/?a=${input}`,
          headers: [
            ['Range', input],
            ['Content-Type', `multipart/form-data; boundary=b; x=${input}`],
          ],
          body: `--b\r\nContent-Disposition: form-data; name="${input}"\r\n\r\nx\r\n--b--`,
          expect: null,
        }),
        parsed({
          method: 'POST',
          headers: [
            ['Content-Type', 'application/x-www-form-urlencoded'],
            ['Cookie', input],
          ],
          body: `a=${input}`,
          expect: null,
        }),
      ];
      for (const r of requests) analyzer.analyzeRequest!(r);
    },
    8,
  );
});
