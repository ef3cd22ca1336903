import type { RequestSample, SecurityEvent } from '../../core/index.js';
import { formatAddressBits, maskBits, parseAddressBits } from './address-bits.js';
import { replaceAddresses } from './address-tokens.js';
import { truncateAddress } from './truncate-address.js';

/** Bits of an address kept when it is stored. */
export interface TruncationPrefixes {
  readonly ipv4Prefix: number;
  readonly ipv6Prefix: number;
}

// Headers whose value is a list of client (and proxy) addresses: every address in them is cut.
const FORWARDING_HEADERS = new Set([
  'x-forwarded-for',
  'x-real-ip',
  'forwarded',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'x-client-ip',
  'client-ip',
  'x-cluster-client-ip',
  'x-original-forwarded-for',
]);

/** `2001:db8:1:2::/64` keeps its length with the network cut; a bare address is cut like any other. */
function truncatePrefix(prefix: string, prefixes: TruncationPrefixes): string {
  const slash = prefix.indexOf('/');
  const cut = (ip: string) => truncateAddress(ip, prefixes.ipv4Prefix, prefixes.ipv6Prefix);
  return slash < 0 ? cut(prefix) : `${cut(prefix.slice(0, slash))}${prefix.slice(slash)}`;
}

/**
 * The event as it is to be stored with its client's address and prefix cut to their network.
 * @example truncateEventAddresses(event, { ipv4Prefix: 24, ipv6Prefix: 48 }).client.ip // '203.0.113.0'
 */
export function truncateEventAddresses(event: SecurityEvent, prefixes: TruncationPrefixes): SecurityEvent {
  const ip = truncateAddress(event.client.ip, prefixes.ipv4Prefix, prefixes.ipv6Prefix);
  const prefix = truncatePrefix(event.client.prefix, prefixes);
  if (ip === event.client.ip && prefix === event.client.prefix) return event;
  return { ...event, client: { ...event.client, ip, prefix } };
}

/**
 * The sample as it is to be stored with its client address cut, every address in a forwarding header
 * (`x-forwarded-for`, `forwarded`, `x-real-ip`...) cut, and the client's own address cut wherever another
 * header holds it.
 */
export function truncateSampleAddresses(sample: RequestSample, prefixes: TruncationPrefixes): RequestSample {
  const own = parseAddressBits(sample.ip);
  const ownText = own === undefined ? undefined : formatAddressBits(own);
  const cut = (_canonical: string, bits: Parameters<typeof maskBits>[0]) =>
    formatAddressBits(maskBits(bits, bits.family === 4 ? prefixes.ipv4Prefix : prefixes.ipv6Prefix));
  const headers = sample.headers.map(([name, value]): readonly [string, string] => {
    const next = FORWARDING_HEADERS.has(name)
      ? replaceAddresses(value, cut)
      : replaceAddresses(value, (canonical, bits) =>
          canonical === ownText ? cut(canonical, bits) : undefined,
        );
    return next === value ? [name, value] : [name, next];
  });
  return {
    ...sample,
    ip: truncateAddress(sample.ip, prefixes.ipv4Prefix, prefixes.ipv6Prefix),
    headers,
  };
}
