import { describe, expect, it } from 'vitest';
import { formatListenAddress, parseListenAddress } from './listen-address.js';

describe('parseListenAddress', () => {
  it.each([
    ['127.0.0.1:3100', { host: '127.0.0.1', port: 3100 }],
    ['localhost:0', { host: 'localhost', port: 0 }],
    ['[::1]:3100', { host: '::1', port: 3100 }],
  ])('%s', (text, address) => {
    expect(parseListenAddress(text)).toEqual(address);
    expect(formatListenAddress(address)).toBe(text);
  });

  it.each(['3100', '127.0.0.1', '127.0.0.1:70000', '::1:3100', 'http://127.0.0.1:3100'])(
    'refuses %s',
    (text) => {
      expect(parseListenAddress(text)).toBeUndefined();
    },
  );
});
