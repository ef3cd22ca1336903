import { isLineBreak } from './line-break.js';

/** A `Name: value` line found right after a line break. */
export interface HeaderLine {
  readonly name: string;
  /** The value up to the next line break, leading blanks removed. */
  readonly value: string;
  /** A blank follows the colon, as every real header writer puts one (`javascript:x` has none). */
  readonly spaced: boolean;
}

const MAX_NAME = 64;

/** RFC 9110 token characters. */
function isTokenChar(c: number): boolean {
  if (c >= 48 && c <= 57) return true;
  const l = c | 0x20;
  if (l >= 97 && l <= 122) return true;
  return c < 127 && c > 32 && "!#$%&'*+-.^_`|~".includes(String.fromCharCode(c));
}

/**
 * Reads `Name: value` at `at`: a token, optional blanks or stray CRs before the colon (parsers that
 * tolerate `Name\r\r:`), then a non-empty value. Returns undefined when the text is not header-shaped.
 */
export function readHeaderLine(s: string, at: number, end: number): HeaderLine | undefined {
  let i = at;
  while (i < end && i - at < MAX_NAME && isTokenChar(s.charCodeAt(i))) i++;
  if (i === at) return undefined;
  const name = s.slice(at, i);
  while (i < end && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 13)) i++;
  if (s.charCodeAt(i) !== 58) return undefined;
  i++;
  const spaced = s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9;
  while (i < end && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  const start = i;
  while (i < end && !isLineBreak(s.charCodeAt(i))) i++;
  // `Location:` with nothing after it sets nothing.
  if (i === start) return undefined;
  return { name, value: s.slice(start, i), spaced };
}
