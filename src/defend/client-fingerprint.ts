import { hash } from 'node:crypto';

// Headers whose values describe the client software, not the request: stable across its requests.
const STABLE = new Set([
  'user-agent',
  'accept',
  'accept-language',
  'accept-encoding',
  'sec-ch-ua',
  'sec-ch-ua-platform',
]);
// Headers that come and go with the request (or are added by proxies on the way): left out of the order.
const VOLATILE = new Set([
  'content-length',
  'content-type',
  'cookie',
  'authorization',
  'referer',
  'origin',
  'if-none-match',
  'if-modified-since',
  'cache-control',
  'pragma',
  'range',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-real-ip',
  'forwarded',
  'x-request-id',
  'traceparent',
  'tracestate',
]);

/**
 * A fingerprint of the client software: the order of its header names (each client library has its own)
 * and the values of the headers that describe it, hashed to 16 hex digits. It survives a change of address,
 * so a scraper rotating through proxies keeps one fingerprint; it is not an identity, since many people run
 * the same browser.
 * @example clientFingerprint(['Host', 'x', 'User-Agent', 'curl/8.5.0', 'Accept', '*\/*']) // '3f9c…'
 */
export function clientFingerprint(rawHeaders: readonly string[]): string {
  let text = '';
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (VOLATILE.has(name)) continue;
    text += STABLE.has(name) ? `${name}=${rawHeaders[i + 1]}\n` : `${name}\n`;
  }
  return hash('sha256', text, 'hex').slice(0, 16);
}
