import { isIP } from 'node:net';

const IPV4 =
  /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)/g;
// A loose shape for IPv6 (and IPv4-mapped) addresses; every candidate is confirmed by `isIP`.
const IPV6_CANDIDATE =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g;
// One pass for both families, so that pseudonyms are numbered in order of appearance.
const ADDRESS = new RegExp(`${IPV6_CANDIDATE.source}|${IPV4.source}`, 'g');

/**
 * Calls `replace` for every IPv4 and IPv6 address in the text and puts its answer in place.
 * @example replaceAddresses('from 203.0.113.7', () => 'client-1') // 'from client-1'
 */
export function replaceAddresses(text: string, replace: (address: string) => string): string {
  return text.replace(ADDRESS, (m) => {
    if (!m.includes(':')) return replace(m);
    // A candidate that is no IPv6 address may still hold an IPv4 one (`a:b:192.0.2.1`).
    return isIP(m) === 6 ? replace(m.toLowerCase()) : m.replace(IPV4, (v4) => replace(v4));
  });
}

/** Every address in the text, in order of first appearance, once each. */
export function findAddresses(text: string): string[] {
  const found = new Set<string>();
  replaceAddresses(text, (address) => {
    found.add(address);
    return address;
  });
  return [...found];
}
