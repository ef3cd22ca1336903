import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InspectedValue, ValueKind, Variant } from '../../inspectable.js';
import { adversarialInputs, regexLiterals } from '../cmdi/regex-safety.js';
import { TRAVERSAL_CASES } from './cases.js';
import { createTraversalAnalyzer } from './create-traversal-analyzer.js';
import { mayHoldTraversal, scanForTraversal } from './may-hold-traversal.js';

const PARANOID = 0.4;
const analyzer = createTraversalAnalyzer();

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

describe('traversal analyzer', () => {
  for (const c of TRAVERSAL_CASES) {
    it(`${c.expect ?? 'passes'}: ${JSON.stringify(c.input).slice(0, 70)}`, () => {
      const findings = analyzer.analyzeValue!(inspected(c.input, c.kind));
      if (c.expect === null) {
        expect(findings.filter((f) => f.confidence >= (c.max ?? PARANOID))).toEqual([]);
      } else {
        const hit = findings.find((f) => f.rule === c.expect);
        expect(hit, JSON.stringify(findings)).toBeDefined();
        expect(hit!.confidence).toBeGreaterThanOrEqual(c.min ?? PARANOID);
      }
    });
  }

  it('weighs depth and target: a deep climb to /etc/passwd blocks alone, one ../ in a link does not', () => {
    const top = (input: string, kind?: ValueKind) =>
      Math.max(0, ...analyzer.analyzeValue!(inspected(input, kind)).map((f) => f.confidence));
    expect(top('../../../../etc/passwd')).toBe(1);
    expect(top('../../../x')).toBeGreaterThanOrEqual(0.9);
    expect(top('../images/logo.png')).toBeLessThan(PARANOID);
    expect(top('see ../../docs/a.md and more text here')).toBeLessThan(PARANOID);
  });

  it('reports the location, the variant transforms and short escaped evidence', () => {
    const [finding] = analyzer.analyzeValue!(inspected(`..%2f..%2f..%2fetc%2fpasswd%0a${'x'.repeat(100)}`));
    expect(finding?.location).toBe('query.x');
    expect(finding?.transforms).toEqual(['url-decode']);
    expect(finding!.evidence.length).toBeLessThanOrEqual(64);
  });

  it('refuses unknown options and bad limits', () => {
    expect(() => createTraversalAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createTraversalAnalyzer({ maxLength: 1.5 })).toThrow(/maxLength/);
  });

  it('stays fast on long adversarial values', () => {
    for (const input of [
      '../'.repeat(30_000),
      '/'.repeat(90_000),
      `${'a/'.repeat(40_000)}etc/passwd`,
      '%c0%ae'.repeat(20_000),
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

describe('mayHoldTraversal', () => {
  const PIECES = ['etc', 'ETC', 'passwd', '.env', 'boot.ini', 'php', 'data', 'ssh2.shell', 'Web-Inf', '.git'];
  const CHARS = 'aeEtcTC./\\:;php/filter .. %x\u00e9\u212a\u017f"(=';

  it('answers as the char-by-char scan it replaces, on fixed and random values', () => {
    const fixed = [
      '/etc/passwd',
      'a/php://filter',
      'x php://filter',
      'php://input',
      'see etc. and so on',
      'the .environment',
      '..',
      'lorem ipsum dolor sit amet',
      'C:\\Windows\\win.ini',
      'ETC',
      '\u017fys',
    ];
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const random = Array.from({ length: 20_000 }, () => {
      let s = '';
      for (let n = Math.floor(next() * 16); n > 0; n--) {
        s +=
          next() < 0.3
            ? PIECES[Math.floor(next() * PIECES.length)]
            : CHARS[Math.floor(next() * CHARS.length)];
      }
      return s;
    });
    for (const value of [...fixed, ...random])
      expect([value, mayHoldTraversal(value)]).toEqual([value, scanForTraversal(value)]);
  });
});
