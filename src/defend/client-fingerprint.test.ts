import { describe, expect, it } from 'vitest';
import { clientFingerprint } from './client-fingerprint.js';

const chrome = [
  'Host',
  'shop.example',
  'Connection',
  'keep-alive',
  'sec-ch-ua',
  '"Chromium";v="120"',
  'User-Agent',
  'Mozilla/5.0 Chrome/120',
  'Accept',
  'text/html',
  'Accept-Encoding',
  'gzip, br',
  'Accept-Language',
  'en-GB',
];

describe('clientFingerprint', () => {
  it('is stable across requests that differ only in what changes per request', () => {
    const a = clientFingerprint([...chrome, 'Cookie', 'sid=1', 'Referer', 'https://shop.example/a']);
    const b = clientFingerprint([...chrome, 'Cookie', 'sid=2', 'X-Forwarded-For', '203.0.113.9']);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toBe(a);
  });

  it('tells apart another header order, another user agent or another language', () => {
    const base = clientFingerprint(chrome);
    const reordered = [...chrome.slice(4, 6), ...chrome.slice(0, 4), ...chrome.slice(6)];
    expect(clientFingerprint(reordered)).not.toBe(base);
    expect(
      clientFingerprint(chrome.map((v) => (v === 'Mozilla/5.0 Chrome/120' ? 'curl/8.5.0' : v))),
    ).not.toBe(base);
    expect(clientFingerprint(chrome.map((v) => (v === 'en-GB' ? 'fr-FR' : v)))).not.toBe(base);
    // The host is a name in the order, not a value: the same client on two sites keeps its fingerprint.
    expect(clientFingerprint(chrome.map((v) => (v === 'shop.example' ? 'blog.example' : v)))).toBe(base);
  });
});
