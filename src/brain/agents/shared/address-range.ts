/** An address range: the network as a number and its prefix length. */
export interface AddressRange {
  readonly v6: boolean;
  readonly network: bigint;
  readonly bits: number;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  let head = text;
  let tail4: bigint | undefined;
  // An IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tail4 = parseV4(text.slice(lastColon + 1));
    if (tail4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return undefined;
  let value = 0n;
  for (const group of [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right]) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return tail4 === undefined ? value : (value & ~0xffffffffn) | tail4;
}

/**
 * Reads an address (`192.0.2.1`, `2001:db8::1`) or a range (`198.51.100.0/24`, `2001:db8::/64`); undefined
 * when it is neither. An address is a range of one.
 * @example parseAddressRange('2001:db8::/64') // { v6: true, network: 0x20010db8...n, bits: 64 }
 */
export function parseAddressRange(text: string): AddressRange | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const v6 = address.includes(':');
  const value = v6 ? parseV6(address) : parseV4(address);
  if (value === undefined) return undefined;
  const width = v6 ? 128 : 32;
  const bits = slash < 0 ? width : Number(text.slice(slash + 1));
  if (
    !Number.isInteger(bits) ||
    bits < 0 ||
    bits > width ||
    (slash >= 0 && !/^\d+$/.test(text.slice(slash + 1)))
  )
    return undefined;
  const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(width - bits);
  return { v6, network: value & mask, bits };
}

/** Whether `outer` holds all of `inner` (an address or a narrower range). */
export function rangeHolds(outer: AddressRange, inner: AddressRange): boolean {
  if (outer.v6 !== inner.v6 || outer.bits > inner.bits) return false;
  const width = outer.v6 ? 128 : 32;
  const shift = BigInt(width - outer.bits);
  return outer.bits === 0 || inner.network >> shift === outer.network >> shift;
}
