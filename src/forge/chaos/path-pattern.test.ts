import { describe, expect, it } from 'vitest';
import { pathMatcher } from './path-pattern.js';

describe('pathMatcher', () => {
  it.each([
    ['/api/*', '/api/products/7', true],
    ['/api/*', '/api', false],
    ['/api/*', '/apix/1', false],
    ['/api', '/api/products', true],
    ['/api', '/apiary', true],
    ['/static/', '/api/static/x', false],
    ['/*.json', '/a/b.json', true],
    ['/v?/users', '/v2/users', true],
    ['/v?/users', '/v10/users', false],
    ['/a.b', '/axb', false],
  ] as const)('%s against %s: %s', (pattern, path, expected) => {
    expect(pathMatcher(pattern)(path)).toBe(expected);
  });
});
