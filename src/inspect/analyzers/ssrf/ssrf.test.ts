import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adversarialInputs, regexLiterals } from '../cmdi/regex-safety.js';
import { inspected } from '../shared/case-table.testing.js';
import { SSRF_CASES } from './cases.js';
import { createSsrfAnalyzer } from './create-ssrf-analyzer.js';

const PARANOID = 0.4;
const analyzer = createSsrfAnalyzer();

describe('ssrf analyzer', () => {
  for (const c of SSRF_CASES) {
    it(`${c.expect ?? 'passes'}: ${c.location ?? ''}=${JSON.stringify(c.input).slice(0, 60)}`, () => {
      const findings = analyzer.analyzeValue!(inspected(c.input, c.kind, c.location));
      if (c.expect === null) {
        expect(findings.filter((f) => f.confidence >= PARANOID)).toEqual([]);
      } else {
        const hit = findings.find((f) => f.rule === c.expect);
        expect(hit, JSON.stringify(findings)).toBeDefined();
        expect(hit!.confidence).toBeGreaterThanOrEqual(PARANOID);
      }
    });
  }

  it('blocks metadata and loopback on its own, a loopback redirect target only at high sensitivity', () => {
    const top = (input: string) =>
      Math.max(0, ...analyzer.analyzeValue!(inspected(input)).map((f) => f.confidence));
    expect(top('http://169.254.169.254/latest/meta-data/')).toBe(1);
    expect(top('http://0x7f.1/')).toBe(1);
    expect(top('http://localhost/admin')).toBe(1);
    const redirect = analyzer.analyzeValue!(
      inspected('http://localhost:8080/cb', 'query-value', 'query.redirect_uri'),
    );
    expect(redirect[0]?.confidence).toBeLessThan(1);
    // An obfuscated spelling or a raw protocol is an evasion even in a redirect target: no browser goes there.
    for (const [input, location] of [
      ['http://0x7f000001/admin', 'query.next'],
      ['http://2130706433/', 'query.redirect'],
      ['http://x@127.1/', 'query.return_to'],
      ['gopher://127.0.0.1:6379/_INFO', 'query.callback'],
    ] as const) {
      const found = analyzer.analyzeValue!(inspected(input, 'query-value', location));
      expect(found[0]?.confidence, `${location}=${input}`).toBe(1);
    }
  });

  it('refuses unknown options and bad limits', () => {
    expect(() => createSsrfAnalyzer({ hosts: [] })).toThrow(/unknown option/);
    expect(() => createSsrfAnalyzer({ maxLength: '9' })).toThrow(/maxLength/);
  });

  it('stays fast on long adversarial values', () => {
    for (const input of [
      'http://'.repeat(10_000),
      `http://${'1.'.repeat(30_000)}`,
      `http://[${':'.repeat(60_000)}]`,
      `http://${'@'.repeat(60_000)}`,
    ]) {
      const started = performance.now();
      analyzer.analyzeValue!(inspected(input, 'query-value', 'query.page'));
      expect(performance.now() - started, input.slice(0, 10)).toBeLessThan(200);
    }
  });

  it('has no regex that backtracks on long inputs', () => {
    const dir = new URL('.', import.meta.url).pathname;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const regex of regexLiterals(readFileSync(dir + file, 'utf8'))) {
        for (const input of adversarialInputs(regex)) {
          // Best of two runs: a backtracking regex takes seconds every time, a busy machine only once.
          const times = [0, 1].map(() => {
            const started = performance.now();
            regex.lastIndex = 0;
            regex.test(input);
            return performance.now() - started;
          });
          expect(Math.min(...times), `${file} ${regex}`).toBeLessThan(50);
        }
      }
    }
  });
});
