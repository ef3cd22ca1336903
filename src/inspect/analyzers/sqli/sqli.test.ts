import { describe, expect, it } from 'vitest';
import type { InspectedValue, Variant } from '../../inspectable.js';
import { SQLI_CASES } from './cases.js';
import { createSqliAnalyzer } from './create-sqli-analyzer.js';
import { scanNeed, sqlNeed } from './sql-need.js';

const analyzer = createSqliAnalyzer();

function inspected(input: string, kind: InspectedValue['item']['kind'] = 'query-value'): InspectedValue {
  const variants: Variant[] = [{ value: input, transforms: [] }];
  let decoded = input;
  try {
    decoded = decodeURIComponent(input.replace(/\+/g, ' '));
  } catch {
    // a malformed escape stays as received
  }
  if (decoded !== input) variants.push({ value: decoded, transforms: ['url-decode'] });
  return { item: { location: 'query.q', kind, value: input }, variants };
}

describe('sqli analyzer cases', () => {
  for (const c of SQLI_CASES) {
    it(`${c.expect ?? 'passes'}: ${JSON.stringify(c.input).slice(0, 80)}`, () => {
      const findings = analyzer.analyzeValue!(inspected(c.input, c.kind));
      if (c.expect === null && c.max === undefined) expect(findings).toEqual([]);
      else if (c.expect === null) for (const f of findings) expect(f.confidence).toBeLessThan(c.max!);
      else {
        expect(findings.map((f) => f.rule)).toContain(c.expect);
        const strongest = Math.max(...findings.filter((f) => f.rule === c.expect).map((f) => f.confidence));
        if (c.min !== undefined) expect(strongest).toBeGreaterThanOrEqual(c.min);
      }
    });
  }
});

