import { isIPv4, isIPv6 } from 'node:net';

/** An address as a number with its family, for prefix arithmetic. */
export interface AddressBits {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/** Bits in an address of each family. */
export const WIDTH = { 4: 32, 6: 128 } as const;

/** Strips the IPv4-mapped IPv6 form (`::ffff:1.2.3.4`) that dual-stack sockets report. */
function unmapped(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && isIPv4(lower.slice(7)) ? lower.slice(7) : address;
}

function ipv4Value(address: string): bigint {
  let value = 0n;
  for (const part of address.split('.')) value = (value << 8n) | BigInt(Number(part));
  return value;
}

function ipv6Value(address: string): bigint {
  let text = address;
  // An embedded IPv4 tail counts as two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4Value(v4[1]!);
    text = `${text.slice(0, -v4[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  let value = 0n;
  for (const group of [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups])
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  return value;
}

/**
 * Parses an IPv4 or IPv6 address (an IPv4-mapped IPv6 address as its IPv4 address); undefined when the text is
 * neither, or carries a zone (`fe80::1%eth0`), which no client address does.
 */
export function parseAddressBits(text: string): AddressBits | undefined {
  const address = unmapped(text);
  if (isIPv4(address)) return { family: 4, value: ipv4Value(address) };
  if (isIPv6(address) && !address.includes('%')) return { family: 6, value: ipv6Value(address) };
  return undefined;
}

/** Zeroes every bit after the first `prefix` (clamped to the family's width). */
export function maskBits(bits: AddressBits, prefix: number): AddressBits {
  const width = WIDTH[bits.family];
  const keep = BigInt(Math.max(0, Math.min(width, Math.trunc(prefix))));
  const drop = BigInt(width) - keep;
  return { family: bits.family, value: (bits.value >> drop) << drop };
}

/** The canonical text: dotted IPv4, or IPv6 in lower case with the longest run of zero groups compressed. */
export function formatAddressBits(bits: AddressBits): string {
  if (bits.family === 4)
    return [24n, 16n, 8n, 0n].map((shift) => ((bits.value >> shift) & 0xffn).toString()).join('.');
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((bits.value >> BigInt(i * 16)) & 0xffffn).toString(16));
  return compressGroups(groups);
}

// RFC 5952: the longest run of two or more zero groups (the first of equal runs) becomes `::`.
function compressGroups(groups: readonly string[]): string {
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
