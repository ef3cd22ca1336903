const utf8 = new TextDecoder('utf-8', { fatal: true });

// Characters that are bytes (`\xc2\xbc` decoded one escape at a time) read as the UTF-8 they spell, when
// they spell valid UTF-8: `Â¼` is `¼`.
function asUtf8(s: string): string {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    bytes[i] = c;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return s;
  }
}

/**
 * The text as a page read in US-ASCII with the high bit dropped (old IE did) sees it: every character
 * from U+0080 to U+00FF loses its top bit, so `¼script¾alert(¢x¢)¼/script¾` is
 * `<script>alert("x")</script>`.
 * @example decodeSevenBit('¼b¾') // '<b>'
 */
export function decodeSevenBit(s: string): string {
  const text = asUtf8(s);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0x80 && c <= 0xff ? String.fromCharCode(c & 0x7f) : text[i];
  }
  return out;
}
