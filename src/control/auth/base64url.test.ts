import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';

describe('base64url', () => {
  it('encodes without padding in the URL alphabet', () => {
    expect(encodeBase64Url(Buffer.from([0xfb, 0xff]))).toBe('-_8');
    expect(encodeBase64Url(new TextEncoder().encode('hi'))).toBe('aGk');
    expect(encodeBase64Url(new Uint8Array())).toBe('');
  });

  it('round-trips', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
  });

  const refused: [string, string][] = [
    ['padding', 'aGk='],
    ['standard alphabet +', '+/8'],
    ['a space', 'aG k'],
    ['a dot', 'aG.k'],
    ['an impossible length', 'aGkhx'],
    ['non-zero unused bits', 'aGl'],
    ['a newline', 'aGk\n'],
  ];
  it.each(refused)('refuses %s', (_, text) => {
    expect(decodeBase64Url(text)).toBeUndefined();
  });

  it('accepts the empty string', () => {
    expect(decodeBase64Url('')).toEqual(Buffer.alloc(0));
  });
});
