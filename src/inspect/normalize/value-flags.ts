/** What a value holds that some default transform reacts to; `scanValueFlags` finds them in one pass. */
export const ValueFlag = {
  PERCENT: 1,
  PLUS: 2,
  AMPERSAND: 4,
  BACKSLASH: 8,
  /** C0 controls and DEL that `remove-nulls` drops. */
  CONTROL: 16,
  /** Whitespace that is not a lone plain space. */
  FOLDABLE: 32,
  NON_ASCII: 64,
  /** At least 16 chars, all from the base64 alphabets; or 4 to 15 with upper and lower case mixed. */
  BASE64_LOOK: 128,
  /** At least 16 chars from the base64 alphabets and `%`, with some `%`: base64 that was percent-encoded. */
  BASE64_ESCAPED_LOOK: 256,
} as const;

const MIN_BASE64_LENGTH = 16;
// Per ASCII char: its flag bits, plus IN_ALPHABET for base64 chars. Kept apart from the flags above.
const IN_ALPHABET = 0x1000;
const CHAR_FLAGS = new Uint16Array(128);
for (let code = 0; code < 0x20; code++) CHAR_FLAGS[code] = ValueFlag.CONTROL;
for (const code of [9, 10, 11, 12, 13]) CHAR_FLAGS[code] = ValueFlag.FOLDABLE;
CHAR_FLAGS[0x7f] = ValueFlag.CONTROL;
CHAR_FLAGS[37] = ValueFlag.PERCENT;
CHAR_FLAGS[38] = ValueFlag.AMPERSAND;
CHAR_FLAGS[92] = ValueFlag.BACKSLASH;
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-_=')
  CHAR_FLAGS[char.charCodeAt(0)] = IN_ALPHABET;
CHAR_FLAGS[43] = ValueFlag.PLUS | IN_ALPHABET;

// Most values hold none of the chars a transform reacts to; a regular expression rules that out several
// times faster than the loop below. Controls, DEL and non-ASCII fall outside \x20-\x7e.
const ANY_TRIGGER = /[^\x20-\x7e]|[%&\\+]| {2}/;
const BASE64_ALPHABET_ONLY = /^[A-Za-z0-9/_=-]+$/;
// A short token an encoder made: one alphabet, letters with digits or a capital inside lower case
// (`O2lk`, `fGlkfA==`), unlike a plain word (`hello`, `Hello`) or a code with a dash (`ABC-123`).
const SHORT_BASE64 = /^[A-Za-z0-9+/]{4,15}={0,2}$/;
const LATER_CAPITAL = /^.[^A-Z]*[A-Z]/;
const LOWER = /[a-z]/;
const DIGIT = /[0-9]/;
const LETTER = /[A-Za-z]/;
const ESCAPED_PAD = /%3d/gi;

function looksShortBase64(s: string): boolean {
  return (
    s.length >= 4 &&
    s.length < MIN_BASE64_LENGTH &&
    s.length % 4 !== 1 &&
    SHORT_BASE64.test(s) &&
    ((LATER_CAPITAL.test(s) && LOWER.test(s)) || (DIGIT.test(s) && LETTER.test(s)))
  );
}

/**
 * The `ValueFlag` bits of a value; 0 means no default transform can change it.
 * @example scanValueFlags('a+b%20c') // ValueFlag.PLUS | ValueFlag.PERCENT
 */
export function scanValueFlags(s: string): number {
  if (!ANY_TRIGGER.test(s)) {
    if (s.length >= MIN_BASE64_LENGTH) return BASE64_ALPHABET_ONLY.test(s) ? ValueFlag.BASE64_LOOK : 0;
    return looksShortBase64(s) ? ValueFlag.BASE64_LOOK : 0;
  }
  return scanEachChar(s);
}

function scanEachChar(s: string): number {
  let flags = 0;
  let alphabetOnly = true;
  let previousSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80) {
      flags |= ValueFlag.NON_ASCII;
      alphabetOnly = false;
      continue;
    }
    const charFlags = CHAR_FLAGS[code]!;
    flags |= charFlags & ~IN_ALPHABET;
    if (code === 32) {
      if (previousSpace) flags |= ValueFlag.FOLDABLE;
      previousSpace = true;
    } else previousSpace = false;
    if ((charFlags & IN_ALPHABET) === 0 && code !== 37) alphabetOnly = false;
  }
  if (alphabetOnly && (s.length >= MIN_BASE64_LENGTH || looksShortBase64(s.replace(ESCAPED_PAD, '='))))
    flags |= flags & ValueFlag.PERCENT ? ValueFlag.BASE64_ESCAPED_LOOK : ValueFlag.BASE64_LOOK;
  return flags;
}
