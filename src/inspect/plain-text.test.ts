import { describe, expect, it } from 'vitest';
import type { Analyzer } from './analyzer.js';
import { createInspector } from './inspector.js';
import { isPlainText } from './plain-text.js';

const v = (...values: string[]) => values.map((value) => ({ value, transforms: [] }));

describe('isPlainText', () => {
  it.each([
    ['Olmos de Esgueva', true],
    ['José Luis, 23-b_x.', true],
    ['Olmos+de+Esgueva', true],
    ['1 union select password from users', true],
    ["O'Brien", false],
    ['a<b', false],
    ['50%', false],
    ['line\nbreak', false],
    ['２', false],
  ])('%j → %s', (value, plain) => {
    expect(isPlainText(v(value))).toBe(plain);
  });

  it('looks at every spelling of the value', () => {
    expect(isPlainText(v('abc', 'a<b'))).toBe(false);
  });
});

describe('inspector and quietOnPlainText', () => {
  const seen: string[] = [];
  const analyzer = (id: string, quiet: boolean): Analyzer => ({
    id,
    quietOnPlainText: quiet,
    analyzeValue: (value) => {
      seen.push(`${id}:${value.item.value}`);
      return [];
    },
  });
  const inspector = createInspector({
    analyzers: [analyzer('loud', false), analyzer('quiet', true)],
    extract: (view) => ({
      view,
      values: [
        { location: 'query.a', kind: 'query-value', value: 'plain words' },
        { location: 'query.b', kind: 'query-value', value: "it's" },
      ],
      contentType: '',
      overLimits: [],
    }),
    normalize: (item) => v(item.value),
  });

  it('skips a quiet analyzer on plain text only', () => {
    inspector.inspect({
      id: '1',
      method: 'GET',
      target: '/',
      path: '/',
      query: '',
      host: '',
      headers: [],
      httpVersion: '1.1',
      protocol: 'http',
    });
    expect(seen).toEqual(['loud:plain words', "loud:it's", "quiet:it's"]);
  });
});
