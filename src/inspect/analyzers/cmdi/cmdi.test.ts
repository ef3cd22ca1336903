import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InspectedValue, ValueKind, Variant } from '../../inspectable.js';
import { CMDI_CASES } from './cases.js';
import { createCmdiAnalyzer } from './create-cmdi-analyzer.js';
import { adversarialInputs, regexLiterals } from './regex-safety.js';

const PARANOID = 0.4;
const analyzer = createCmdiAnalyzer();

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function inspected(input: string, kind: ValueKind = 'query-value', location = 'query.x'): InspectedValue {
  const variants: Variant[] = [{ value: input, transforms: [] }];
  const decoded = safeDecode(input);
  if (decoded !== input) variants.push({ value: decoded, transforms: ['url-decode'] });
  return { item: { location, kind, value: input }, variants };
}

describe('cmdi analyzer', () => {
  for (const c of CMDI_CASES) {
    it(`${c.expect ?? 'passes'}: ${JSON.stringify(c.input).slice(0, 70)}`, () => {
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

  it('blocks the unmistakable forms on its own (confidence 1)', () => {
    for (const input of [';cat /etc/passwd', '$(whoami)', "c'a't /etc/passwd", ':(){ :|:& };:']) {
      const top = Math.max(...analyzer.analyzeValue!(inspected(input)).map((f) => f.confidence));
      expect(top, input).toBe(1);
    }
  });

  it('reports the location, the variant transforms and short escaped evidence', () => {
    const [finding] = analyzer.analyzeValue!(
      inspected(`x%0Acat /etc/passwd ${'A'.repeat(200)}`, 'query-value', 'query.cmd'),
    );
    expect(finding?.location).toBe('query.cmd');
    expect(finding?.transforms.length).toBeGreaterThan(0);
    expect(finding!.evidence.length).toBeLessThanOrEqual(64);
    expect(finding!.evidence).not.toMatch(/[\r\n]/);
  });

  it('reads a post of several lines with its lines, not in the spellings that folded them', () => {
    const post = 'First line of the post here.\nA pair `` stands alone in this line.\nThe end of the post.';
    const value = (variants: Variant[]): InspectedValue => ({
      item: { location: 'body.json.body', kind: 'body-value', value: post },
      variants,
    });
    const folded = post.replaceAll('\n', ' ');
    const alone = analyzer.analyzeValue!(value([{ value: folded, transforms: [] }]));
    expect(alone.map((f) => f.rule)).toContain('cmdi/empty-substitution');
    const both = analyzer.analyzeValue!(
      value([
        { value: post, transforms: [] },
        { value: folded, transforms: ['whitespace-fold', 'js-escapes'] },
      ]),
    );
    expect(both.filter((f) => f.confidence >= 0.9)).toEqual([]);
  });

  it('refuses unknown options and bad limits', () => {
    expect(() => createCmdiAnalyzer({ bogus: 1 })).toThrow(/unknown option/);
    expect(() => createCmdiAnalyzer({ maxLength: 3 })).toThrow(/maxLength/);
    expect(createCmdiAnalyzer({ maxLength: 1024 }).id).toBe('cmdi');
  });

  it('stays fast on long adversarial values', () => {
    for (const input of [
      ';'.repeat(50_000),
      '$('.repeat(20_000),
      `${"c'a't ".repeat(8000)}`,
      '{a,'.repeat(20_000),
      `a=\`${'`'.repeat(30_000)}`,
    ]) {
      const started = performance.now();
      analyzer.analyzeValue!(inspected(input));
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
