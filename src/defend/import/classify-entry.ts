import { parseCidr } from '../cidr.js';
import { ipv6Prefix, parseAddress, unmapAddress } from '../ip-address.js';

/** An address or range in the canonical text the decision table looks up. */
export interface ClassifiedEntry {
  readonly scope: 'ip' | 'cidr';
  readonly value: string;
}

/**
 * Classifies one address or CIDR range, validated by the gateway's own parsers; undefined when it is neither.
 * @example classifyEntry('::ffff:10.0.0.1') // { scope: 'ip', value: '10.0.0.1' }
 */
export function classifyEntry(text: string): ClassifiedEntry | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) {
    const address = canonicalAddress(text);
    return address === undefined ? undefined : { scope: 'ip', value: address };
  }
  // parseCidr reads only the first two '/' parts, so `1.2.3.0/24/7` would otherwise pass.
  if (text.indexOf('/', slash + 1) >= 0 || parseCidr(text) === undefined) return undefined;
  const address = canonicalAddress(text.slice(0, slash));
  if (address === undefined) return undefined;
  return { scope: 'cidr', value: `${address}/${Number(text.slice(slash + 1))}` };
}

function canonicalAddress(text: string): string | undefined {
  const parsed = parseAddress(text);
  if (parsed === undefined) return undefined;
  if (parsed.family === 4) return unmapAddress(text);
  // `ip` decisions are an exact string lookup against the socket's address, which Node writes in
  // RFC 5952 form, so `2001:DB8:0::1` must become `2001:db8::1` to ever match.
  return ipv6Prefix(text, 128).slice(0, -'/128'.length);
}
