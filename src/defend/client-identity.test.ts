import { describe, expect, it } from 'vitest';
import { createAddressSet } from './cidr.js';
import { identifyClient, resolveClientAddress } from './client-identity.js';
import { ipv6Prefix } from './ip-address.js';

const options = (trusted: string[]) => ({
  trustedProxies: createAddressSet(trusted).set,
  ipv6PrefixLength: 64,
});

describe('resolveClientAddress', () => {
  it('ignores X-Forwarded-For from an untrusted peer', () => {
    const input = { remoteAddress: '203.0.113.9', forwardedFor: '1.1.1.1', userAgent: '' };
    expect(resolveClientAddress(input, options([]))).toBe('203.0.113.9');
  });

  it('walks X-Forwarded-For from the right past trusted proxies', () => {
    const input = {
      remoteAddress: '10.0.0.2',
      forwardedFor: '6.6.6.6, 198.51.100.4, 10.0.0.3',
      userAgent: '',
    };
    expect(resolveClientAddress(input, options(['10.0.0.0/8']))).toBe('198.51.100.4');
  });

  it('stops at the left-most hop when every hop is trusted', () => {
    const input = { remoteAddress: '10.0.0.2', forwardedFor: '10.0.0.9', userAgent: '' };
    expect(resolveClientAddress(input, options(['10.0.0.0/8']))).toBe('10.0.0.9');
  });

  it('unmaps IPv4-mapped socket addresses', () => {
    const input = { remoteAddress: '::ffff:127.0.0.1', forwardedFor: undefined, userAgent: '' };
    expect(resolveClientAddress(input, options([]))).toBe('127.0.0.1');
  });
});

describe('identifyClient', () => {
  it('groups IPv6 clients by /64', () => {
    const client = identifyClient(
      { remoteAddress: '2001:db8:1:2:aaaa:bbbb:cccc:dddd', forwardedFor: undefined, userAgent: 'curl/8' },
      options([]),
    );
    expect(client).toEqual({
      ip: '2001:db8:1:2:aaaa:bbbb:cccc:dddd',
      prefix: '2001:db8:1:2::/64',
      fingerprint: '',
      userAgent: 'curl/8',
    });
  });

  it('keys IPv4 clients by their address', () => {
    const client = identifyClient(
      { remoteAddress: '192.0.2.1', forwardedFor: undefined, userAgent: '' },
      options([]),
    );
    expect(client.prefix).toBe('192.0.2.1');
  });
});

describe('ipv6Prefix', () => {
  it.each([
    ['::1', 64, '::/64'],
    ['2001:db8::1', 48, '2001:db8::/48'],
    ['fe80::1:2:3:4', 64, 'fe80::/64'],
    ['2001:db8:0:1::5', 64, '2001:db8:0:1::/64'],
    ['2001:db8:abcd:12:1:2:3:4', 56, '2001:db8:abcd::/56'],
  ])('%s/%i → %s', (address, bits, expected) => {
    expect(ipv6Prefix(address, bits)).toBe(expected);
  });
});
