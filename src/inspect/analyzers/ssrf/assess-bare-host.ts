import type { UrlSuspicion } from './assess-url.js';
import { classifyHost } from './classify-host.js';

const MAX_HOST = 80;

function hostEnd(text: string): number {
  if (text[0] === '[') {
    const close = text.indexOf(']');
    return close < 0 || close > MAX_HOST ? -1 : close + 1;
  }
  let i = 0;
  while (i < text.length && i <= MAX_HOST) {
    const c = text[i]!;
    if (c === '/' || c === ':') return i;
    if (c <= ' ' || c === '?' || c === '#' || c === '\\' || c === '@' || c === '=' || c === '&') return -1;
    i++;
  }
  return i;
}

/**
 * Judges a value that starts with a host but no scheme (`localhost/`, `169.254.169.254/latest`,
 * `[::1]:80/`): fetchers that prepend `http://` take it as a URL. Only internal names, dotted IPv4 and
 * bracketed IPv6 count, and a `/` or `:port` must follow, so versions, dates and CIDR ranges stay quiet.
 */
export function assessBareHost(text: string): UrlSuspicion | undefined {
  const end = hostEnd(text);
  if (end <= 0) return undefined;
  const next = text[end];
  const rest = text.slice(end + 1);
  if (next === undefined && text[0] !== '[') return undefined;
  if (next === ':' && !/^\d{1,5}(?:\/|$)/.test(rest)) return undefined;
  if (next === '/' && /^\d{1,3}$/.test(rest)) return undefined; // a CIDR range
  const host = text.slice(0, end).toLowerCase();
  if (host[0] !== '[' && /^[0-9.]+$/.test(host) && host.split('.').length !== 4) return undefined;
  const found = classifyHost(host);
  if (found === undefined || found.cls === 'public') return undefined;
  // `metadata/title`, `kubernetes/ingress-nginx`: a one-label name before a slash is a field path or a
  // repository slug as often as a host; only the loopback names (`localhost`) are hosts wherever they stand.
  if (!found.literal && host.indexOf('.') < 0 && found.cls !== 'loopback') return undefined;
  const rule =
    found.cls === 'metadata'
      ? 'ssrf/metadata'
      : found.cls === 'loopback'
        ? 'ssrf/loopback'
        : 'ssrf/internal-address';
  // Without a scheme it may be a label rather than a URL (`localhost:8080` in a settings form), a notch
  // below the same host in a URL; a path after it (`localhost/admin`) makes it a URL that a fetcher
  // completes with `http://`.
  const path = next === '/' || (next === ':' && rest.includes('/'));
  const confidence =
    found.cls === 'metadata'
      ? 1
      : found.obfuscated
        ? 0.9
        : found.cls === 'loopback'
          ? path
            ? 0.9
            : 0.85
          : 0.7;
  return { rule, confidence, start: 0, evasive: found.obfuscated };
}
