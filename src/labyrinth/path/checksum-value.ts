// The checksum is a 48-bit number: 40 bits of MAC, then the depth masked by 8 more bits of it. The depth
// also perturbs the 40 MAC bits (by an odd multiplier, so one-to-one), so that changing the depth byte of a
// valid checksum, e.g. by editing its last character, no longer verifies.
const MAX_DEPTH = 255;
const SPREAD = 0x9e3779b1;
const TWO_POW_8 = 2 ** 8;
const TWO_POW_32 = 2 ** 32;
const TWO_POW_40 = 2 ** 40;

const TWO_POW_48 = 2 ** 48;
// Ten base-36 characters hold 12.98 times 2^48: a multiple of 2^48 from the MAC fills that room, so that
// the first character is not always 0, 1 or 2 (a pattern a scanner could learn), and is checked too.
const BASE36_ROOM = 12;

function macWord(mac: Uint8Array): number {
  return ((mac[1]! << 24) | (mac[2]! << 16) | (mac[3]! << 8) | mac[4]!) >>> 0;
}

const room = (mac: Uint8Array, radix: 36 | 16) => (radix === 36 ? (mac[6]! % BASE36_ROOM) * TWO_POW_48 : 0);

/** The checksum value for a path whose MAC is `mac`, at `depth` (capped at 255), to write in `radix`. */
export function checksumValue(mac: Uint8Array, depth: number, radix: 36 | 16): number {
  const d = Math.min(Math.max(depth, 0), MAX_DEPTH);
  const word = (macWord(mac) ^ Math.imul(d + 1, SPREAD)) >>> 0;
  return room(mac, radix) + mac[0]! * TWO_POW_40 + word * TWO_POW_8 + ((d ^ mac[5]!) & 0xff);
}

/** The depth a checksum value read in `radix` carries when it matches `mac`, else -1. */
export function checksumDepth(mac: Uint8Array, written: number, radix: 36 | 16): number {
  const value = written - room(mac, radix);
  if (!(value >= 0 && value < TWO_POW_48)) return -1;
  const depth = (value % TWO_POW_8) ^ mac[5]!;
  const word = Math.floor(value / TWO_POW_8) % TWO_POW_32;
  const expected = (macWord(mac) ^ Math.imul(depth + 1, SPREAD)) >>> 0;
  return Math.floor(value / TWO_POW_40) === mac[0] && word === expected ? depth : -1;
}
