import { describe, expect, it } from 'vitest';
import { createSiteRouter, matchRoute, normalizeHost } from './site-router.js';

const sites = [
  { name: 'exact', hosts: ['shop.example.com'] },
  { name: 'wild', hosts: ['*.example.com'] },
  { name: 'deeper', hosts: ['*.api.example.com'] },
  { name: 'v6', hosts: ['[::1]'] },
  { name: 'any', hosts: ['*'] },
];

describe('createSiteRouter', () => {
  const router = createSiteRouter(sites);
  it.each([
    ['shop.example.com', 'exact'],
    ['SHOP.example.com:8443', 'exact'],
    ['shop.example.com.', 'exact'],
    ['a.example.com', 'wild'],
    ['v1.api.example.com', 'deeper'],
    ['[::1]:8080', 'v6'],
    ['example.org', 'any'],
    ['', 'any'],
  ])('%s → %s', (host, expected) => {
    expect(router.match(host)?.name).toBe(expected);
  });

  it('answers undefined when no pattern matches and there is no catch-all', () => {
    expect(createSiteRouter([sites[0]!]).match('other.test')).toBeUndefined();
  });
});

describe('normalizeHost', () => {
  it('keeps an IPv6 literal whole', () => expect(normalizeHost('[2001:db8::1]:80')).toBe('[2001:db8::1]'));
});

describe('matchRoute', () => {
  const routes = [{ path: '/api/' }, { path: '/api/admin/' }, { path: '/static' }];
  it('picks the longest matching prefix', () => {
    expect(matchRoute(routes, '/api/admin/users')?.path).toBe('/api/admin/');
    expect(matchRoute(routes, '/api/x')?.path).toBe('/api/');
    expect(matchRoute(routes, '/other')).toBeUndefined();
  });
});
