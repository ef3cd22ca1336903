import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level, whatever order they were written in', () => {
    const a = { b: 1, a: { z: [3, { y: 1, x: 2 }], '10': 'ten', '9': 'nine' } };
    const b = { a: { '9': 'nine', z: [3, { x: 2, y: 1 }], '10': 'ten' }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"10":"ten","9":"nine","z":[3,{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('reads back to the same value, as JSON.stringify would write it', () => {
    const cases: unknown[] = [
      { s: 'quote " backslash \\ newline \n', u: 'é😀\u2028', lone: '\ud800' },
      { n: [0, -0, 1.5, 1e21, 2 ** 53 + 2, -7] },
      { when: new Date(0), gone: undefined, fn: () => 1, list: [undefined, () => 1, Number.NaN] },
      { boxed: [new Number(2), new String('s'), new Boolean(false)] },
      'top',
      null,
      [],
    ];
    for (const value of cases) {
      const text = canonicalJson(value);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      expect(canonicalJson(JSON.parse(text))).toBe(text);
    }
  });

  it('refuses what JSON cannot hold', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(TypeError);
    expect(() => canonicalJson({ big: 1n })).toThrow(TypeError);
  });

  it('writes a value seen twice, when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, { shared }])).toBe('[{"a":1},{"shared":{"a":1}}]');
  });
});
