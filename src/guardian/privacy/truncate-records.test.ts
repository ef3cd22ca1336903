import { describe, expect, it } from 'vitest';
import type { RequestSample } from '../../core/index.js';
import { securityEvent } from '../../store/security-event-fixture.testing.js';
import { truncateEventAddresses, truncateSampleAddresses } from './truncate-records.js';

const prefixes = { ipv4Prefix: 24, ipv6Prefix: 48 };

function sample(ip: string, headers: [string, string][]): RequestSample {
  return {
    id: 'e1',
    time: 1,
    site: 'shop',
    ip,
    method: 'GET',
    target: '/?from=203.0.113.77',
    host: 'shop.example',
    headers,
    httpVersion: '1.1',
    protocol: 'https',
    body: null,
    action: 'allow',
  };
}

describe('truncateEventAddresses', () => {
  it('cuts the client address and its prefix, and nothing else', () => {
    const event = securityEvent({ id: 'e1', time: 1, ip: '203.0.113.77' });
    const cut = truncateEventAddresses(event, prefixes);
    expect(cut.client).toEqual({ ...event.client, ip: '203.0.113.0', prefix: '203.0.113.0' });
    expect({ ...cut, client: event.client }).toEqual(event);
    expect(event.client.ip).toBe('203.0.113.77');
  });

  it('keeps the length of an IPv6 prefix and cuts its network', () => {
    const base = securityEvent({ id: 'e2', time: 1 });
    const event = { ...base, client: { ...base.client, ip: '2001:db8:1:2::7', prefix: '2001:db8:1:2::/64' } };
    const cut = truncateEventAddresses(event, prefixes);
    expect(cut.client.ip).toBe('2001:db8:1::');
    expect(cut.client.prefix).toBe('2001:db8:1::/64');
  });
});

describe('truncateSampleAddresses', () => {
  it('cuts the address, every address of forwarding headers, and the own address in other headers', () => {
    const cut = truncateSampleAddresses(
      sample('203.0.113.77', [
        ['x-forwarded-for', '198.51.100.9, 203.0.113.77'],
        ['forwarded', 'for="[2001:db8:cafe::17]:4711";by=192.0.2.1'],
        ['x-real-ip', '203.0.113.77'],
        ['x-note', 'seen 203.0.113.77 and 198.51.100.9'],
        ['user-agent', 'curl/8.1.2'],
      ]),
      prefixes,
    );
    expect(cut.ip).toBe('203.0.113.0');
    expect(cut.headers).toEqual([
      ['x-forwarded-for', '198.51.100.0, 203.0.113.0'],
      ['forwarded', 'for="[2001:db8:cafe::]:4711";by=192.0.2.0'],
      ['x-real-ip', '203.0.113.0'],
      ['x-note', 'seen 203.0.113.0 and 198.51.100.9'],
      ['user-agent', 'curl/8.1.2'],
    ]);
    expect(JSON.stringify(cut.headers)).not.toContain('203.0.113.77');
  });

  it('finds the own address however a header spells it', () => {
    const cut = truncateSampleAddresses(
      sample('2001:db8:1:2::7', [['x-origin', '2001:DB8:1:2:0:0:0:7']]),
      prefixes,
    );
    expect(cut.ip).toBe('2001:db8:1::');
    expect(cut.headers).toEqual([['x-origin', '2001:db8:1::']]);
  });
});
