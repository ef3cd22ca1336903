import { describe, expect, it } from 'vitest';
import { hostMatcher } from './host-pattern.js';

describe('hostMatcher', () => {
  it.each([
    ['shop.example', 'shop.example', true],
    ['shop.example', 'SHOP.example:8080', true],
    ['shop.example', 'api.shop.example', false],
    ['*.example', 'api.example', true],
    ['*.example', 'example', false],
    ['*', 'anything:1', true],
    ['[::1]', '[::1]:8080', true],
    ['127.0.0.1', '127.0.0.1:3100', true],
  ] as const)('%s against Host %s: %s', (pattern, host, expected) => {
    expect(hostMatcher(pattern)(host)).toBe(expected);
  });
});