describe('sqli findings', () => {
  it('name the analyzer, the location and the transforms that revealed them', () => {
    const [finding] = analyzer.analyzeValue!(inspected('-1%20union%20select%201%2C2'));
    expect(finding).toMatchObject({ analyzer: 'sqli', rule: 'sqli/union-select', location: 'query.q' });
    expect(finding!.transforms).toEqual(['url-decode']);
    expect(finding!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('block a clause written with the blank that joins it to the value, and only weigh it bare', () => {
    const strongest = (raw: string) =>
      Math.max(0, ...analyzer.analyzeValue!(inspected(raw)).map((f) => f.confidence));
    expect(strongest('%20ORDER%20BY%2031337')).toBeGreaterThanOrEqual(0.9);
    expect(strongest('ORDER%20BY%205')).toBeLessThan(0.9);
  });

  it('see through a line comment the normalizer folded onto one line', () => {
    const raw = '-1%23x%0Aunion%20select%201%2C2';
    const value: InspectedValue = {
      item: { location: 'query.id', kind: 'query-value', value: raw },
      variants: [
        { value: raw, transforms: [] },
        { value: '-1#x union select 1,2', transforms: ['url-decode', 'whitespace-fold'] },
      ],
    };
    const union = analyzer.analyzeValue!(value).find((f) => f.rule === 'sqli/union-select');
    expect(union?.transforms).toEqual(['url-decode']);
  });

  it('read nested block comments both ways: MySQL ends them at the first close, PostgreSQL nests them', () => {
    const strongest = (input: string) =>
      Math.max(0, ...analyzer.analyzeValue!(inspected(input)).map((f) => f.confidence));
    expect(strongest("1001 union/*/**/*/select userid, '3' from cards")).toBeGreaterThanOrEqual(0.9);
    expect(strongest('1/* /*/ */ */ or 1=1-')).toBeGreaterThanOrEqual(0.9);
    // MySQL's reading still counts where nesting never closes.
    expect(strongest('1 /* a /* b */ union select 1,2,3--')).toBeGreaterThanOrEqual(0.9);
    expect(strongest('see /* notes /* inside */ the text */ here')).toBe(0);
  });

  it('keep evidence short, with control characters escaped', () => {
    const payload = `1\n\u0001union select ${'1,'.repeat(200)}1 from users--`;
    for (const finding of analyzer.analyzeValue!(inspected(payload))) {
      expect(finding.evidence.length).toBeLessThanOrEqual(64);
      expect(finding.evidence).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
  });

  it('return at most one finding per rule, the strongest', () => {
    const findings = analyzer.analyzeValue!(inspected("1' or 1=1 union select 1,2 from users--"));
    const rules = findings.map((f) => f.rule);
    expect(new Set(rules).size).toBe(rules.length);
    expect(findings.length).toBeLessThanOrEqual(4);
  });

  it('rate a complete injection above a fragment', () => {
    const [complete] = analyzer.analyzeValue!(inspected("' or 'a'='a"));
    const [lone] = analyzer.analyzeValue!(inspected("' or 'x"));
    expect(complete!.confidence).toBeGreaterThanOrEqual(1);
    expect(lone!.confidence).toBeLessThan(0.4);
  });

  it('block a quote break cut off by any comment marker', () => {
    for (const input of ["admin'--", "admin' #", "admin'/*", 'admin")/*']) {
      const [finding] = analyzer.analyzeValue!(inspected(input));
      expect(finding?.confidence, input).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('rate SQL that is the whole value (a code sample) below decisive', () => {
    for (const finding of analyzer.analyzeValue!(
      inspected('SELECT name, price FROM products WHERE id = 5'),
    )) {
      expect(finding.confidence).toBeLessThan(0.9);
    }
  });
});

describe('sqli options', () => {
  it('accept the documented options', () => {
    expect(createSqliAnalyzer({ maxLength: 1024, maxTokens: 64, minConfidence: 0.5 }).id).toBe('sqli');
  });

  it('reject every bad option at once', () => {
    expect(() => createSqliAnalyzer({ maxLength: -1, bogus: true, minConfidence: 2 })).toThrow(
      /maxLength.*bogus|bogus.*maxLength/,
    );
    expect(() => createSqliAnalyzer({ maxTokens: 16.5 })).toThrow(/integer/);
  });

  it('drop findings below minConfidence', () => {
    const strict = createSqliAnalyzer({ minConfidence: 0.9 });
    expect(strict.analyzeValue!(inspected("' or 'x"))).toEqual([]);
  });

  it('look only at the first maxLength characters', () => {
    const short = createSqliAnalyzer({ maxLength: 16 });
    expect(short.analyzeValue!(inspected(`${'a'.repeat(32)}' or 1=1--`))).toEqual([]);
  });
});

describe('sqli cost', () => {
  it('handles huge and adversarial values quickly', () => {
    const inputs = [
      "'".repeat(200_000),
      '('.repeat(100_000),
      `1 or ${'('.repeat(50_000)}`,
      'union select '.repeat(20_000),
      `${'/*'.repeat(50_000)}`,
      `' or ${'1=1 and '.repeat(20_000)}`,
      'a'.repeat(500_000),
    ];
    for (const input of inputs) {
      const start = performance.now();
      analyzer.analyzeValue!(inspected(input));
      expect(performance.now() - start).toBeLessThan(100);
    }
  });
});

describe('sqli pre-check on long text', () => {
  // The native pre-screen of long values must agree with the per-character loop it short-cuts.
  const pieces = [
    'lorem',
    'ipsum',
    'is',
    'in',
    'IN',
    'and',
    'Or',
    'not',
    'like',
    'select',
    'selection',
    'update',
    'order',
    'by',
    'group',
    'xp_cmd',
    'dbms_x',
    'null',
    'true',
    '42',
    '7x',
    'concat',
    'char',
    'élan',
    'naïve',
    'café',
    '-',
    '--',
    ':',
    '::',
    '/',
    '/*',
    '*/*',
    '@',
    '@@',
    '&',
    '&&',
    '|',
    '||',
    '#',
    '1#',
    "'",
    '"',
    '`',
    '=',
    '<',
    '>',
    '!',
    '~',
    '^',
    '(',
    ')',
    '.',
    ',',
    '+',
    '_',
    '%20',
    '\n',
    '\t',
    ' ',
    '  ',
  ];
  let seed = 7;
  const next = (k: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  const text = (allowed: readonly string[], length: number, glue = true): string => {
    let out = '';
    while (out.length < length) out += allowed[next(allowed.length)]! + (glue && next(3) === 0 ? '' : ' ');
    return out;
  };
  const vocabularies = [
    ['lorem', 'ipsum', 'dolor', 'is', 'in', 'like', 'and', 'null', '42', 'café', '.', ',', '-', '+'],
    ['lorem', 'ipsum', 'in', '.', '-', ':', '@', '/', '&'],
    ['is', 'in', 'like', 'null', 'true', '42', '.', ',', '+'],
    ['is', 'in', '42', 'concat', 'char', 'orderly', '_'],
  ];

  it('agrees with the loop on long plain values', () => {
    const values = [
      'is in 42 null like true . , + '.repeat(20),
      'lorem ipsum is in dolor '.repeat(20),
      'lorem is not ipsum '.repeat(20),
      'lorem ipsum dolor sit amet '.repeat(20),
      `${'lorem ipsum '.repeat(30)}\`x`,
      `${'lorem ipsum '.repeat(30)}a@@b`,
      `${'lorem ipsum '.repeat(30)}select`,
      `${'is in 42 '.repeat(40)}café`,
    ];
    for (const value of values) expect(sqlNeed(value, 4096), value).toBe(scanNeed(value, value.length));
  });

  it('agrees with the loop on random long values', () => {
    for (let k = 0; k < 4000; k++) {
      // Plain words (the pre-screen's path), with nothing, one piece or a few mixed in.
      const plain = vocabularies[next(vocabularies.length)]!;
      const mixed = next(3);
      const middle =
        mixed === 0 ? '' : mixed === 1 ? pieces[next(pieces.length)]! : text(pieces, 1 + next(8));
      const glue = next(2) === 0;
      const value = `${text(plain, 100 + next(300), glue)} ${middle} ${text(plain, 200, glue)}`;
      for (const limit of [4096, 300]) {
        expect(sqlNeed(value, limit), value).toBe(scanNeed(value, Math.min(value.length, limit)));
      }
    }
  });
});
