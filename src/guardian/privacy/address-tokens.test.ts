import { describe, expect, it } from 'vitest';
import { mentionsAddress, replaceAddresses } from './address-tokens.js';

describe('mentionsAddress', () => {
  it.each([
    ['from 10.0.0.1', '10.0.0.1', true],
    ['from 10.0.0.1.', '10.0.0.1', true],
    ['"value":"10.0.0.1"', '10.0.0.1', true],
    ['for=10.0.0.1:8080', '10.0.0.1', true],
    ['::ffff:10.0.0.1', '10.0.0.1', true],
    ['10.0.0.12', '10.0.0.1', false],
    ['110.0.0.1', '10.0.0.1', false],
    ['10.0.0.1.5', '10.0.0.1', false],
    ['for="[2001:DB8::1]:4711"', '2001:db8::1', true],
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1', true],
    ['2001:db8::12', '2001:db8::1', false],
    ['2001:db8::1:5', '2001:db8::1', false],
    ['nothing here', '10.0.0.1', false],
  ])('%j mentions %s: %s', (text, address, expected) => {
    expect(mentionsAddress(text, address)).toBe(expected);
  });
});

describe('replaceAddresses', () => {
  it('rewrites each whole address and keeps what is around it', () => {
    const text = 'for=10.0.0.1:80;by=10.0.0.2, 2001:db8::1, version 1.1';
    expect(replaceAddresses(text, (canonical) => (canonical === '10.0.0.1' ? 'X' : undefined))).toBe(
      'for=X:80;by=10.0.0.2, 2001:db8::1, version 1.1',
    );
    expect(replaceAddresses(text, () => 'Y')).toBe('for=Y:80;by=Y, Y, version 1.1');
  });
});
