const PLUS = 43;
const MINUS = 45;

function base64Value(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  return c === PLUS ? 62 : c === 47 ? 63 : -1;
}

/**
 * Decodes UTF-7 (RFC 2152): `+ADw-script+AD4-` is `<script>` to a page served or sniffed as UTF-7.
 * Text outside `+…-` runs is kept as is; `+-` is a plus sign.
 * @example decodeUtf7('+ADw-script+AD4-') // '<script>'
 */
export function decodeUtf7(s: string): string {
  let out = '';
  let i = 0;
  let plus = s.indexOf('+');
  while (plus >= 0) {
    out += s.slice(i, plus);
    let j = plus + 1;
    let bits = 0;
    let buffer = 0;
    for (; j < s.length && base64Value(s.charCodeAt(j)) >= 0; j++) {
      buffer = (buffer << 6) | base64Value(s.charCodeAt(j));
      bits += 6;
      if (bits >= 16) {
        bits -= 16;
        out += String.fromCharCode((buffer >> bits) & 0xffff);
        buffer &= (1 << bits) - 1;
      }
    }
    if (j === plus + 1) out += '+';
    if (s.charCodeAt(j) === MINUS) j++;
    i = j;
    plus = s.indexOf('+', j);
  }
  return out + s.slice(i);
}
