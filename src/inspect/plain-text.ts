import type { Variant } from './inspectable.js';

/**
 * Any char outside letters (ASCII and the Latin-1 / Latin Extended-A ones, less × and ÷), digits, space,
 * `+` (a space in form encoding) and `. , - _`: the characters of prose and identifiers, in which no
 * injection syntax but keywords can hide. A regular expression scans long values several times faster
 * than a loop over char codes.
 */
const NOT_PLAIN = /[^A-Za-z0-9 +.,_\-\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]/;

/** True when every spelling of a value is plain text (see `Analyzer.quietOnPlainText`). */
export function isPlainText(variants: readonly Variant[]): boolean {
  for (const { value } of variants) if (NOT_PLAIN.test(value)) return false;
  return true;
}

/** True when one spelling is plain text: letters, digits, spaces and `+ . , - _` only. */
export function isPlainValue(value: string): boolean {
  return !NOT_PLAIN.test(value);
}
