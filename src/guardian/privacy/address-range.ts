import { type AddressBits, maskBits, parseAddressBits, WIDTH } from './address-bits.js';

/** A network and its prefix length. */
export interface AddressRange {
  readonly network: AddressBits;
  readonly prefix: number;
}

/** Parses `10.0.0.0/8`, `2001:db8::/32` or a bare address (a full-length range); undefined when malformed. */
export function parseAddressRange(text: string): AddressRange | undefined {
  const [address = '', bitsText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const bits = parseAddressBits(address);
  if (bits === undefined) return undefined;
  const width = WIDTH[bits.family];
  if (bitsText === undefined) return { network: bits, prefix: width };
  if (!/^\d{1,3}$/.test(bitsText) || Number(bitsText) > width) return undefined;
  const prefix = Number(bitsText);
  return { network: maskBits(bits, prefix), prefix };
}

/** Whether the range holds the address. */
export function rangeHolds(range: AddressRange, address: AddressBits): boolean {
  return (
    range.network.family === address.family && maskBits(address, range.prefix).value === range.network.value
  );
}

/** Whether the range is exactly one address: a bare address, or a /32 (IPv4) or /128 (IPv6). */
export function isSingleAddress(range: AddressRange): boolean {
  return range.prefix === WIDTH[range.network.family];
}
