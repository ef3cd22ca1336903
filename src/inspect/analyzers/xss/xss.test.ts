import { describe, expect, it } from 'vitest';
import type { InspectedValue, Variant } from '../../inspectable.js';
import { XSS_CASES } from './cases.js';
import { createXssAnalyzer } from './create-xss-analyzer.js';

function urlDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function inspected(
  input: string,
  kind: InspectedValue['item']['kind'] = 'query-value',
  location = 'query.q',
): InspectedValue {
  const variants: Variant[] = [{ value: input, transforms: [] }];
  const decoded = urlDecoded(input);
  if (decoded !== input) variants.push({ value: decoded, transforms: ['url-decode'] });
  return { item: { location, kind, value: input }, variants };
}

const analyzer = createXssAnalyzer();

describe('xss analyzer cases', () => {
  it.each(XSS_CASES.map((c) => [c.input, c] as const))('%j', (_, c) => {
    const findings = analyzer.analyzeValue!(inspected(c.input, c.kind, c.location));
    if (c.expect === null) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings.map((f) => f.rule)).toContain(c.expect);
    const strongest = Math.max(...findings.map((f) => f.confidence));
    if (c.below !== undefined) expect(strongest).toBeLessThan(c.below);
    if (c.atLeast !== undefined) expect(strongest).toBeGreaterThanOrEqual(c.atLeast);
    if (c.below === undefined && c.atLeast === undefined) expect(strongest).toBe(1);
  });
});

describe('xss findings', () => {
  it('name the analyzer, the location and the transforms that revealed them', () => {
    const [finding] = analyzer.analyzeValue!(inspected('%3Csvg%2Fonload%3Dalert(1)%3E'));
    expect(finding).toMatchObject({
      analyzer: 'xss',
      rule: 'xss/event-handler',
      confidence: 1,
      location: 'query.q',
    });
    expect(finding!.transforms).toEqual(['url-decode']);
  });

  it('add the decodings the analyzer applied itself', () => {
    const findings = analyzer.analyzeValue!(inspected('<a href="jav&#x09;ascript:alert(1)">x</a>'));
    expect(findings.find((f) => f.rule === 'xss/script-url')?.transforms).toEqual(['html-entities']);
  });

  it('decode character references once more where the value was encoded twice', () => {
    const twice = '&amp;lt;script&amp;gt;x=1&amp;lt;/script&amp;gt;';
    const once = '&lt;script&gt;x=1&lt;/script&gt;';
    const value: InspectedValue = {
      item: { location: 'body.form.c', kind: 'body-value', value: twice },
      variants: [
        { value: twice, transforms: [] },
        { value: once, transforms: ['html-entities'] },
      ],
    };
    const [finding] = analyzer.analyzeValue!(value);
    expect(finding).toMatchObject({ rule: 'xss/script-tag', transforms: ['html-entities', 'html-entities'] });
    // A value as received gets no round of its own: the normalizer's spelling is the first.
    expect(analyzer.analyzeValue!(inspected(once))).toEqual([]);
  });

  it('keep evidence short and free of control characters', () => {
    const payload = `<img src=x\nonerror=alert(1)${' '.repeat(200)}>`;
    for (const finding of analyzer.analyzeValue!(inspected(payload))) {
      expect(finding.evidence.length).toBeLessThanOrEqual(64);
      expect(finding.evidence).not.toMatch(/[\u0000-\u001f]/);
    }
  });

  it('report each rule once, strongest first, at most four', () => {
    const findings = analyzer.analyzeValue!(
      inspected('"><script>alert(1)</script><img src=x onerror=alert(2)><a href=javascript:alert(3)>'),
    );
    expect(findings.length).toBeLessThanOrEqual(4);
    expect(new Set(findings.map((f) => f.rule)).size).toBe(findings.length);
    expect(findings.map((f) => f.confidence)).toEqual(
      [...findings.map((f) => f.confidence)].sort((a, b) => b - a),
    );
  });

  it('look only at the first maxLength characters', () => {
    const late = `${'a'.repeat(300)}<script>alert(1)</script>`;
    expect(createXssAnalyzer({ maxLength: 256 }).analyzeValue!(inspected(late))).toEqual([]);
    expect(analyzer.analyzeValue!(inspected(late))).not.toEqual([]);
  });
});

describe('createXssAnalyzer options', () => {
  it('refuses unknown options and bad lengths, listing every problem', () => {
    expect(() => createXssAnalyzer({ maxLenght: 10 })).toThrow(/unknown option "maxLenght"/);
    expect(() => createXssAnalyzer({ maxLength: 10, x: 1 })).toThrow(/unknown option "x".*maxLength must be/);
    expect(() => createXssAnalyzer({ maxLength: 1.5 })).toThrow(TypeError);
  });
});
