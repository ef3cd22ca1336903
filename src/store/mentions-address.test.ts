import { describe, expect, it } from 'vitest';
import { addressNeedle, mentionsAddress, valueMentionsAddress } from './mentions-address.js';

describe('mentionsAddress', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4', true],
    ['from 1.2.3.4', '1.2.3.4', true],
    ['from 1.2.3.4.', '1.2.3.4', true],
    ['"ip":"1.2.3.4"', '1.2.3.4', true],
    ['for=1.2.3.4:8080', '1.2.3.4', true],
    ['::ffff:1.2.3.4', '1.2.3.4', true],
    ['x-forwarded-for: 10.0.0.9, 1.2.3.4', '1.2.3.4', true],
    ['/ban/1.2.3.4/now', '1.2.3.4', true],
    ['11.2.3.45', '1.2.3.4', false],
    ['1.2.3.40', '1.2.3.4', false],
    ['11.2.3.4', '1.2.3.4', false],
    ['1.2.3.4.5', '1.2.3.4', false],
    ['1.2.3.4.example', '1.2.3.4', false],
    ['host1.2.3.4', '1.2.3.4', false],
    ['1.2.3.4x', '1.2.3.4', false],
    ['11.2.3.45 and then 1.2.3.4', '1.2.3.4', true],
    ['2001:db8::1', '2001:db8::1', true],
    ['for="[2001:DB8::1]:4711"', '2001:db8::1', true],
    ['fe80::2001:db8::1', '2001:db8::1', false],
    ['2001:db8::10', '2001:db8::1', false],
    ['2001:db8::1:5', '2001:db8::1', false],
    ['2001:db8::1f', '2001:db8::1', false],
    ['a2001:db8::1', '2001:db8::1', false],
    ['2001:db8::1%eth0', '2001:db8::1', true],
    ['clients: 2001:db8:1:2::/64', '2001:db8:1:2::/64', true],
    ['2001:db8:1:2::/640', '2001:db8:1:2::/64', false],
    ['nothing here', '1.2.3.4', false],
    ['1x2y3z4', '1.2.3.4', false],
    ['anything', '', false],
  ])('%j mentions %j: %s', (text, address, expected) => {
    expect(mentionsAddress(text, address)).toBe(expected);
  });
});

describe('valueMentionsAddress', () => {
  it('reads every string of a JSON value, keys too, decoded', () => {
    expect(valueMentionsAddress({ a: [1, { b: 'seen 1.2.3.4' }] }, '1.2.3.4')).toBe(true);
    expect(valueMentionsAddress({ '1.2.3.4': 3 }, '1.2.3.4')).toBe(true);
    expect(valueMentionsAddress(JSON.parse('["\\n1.2.3.4"]'), '1.2.3.4')).toBe(true);
    expect(valueMentionsAddress({ a: ['1.2.3.40'], n: 1234, none: null, yes: true }, '1.2.3.4')).toBe(false);
    expect(valueMentionsAddress('1.2.3.4', '1.2.3.4')).toBe(true);
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = '1.2.3.4';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(valueMentionsAddress(deep, '1.2.3.4')).toBe(true);
    expect(valueMentionsAddress(deep, '1.2.3.5')).toBe(false);
    const wide = [...Array.from({ length: 500_000 }, () => 'x'), '1.2.3.4'];
    expect(valueMentionsAddress(wide, '1.2.3.4')).toBe(true);
  });
});

describe('addressNeedle', () => {
  it('lower-cases the address and says whether the text must be lower-cased too', () => {
    expect(addressNeedle('1.2.3.4')).toEqual({ text: '1.2.3.4', lower: false });
    expect(addressNeedle('2001:DB8::1')).toEqual({ text: '2001:db8::1', lower: true });
    expect(addressNeedle('')).toBeUndefined();
  });
});
