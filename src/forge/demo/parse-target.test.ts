import { describe, expect, it } from 'vitest';
import { parseTarget } from './parse-target.js';

describe('parseTarget', () => {
  it.each([
    ['/products?q=a', '/products', 'a'],
    ['/products/', '/products', null],
    ['//', '/', null],
    ['/search?q=%zz%E0%A4%A', '/search', '%zz\uFFFD%A'],
    ['http://shop.example/search?q=x', '/search', 'x'],
    ['*', '*', null],
    [undefined, '/', null],
  ])('splits %s without throwing', (raw, path, q) => {
    const target = parseTarget(raw);
    expect(target.path).toBe(path);
    expect(target.query.get('q')).toBe(q);
  });
});
