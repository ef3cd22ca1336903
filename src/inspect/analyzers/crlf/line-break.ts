/**
 * Characters that end a header line somewhere between us and the client: CR, LF, and the Unicode line
 * separators (NEL, LS, PS) that some runtimes fold into them.
 */
export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/**
 * A wide character whose low byte is CR or LF: runtimes that write headers as Latin-1 truncate it into a
 * real line break (`嘊嘍` → `\n\r`). Only meaningful when a header line follows.
 */
export function isTruncatingBreak(c: number): boolean {
  return c > 0xff && ((c & 0xff) === 10 || (c & 0xff) === 13);
}

/** Index of the first line break at or after `from`, or -1. */
export function nextLineBreak(s: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (isLineBreak(s.charCodeAt(i))) return i;
  return -1;
}
