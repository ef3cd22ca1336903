import type { Anomalies } from './anomalies.js';

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

// An overlong UTF-8 sequence (`%C0%AF` for `/`): decoders that accept it see a character filters missed.
function isOverlong(lead: number, next: number): boolean {
  if (next < 0x80 || next > 0xbf) return false;
  return lead === 0xc0 || lead === 0xc1 || (lead === 0xe0 && next < 0xa0) || (lead === 0xf0 && next < 0x90);
}

/**
 * Percent-encoding in a raw target, form body or header: NUL bytes (truncation), other control
 * characters, malformed escapes, overlong UTF-8, and IIS `%u` escapes (fullwidth forms weigh more).
 * CR and LF are left to the CRLF analyzer; Latin-1 bytes are ordinary in old forms.
 */
export function checkEncoding(s: string, location: string, out: Anomalies): void {
  for (let i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
    const b = byteAt(s, i);
    if (b >= 0) {
      if (b === 0) out.add('null-byte', 0.7, location, s);
      else if ((b < 32 && b !== 9 && b !== 10 && b !== 13) || b === 127)
        out.add('control-char', 0.5, location, s);
      else if (b >= 0xc0 && isOverlong(b, byteAt(s, i + 3))) out.add('overlong-utf8', 0.8, location, s);
      // A lead byte past U+10FFFF before a continuation byte: no encoding writes that.
      else if (b >= 0xf5 && byteAt(s, i + 3) >= 0x80 && byteAt(s, i + 3) <= 0xbf)
        out.add('invalid-utf8', 0.6, location, s);
      continue;
    }
    if ((s.charCodeAt(i + 1) | 32) === 117 && /^[0-9A-Fa-f]{4}$/.test(s.slice(i + 2, i + 6))) {
      const code = Number.parseInt(s.slice(i + 2, i + 6), 16);
      out.add('iis-unicode', code >= 0xff00 && code <= 0xffef ? 0.8 : 0.6, location, s);
      continue;
    }
    // `%1G`, `%7%6F`: half an escape. A `%` before a word or a bracket ("24%)") is only prose.
    if (hex(s.charCodeAt(i + 1)) >= 0) out.add('invalid-percent', 0.4, location, s);
  }
}
