/** ASCII letter, either case. */
export function isLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 97 && lower <= 122;
}

/** ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A character a JavaScript identifier may contain (ASCII subset, with `$` and `_`). */
export function isIdentChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 36 || c === 95;
}

/** The whitespace the HTML tokenizer skips between attributes: tab, LF, FF, CR and space. */
export function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** Whitespace as JavaScript and CSS read it, including VT and the no-break space. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** A quote that can open or close an attribute value or a JavaScript string. */
export function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}
