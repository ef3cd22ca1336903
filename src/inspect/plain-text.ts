import type { Variant } from './inspectable.js';

/**
 * Letters (ASCII and the Latin-1 / Latin Extended-A ones), digits, space, `+` (a space in form encoding)
 * and `. , - _`: the characters of prose and identifiers, in which no injection syntax but keywords can hide.
 */
function plainChar(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true; // a-z
  if (c >= 0x41 && c <= 0x5a) return true; // A-Z
  if (c >= 0x30 && c <= 0x39) return true; // 0-9
  if (c === 0x20 || c === 0x2b || c === 0x2e || c === 0x2c || c === 0x2d || c === 0x5f) return true;
  return c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7;
}

/** True when every spelling of a value is plain text (see `Analyzer.quietOnPlainText`). */
export function isPlainText(variants: readonly Variant[]): boolean {
  for (const { value } of variants) {
    for (let i = 0; i < value.length; i++) if (!plainChar(value.charCodeAt(i))) return false;
  }
  return true;
}
