const UTF8 = new TextDecoder('utf-8');
// `%0A`, and `%250A` encoded twice (decoded twice below).
const BREAK_HINT = /%(?:25)?0[ad]|&#(?:0*1[03]|x0*[ad]);/i;
const MAX_ROUNDS = 2;

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

function percentDecode(s: string, plusIsSpace: boolean): string {
  const bytes: number[] = [];
  let out = '';
  const flush = () => {
    if (bytes.length > 0) out += UTF8.decode(new Uint8Array(bytes));
    bytes.length = 0;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 && i + 2 < s.length) {
      const h = hex(s.charCodeAt(i + 1));
      const l = hex(s.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) {
        bytes.push(h * 16 + l);
        i += 2;
        continue;
      }
    }
    flush();
    out += plusIsSpace && c === 43 ? ' ' : s[i];
  }
  flush();
  return out;
}

/**
 * Percent-decodes a raw value (twice at most, `+` as space for form encoding) and decodes the numeric
 * entities of CR and LF, keeping line breaks: the shared normalizer folds them into spaces, but for a
 * shell or a mail server a line break separates commands. Undefined when the raw value encodes none.
 * @example decodeKeepingBreaks('a%0Aid', false) // 'a\nid'
 */
export function decodeKeepingBreaks(raw: string, plusIsSpace: boolean): string | undefined {
  if (!BREAK_HINT.test(raw)) return undefined;
  let s = raw;
  for (let round = 0; round < MAX_ROUNDS && /%[0-9a-f]{2}/i.test(s); round++) {
    s = percentDecode(s, plusIsSpace && round === 0);
  }
  return s.replace(/&#(?:0*(1[03])|x0*([ad]));/gi, (_, dec: string | undefined, hx: string | undefined) =>
    dec === '10' || hx?.toLowerCase() === 'a' ? '\n' : '\r',
  );
}
