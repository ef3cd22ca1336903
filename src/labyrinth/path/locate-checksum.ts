/** Where a path's checksum is, and how it is written. */
export interface ChecksumSpot {
  /** Index of the checksum's first character (just after the path's last "-"). */
  readonly start: number;
  readonly end: number;
  /** 36: ten base-36 characters ending a slug; 16: the last twelve hex digits of a UUID. */
  readonly radix: 36 | 16;
}

/** Length of a base-36 checksum: 36^10 > 2^48. */
export const BASE36_LENGTH = 10;
/** Length of a hexadecimal checksum, the last group of a UUID. */
export const HEX_LENGTH = 12;

const SLASH = 47;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;

/**
 * The checksum's place in a path (no query), or undefined when the path cannot carry one: it is the run of
 * letters and digits after the last "-", ten lowercase base-36 characters or twelve lowercase hex digits.
 * @example locateChecksum('/docs/cache-notes-0a1b2c3d4e') // { start: 18, end: 28, radix: 36 }
 */
export function locateChecksum(path: string): ChecksumSpot | undefined {
  if (path.charCodeAt(0) !== SLASH) return undefined;
  const dash = path.lastIndexOf('-');
  if (dash === -1) return undefined;
  const start = dash + 1;
  let end = start;
  let hex = true;
  for (; end < path.length; end++) {
    const c = path.charCodeAt(end);
    if (isUpper(c)) return undefined;
    if (!isDigit(c) && !isLower(c)) break;
    if (c > 102) hex = false;
    if (end - start > HEX_LENGTH) return undefined;
  }
  if (end - start === BASE36_LENGTH) return { start, end, radix: 36 };
  return end - start === HEX_LENGTH && hex ? { start, end, radix: 16 } : undefined;
}
