import { describe, expect, it } from 'vitest';
import { alertGroupKey } from './alert.js';

describe('alertGroupKey', () => {
  it('joins rule, site and subject', () => {
    expect(alertGroupKey({ rule: 'canary-used', site: 'shop', subject: '1a2b3c4d' })).toBe(
      'canary-used/shop/1a2b3c4d',
    );
  });

  it('cannot be made to collide by a separator inside a part', () => {
    const a = alertGroupKey({ rule: 'attack-wave', site: 'a/b', subject: 'c' });
    const b = alertGroupKey({ rule: 'attack-wave', site: 'a', subject: 'b/c' });
    expect(a).not.toBe(b);
  });
});
