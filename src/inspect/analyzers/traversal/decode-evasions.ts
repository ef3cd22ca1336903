// Spellings of `.`, `/` and `\` that standard percent-decoding leaves alone but some servers and
// frameworks still decode: overlong UTF-8, IIS `%u` escapes, Unicode look-alikes and `0x` hex literals.
// `..2f..2fetc2fpasswd` is `../../etc/passwd` with its percent signs stripped (a filter that drops `%`).
const EVASION_HINT = /%(?:c0|c1|e0|f0|u|25)|0x[25]|\.\.(?:2f|5c)/i;
const STRIPPED_ESCAPE = /\.\.(?:2f|5c)/;
const DOT = /%c0%ae|%c0%2e|%e0%80%ae|%f0%80%80%ae|%u002e|%uff0e|0x2e/g;
const SLASH = /%c0%af|%c0%2f|%e0%80%af|%f0%80%80%af|%u002f|%u2215|%uff0f|0x2f/g;
const BACKSLASH = /%c1%9c|%c0%5c|%c1%1c|%e0%80%dc|%u005c|%u2216|%uff3c|0x5c/g;
const MAX_ROUNDS = 3;

/**
 * Decodes the traversal-specific spellings of `.` `/` `\` (also under repeated `%25` encoding) in a raw,
 * still percent-encoded value; plain `%2e %2f %5c` are decoded alongside, and `2f`/`5c` whose percent sign
 * was stripped once `..2f` shows it. Undefined when there are none.
 * @example decodeEvasions('%c0%ae%c0%ae/etc') // '../etc'
 */
export function decodeEvasions(raw: string): string | undefined {
  if (!EVASION_HINT.test(raw)) return undefined;
  let s = raw.toLowerCase();
  for (let i = 0; i < MAX_ROUNDS && s.includes('%25'); i++) s = s.replaceAll('%25', '%');
  const unstripped = STRIPPED_ESCAPE.test(s) ? s.replaceAll('2f', '/').replaceAll('5c', '\\') : s;
  const decoded = unstripped
    .replace(DOT, '.')
    .replace(SLASH, '/')
    .replace(BACKSLASH, '\\')
    .replaceAll('%2e', '.')
    .replaceAll('%2f', '/')
    .replaceAll('%5c', '\\')
    // A NUL between the dots and the slash is dropped by the C string it ends up in (`0x2e.%00/`).
    .replaceAll('%00', '');
  return decoded === s ? undefined : decoded;
}
