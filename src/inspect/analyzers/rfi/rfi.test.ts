import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adversarialInputs, regexLiterals } from '../cmdi/regex-safety.js';
import { inspected } from '../shared/case-table.testing.js';
import { RFI_CASES } from './cases.js';
import { createRfiAnalyzer } from './create-rfi-analyzer.js';

const PARANOID = 0.4;
const analyzer = createRfiAnalyzer();

describe('rfi analyzer', () => {
  for (const c of RFI_CASES) {
    it(`${c.expect ?? 'passes'}: ${c.location ?? ''}=${JSON.stringify(c.input).slice(0, 60)}`, () => {
      const findings = analyzer.analyzeValue!(inspected(c.input, c.kind, c.location));
      if (c.expect === null) {
        expect(findings.filter((f) => f.confidence >= (c.max ?? PARANOID))).toEqual([]);
      } else {
        const hit = findings.find((f) => f.rule === c.expect);
        expect(hit, JSON.stringify(findings)).toBeDefined();
        expect(hit!.confidence).toBeGreaterThanOrEqual(c.min ?? PARANOID);
      }
    });
  }

  it('blocks a truncated script URL in an include parameter on its own', () => {
    const [finding] = analyzer.analyzeValue!(
      inspected('http://evil.example/shell.txt?', 'query-value', 'query.page'),
    );
    expect(finding?.confidence).toBe(1);
    expect(finding?.evidence).toBe('http://evil.example/shell.txt?');
  });

  it('refuses unknown options and bad limits', () => {
    expect(() => createRfiAnalyzer({ names: [] })).toThrow(/unknown option/);
    expect(() => createRfiAnalyzer({ maxLength: '9' })).toThrow(/maxLength/);
  });

  it('stays fast on long adversarial values', () => {
    for (const input of [
      'http://'.repeat(10_000),
      `http://${'a'.repeat(60_000)}?`,
      `${'http://1.2.3.4/'.repeat(5000)}`,
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
