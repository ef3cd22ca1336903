import { type ParsedAddress, parseAddress } from './ip-address.js';

/** A set of addresses and CIDR ranges that answers "is this address in it?". */
export interface AddressSet {
  has(address: string): boolean;
  readonly size: number;
}

/** A parsed CIDR range. */
export interface CidrRange {
  readonly family: 4 | 6;
  readonly network: bigint;
  readonly shift: bigint;
}

/** Parses `10.0.0.0/8`, `2001:db8::/32` or a bare address; undefined when malformed. */
export function parseCidr(text: string): CidrRange | undefined {
  const [address = '', bitsText] = text.trim().split('/');
  const parsed = parseAddress(address);
  if (parsed === undefined) return undefined;
  const width = parsed.family === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (
    !Number.isInteger(bits) ||
    bits < 0 ||
    bits > width ||
    (bitsText !== undefined && !/^\d+$/.test(bitsText))
  ) {
    return undefined;
  }
  const shift = BigInt(width - bits);
  return { family: parsed.family, network: parsed.value >> shift, shift };
}

/** True when the parsed address lies in the range. */
export function rangeContains(range: CidrRange, address: ParsedAddress): boolean {
  return range.family === address.family && address.value >> range.shift === range.network;
}

/**
 * Compiles a list of addresses and ranges; malformed entries are returned in `invalid`.
 * @example createAddressSet(['10.0.0.0/8', '::1']).set.has('10.1.2.3') // true
 */
export function createAddressSet(entries: readonly string[]): { set: AddressSet; invalid: string[] } {
  const ranges: CidrRange[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const range = parseCidr(entry);
    if (range === undefined) invalid.push(entry);
    else ranges.push(range);
  }
  const cache = new Map<string, boolean>();
  const set: AddressSet = {
    size: ranges.length,
    has(address) {
      if (ranges.length === 0) return false;
      const known = cache.get(address);
      if (known !== undefined) return known;
      const parsed = parseAddress(address);
      const found = parsed !== undefined && ranges.some((r) => rangeContains(r, parsed));
      // Bounded: the answer cache is an optimisation for the few proxies that call again and again.
      if (cache.size >= 4096) cache.clear();
      cache.set(address, found);
      return found;
    },
  };
  return { set, invalid };
}
