import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/index.js';
import type { Inspectable } from './inspectable.js';
import { createValueMemo } from './value-memo.js';

const ua = (value: string): Inspectable => ({ location: 'header.user-agent', kind: 'header-value', value });
const FOUND: Finding[] = [
  {
    analyzer: 'scanner',
    rule: 'scanner/tool',
    confidence: 0.5,
    location: 'header.user-agent',
    evidence: '',
    transforms: [],
  },
];

describe('createValueMemo', () => {
  const options = { kinds: ['header-value' as const], maxLength: 16, maxEntries: 2 };

  it('keeps only the kinds and lengths it was given', () => {
    const memo = createValueMemo(options);
    expect(memo.accepts(ua('curl/8.0'))).toBe(true);
    expect(memo.accepts(ua('x'.repeat(17)))).toBe(false);
    expect(memo.accepts({ location: 'query.q', kind: 'query-value', value: 'a' })).toBe(false);
    memo.set({ location: 'query.q', kind: 'query-value', value: 'a' }, FOUND);
    expect(memo.get({ location: 'query.q', kind: 'query-value', value: 'a' })).toBeUndefined();
  });

  it('answers by location and value', () => {
    const memo = createValueMemo(options);
    memo.set(ua('sqlmap/1.7'), FOUND);
    expect(memo.get(ua('sqlmap/1.7'))).toBe(FOUND);
    expect(memo.get({ ...ua('sqlmap/1.7'), location: 'header.referer' })).toBeUndefined();
    expect(memo.get(ua('sqlmap/1.8'))).toBeUndefined();
  });

  it('forgets everything when full, never growing past its bound', () => {
    const memo = createValueMemo(options);
    memo.set(ua('a'), []);
    memo.set(ua('b'), []);
    memo.set(ua('c'), FOUND);
    expect(memo.get(ua('a'))).toBeUndefined();
    expect(memo.get(ua('c'))).toBe(FOUND);
  });
});
