import type { Variant } from '../../inspectable.js';

const PROSE_SPACES = 8;
const PROSE_WORDS = 4;
const MAX_SCAN = 2048;

function isLetter(c: number): boolean {
  return ((c | 0x20) >= 97 && (c | 0x20) <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
}

function isTrailingPunctuation(c: number): boolean {
  return c === 44 || c === 46 || c === 59 || c === 58 || c === 63 || c === 33;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Whether `text` reads as sentences rather than a lone token or expression: eight spaces or more, or
 * four plain words (letters only, maybe closed by punctuation) — `console.log(x) prints undefined after
 * the await` is a question about code, `process.env` or `x.constructor.prototype` alone is code.
 * @example isProse('Use java.nio.file.Files instead of a Reader') // true
 */
export function isProse(text: string): boolean {
  const end = Math.min(text.length, MAX_SCAN);
  let spaces = 0;
  let words = 0;
  let letters = 0;
  let closed = false;
  let plain = true;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 32;
    if (isBlank(c)) {
      if (c === 32 && ++spaces >= PROSE_SPACES) return true;
      if (plain && letters >= 2 && ++words >= PROSE_WORDS) return true;
      letters = 0;
      closed = false;
      plain = true;
    } else if (isLetter(c) && !closed) letters++;
    else if (isTrailingPunctuation(c) && letters >= 2) closed = true;
    else plain = false;
  }
  return false;
}

/** Whether any spelling of a value reads as sentences: percent-encoding hides the spaces of a question. */
export function anyProse(variants: readonly Variant[]): boolean {
  for (const variant of variants) if (isProse(variant.value)) return true;
  return false;
}
