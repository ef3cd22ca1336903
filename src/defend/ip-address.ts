import { isIPv4, isIPv6 } from 'node:net';

/** An address as a big integer with its family, for prefix arithmetic. */
export interface ParsedAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/** Strips the IPv4-mapped IPv6 form (`::ffff:1.2.3.4`) that dual-stack sockets report. */
export function unmapAddress(address: string): string {
  return address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/** Parses an IPv4 or IPv6 address; undefined when it is neither. */
export function parseAddress(input: string): ParsedAddress | undefined {
  const address = unmapAddress(input);
  if (isIPv4(address)) {
    let value = 0n;
    for (const part of address.split('.')) value = (value << 8n) | BigInt(Number(part));
    return { family: 4, value };
  }
  if (isIPv6(address)) return { family: 6, value: ipv6ToBigInt(address) };
  return undefined;
}

function ipv6ToBigInt(address: string): bigint {
  let text = address.split('%')[0]!;
  // An embedded IPv4 tail counts as two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = parseAddress(v4[1]!)!.value;
    text = `${text.slice(0, -v4[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  return value;
}

/** Formats the first `bits` of an IPv6 address as `2001:db8:1:2::/64`. */
export function ipv6Prefix(address: string, bits: number): string {
  const parsed = parseAddress(address);
  if (parsed === undefined || parsed.family !== 6) return address;
  const masked = (parsed.value >> BigInt(128 - bits)) << BigInt(128 - bits);
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((masked >> BigInt(i * 16)) & 0xffffn).toString(16));
  return `${compressGroups(groups)}/${bits}`;
}

function compressGroups(groups: string[]): string {
  // Collapse the longest run of zero groups, as RFC 5952 asks.
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLength).join(':')}`;
}
