import type { Anomalies } from './anomalies.js';

// Three escapes in a row of letters or digits, which no encoder escapes: seen after one decoding, the
// value was encoded twice to hide a word (`%2573%256F...`).
const ESCAPED_WORD = /(?:%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9])){3}/;
// Escaped control or high bytes that make a parameter binary data (a BitTorrent `info_hash`, a raw token).
const BINARY_ESCAPES = 8;

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

function byteAt(s: string, i: number): number {
  if (s.charCodeAt(i) !== 37) return -1;
  const h = hex(s.charCodeAt(i + 1));
  const l = hex(s.charCodeAt(i + 2));
  return h < 0 || l < 0 ? -1 : (h << 4) | l;
}

function isWordChar(c: number): boolean {
  return hex(c) >= 0 || c === 95 || ((c | 32) >= 97 && (c | 32) <= 122);
}

function isContinuation(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}

// An overlong UTF-8 sequence (`%C0%AF` for `/`): decoders that accept it see a character filters missed.
function isOverlong(lead: number, next: number): boolean {
  if (!isContinuation(next)) return false;
  return lead === 0xc0 || lead === 0xc1 || (lead === 0xe0 && next < 0xa0) || (lead === 0xf0 && next < 0x90);
}

// Whether the parameter around each position is mostly escaped binary bytes, where NUL and controls are
// its data. Remembers the last parameter, so a long value full of NULs is walked once.
function binaryParameters(s: string): (at: number) => boolean {
  let start = -1;
  let end = -1;
  let binary = false;
  return (at) => {
    if (at >= start && at < end) return binary;
    start = at;
    while (start > 0 && !'&=?;'.includes(s[start - 1]!)) start--;
    end = at;
    while (end < s.length && s[end] !== '&' && s[end] !== ';') end++;
    let count = 0;
    for (let i = s.indexOf('%', start); i >= 0 && i < end; i = s.indexOf('%', i + 1)) {
      const b = byteAt(s, i);
      if (b >= 0 && (b < 0x20 || b >= 0x7f)) count++;
    }
    binary = count >= BINARY_ESCAPES && count * 6 >= end - start;
    return binary;
  };
}

function decodeOnce(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%25/g, '%');
  }
}

/** Where percent-encoding is checked, and how strictly. */
export interface EncodingScope {
  readonly location: string;
  /** A urlencoded form body: browsers encode it whole, so a broken escape there was written by hand. */
  readonly form: boolean;
  /** The text is the start of a longer one: an escape cut at its end is the cut, not a broken escape. */
  readonly cut?: boolean;
}

/**
 * Percent-encoding in a raw target, form body or header: NUL bytes (truncation) outside binary
 * parameters, other control characters (weighed only: typos write them too), malformed escapes, overlong
 * and out-of-range UTF-8, double encoding of plain letters, and IIS `%u` escapes (fullwidth ASCII weighs
 * more). CR, LF and tab are left to the CRLF analyzer; Latin-1 bytes are ordinary in old forms; vertical
 * tab and form feed come with text pasted from word processors.
 */
export function checkEncoding(s: string, scope: EncodingScope, out: Anomalies): void {
  const { location } = scope;
  const isBinaryParameter = binaryParameters(s);
  for (let i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
    const b = byteAt(s, i);
    if (b >= 0) {
      if (b === 0) out.add('null-byte', isBinaryParameter(i) ? 0.6 : 0.9, location, s);
      // Other controls are also typos (`is%020not` for `is%20not`), so they only weigh.
      else if ((b < 32 && b !== 9 && b !== 10 && b !== 13) || b === 127)
        out.add('control-char', b === 11 || b === 12 || isBinaryParameter(i) ? 0.5 : 0.6, location, s);
      else if (b >= 0xc0 && isOverlong(b, byteAt(s, i + 3))) out.add('overlong-utf8', 0.9, location, s);
      // A lead byte past U+10FFFF with its continuation bytes: no encoding writes that; with all three
      // it is a crafted four-byte sequence, not Latin-1 text.
      else if (b >= 0xf5 && isContinuation(byteAt(s, i + 3))) {
        const complete = isContinuation(byteAt(s, i + 6)) && isContinuation(byteAt(s, i + 9));
        out.add('invalid-utf8', complete ? 0.9 : 0.6, location, s);
      }
      continue;
    }
    if ((s.charCodeAt(i + 1) | 32) === 117 && /^[0-9A-Fa-f]{4}$/.test(s.slice(i + 2, i + 6))) {
      // `%uFF0F` is a fullwidth `/` that IIS folds to ASCII after every filter has looked.
      const code = Number.parseInt(s.slice(i + 2, i + 6), 16);
      out.add('iis-unicode', code >= 0xff01 && code <= 0xff5e ? 0.9 : 0.6, location, s);
      continue;
    }
    // `%1G`, `%7%6F`: half an escape. In a target a `%` before a word or a bracket ("24%)") is only
    // prose; a browser encodes a form body whole, so there any `%` before a word char is broken.
    const next = s.charCodeAt(i + 1);
    if (scope.cut === true && i >= s.length - 2) continue;
    if (scope.form ? isWordChar(next) : hex(next) >= 0)
      out.add('invalid-percent', scope.form ? 0.9 : 0.4, location, s);
  }
  if (s.includes('%25') && ESCAPED_WORD.test(decodeOnce(s))) out.add('double-encoding', 0.9, location, s);
}
