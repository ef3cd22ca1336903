/** Where an address points, from the point of view of a server that would fetch it. */
export type AddressClass =
  | 'metadata'
  | 'loopback'
  | 'unspecified'
  | 'link-local'
  | 'private'
  | 'shared'
  | 'reserved'
  | 'public';

// Cloud instance-metadata endpoints: 169.254.169.254 (AWS, GCP, Azure, OpenStack, DigitalOcean),
// 169.254.170.2 (AWS ECS), 192.0.0.192 (Oracle), 100.100.100.200 (Alibaba), 168.63.129.16 (Azure wire server).
const METADATA_V4 = new Set([0xa9fea9fe, 0xa9feaa02, 0xc00000c0, 0x646464c8, 0xa83f8110]);

function inRange(address: number, base: number, bits: number): boolean {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (address & mask) >>> 0 === base >>> 0;
}

/**
 * Classifies an IPv4 address (unsigned 32-bit) by the special-purpose ranges of RFC 6890.
 * @example classifyIpv4(0x7f000001) // 'loopback'
 */
export function classifyIpv4(address: number): AddressClass {
  if (METADATA_V4.has(address)) return 'metadata';
  if (inRange(address, 0x7f000000, 8)) return 'loopback';
  if (inRange(address, 0x00000000, 8)) return 'unspecified';
  if (inRange(address, 0xa9fe0000, 16)) return 'link-local';
  if (
    inRange(address, 0x0a000000, 8) ||
    inRange(address, 0xac100000, 12) ||
    inRange(address, 0xc0a80000, 16)
  ) {
    return 'private';
  }
  if (inRange(address, 0x64400000, 10)) return 'shared';
  if (
    inRange(address, 0xc0000000, 24) ||
    inRange(address, 0xc6120000, 15) ||
    inRange(address, 0xf0000000, 4)
  ) {
    return 'reserved';
  }
  return 'public';
}

/**
 * Classifies eight IPv6 groups: loopback, unspecified, link-local, unique-local, the EC2 metadata address,
 * IPv4 embedded in mapped/compatible/NAT64/6to4 forms, and anything outside global unicast 2000::/3.
 * @example classifyIpv6([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]) // 'loopback'
 */
export function classifyIpv6(g: readonly number[]): AddressClass {
  const v4 = ((g[6]! << 16) >>> 0) + g[7]!;
  const zeroHead = g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0;
  if (zeroHead && g[5] === 0 && g[6] === 0)
    return g[7] === 0 ? 'unspecified' : g[7] === 1 ? 'loopback' : 'reserved';
  if (zeroHead && (g[5] === 0xffff || g[5] === 0)) return classifyIpv4(v4);
  if (g[0] === 0x64 && g[1] === 0xff9b) return classifyIpv4(v4);
  if (g[0] === 0x2002) return classifyIpv4(((g[1]! << 16) >>> 0) + g[2]!);
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) {
    return 'metadata';
  }
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private';
  if ((g[0]! & 0xe000) !== 0x2000) return 'reserved';
  return 'public';
}
