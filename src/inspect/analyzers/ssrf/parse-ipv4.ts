/** An IPv4 address read from a host, and how it was spelled. */
export interface Ipv4 {
  /** The address as an unsigned 32-bit integer (reduced modulo 2^32 when the spelling overflowed). */
  readonly address: number;
  /** Not four plain decimal parts: hex, octal, fewer parts or leading zeros, which only evasions use. */
  readonly obfuscated: boolean;
  /** Larger than 32 bits; some resolvers keep the low bits, which hides the real target. */
  readonly overflow: boolean;
}

const MAX_PART = 40;

function parsePart(part: string): bigint | undefined {
  if (part.length === 0 || part.length > MAX_PART) return undefined;
  let digits = part;
  let radix = 10;
  if (part.length >= 2 && part[0] === '0' && (part[1] === 'x' || part[1] === 'X')) {
    digits = part.slice(2);
    radix = 16;
    if (digits.length === 0) return 0n;
  } else if (part.length > 1 && part[0] === '0') {
    digits = part.slice(1);
    radix = 8;
  }
  let value = 0n;
  const big = BigInt(radix);
  for (let i = 0; i < digits.length; i++) {
    const d = Number.parseInt(digits[i]!, radix);
    if (Number.isNaN(d)) return undefined;
    value = value * big + BigInt(d);
  }
  return value;
}

/**
 * Reads a host as the URL standard (and inet_aton) read IPv4: one to four dot-separated parts in decimal,
 * octal (`0177`) or hex (`0x7f`), the last filling the remaining bytes (`127.1`, `2130706433`).
 * @example parseIpv4('0x7f.1') // { address: 2130706433, obfuscated: true, overflow: false }
 */
export function parseIpv4(host: string): Ipv4 | undefined {
  const parts = host.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 0 || parts.length > 4) return undefined;
  const values: bigint[] = [];
  let plain = parts.length === 4;
  for (const part of parts) {
    const value = parsePart(part);
    if (value === undefined) return undefined;
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) plain = false;
    values.push(value);
  }
  let overflow = false;
  let address = 0n;
  const last = values.length - 1;
  for (let i = 0; i < last; i++) {
    if (values[i]! > 255n) overflow = true;
    address += (values[i]! & 255n) << BigInt(8 * (3 - i));
  }
  const room = 1n << BigInt(8 * (4 - last));
  if (values[last]! >= room) overflow = true;
  address += values[last]! % room;
  return { address: Number(address & 0xffffffffn), obfuscated: !plain || overflow, overflow };
}
