/**
 * A test for the Host header of a request: `shop.example` (exact), `*.example` (any subdomain), `*` (any).
 * The port and letter case are ignored.
 * @example hostMatcher('*.example')('api.example:8080'); // true
 */
export function hostMatcher(pattern: string): (host: string) => boolean {
  const wanted = pattern.toLowerCase();
  if (wanted === '*') return () => true;
  if (wanted.startsWith('*.')) {
    const suffix = wanted.slice(1);
    return (host) => hostName(host).endsWith(suffix);
  }
  return (host) => hostName(host) === wanted;
}

// `Host: [::1]:8080` and `Host: shop.example:8080` without their port.
function hostName(host: string): string {
  const lower = host.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.indexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}
